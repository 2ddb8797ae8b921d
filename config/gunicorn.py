"""gunicorn configuration, read from the environment (see README: Serving).

    .venv/bin/gunicorn -c config/gunicorn.py config.wsgi

Every setting has a default that suits a small machine; the environment
overrides it:

| variable                  | default                  | meaning                                  |
|---------------------------|--------------------------|------------------------------------------|
| GUNICORN_BIND             | 127.0.0.1:8000           | address(es) to listen on, comma-separated|
| GUNICORN_WORKERS          | cores + 1                | worker processes                         |
| GUNICORN_THREADS          | 2                        | threads per worker (gthread)             |
| GUNICORN_WORKER_CLASS     | gthread                  | worker class                             |
| GUNICORN_TIMEOUT          | 30                       | seconds before a silent worker is killed |
| GUNICORN_GRACEFUL_TIMEOUT | 30                       | seconds to finish requests on restart    |
| GUNICORN_KEEPALIVE        | 5                        | seconds to keep an idle connection open  |
| GUNICORN_MAX_REQUESTS     | 0 (never)                | recycle a worker after this many requests|
| GUNICORN_BACKLOG          | 2048                     | pending connections the socket queues    |
| GUNICORN_PRELOAD          | true                     | import the app once, before forking      |
| GUNICORN_ACCESS_LOG       | - (stdout)               | file, "-" for stdout, "off" for none     |
| GUNICORN_LOG_LEVEL        | info                     | level of gunicorn's own (error) log      |

Access log lines are JSON objects, one a line, like the site's own logs.
"""

import datetime
import json
import multiprocessing
import os

from gunicorn.glogging import Logger


def _env(name, default):
    return os.environ.get(name, "").strip() or default


def _flag(name, default):
    return _env(name, "true" if default else "false").lower() in ("1", "true", "yes", "on")


CORES = multiprocessing.cpu_count()

bind = [address.strip() for address in _env("GUNICORN_BIND", "127.0.0.1:8000").split(",")]
# Measured on 2 cores (README: Performance, "Workers and threads"): the site is
# CPU-bound Python, so more processes than cores + 1 only queue; 2 threads a
# worker let it overlap its waits on PostgreSQL and Redis. cores + 1 workers of
# 2 threads served the uncached lists best, with the least memory.
workers = int(_env("GUNICORN_WORKERS", str(CORES + 1)))
threads = int(_env("GUNICORN_THREADS", "2"))
worker_class = _env("GUNICORN_WORKER_CLASS", "gthread")
timeout = int(_env("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(_env("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(_env("GUNICORN_KEEPALIVE", "5"))
max_requests = int(_env("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
backlog = int(_env("GUNICORN_BACKLOG", "2048"))
# Preloading shares the imported code between workers (less memory, faster
# start) and fails at once, in the master, if the app cannot be imported.
# Django opens no database connection at import, so nothing is shared by accident.
preload_app = _flag("GUNICORN_PRELOAD", True)
# The heartbeat files live in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

_access = _env("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access.lower() in ("off", "none", "false") else _access
errorlog = "-"
loglevel = _env("GUNICORN_LOG_LEVEL", "info")
# The proxy in front terminates TLS; trust its X-Forwarded-* from loopback only.
forwarded_allow_ips = _env("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = _env("GUNICORN_PROC_NAME", "azdiplomacy")


class JsonAccessLogger(Logger):
    """Writes each access log line as one JSON object (values escaped, never broken)."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        line = {
            "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
            "logger": "gunicorn.access",
            "remote": environ.get("REMOTE_ADDR", "-"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status) if str(status).isdigit() else status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "pid": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:
            self.exception("could not write the access log")


logger_class = JsonAccessLogger
