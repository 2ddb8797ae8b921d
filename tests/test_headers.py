"""Security headers on every answer, and a deployment check that is clean."""

import gzip
import re

import pytest
from django.urls import reverse

from tests import factories as f


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values.split()
        for name, _, values in (part.strip().partition(" ") for part in policy.split(";"))
    }


@pytest.fixture
def pages(db):
    event = f.EventFactory()
    return [
        reverse("diplomacy:home"),
        reverse("diplomacy:event-list"),
        event.get_absolute_url(),
        event.citations.get().source.get_absolute_url(),
        reverse("diplomacy:timeline"),
        reverse("diplomacy:map"),
        reverse("diplomacy:search") + "?q=event",
        "/api/v1/events/",
    ]


def test_every_answer_carries_a_strict_content_security_policy(client, pages):
    for url in pages:
        policy = directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]


def test_pages_hold_no_inline_script_or_style(client, pages):
    for url in pages[:-1]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # JSON-LD is data, which the browser never runs.
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)
        assert not re.search(r"<style\b|\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_the_api_docs_alone_may_style_inline_and_run_no_inline_script(client, db):
    response = client.get(reverse("api:docs"))
    policy = directives(response)

    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert not re.search(r"<script>(?!</script>)", response.content.decode())


def test_the_api_docs_page_has_a_language_a_main_landmark_and_a_heading(client, db):
    # What axe asks of every page (html-has-lang, landmark-one-main,
    # page-has-heading-one); the browser tests do not visit this one.
    html = client.get(reverse("api:docs")).content.decode()

    assert re.search(r'<html lang="en">', html)
    assert len(re.findall(r"<main\b", html)) == 1
    assert len(re.findall(r"<h1\b", html)) == 1
    # Inside the element Swagger UI draws over: its page has a main and an h1 of
    # its own, and two of either would be a fault of their own.
    assert re.search(r'<div id="swagger-ui">\s*<main>.*<h1>.*</main>\s*</div>', html, re.S)


def test_other_security_headers(client, db):
    response = client.get(reverse("diplomacy:home"))

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


UNUSED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def test_a_permissions_policy_turns_off_what_the_site_does_not_use(client, pages):
    for url in [*pages, reverse("api:docs")]:
        header = client.get(url)["Permissions-Policy"]
        policy = dict(part.strip().split("=", 1) for part in header.split(","))
        for feature in UNUSED_FEATURES:
            assert policy[feature] == "()", (url, feature)


def test_deploy_check_is_clean_in_production(production):
    assert production["deploy_check"] == ""


def test_production_sends_hsts_for_a_year_and_redirects_to_https(production):
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_PROXY_SSL_HEADER"][0] == "HTTP_X_FORWARDED_PROTO"


# --- Compression ---------------------------------------------------------------------

GZIP = {"accept-encoding": "gzip, deflate, br"}


@pytest.mark.parametrize("url", ["/", "/events/", "/api/v1/events/"])
def test_pages_and_the_api_are_gzipped_for_a_client_that_accepts_it(client, db, url):
    f.EventFactory()

    plain = client.get(url)
    zipped = client.get(url, headers=GZIP)

    assert plain.get("Content-Encoding") is None
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert gzip.decompress(zipped.content) == plain.content


def test_each_gzipped_answer_is_padded_against_breach(client, db):
    # Django's "Heal the Breach": a gzip file name of 0 to 99 random bytes, so that
    # an answer's compressed length tells little of what it holds.
    bodies = [client.get("/", headers=GZIP).content for _ in range(20)]

    assert all(body[3] & gzip.FNAME for body in bodies)
    assert len({len(body) for body in bodies}) > 1


def test_the_report_form_s_csrf_token_differs_in_every_answer(client, db):
    # The one secret a page holds is masked afresh each time: nothing for BREACH to guess.
    def token():
        page = gzip.decompress(client.get("/report/?page=/events/", headers=GZIP).content)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    assert token() != token()


def test_a_gzipped_page_has_a_weak_etag_that_answers_304(client, db):
    first = client.get("/", headers=GZIP)

    assert first["ETag"].startswith('W/"')
    again = client.get("/", headers={**GZIP, "if-none-match": first["ETag"]})
    assert again.status_code == 304
