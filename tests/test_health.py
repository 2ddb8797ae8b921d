"""/healthz: the database and the cache, checked for real."""

from unittest import mock

from django.urls import reverse


def test_healthz_answers_ok_when_database_and_cache_answer(client, db):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_a_cache_that_is_down_as_degraded_but_serving(client, db):
    with mock.patch("config.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unavailable"},
    }


def test_healthz_answers_503_naming_a_database_that_is_down(client, db):
    with mock.patch("config.health.connection.cursor", side_effect=OSError("gone")):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
