"""Settings for the benchmark and the scale-out demonstration only.

The site's own settings, with the bench's database, cache and URLs:

- BENCH_DATABASE_URL: the bench's own database (never db.sqlite3 or `test`);
- BENCH_REDIS_URL: the site's Redis cache settings with this Redis (unset: a
  local-memory cache per process);
- ROOT_URLCONF is bench.urls: the site plus /bench/floor, the minimal view,
  and /bench/bare-list, the least an uncached list costs.

Production checks stay on (DJANGO_DEBUG=false); the bench sets a throwaway
secret key and loopback hosts, and turns the HTTPS redirect off since wrk
speaks plain HTTP on loopback.
"""

import os

os.environ["DJANGO_DEBUG"] = "false"  # production code paths, always
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
# The site's own database and cache settings, with the bench's database and Redis.
if not os.environ.get("BENCH_DATABASE_URL"):
    raise RuntimeError("bench.settings needs BENCH_DATABASE_URL (bench/run sets it).")
os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "")

from config.settings import *  # noqa: F403
from config.settings import REST_FRAMEWORK

# Every client of a load test is 127.0.0.1, one address: the anonymous rate
# limit (API_ANON_RATE, 120/minute) would answer 429, and a limit raised high
# enough not to would make DRF keep one timestamp per request of the last
# minute in one cache entry, read and rewritten on every request: a cost no
# real client mix has. So the bench turns the limit off (rate None).
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": None},
}

ROOT_URLCONF = "bench.urls"

# Static files collected for the bench alone, so the project's staticfiles/ is left alone.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "/tmp/azdiplomacy-bench/static")
