"""What the benchmark does inside Django, against the bench database only.

    BENCH_DATABASE_URL=... python -m bench.tasks prepare --scale 0.01
    BENCH_DATABASE_URL=... python -m bench.tasks measure --scale 0.01
    BENCH_DATABASE_URL=... python -m bench.tasks editor     # superuser + API token

Each prints one JSON object on its last line of stdout for bench/main.py.
"""

import argparse
import json
import os
import statistics
import sys
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench import generate  # noqa: E402
from diplomacy import search  # noqa: E402
from history import caching  # noqa: E402

ADMIN_USERNAME = "synthetic-admin"
# Searches typed by a reader: common words, two words, a name, a phrase of a title.
SEARCHES = [
    "treaty",
    "pipeline corridor",
    "embassy consulate",
    "ceasefire mediation",
    "caspian port terminal",
    "Aliyev",
    "synthetic event 004242",
    "recognition independence republic",
]
MISSPELT = "pipline"


def urls(scale):
    """The pages and API answers the benchmark drives, by label."""
    events = generate.counts(scale)["events"]
    slug = f"{generate.PREFIX}event-{events // 2:06d}"
    return {
        "floor": "/bench/floor",
        "home": "/",
        "bare list": "/bench/bare-list",
        "event list": "/events/?category=conflict&year_from=1900",
        "event detail": f"/events/{slug}/",
        "search": "/search/?q=pipeline+corridor",
        "API list": "/api/v1/events/?year_from=1900",
        "API detail": f"/api/v1/events/{slug}/",
    }


def emit(data):
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def prepare(scale):
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    migrated = time.monotonic()
    sys.stderr.write(f"  migrated in {migrated - started:.1f} s; generating (scale {scale})\n")
    sizes = generate.generate(scale)
    generated = time.monotonic()
    sys.stderr.write(f"  generated in {generated - migrated:.1f} s; building the search index\n")
    with django.db.transaction.atomic():
        created, updated, _deleted = search.rebuild()
    indexed = time.monotonic()
    sys.stderr.write(f"  search index: {created} entries in {indexed - generated:.1f} s\n")
    if connection.vendor == "postgresql":
        # As autovacuum would soon after a bulk load: statistics for the planner,
        # and a visibility map so that counts can be read from indexes alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    editor()
    emit(
        {
            "sizes": sizes,
            "migrate_s": round(migrated - started, 1),
            "generate_s": round(generated - migrated, 1),
            "index_s": round(indexed - generated, 1),
            "index_entries": created + updated,
        }
    )


def editor():
    """A superuser and its API token, for the admin timing and the scale-out edit."""
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    user, _ = User.objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    user.is_staff = user.is_superuser = True
    user.set_unusable_password()
    user.save()
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(client, url, repeat):
    times, statuses = [], set()
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
    return times, statuses


def measure(scale, repeat):
    """SQL queries per request (uncached and cached), admin changelist and search times."""
    results = {"queries": {}, "statuses": {}}
    editor()
    from django.contrib.auth.models import User

    admin = Client()
    admin.force_login(
        User.objects.get(username=ADMIN_USERNAME),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    changelist = "/admin/diplomacy/event/"
    admin.get(changelist)
    with CaptureQueriesContext(connection) as admin_queries:
        response = admin.get(changelist)
    # Read at once: the next request's request_started signal empties the log.
    admin_query_count = len(admin_queries)
    times, statuses = timed(admin, changelist, max(5, repeat // 4))
    searched, _ = timed(admin, changelist + "?q=treaty", max(3, repeat // 8))
    results["admin"] = {
        "status": sorted(statuses),
        "queries": admin_query_count,
        "p50_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "search_p50_ms": round(statistics.median(searched), 1),
    }

    client = Client()
    for label, url in urls(scale).items():
        caching.advance()  # a new generation: the first request misses
        with CaptureQueriesContext(connection) as uncached:
            response = client.get(url)
        uncached_count = len(uncached)
        with CaptureQueriesContext(connection) as cached:
            client.get(url)
        results["queries"][label] = {"uncached": uncached_count, "cached": len(cached)}
        results["statuses"][label] = response.status_code

    with override_settings(PUBLIC_CACHE_SECONDS=0):
        search_times = []
        for query in SEARCHES:
            client.get("/search/", {"q": query})  # first touch of the pages it reads
            times, statuses = timed(client, f"/search/?q={query.replace(' ', '+')}", repeat)
            assert statuses == {200}, (query, statuses)
            search_times += times
        misspelt, _ = timed(client, f"/search/?q={MISSPELT}", max(3, repeat // 4))
        api_times, _ = timed(client, "/api/v1/search/?q=pipeline+corridor", repeat)
    results["search"] = {
        "queries": SEARCHES,
        "p50_ms": round(statistics.median(search_times), 1),
        "p95_ms": round(percentile(search_times, 0.95), 1),
        "max_ms": round(max(search_times), 1),
        "misspelt_p50_ms": round(statistics.median(misspelt), 1),
        "api_p95_ms": round(percentile(api_times, 0.95), 1),
    }

    emit(results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=["prepare", "measure", "editor", "urls"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    if args.task == "prepare":
        prepare(args.scale)
    elif args.task == "measure":
        measure(args.scale, args.repeat)
    elif args.task == "editor":
        emit({"token": editor(), "username": ADMIN_USERNAME})
    else:
        emit(urls(args.scale))


if __name__ == "__main__":
    main()
