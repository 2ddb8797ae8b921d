"""The shared cache: fast for the public, never stale, never a reason to fail."""

import re
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy.models import Event, SearchEntry
from diplomacy.views import EventListView
from history import caching
from history.models import Redirect, Status
from tests import factories as f

PAGES = ["/events/", "/", "/timeline/", "/map/"]


@pytest.fixture
def event(db):
    return f.EventFactory(title="Treaty of Kestrelmoor")


def test_a_cached_page_costs_no_query(client, event, django_assert_num_queries):
    first = client.get("/events/")
    with django_assert_num_queries(0):
        again = client.get("/events/")

    assert again.status_code == 200
    assert again.content == first.content


def test_a_cached_api_answer_costs_no_query(client, event, django_assert_num_queries):
    first = client.get("/api/v1/events/")
    with django_assert_num_queries(0):
        again = client.get("/api/v1/events/", HTTP_ACCEPT="text/csv")
        json_again = client.get("/api/v1/events/")

    assert first.status_code == again.status_code == 200
    assert again["Content-Type"].startswith("text/csv")
    assert "Treaty of Kestrelmoor" in again.content.decode()
    # JSON is answered with the very bytes cached, and the same headers.
    assert json_again.content == first.content
    assert json_again["Content-Type"] == first["Content-Type"] == "application/json"
    assert json_again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_an_edit_shows_at_once(client, event, url):
    client.get(url)
    event.title = "Treaty of Stonewick"
    event.save()

    assert b"Treaty of Stonewick" in client.get(url).content


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_unpublishing_and_deleting_hide_the_record_at_once(client, event, url):
    client.get(url)
    event.status = Status.DRAFT
    event.save()
    assert b"Kestrelmoor" not in client.get(url).content

    event.status = Status.PUBLISHED
    event.save()
    assert b"Kestrelmoor" in client.get(url).content
    event.delete()
    assert b"Kestrelmoor" not in client.get(url).content


def test_a_change_of_relations_shows_at_once(client, event):
    client.get(event.get_absolute_url())
    country = f.CountryFactory(name="Freedonia")
    event.countries.add(country)

    assert b"Freedonia" in client.get(event.get_absolute_url()).content


def test_signed_in_staff_are_never_served_from_the_cache(client, event):
    client.get("/events/")
    staff = User.objects.create_user("editor", is_staff=True)
    client.force_login(staff)

    with mock.patch.object(caching, "get") as cache_get:
        client.get("/events/")
    cache_get.assert_not_called()


def test_previews_and_the_admin_are_never_cached(client, event):
    with mock.patch.object(caching, "put") as cache_put:
        client.get("/events/?preview=1")
        client.get(reverse("admin:login"))
        client.get("/healthz")
    cache_put.assert_not_called()


def test_errors_are_not_cached(client, event):
    with mock.patch.object(caching, "put") as cache_put:
        client.get("/events/?year_from=abc")
        client.get("/events/no-such-event/")
    cache_put.assert_not_called()


@pytest.mark.parametrize("url", [*PAGES, "/api/v1/events/", "/api/v1/events/?format=csv"])
def test_a_cache_outage_serves_uncached_never_an_error(client, event, url):
    down = ConnectionError("cache is down")
    # Every user of the default cache fails: the page cache and API throttling.
    with (
        mock.patch("django.core.cache.cache.get", side_effect=down),
        mock.patch("django.core.cache.cache.set", side_effect=down),
        mock.patch("django.core.cache.cache.get_or_set", side_effect=down),
    ):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_a_change_made_in_a_cache_outage_is_seen_when_the_cache_comes_back(client, event, url):
    client.get(url)  # cached under the current generation, which outlives the outage
    down = ConnectionError("cache is down")
    with mock.patch("django.core.cache.cache.set", side_effect=down):
        event.title = "Treaty of Stonewick"
        event.save()  # the generation cannot be moved now
        assert b"Treaty of Stonewick" in client.get(url).content  # served uncached

    # Back with its data: the missed move is made before the cache is read.
    assert b"Treaty of Stonewick" in client.get(url).content
    assert not caching._advance_missed


def test_a_server_that_found_the_cache_down_moves_the_generation_when_it_is_back(client, event):
    client.get("/events/")
    before = caching.generation()
    with mock.patch(
        "django.core.cache.cache.get_or_set", side_effect=ConnectionError("cache is down")
    ):
        assert client.get("/events/").status_code == 200  # served uncached
    # Another server's change in the outage could not move the generation: this one does.
    assert caching.generation() != before


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_public_cache_seconds_0_turns_the_public_cache_off(client, event, url, settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    with (
        mock.patch("django.core.cache.cache.get_or_set") as get_or_set,
        mock.patch.object(caching, "get", wraps=caching.get) as get,
        mock.patch.object(caching, "put", wraps=caching.put) as put,
    ):
        first = client.get(url)
        again = client.get(url)

    assert first.status_code == again.status_code == 200
    get_or_set.assert_not_called()  # not even the generation is read
    get.assert_not_called()
    put.assert_not_called()


TWO_LEVELS = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "own"},
}


@pytest.mark.parametrize("url", ["/events/", "/api/v1/events/"])
def test_a_worker_answers_from_its_own_copy_but_never_a_stale_one(client, event, url):
    with override_settings(CACHES=TWO_LEVELS):
        shared = caches["default"]
        first = client.get(url)
        # Only the generation left in the shared cache: the answer is the worker's copy.
        generation = shared.get(caching.GENERATION_KEY)
        shared.clear()
        shared.set(caching.GENERATION_KEY, generation)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)
        assert len(queries) == 0
        assert again.content == first.content

        event.title = "Treaty of Stonewick"
        event.save()  # moves the shared generation: the worker's copy is not read again
        assert b"Treaty of Stonewick" in client.get(url).content


