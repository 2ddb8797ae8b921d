"""The door to the admin: lockout after wrong passwords, logged attempts, strong passwords."""

import os
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

PASSWORD = "a long test passphrase"


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, password, username="editor"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_a_correct_password_logs_in_and_is_logged(client, staff):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)
    assert AccessLog.objects.filter(username="editor").count() == 1


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, staff):
    for _ in range(4):
        assert log_in(client, "wrong password").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_five_failures_lock_the_door(client, staff):
    responses = [log_in(client, f"wrong password {n}") for n in range(5)]
    assert [r.status_code for r in responses] == [200] * 4 + [429]
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 5
    # Every failed attempt is logged on its own, with username and address.
    assert AccessFailureLog.objects.filter(username="editor", ip_address="127.0.0.1").count() == 5


def test_a_locked_out_correct_password_is_refused(client, staff):
    for n in range(5):
        log_in(client, f"wrong password {n}")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert client.get(reverse("admin:index")).status_code == 302  # back to the login page
    assert not AccessLog.objects.exists()


def test_the_lock_lifts_after_the_cool_off(client, staff):
    for n in range(5):
        log_in(client, f"wrong password {n}")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(minutes=1)
    )
    assert log_in(client, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_the_lock_holds_only_for_that_username(client, staff):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    for n in range(5):
        log_in(client, f"wrong password {n}")
    assert log_in(client, PASSWORD, username="other").status_code == 302


def test_behind_a_proxy_the_lock_holds_for_the_visitors_address(client, staff, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    def through_proxy(password, seen):
        # The proxy connects from 127.0.0.1 and appends the address it saw.
        return client.post(
            reverse("admin:login"),
            {"username": "editor", "password": password},
            HTTP_X_FORWARDED_FOR=f"203.0.113.66, {seen}",
        )

    for n in range(5):
        through_proxy(f"wrong password {n}", seen="198.51.100.7")

    assert AccessFailureLog.objects.filter(ip_address="198.51.100.7").count() == 5
    assert through_proxy(PASSWORD, seen="198.51.100.7").status_code == 429
    assert through_proxy(PASSWORD, seen="198.51.100.8").status_code == 302


@pytest.mark.parametrize("forged", ["not-an-address", "1.2.3.4:5678", ""])
def test_a_forged_forwarded_address_counts_as_the_connecting_one(client, staff, settings, forged):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "wrong password"},
        HTTP_X_FORWARDED_FOR=forged,
    )
    assert response.status_code == 200
    assert AccessFailureLog.objects.get().ip_address == "127.0.0.1"


def test_the_cool_off_defaults_to_an_hour():
    assert settings.AXES_FAILURE_LIMIT == 5
    if "AXES_COOLOFF_HOURS" not in os.environ:
        assert timedelta(hours=1) == settings.AXES_COOLOFF_TIME


@pytest.mark.parametrize(
    "password",
    ["short1!Ab", "qwerty123456", "1q2w3e4r5t6y", "123456789012"],
    ids=["too-short", "common", "common-pattern", "numeric"],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("Shirvanshah palace at dawn")


def test_the_minimum_length_is_twelve():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Xk7#pq2Lm9z")  # 11 characters
    validate_password("Xk7#pq2Lm9zT")


# --- Production settings, read in a fresh process ------------------------------------


def test_cookies_are_secure_in_production(production):
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True


def test_the_admin_url_comes_from_the_environment(production):
    assert production["admin_index"] == "/editors-7f3a/"


@pytest.mark.skipif("DJANGO_ADMIN_URL" in os.environ, reason="DJANGO_ADMIN_URL is set here")
def test_the_admin_url_is_admin_by_default():
    assert reverse("admin:index") == "/admin/"
