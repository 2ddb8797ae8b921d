"""Settings come from the environment, and production refuses to guess."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

ROOT = settings.BASE_DIR


def run_check(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_DEBUG": "false", **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [{}, {"DJANGO_SECRET_KEY": "k" * 50}, {"DJANGO_ALLOWED_HOSTS": "example.org"}],
    ids=["neither", "no-hosts", "no-key"],
)
def test_production_refuses_to_start_without_key_and_hosts(env):
    result = run_check(**env)
    assert result.returncode != 0
    assert "set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.slow
def test_production_starts_with_key_and_hosts():
    result = run_check(DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr


def test_no_literal_secret_key_in_settings():
    source = (ROOT / "config" / "settings.py").read_text()
    assert 'SECRET_KEY = "' not in source and "SECRET_KEY = '" not in source


@pytest.mark.database
def test_database_follows_database_url():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected


@pytest.mark.database
def test_sqlite_gets_wal_a_busy_timeout_and_immediate_transactions():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if connection.vendor == "sqlite":
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 5
        assert "journal_mode=WAL" in options["init_command"]
    else:
        assert "init_command" not in options


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_runs_a_page_s_queries_without_parallel_workers(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


def test_production_logs_one_json_object_a_line(production):
    line = json.loads(production["log"].strip().splitlines()[-1])
    assert line["message"] == "hello log"
    assert line["level"] == "WARNING" and line["logger"] == "diplomacy"


@pytest.mark.slow
def test_postgresql_options_from_database_url_are_kept():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": "postgres://u@db.example/site?sslmode=verify-full&application_name=web",
        },
        capture_output=True,
        text=True,
    )
    options = json.loads(result.stdout.strip().splitlines()[-1])
    assert options["sslmode"] == "verify-full"
    assert options["application_name"] == "web"
    assert options["options"] == "-c max_parallel_workers_per_gather=0"


@pytest.mark.slow
def test_the_quick_start_serves_plain_http_without_debug():
    # What scripts/run gives its server: production settings, over HTTP on this machine.
    script = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "False"]
    run_script = (ROOT / "scripts" / "run").read_text()
    for switch in ("DJANGO_DEBUG=false", "SSL_REDIRECT=false", "SECURE_COOKIES=false"):
        assert switch in run_script
