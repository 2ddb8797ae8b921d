"""The site under production settings, read in fresh processes."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-test-only-key-" + "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "example.org",
}

# Runs in one process what every test of production settings reads from it.
READ_EVERYTHING = """
import io, json, logging
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

report = io.StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=report, stderr=report)
    deploy_check = ""
except Exception as error:
    deploy_check = f"{error}\\n{report.getvalue()}"
logging.getLogger("diplomacy").warning("hello %s", "log")
names = [
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER",
]
print(json.dumps({
    **{name: getattr(settings, name) for name in names},
    "admin_index": reverse("admin:index"),
    "deploy_check": deploy_check,
}))
"""


def manage(*args, **env):
    """manage.py in a new process, with `env` for the caller's DJANGO_ variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def production():
    """What the site's production settings say, with the admin moved by the environment
    (DJANGO_ADMIN_URL=editors-7f3a), and what they log (`log`: standard error)."""
    result = manage(
        "shell", "-v", "0", "-c", READ_EVERYTHING, **PRODUCTION, DJANGO_ADMIN_URL="editors-7f3a"
    )
    assert result.returncode == 0, result.stderr
    return {**json.loads(result.stdout.splitlines()[-1]), "log": result.stderr}
