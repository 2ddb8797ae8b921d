"""Processes the bench starts and drives: gunicorn, wrk, Django tasks, databases.

Everything here runs outside Django (the app runs in its own processes) and
talks to loopback only. Every process started is started in its own session
and stopped by its process group id, never by name.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
PYTHON = str(VENV / "python") if (VENV / "python").exists() else sys.executable
GUNICORN = str(VENV / "gunicorn")
REPORT_LUA = str(ROOT / "bench" / "report.lua")
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def log(message):
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def base_env(database_url, workdir, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "BENCH_", "DATABASE_", "REDIS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        BENCH_DATABASE_URL=database_url,
        BENCH_STATIC_ROOT=str(Path(workdir) / "static"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    # Gunicorn settings the caller chose (GUNICORN_WORKERS …) pass through.
    env.update({k: v for k, v in os.environ.items() if k.startswith("GUNICORN_")})
    env.update({k: str(v) for k, v in extra.items() if v is not None})
    return env


def task(name, env, *args, timeout=3600):
    """Run `python -m bench.tasks NAME ARGS` and return the JSON it prints last."""
    result = subprocess.run(
        [PYTHON, "-m", "bench.tasks", name, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None,  # the progress bar and messages go to the terminal
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise SystemExit(f"bench.tasks {name} failed (exit {result.returncode})")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- Databases -------------------------------------------------------------------------


def recreate_postgres(name):
    import psycopg

    if name in ("test", "postgres", "template0", "template1"):
        raise SystemExit(f"refusing to recreate the database {name!r}")
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


# --- Servers ---------------------------------------------------------------------------


class Server:
    """A gunicorn master and its workers, started with config/gunicorn.py."""

    def __init__(self, port, env, log_path, **gunicorn_env):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.env.setdefault("GUNICORN_ACCESS_LOG", "off")
        self.env.update({k: str(v) for k, v in gunicorn_env.items()})
        self.log_path = log_path
        self.process = None

    def start(self, timeout=60):
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [GUNICORN, "-c", str(ROOT / "config" / "gunicorn.py"), "config.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn on port {self.port} exited; see {self.log_path}")
            if get(f"{self.url}/bench/floor")[0] == 200:
                # every worker up: ask a few more times so each has answered once
                for _ in range(20):
                    get(f"{self.url}/bench/floor")
                return self
            time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn on port {self.port} did not answer; see {self.log_path}")

    def drain(self, limit=120):
        """Wait until the requests a load test left queued are served (floor answers fast)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _ = get(f"{self.url}/bench/floor", timeout=limit)
            if status == 200 and time.perf_counter() - started < 0.05:
                return True
            time.sleep(0.2)
        return False

    def worker_pids(self):
        if not self.process:
            return []
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(child) for child in children]

    def worker_rss_mb(self):
        """The largest resident memory of one worker, in MB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) / 1024)
            except OSError:
                continue
        return round(max(sizes), 1) if sizes else None

    def stop(self):
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
            except ProcessLookupError:
                pass
        if getattr(self, "log_file", None):
            self.log_file.close()
            self.log_file = None


def get(url, timeout=5, headers=None, method="GET", data=None):
    """(status, body) of one request; status 0 when the server cannot be reached."""
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


# --- Load --------------------------------------------------------------------------------


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing: installing the Debian package")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True)


def start_wrk(url, duration, connections, threads, paths=None, timeout_s=10):
    """wrk running in the background; read its figures with finish_wrk()."""
    env = {**os.environ, "BENCH_PATHS": " ".join(paths or [])}
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout_s}s",
        "-s",
        REPORT_LUA,
        url,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    process.bench_url, process.bench_duration = url, duration
    return process


def finish_wrk(process):
    """The figures of a wrk run (latencies in ms, errors summed)."""
    try:
        stdout, stderr = process.communicate(timeout=process.bench_duration + 60)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    line = next((ln for ln in stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no figures for {process.bench_url}:\n{stdout}\n{stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": seconds,
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_2xx_3xx": raw["status"],
        "socket_errors": socket_errors,
        "errors": raw["status"] + socket_errors,
        "detail": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
    }


def wrk(url, duration, connections, threads, paths=None, timeout_s=10):
    """Drive `url` with wrk for `duration` seconds and return its figures."""
    return finish_wrk(start_wrk(url, duration, connections, threads, paths, timeout_s))


def load_average():
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError):
        return None


def machine():
    """A line naming the machine: CPU model, cores, memory, OS."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = ""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = ", " + line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}{system}"
