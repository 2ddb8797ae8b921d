"""Each page in three languages: its addresses, the switcher, hreflang, the sitemap,
and the API's language (issue 17)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from history import caching
from history.models import Redirect
from tests import factories as f

LANGUAGES = ("en", "az", "ru")


def switcher(page):
    """{language: address} of the language switcher's links."""
    nav = re.search(r'<nav class="languages".*?</nav>', page, re.S).group()
    return dict(
        (code, href)
        for href, code in re.findall(r'<a href="([^"]*)" lang="(\w+)" hreflang="\w+"', nav)
    )


def alternates(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', page))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix, language, heading",
    [("", "en", "Events"), ("/az", "az", "Hadisələr"), ("/ru", "ru", "События")],
)
def test_a_page_has_an_address_in_each_language_and_says_its_language(
    client, prefix, language, heading
):
    response = client.get(f"{prefix}/events/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    assert f"<h1>{heading}</h1>" in page
    assert response["Content-Language"] == language
    # The address alone says the language: nothing the reader sends changes the page.
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.django_db
def test_english_keeps_its_addresses_whatever_the_browser_asks_for(client):
    response = client.get("/events/", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert client.get("/en/events/").status_code == 404  # one address for English


@pytest.mark.django_db
def test_the_switcher_leads_to_the_same_page_with_its_filters_in_each_language(client):
    url = f.EventFactory().get_absolute_url()
    page = client.get(f"/ru{url}", {"preview": "1", "utm_source": "x"}).content.decode()
    assert switcher(page) == {"en": url, "az": f"/az{url}", "ru": f"/ru{url}"}
    assert '<a href="/ru/events/' in page and 'aria-current="true">Русский</a>' in page

    listing = client.get("/az/events/", {"category": "statehood", "utm_source": "x"})
    links = switcher(listing.content.decode())
    assert links == {
        "en": "/events/?category=statehood",
        "az": "/az/events/?category=statehood",
        "ru": "/ru/events/?category=statehood",
    }
    assert client.get(links["ru"]).status_code == 200


@pytest.mark.django_db
def test_each_page_names_its_translations_and_english_as_the_default(client):
    page = client.get("/az/countries/").content.decode()

    assert alternates(page) == {
        "en": "http://testserver/countries/",
        "x-default": "http://testserver/countries/",
        "az": "http://testserver/az/countries/",
        "ru": "http://testserver/ru/countries/",
    }


@pytest.mark.django_db
def test_a_missing_page_offers_each_language_s_home_page(client):
    response = client.get("/ru/no-such-page/")

    assert response.status_code == 404
    assert switcher(response.content.decode()) == {"en": "/", "az": "/az/", "ru": "/ru/"}


@pytest.mark.django_db
def test_a_moved_record_is_followed_in_every_language(client):
    event = f.EventFactory(slug="new-name")
    Redirect.objects.create(old_path="/events/old-name/", new_path=event.get_absolute_url())

    for prefix in ("", "/az", "/ru"):
        response = client.get(f"{prefix}/events/old-name/")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}/events/new-name/"


@pytest.mark.django_db
def test_the_sitemap_lists_each_published_page_in_every_language_with_its_alternates(client):
    published = f.EventFactory(slug="published")
    f.EventFactory(slug="draft", status="draft")

    sitemap = client.get(reverse("sitemap")).content.decode()

    for prefix in ("", "/az", "/ru"):
        assert f"<loc>http://testserver{prefix}{published.get_absolute_url()}</loc>" in sitemap
    assert sitemap.count('hreflang="ru" href="http://testserver/ru/events/published/"') == 3
    assert "draft" not in sitemap


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_costs_the_same_queries_in_every_language(client, language):
    f.EventFactory.create_batch(3)
    client.get("/events/")  # warm what is read once a process
    with CaptureQueriesContext(connection) as english:
        client.get("/events/?category=statehood")
    prefix = "" if language == "en" else f"/{language}"
    with CaptureQueriesContext(connection) as other:
        client.get(f"{prefix}/events/?category=statehood&page=1")

    assert len(other) == len(english)


# --- The API ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_answers_in_the_language_asked_for_and_says_which(client):
    asked = client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.5")
    assert asked["Content-Language"] == "ru"
    assert "Accept-Language" in asked["Vary"]

    # ?lang= wins over the header; a language the site does not speak is English.
    assert client.get("/api/v1/events/?lang=az", HTTP_ACCEPT_LANGUAGE="ru")[
        "Content-Language"
    ] == ("az")
    assert client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="fr")["Content-Language"] == "en"


@pytest.mark.django_db
def test_the_api_refuses_a_language_it_does_not_speak_naming_those_it_does(client):
    response = client.get("/api/v1/events/?lang=fr")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "lang"
    assert error["message"] == "No such language. This API answers in: en, az, ru."


def test_the_cache_keeps_the_languages_of_one_address_apart(rf):
    # The API answers one address in every language (a page's address has its own).
    request = rf.get("/api/v1/events/")
    keys = set()
    for language in LANGUAGES:
        with translation.override(language):
            keys.add(caching.key("api", request, current=1))

    assert len(keys) == 3


@pytest.mark.django_db
def test_the_schema_documents_the_api_s_language(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    operation = schema["paths"]["/api/v1/events/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert parameters["lang"]["schema"]["enum"] == list(LANGUAGES)
    assert parameters["Accept-Language"]["in"] == "header"
    assert "Content-Language" in operation["responses"]["200"]["headers"]


def test_a_translated_interface_word_reads_in_each_language():
    with translation.override("az"):
        assert translation.pgettext("the language switcher", "Language") == "Dil"
    with translation.override("ru"):
        assert translation.pgettext("the language switcher", "Language") == "Язык"


@pytest.mark.django_db
def test_the_kinds_of_record_are_named_in_the_reader_s_language(client):
    f.EventFactory(title="Treaty of Kars")
    f.CountryFactory(name="Kars country")

    page = client.get("/ru/search/", {"q": "Kars"}).content.decode()

    assert "События" in page and "Страны" in page
    with translation.override("az"):
        assert str(f.EventFactory._meta.model._meta.verbose_name_plural) == "hadisələr"