def test_pages_answer_a_conditional_get_with_304(client, event):
    first = client.get("/events/")
    again = client.get("/events/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"]
    assert again.status_code == 304


def test_the_generation_moves_on_again_when_the_change_commits(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        event.title = "Treaty of Stonewick"
        event.save()

    assert caching.advance in callbacks
    before = caching.generation()
    for callback in callbacks:
        callback()
    assert caching.generation() != before


def test_history_rows_and_the_search_index_do_not_move_the_generation(db):
    assert not caching.shows_content(SearchEntry)
    assert not caching.shows_content(Redirect)
    assert not caching.shows_content(Event.history.model)
    assert caching.shows_content(Event)


@pytest.mark.parametrize(
    "url",
    ["/events/?category=conflict", "/", "/search/?q=treaty"],
)
def test_unknown_parameters_make_no_new_cache_entry(client, event, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(f"{url}{'&' if '?' in url else '?'}utm_source=x&_=12345")

    assert first.status_code == again.status_code == 200
    assert again.content == first.content


def test_the_declared_query_is_what_the_view_reads_each_value_once(rf):
    request = rf.get(
        "/events/?country=GE&utm_source=x&country=TR&country=GE&year_from=1&year_from=2&year_from=1"
    )

    query = caching.declared_query(request)

    # Each value where it was last sent: year_from still reads 1, as sent.
    assert list(query.lists()) == [("country", ["TR", "GE"]), ("year_from", ["2", "1"])]
    assert query["year_from"] == request.GET["year_from"] == "1"
    # The request is left as sent.
    assert request.GET.getlist("country") == ["GE", "TR", "GE"]
    assert request.GET["utm_source"] == "x"


def test_the_last_value_sent_is_read_and_keys_the_entry(client, event):
    first = client.get("/events/?year_from=1900&year_from=2000&year_from=1900")
    second = client.get("/events/?year_from=1900&year_from=2000")

    assert re.search(r'name="year_from" value="1900"', first.content.decode())
    assert re.search(r'name="year_from" value="2000"', second.content.decode())


@pytest.fixture
def linked(db):
    """Records for every page to build links from its query: chips, facets, pages, zooms."""
    georgia = f.CountryFactory(code="GE")
    period = f.PeriodFactory()
    for title in ("Treaty of Kestrelmoor", "Treaty of Stonewick"):
        event = f.EventFactory(title=title, category=Event.Category.CONFLICT)
        event.countries.add(georgia)
        event.periods.add(period)


@pytest.mark.parametrize(
    "url",
    [
        "/events/?category=conflict&country=GE",
        "/timeline/?category=conflict",
        "/search/?q=treaty",
        "/api/v1/events/?category=conflict&page_size=1",
    ],
)
def test_a_cached_page_links_with_what_it_reads_each_value_once(
    client, linked, url, django_assert_num_queries
):
    repeated = url.partition("?")[2].partition("&")[0]
    name, _, value = repeated.partition("=")

    # A page ignores a tracking tag; the API refuses a parameter it does not know.
    tracker = "" if url.startswith("/api/") else "&utm_source=tracker"
    with mock.patch.object(EventListView, "paginate_by", 1):  # a next page to link to
        first = client.get(f"{url}&{repeated}{tracker}")
        with django_assert_num_queries(0):
            again = client.get(url)

    assert first.status_code == 200
    assert again.content == first.content  # one entry for both
    # The view reads the query as sent: nothing rewrites it behind its back.
    assert first.wsgi_request.GET.getlist(name) == [value, value]
    assert first.wsgi_request.GET.get("utm_source") == ("tracker" if tracker else None)
    # Its links carry what it reads, each value once, and nothing else.
    html = first.content.decode()
    links = re.findall(r'(?:href="|"next":")([^"]*\?[^"]*)"', html)
    assert any(repeated in link for link in links)
    assert all(link.count(repeated) <= 1 for link in links)
    assert "tracker" not in html


def test_known_parameters_in_another_order_share_one_entry(
    client, event, django_assert_num_queries
):
    client.get("/events/?category=conflict&year_from=1900")
    with django_assert_num_queries(0):
        client.get("/events/?year_from=1900&category=conflict")


def test_a_known_parameter_still_makes_its_own_entry(client, event):
    client.get("/events/?category=conflict")
    with CaptureQueriesContext(connection) as queries:
        client.get("/events/?category=statehood")

    assert len(queries) > 0


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/events/", {"q", "year_from", "year_to", "category", "country", "page", "ordering"}),
        ("/api/v1/events/", {"q", "category", "page", "page_size", "format", "ordering"}),
        ("/events/some-event/", {"preview"}),
        ("/api/v1/events/some-event/", {"format", "fields"}),
        ("/api/v1/search/", {"q", "kind", "page", "page_size", "format"}),
        ("/", set()),
        ("/search/", {"q", "kind", "page"}),
        ("/map/", {"year", "view"}),
        ("/timeline/", {"period", "category", "year_from", "year_to"}),
    ],
)
def test_known_params_are_the_ones_each_view_reads(path, expected):
    known = caching.known_params(path)

    assert expected <= known if expected else known == frozenset()


def test_a_view_that_says_nothing_keeps_every_parameter():
    assert caching.known_params("/sitemap.xml") is None
    assert caching.known_params("/no/such/page/") is None
