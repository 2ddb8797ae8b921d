"""/healthz for the load balancer: is the database reachable, and the cache?"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from history.views import public_page

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not give back what was stored")


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@public_page
def healthz(request):
    """200 while the site can serve, 503 when it cannot (its database is down).

    Without the cache the site still serves, uncached: that is "degraded", and a
    200, so a load balancer keeps the server in rotation.
    """
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of a backend is a failed check
            logger.warning("health check %s failed: %s", name, error)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    if results["database"] != "ok":
        status, code = "unavailable", 503
    elif results["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": results}, status=code)
