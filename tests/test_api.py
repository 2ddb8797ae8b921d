"""The JSON API: every resource, its filters, pages, formats, caching, limits and errors."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core import serializers as django_serializers
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_countries import countries
from rest_framework.test import APIClient

from diplomacy.models import (
    Country,
    Event,
    Figure,
    Membership,
    Mission,
    Organization,
    Participation,
    Priority,
    Project,
    Relation,
)
from history import caching, markup
from history.models import Citation, Period, Person, Quote, Source, Status
from tests import factories as f
from tests.locks import another_writer, postgres_only
from tests.shared import shared_by_module

SOURCE_TEXT = (
    "Azerbaijan, which has a millennial tradition of statehood, has a rich history of "
    "diplomacy. In 1919 diplomatic missions of 16 states functioned in Baku. "
    "The Shirvanshahs kept ties with Europe."
)
QUOTE = "has a rich history of diplomacy"

# resource → (model, how a record is addressed in its detail URL)
RESOURCES = {
    "sources": Source,
    "periods": Period,
    "people": Person,
    "quotes": Quote,
    "countries": Country,
    "relations": Relation,
    "missions": Mission,
    "organizations": Organization,
    "memberships": Membership,
    "projects": Project,
    "events": Event,
    "policy": Priority,
    "figures": Figure,
}
CODES = [code for code, _ in countries if code != "AZ"]


def key(record):
    return record.code.code.lower() if isinstance(record, Country) else record.slug


def source(status=Status.PUBLISHED, slug="source"):
    found, _ = Source.objects.get_or_create(
        slug=slug, defaults={"title": "A source", "text": SOURCE_TEXT, "status": status}
    )
    return found


def cite(record, quote=QUOTE):
    citation, _ = Citation.objects.get_or_create(source=source(), quote=quote)
    record.citations.add(citation)
    return record


def make_world(count=1, start=0, status=Status.PUBLISHED, tag=""):
    """`count` records of every kind, each tied to its neighbours and to the first ones."""
    made = {name: [] for name in RESOURCES}
    first = {
        model: model.objects.order_by("pk").first()
        for model in (Period, Person, Country, Organization, Project)
    }
    for i in range(start, start + count):
        slug = f"{tag}{i}"
        year = 1900 + i
        period = cite(
            Period.objects.create(
                slug=f"period-{slug}",
                name=f"Period {slug}",
                kind="state",
                date=f"{year}/{year + 5}",
                status=status,
            )
        )
        person = cite(
            Person.objects.create(slug=f"person-{slug}", name=f"Person {slug}", status=status)
        )
        person.periods.add(period, *filter(None, [first[Period]]))
        quote = cite(
            Quote.objects.create(
                slug=f"quote-{slug}",
                text=f"Words {slug}",
                speaker=person,
                date=str(year),
                status=status,
            )
        )
        country = cite(
            Country.objects.create(
                code=CODES[i], slug=f"country-{slug}", name=f"Country {slug}", status=status
            )
        )
        relation = cite(
            Relation.objects.create(
                slug=f"relation-{slug}",
                title=f"Relation {slug}",
                country=country,
                kind="diplomatic",
                date=str(year),
                status=status,
            )
        )
        mission = cite(
            Mission.objects.create(
                slug=f"mission-{slug}",
                title=f"Mission {slug}",
                country=country,
                direction="in",
                city="Baku",
                date=str(year),
                status=status,
            )
        )
        organization = cite(
            Organization.objects.create(
                slug=f"organization-{slug}",
                name=f"Organization {slug}",
                acronym=f"O{i}",
                parent=first[Organization],
                status=status,
            )
        )
        membership = cite(
            Membership.objects.create(
                slug=f"membership-{slug}",
                organization=organization,
                kind="member",
                date=str(year),
                status=status,
            )
        )
        project = cite(
            Project.objects.create(
                slug=f"project-{slug}",
                name=f"Project {slug}",
                kind="energy",
                date=str(year),
                status=status,
            )
        )
        if first[Project]:
            project.part_of.add(first[Project])
        Participation.objects.create(project=project, country=country, role="member")
        if first[Country]:
            Participation.objects.create(project=project, country=first[Country], role="route")
        event = cite(
            Event.objects.create(
                slug=f"event-{slug}",
                title=f"Event {slug}",
                category="diplomacy",
                date=f"{year}-05-28",
                status=status,
            )
        )
        for field, record in [
            ("periods", period),
            ("people", person),
            ("countries", country),
            ("organizations", organization),
            ("projects", project),
        ]:
            model = type(record)
            getattr(event, field).add(record, *filter(None, [first[model]]))
        priority = cite(
            Priority.objects.create(
                slug=f"priority-{slug}", title=f"Priority {slug}", kind="objective", status=status
            )
        )
        figure = cite(
            Figure.objects.create(
                slug=f"figure-{slug}",
                label=f"Figure {slug}",
                value=i,
                date=str(year),
                country=country,
                organization=organization,
                status=status,
            )
        )
        for name, record in [
            ("periods", period),
            ("people", person),
            ("quotes", quote),
            ("countries", country),
            ("relations", relation),
            ("missions", mission),
            ("organizations", organization),
            ("memberships", membership),
            ("projects", project),
            ("events", event),
            ("policy", priority),
            ("figures", figure),
        ]:
            made[name].append(record)
        first = {model: first[model] or made[name][0] for model, name in FIRST_OF.items()}
    made["sources"] = [source()]
    return made


FIRST_OF = {
    Period: "periods",
    Person: "people",
    Country: "countries",
    Organization: "organizations",
    Project: "projects",
}


def make_hidden():
    """A draft and an in-review record of every kind, tied to a published event."""
    published = make_world(1, start=150, tag="shown-")
    drafts = make_world(1, start=151, status=Status.DRAFT, tag="draft-")
    reviews = make_world(1, start=152, status=Status.IN_REVIEW, tag="review-")
    hidden = {name: drafts[name] + reviews[name] for name in RESOURCES if name != "sources"}
    hidden["sources"] = [
        Source.objects.create(slug="draft-source", title="Draft source", text=SOURCE_TEXT)
    ]
    event = published["events"][0]
    for field in ("periods", "people", "countries", "organizations", "projects"):
        getattr(event, field).add(*(record for record in hidden[field]))
    figure = published["figures"][0]
    figure.country, figure.organization = hidden["countries"][0], hidden["organizations"][0]
    figure.save()
    draft_citation = Citation.objects.create(source=hidden["sources"][0], quote="Baku")
    event.citations.add(draft_citation)
    return published, hidden


def hidden_marks(hidden):
    """Strings that must not stand anywhere in a public response."""
    marks = {"draft-source", "Draft source"}
    for records in hidden.values():
        for record in records:
            marks.add(f"/{key(record)}/")
            marks.add(getattr(record, "name", "") or getattr(record, "title", "") or record.slug)
    return {mark for mark in marks if mark}


@pytest.fixture(autouse=True)
def api_settings(settings):
    """A fresh throttle history for each test, at a rate tests do not reach."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    return APIClient()


@shared_by_module
def shared_world():
    """Three linked records of every kind, made once for the module."""
    return make_world(3)


@pytest.fixture
def world(shared_world, db):
    """The shared world, read afresh: a test's changes to its records end with the test."""
    return {name: fresh(records) for name, records in shared_world.items()}


def fresh(records):
    found = type(records[0]).objects.in_bulk([record.pk for record in records])
    return [found[record.pk] for record in records]


def get(client, path, status=200, **extra):
    response = client.get(path, **extra)
    assert response.status_code == status, (path, response.content[:500])
    return response


def slugs(response):
    return [item.get("code") or item.get("slug") for item in response.json()["results"]]


# --- Lists and details -----------------------------------------------------------


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_shows_its_published_records(client, world, resource):
    body = get(client, f"/api/v1/{resource}/").json()
    assert body["count"] == len(world[resource])
    assert {"count", "next", "previous", "results"} <= set(body)
    record = body["results"][0]
    assert record["url"].startswith("http://testserver/api/v1/")
    assert record["web_url"].startswith("http://testserver/")


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_detail_is_addressed_by_slug(client, world, resource):
    record = world[resource][-1]
    body = get(client, f"/api/v1/{resource}/{key(record)}/").json()
    assert body["url"] == f"http://testserver/api/v1/{resource}/{key(record)}/"
    if resource != "sources":
        citation = body["citations"][0]
        assert citation["quote"] == QUOTE
        assert citation["source"]["url"] == "http://testserver/api/v1/sources/source/"
        assert body["aliases"] == []


def test_country_detail_takes_the_iso_code_in_either_case(client, world):
    code = world["countries"][0].code.code
    assert get(client, f"/api/v1/countries/{code.upper()}/").json()["code"] == code
    assert get(client, f"/api/v1/countries/{code.lower()}/").json()["code"] == code


def test_source_detail_carries_its_full_text_and_the_list_does_not(client, world):
    assert get(client, "/api/v1/sources/source/").json()["text"] == SOURCE_TEXT
    assert "text" not in get(client, "/api/v1/sources/").json()["results"][0]


def test_dates_come_as_edtf_words_and_iso_days(client, world):
    body = get(client, "/api/v1/periods/period-0/").json()
    assert body["date"] == "1900/1905"
    assert body["date_display"] == "1900–1905"
    assert body["date_earliest"] == "1900-01-01"
    assert body["date_latest"] == "1905-12-31"
    assert "date_lower" not in body and "date_upper" not in body


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        ("1992-03-02/..", "1992-03-02", None),  # open: null, no sentinel number
        ("../1920-04", None, "1920-04-30"),
        ("-0499", "-0499-01-01", "-0499-12-31"),
        ("", None, None),
    ],
)
def test_open_and_ancient_dates_as_iso_days(client, db, date, earliest, latest):
    f.EventFactory(slug="dated", date=date)
    body = get(client, "/api/v1/events/dated/").json()
    assert (body["date_earliest"], body["date_latest"]) == (earliest, latest)
    csv = client.get("/api/v1/events/", {"format": "csv"}).content.decode()
    header, row = csv.splitlines()[:2]
    assert "date_earliest" in header and "99999999" not in row


def test_event_carries_its_related_records_as_summaries(client, world):
    body = get(client, "/api/v1/events/event-1/").json()
    assert {p["slug"] for p in body["periods"]} == {"period-0", "period-1"}
    assert {c["code"] for c in body["countries"]} == {CODES[0], CODES[1]}
    country = next(c for c in body["countries"] if c["code"] == CODES[1])
    assert country == {
        "code": CODES[1],
        "name": "Country 1",
        "url": f"http://testserver/api/v1/countries/{CODES[1].lower()}/",
    }
    assert {o["slug"] for o in body["organizations"]} == {"organization-0", "organization-1"}


def test_country_carries_relations_missions_projects_events_and_figures(client, world):
    body = get(client, f"/api/v1/countries/{CODES[0].lower()}/").json()
    assert [r["slug"] for r in body["relations"]] == ["relation-0"]
    assert [m["slug"] for m in body["missions"]] == ["mission-0"]
    assert {p["project"]["slug"] for p in body["projects"]} == {
        "project-0",
        "project-1",
        "project-2",
    }
    assert len(body["events"]) == 3
    assert [f["slug"] for f in body["figures"]] == ["figure-0"]


def test_unknown_slug_answers_404_with_the_error_body(client, world):
    body = get(client, "/api/v1/events/no-such-event/", status=404).json()
    assert body["status"] == 404
    assert body["errors"][0]["field"] is None
    assert body["errors"][0]["message"]
    get(client, "/api/v1/countries/zz/", status=404)


@pytest.mark.parametrize("path", ["/api/v1/sources/a.%0A/", "/api/v1/no/such/thing/"])
def test_any_unknown_api_address_answers_404_in_json(client, db, path):
    # A newline or a dot in the address (neither matches a resource) once fell
    # through to the HTML 404 page.
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_api_root_lists_every_resource_search_and_export(client, db):
    body = get(client, "/api/v1/").json()
    assert set(RESOURCES) | {"search", "export"} <= set(body)
    assert body["search"] == "http://testserver/api/v1/search/"
    assert body["export"] == "http://testserver/api/v1/export/"


def test_an_unknown_parameter_is_refused_with_the_names_a_list_takes(client, db):
    f.EventFactory()
    response = client.get("/api/v1/events/", {"contry": "GE", "page_size": 5})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["contry"]
    assert "country" in errors[0]["message"] and "page_size" in errors[0]["message"]
    assert client.get("/api/v1/events/", {"year_from": 1900, "page_size": 5}).status_code == 200


@pytest.mark.parametrize(
    ("path", "params", "takes"),
    [
        ("/api/v1/events/event-0/", {"country": "GE"}, "fields, format, lang."),
        ("/api/v1/events/event-0/", {"page": "2"}, "fields, format, lang."),
        ("/api/v1/search/", {"q": "event", "qq": "x"}, "format, kind, lang, page, page_size, q."),
        ("/api/v1/export/", {"pretty": "1"}, "format, lang."),
        ("/api/v1/", {"version": "2"}, "format, lang."),
    ],
)
def test_every_read_refuses_a_parameter_it_does_not_read(client, world, path, params, takes):
    body = get(client, path, status=400, data=params).json()

    [error] = body["errors"]
    assert error["code"] == "unknown_parameter" and error["message"].endswith(takes)
    assert error["field"] == next(name for name in params if name not in ("q",))


@pytest.mark.parametrize(
    "path", ["/api/v1/events/", "/api/v1/events/event-0/", "/api/v1/search/?q=event", "/api/v1/"]
)
def test_tracking_tags_and_cache_busters_are_let_through(client, world, path):
    tags = "utm_source=news&utm_campaign=x&fbclid=1&gclid=2&_=1733000000"
    separator = "&" if "?" in path else "?"

    assert get(client, f"{path}{separator}{tags}").json() == get(client, path).json()


def test_api_leads_to_the_current_version(client, db):
    response = client.get("/api/")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/api/v1/priorities/", "/api/v1/policy/"),
        ("/api/v1/priorities/a-goal/?format=csv", "/api/v1/policy/a-goal/?format=csv"),
    ],
)
def test_the_old_policy_address_moved_for_good(client, db, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


# --- Filters and ordering --------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "params", "expected"),
    [
        ("periods", {"q": "period 1"}, ["period-1"]),
        ("periods", {"year_from": 1906}, ["period-1", "period-2"]),
        ("periods", {"year_to": 1900}, ["period-0"]),
        ("periods", {"kind": "state"}, ["period-0", "period-1", "period-2"]),
        ("periods", {"kind": "era"}, []),
        ("people", {"q": "person 2"}, ["person-2"]),
        pytest.param("people", {"period": "period-1"}, ["person-1"]),
        pytest.param("quotes", {"person": "person-1"}, ["quote-1"]),
        ("quotes", {"year_from": 1901, "year_to": 1901}, ["quote-1"]),
        ("quotes", {"kind": "direct"}, ["quote-0", "quote-1", "quote-2"]),
        ("sources", {"q": "Shirvanshahs"}, ["source"]),
        ("countries", {"q": "country 2"}, [CODES[2]]),
        pytest.param("relations", {"country": CODES[1].lower()}, ["relation-1"]),
        ("relations", {"kind": "conflict"}, []),
        pytest.param("missions", {"country": [CODES[0], CODES[2]]}, ["mission-0", "mission-2"]),
        ("missions", {"direction": "in", "year_to": 1901}, ["mission-0", "mission-1"]),
        ("missions", {"kind": "mission"}, ["mission-0", "mission-1", "mission-2"]),
        ("organizations", {"q": "O1"}, ["organization-1"]),
        (
            "organizations",
            {"kind": "member"},
            ["organization-0", "organization-1", "organization-2"],
        ),
        pytest.param("memberships", {"organization": "organization-2"}, ["membership-2"]),
        ("memberships", {"kind": "observer"}, []),
        pytest.param("projects", {"country": CODES[1]}, ["project-1"]),
        ("projects", {"kind": "transport"}, []),
        pytest.param("events", {"period": "period-2"}, ["event-2"]),
        pytest.param("events", {"country": CODES[0]}, ["event-0", "event-1", "event-2"]),
        pytest.param("events", {"organization": "organization-1"}, ["event-1"]),
        pytest.param("events", {"person": "person-2"}, ["event-2"]),
        ("events", {"category": "diplomacy", "year_from": 1902}, ["event-2"]),
        ("events", {"category": "culture"}, []),
        ("policy", {"kind": "objective", "q": "priority 0"}, ["priority-0"]),
        pytest.param("figures", {"country": CODES[2]}, ["figure-2"]),
        pytest.param("figures", {"organization": "organization-0"}, ["figure-0"]),
        ("figures", {"year_from": 1902}, ["figure-2"]),
    ],
)
def test_each_filter_narrows_the_list(client, world, resource, params, expected):
    assert sorted(slugs(get(client, f"/api/v1/{resource}/", data=params))) == sorted(expected)


@pytest.mark.parametrize(
    ("resource", "ordering", "expected"),
    [
        ("events", "-date", ["event-2", "event-1", "event-0"]),
        ("events", "date", ["event-0", "event-1", "event-2"]),
        ("periods", "-name", ["period-2", "period-1", "period-0"]),
        ("figures", "-value", ["figure-2", "figure-1", "figure-0"]),
        ("countries", "-name", [CODES[2], CODES[1], CODES[0]]),
    ],
)
def test_ordering(client, world, resource, ordering, expected):
    response = get(client, f"/api/v1/{resource}/", data={"ordering": ordering})
    assert slugs(response) == expected


@pytest.mark.parametrize(
    ("resource", "params", "field"),
    [
        ("events", {"year_from": "abc"}, "year_from"),
        ("events", {"year_from": "1900.0"}, "year_from"),
        ("events", {"year_from": "1_900"}, "year_from"),
        ("events", {"year_to": " 1900"}, "year_to"),
        ("events", {"year_to": "\u0661\u0669\u0660\u0660"}, "year_to"),  # Arabic-Indic digits
        ("events", {"year_from": 1950, "year_to": 1900}, "year_to"),
        ("events", {"country": "zz"}, "country"),
        ("events", {"period": "no-such-period"}, "period"),
        ("events", {"category": "gossip"}, "category"),
        ("events", {"ordering": "price"}, "ordering"),
        ("missions", {"direction": "sideways"}, "direction"),
        ("periods", {"year_to": 100000}, "year_to"),
    ],
)
def test_a_bad_filter_answers_400_naming_the_field(client, world, resource, params, field):
    body = get(client, f"/api/v1/{resource}/", status=400, data=params).json()
    assert body["status"] == 400
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["errors"][0]["message"]


def test_an_empty_ordering_item_is_not_a_server_error(client, world):
    response = client.get("/api/v1/quotes/", {"ordering": ","})
    assert response.status_code in (200, 400)


def test_a_filter_naming_a_draft_record_is_refused(client, db):
    _, hidden = make_hidden()
    get(client, "/api/v1/events/", status=400, data={"period": hidden["periods"][0].slug})


def test_a_value_repeated_300_times_counts_once(client, world):
    code = CODES[0]
    repeated = "&".join([f"country={code}"] * 300)

    with CaptureQueriesContext(connection) as queries:
        response = get(client, f"/api/v1/events/?{repeated}&page_size=1")

    body = response.json()
    assert body["count"] == 3
    assert response.wsgi_request.GET.getlist("country") == [code] * 300  # left as sent
    assert body["next"].count("country=") == 1
    assert max(query["sql"].count(f"'{code}'") for query in queries.captured_queries) <= 1


def published_countries(count):
    """`count` published countries, the world's three among them."""
    extra = [
        Country(slug=f"extra-{code.lower()}", code=code, name=code, status=Status.PUBLISHED)
        for code in CODES[3:count]
    ]
    Country.objects.bulk_create(extra)
    return CODES[:count]


@pytest.mark.parametrize("resource", ["events", "relations"])
def test_more_than_50_values_of_one_parameter_answer_400_naming_it(client, world, resource):
    codes = published_countries(51)

    get(client, f"/api/v1/{resource}/", data={"country": codes[:50]})
    body = get(client, f"/api/v1/{resource}/", status=400, data={"country": codes}).json()

    assert body["status"] == 400
    [error] = body["errors"]
    assert error["field"] == "country" and error["code"] == "too_many_values"
    assert "at most 50" in error["message"] and "51" in error["message"]


# --- Pages -----------------------------------------------------------------------


def test_pages_follow_page_size(client, world):
    body = get(client, "/api/v1/events/", data={"page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2
    assert "page=2" in body["next"]
    body = get(client, "/api/v1/events/", data={"page_size": 2, "page": 2}).json()
    assert len(body["results"]) == 1 and body["next"] is None


@pytest.mark.parametrize(("path", "params"), [("events", {}), ("search", {"q": "baku"})])
@pytest.mark.parametrize("size", ["abc", "null", "0", "-1", "1.5", "", " "])
def test_a_page_size_that_is_not_a_positive_whole_number_answers_400_naming_it(
    client, world, path, params, size
):
    data = {**params, "page_size": size}
    body = get(client, f"/api/v1/{path}/", status=400, data=data).json()
    assert body["status"] == 400
    [error] = body["errors"]
    assert error["field"] == "page_size" and error["message"] and error["code"]


def test_a_page_past_the_last_answers_404_naming_the_page(client, world):
    body = get(client, "/api/v1/events/", status=404, data={"page": "99999"}).json()
    assert body["status"] == 404
    assert body["errors"][0]["field"] == "page"


@pytest.mark.parametrize("page", ["0", "-1", "abc", "last", "1.0", "1_0", " 1", ""])
def test_a_page_that_is_not_a_whole_number_from_1_answers_400_naming_it(client, world, page):
    body = get(client, "/api/v1/events/", status=400, data={"page": page}).json()
    [error] = body["errors"]
    assert error["field"] == "page" and error["message"]


@pytest.mark.parametrize("size", ["201", "1000", "1_0", "2.0", "\u0665"])
def test_a_page_size_over_200_or_not_in_digits_answers_400(client, world, size):
    body = get(client, "/api/v1/events/", status=400, data={"page_size": size}).json()
    [error] = body["errors"]
    assert error["field"] == "page_size"
    assert get(client, "/api/v1/events/", data={"page_size": "200"}).json()["count"] == 3


# --- Formats, caching, CORS and limits ---------------------------------------------


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_comes_as_csv(client, world, resource):
    response = get(client, f"/api/v1/{resource}/", data={"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert len(rows) == len(world[resource])
    assert rows[0]["url"].startswith("http://testserver/api/v1/")


@pytest.mark.parametrize("path", ["/api/v1/events/", "/api/v1/events/event-0/", "/api/v1/search/"])
def test_a_format_nobody_writes_answers_406_naming_those_there_are(client, world, path):
    by_query = client.get(
        path, {"q": "event", "format": "xml"} if "search" in path else {"format": "xml"}
    )
    by_header = client.get(
        path, {"q": "event"} if "search" in path else {}, HTTP_ACCEPT="application/xml"
    )

    assert by_query.status_code == by_header.status_code == 406
    [asked] = by_query.json()["errors"]
    assert asked["field"] == "format" and "'xml'" in asked["message"]
    assert "json" in asked["message"] and "csv" in asked["message"]
    [accepted] = by_header.json()["errors"]
    assert accepted["field"] == "Accept" and "text/csv" in accepted["message"]


def test_format_wins_over_accept(client, world):
    response = get(client, "/api/v1/events/?format=csv", HTTP_ACCEPT="application/json")
    assert response["Content-Type"].startswith("text/csv")


def test_an_empty_format_names_none_and_answers_406(client, world):
    body = get(client, "/api/v1/events/", status=406, data={"format": ""}).json()
    assert body["errors"][0]["field"] == "format"


def test_the_export_comes_only_as_json(client, world):
    body = get(client, "/api/v1/export/", status=406, data={"format": "csv"}).json()
    assert body["errors"][0]["message"].endswith("answers in json.")


def test_csv_by_accept_header_names_related_records(client, world):
    response = get(client, "/api/v1/events/", HTTP_ACCEPT="text/csv", data={"ordering": "date"})
    rows = read_csv(response)
    # Several values are a JSON array; a citation, its words with its source.
    assert sorted(json.loads(rows[1]["countries"])) == ["Country 0", "Country 1"]
    [citation] = json.loads(rows[1]["citations"])
    assert citation == {"quote": QUOTE, "source": Source.objects.get().title, "locator": ""}


def test_csv_values_survive_any_character(client, db):
    source = f.SourceFactory(title="Notes; “quoted”, and more", text='A; B, "C"\nD')
    event = f.EventFactory(slug="odd", title='Odd; “title”, with "quotes"')
    event.citations.add(f.CitationFactory(source=source, quote='A; B, "C"\nD'))
    event.countries.add(f.CountryFactory(code="GE", name="Georgia; really"))

    [row] = read_csv(client.get("/api/v1/events/", {"format": "csv"}))

    assert row["title"] == 'Odd; “title”, with "quotes"'
    assert json.loads(row["countries"]) == ["Georgia; really"]
    assert json.loads(row["citations"])[0]["quote"] == 'A; B, "C"\nD'
    assert json.loads(row["citations"])[0]["source"] == "Notes; “quoted”, and more"


def test_conditional_get_answers_304(client, world):
    for path in ["/api/v1/events/", "/api/v1/events/event-0/"]:
        first = get(client, path)
        assert first["ETag"]
        again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""


def test_a_list_that_lost_a_record_is_never_answered_304(client, world):
    # Unpublishing moves no "latest change" of what is still listed: a
    # Last-Modified would have let If-Modified-Since keep the old list.
    first = get(client, "/api/v1/events/")
    assert "Last-Modified" not in first
    Event.objects.filter(slug="event-0").update(status=Status.DRAFT)
    caching.advance()
    for validator in (
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ):
        again = client.get("/api/v1/events/", **validator)
        assert again.status_code == 200
        assert "event-0" not in {event["slug"] for event in again.json()["results"]}


def test_a_changed_record_answers_200_again(client, world):
    first = get(client, "/api/v1/events/event-0/")
    event = Event.objects.get(slug="event-0")
    event.title = "Renamed"
    event.save()
    again = client.get("/api/v1/events/event-0/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200


def test_cors_is_open_for_reads_of_the_api_only(client, world):
    response = get(client, "/api/v1/events/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    page = client.get("/robots.txt", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_anonymous_requests_are_throttled_with_retry_after(client, world, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    get(client, "/api/v1/events/")
    get(client, "/api/v1/countries/")
    response = get(client, "/api/v1/events/", status=429)
    assert int(response["Retry-After"]) > 0
    body = response.json()
    assert body["status"] == 429
    assert body["errors"][0]["code"] == "throttled"


# --- Search and export ---------------------------------------------------------------


def test_search_finds_every_kind_ranked_by_title(client, world):
    body = get(client, "/api/v1/search/", data={"q": "Event 1"}).json()
    first = body["results"][0]
    assert first["snippet"]  # HTML; the words marked where the text holds them
    assert {name: value for name, value in first.items() if name != "snippet"} == {
        "type": "event",
        "title": "Event 1",
        "url": "http://testserver/api/v1/events/event-1/",
        "web_url": "http://testserver/events/event-1/",
    }
    types = {
        hit["type"] for hit in get(client, "/api/v1/search/", data={"q": "1"}).json()["results"]
    }
    assert {"period", "person", "country", "organization", "project", "event"} <= types


def test_search_gives_api_addresses_for_records_shown_on_anothers_page(client, world):
    for kind in ("relation", "mission", "membership", "figure", "country"):
        body = get(client, "/api/v1/search/", data={"q": "1", "kind": kind}).json()
        assert body["results"], kind
        for hit in body["results"]:
            assert hit["type"] == kind
            assert get(client, hit["url"]).json()["url"] == hit["url"]


def test_search_in_kinds_and_with_a_misspelt_word(client, world):
    body = get(client, "/api/v1/search/", data={"q": "Eventt", "kind": ["event"]}).json()
    assert body["count"] == len(world["events"])
    assert {hit["type"] for hit in body["results"]} == {"event"}
    bad = get(client, "/api/v1/search/", data={"q": "x", "kind": "gossip"}, status=400).json()
    assert bad["errors"][0]["field"].startswith("kind")


def test_search_without_words_answers_400(client, world):
    body = get(client, "/api/v1/search/", status=400).json()
    assert body["errors"][0]["field"] == "q"


def test_export_holds_all_published_content_with_natural_keys(client, world):
    document = get(client, "/api/v1/export/").json()
    models = {item["model"] for item in document}
    assert {
        "history.source",
        "history.citation",
        "diplomacy.event",
        "diplomacy.participation",
    } <= models
    event = next(item for item in document if item["model"] == "diplomacy.event")
    assert "pk" not in event
    assert [CODES[0]] in event["fields"]["countries"]
    assert event["fields"]["citations"] == [["source", QUOTE]]
    loaded = list(django_serializers.deserialize("json", json.dumps(document)))
    assert len(loaded) == len(document)


# --- Nothing but published ------------------------------------------------------------


def test_drafts_and_records_in_review_never_appear(client, db):
    published, hidden = make_hidden()
    marks = hidden_marks(hidden)
    paths = [
        *(f"/api/v1/{resource}/" for resource in RESOURCES),
        *(f"/api/v1/{resource}/?format=csv" for resource in RESOURCES),
        *(
            f"/api/v1/{resource}/{key(record)}/"
            for resource, records in published.items()
            for record in records
        ),
        "/api/v1/search/?q=draft",
        "/api/v1/search/?q=review",
        "/api/v1/search/?q=Baku",
        "/api/v1/export/",
    ]
    for path in paths:
        text = get(client, path).content.decode()
        assert not [mark for mark in marks if mark in text], path
    for resource, records in hidden.items():
        for record in records:
            get(client, f"/api/v1/{resource}/{key(record)}/", status=404)
    figure = get(client, f"/api/v1/figures/{published['figures'][0].slug}/").json()
    assert figure["country"] is None and figure["organization"] is None


def test_a_relation_of_a_draft_country_is_not_shown(client, db):
    published, hidden = make_hidden()
    relation = published["relations"][0]
    relation.country = hidden["countries"][0]
    relation.save()
    get(client, f"/api/v1/relations/{relation.slug}/", status=404)
    assert relation.slug not in slugs(get(client, "/api/v1/relations/"))


# --- Writes --------------------------------------------------------------------------


def editor(group="Editors"):
    user = User.objects.create_user(f"{group.lower()}-user", password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def token_client(user):
    from rest_framework.authtoken.models import Token

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


NEW_EVENT = {
    "slug": "new-event",
    "title": "A new event",
    "category": "diplomacy",
    "date": "1919-05",
    "countries": [],
    "citations": [{"source": "source", "quote": QUOTE, "locator": "p. 1"}],
}


def test_anonymous_writes_are_refused(client, world):
    response = client.post("/api/v1/events/", NEW_EVENT, format="json")
    assert response.status_code == 401
    assert response.json()["status"] == 401
    response = client.patch("/api/v1/events/event-0/", {"title": "x"}, format="json")
    assert response.status_code == 401
    assert not Event.objects.filter(slug="new-event").exists()


def test_a_user_without_model_permissions_cannot_write(world):
    user = User.objects.create_user("reader", password="x" * 12)
    response = token_client(user).post("/api/v1/events/", NEW_EVENT, format="json")
    assert response.status_code == 403


def test_an_editor_creates_a_draft_with_checked_citations(world):
    api = token_client(editor())
    data = {**NEW_EVENT, "countries": [CODES[0].lower()], "periods": ["period-0"]}
    response = api.post("/api/v1/events/", data, format="json")
    assert response.status_code == 201, response.content
    event = Event.objects.get(slug="new-event")
    assert event.status == Status.DRAFT
    assert (event.date_lower, event.date_upper) == (19190501, 19190531)
    assert [c.quote for c in event.citations.all()] == [QUOTE]
    assert [c.code for c in event.countries.all()] == [CODES[0]]
    assert response.json()["countries"] == [CODES[0]]


def test_an_editor_changes_a_draft(world):
    draft = make_world(1, start=90, status=Status.DRAFT, tag="d")["events"][0]
    api = token_client(editor())
    response = api.patch(
        f"/api/v1/events/{draft.slug}/", {"title": "Better"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.title == "Better"


def test_a_renamed_record_answers_its_old_api_address_with_301(world):
    event = Event.objects.get(slug="event-0")
    event.slug = "event-renamed"
    event.save()
    cache.clear()

    response = APIClient().get("/api/v1/events/event-0/?format=csv")

    assert response.status_code == 301
    assert response["Location"].endswith("/api/v1/events/event-renamed/?format=csv")
    get(APIClient(), "/api/v1/events/never-was/", status=404)


def test_a_change_names_the_version_it_changes(world):
    api = token_client(editor("Publishers"))
    path = "/api/v1/events/event-0/"
    read = get(api, path)["ETag"]

    mine = api.patch(path, {"title": "Mine"}, format="json", HTTP_IF_MATCH=read)
    assert mine.status_code == 200, mine.content
    # The answer carries the new version: the next change goes on from it.
    assert mine["ETag"] != read
    again = api.patch(path, {"summary": "More"}, format="json", HTTP_IF_MATCH=mine["ETag"])
    assert again.status_code == 200, again.content
    assert Event.objects.get(slug="event-0").summary == "More"


def test_a_change_without_if_match_is_refused_with_428(world):
    api = token_client(editor("Publishers"))
    response = api.patch("/api/v1/events/event-0/", {"title": "Blind"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["errors"][0]["message"]
    assert Event.objects.get(slug="event-0").title != "Blind"


def test_a_write_over_a_newer_version_is_refused_with_412_saying_what_changed(world):
    api = token_client(editor("Publishers"))
    path = "/api/v1/events/event-0/"
    read = get(api, path)["ETag"]
    # Someone else saves meanwhile, within the same second.
    other = token_client(editor("Editors"))
    theirs = other.patch(path, {"summary": "Theirs"}, format="json", HTTP_IF_MATCH=read)
    assert theirs.status_code == 200, theirs.content

    response = api.patch(path, {"title": "Mine"}, format="json", HTTP_IF_MATCH=read)

    assert response.status_code == 412
    message = response.json()["errors"][0]["message"]
    assert "editors-user saved this record" in message
    assert "“Theirs”" in message
    event = Event.objects.get(slug="event-0")
    assert (event.title, event.summary) != ("Mine", "Theirs") and event.summary == "Theirs"
    # A weakened tag of the current version, or *, goes through.
    current = "W/" + theirs["ETag"]
    assert (
        api.patch(path, {"title": "Mine"}, format="json", HTTP_IF_MATCH=current).status_code == 200
    )
    forced = api.patch(path, {"title": "Forced"}, format="json", HTTP_IF_MATCH="*")
    assert forced.status_code == 200


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_writers_sending_one_version_the_second_is_refused():
    make_world(1)
    api = token_client(editor("Publishers"))
    path = "/api/v1/events/event-0/"
    read = get(api, path)["ETag"]

    def theirs():
        event = Event.objects.select_for_update().get(slug="event-0")
        event.summary = "Theirs"
        event.save()

    with another_writer(theirs):
        response = api.patch(path, {"title": "Mine"}, format="json", HTTP_IF_MATCH=read)

    assert response.status_code == 412, response.content
    assert "“Theirs”" in response.json()["errors"][0]["message"]
    assert Event.objects.get(slug="event-0").title != "Mine"


def test_a_change_ignores_list_filters_in_its_query_string(world):
    # (They once added a DISTINCT, which PostgreSQL refuses with FOR UPDATE.)
    api = token_client(editor("Publishers"))
    path = "/api/v1/events/event-0/"
    response = api.patch(
        f"{path}?q=event&country=GE&person=nobody",
        {"summary": "Filtered"},
        format="json",
        HTTP_IF_MATCH="*",
    )
    assert response.status_code == 200, response.content
    assert Event.objects.get(slug="event-0").summary == "Filtered"


@pytest.mark.parametrize(
    "tag", ['"nonsense"', '"zzz-1"', "not even quoted", '"ffffffffffffffffffff-1"']
)
def test_a_malformed_if_match_is_a_412_not_an_error(world, tag):
    api = token_client(editor("Publishers"))
    response = api.patch(
        "/api/v1/events/event-0/", {"title": "x"}, format="json", HTTP_IF_MATCH=tag
    )
    assert response.status_code == 412
    assert Event.objects.get(slug="event-0").title != "x"


def test_an_embedded_records_change_alters_the_etag_but_not_the_version(world):
    first = get(APIClient(), "/api/v1/events/event-0/")["ETag"]
    country = Event.objects.get(slug="event-0").countries.first()
    country.name = "Renamed land"
    country.save()
    second = get(APIClient(), "/api/v1/events/event-0/")["ETag"]
    assert second != first
    assert second.split("-")[0] == first.split("-")[0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            {"citations": [{"source": "source", "quote": "words not in the text"}]},
            "citations.0.quote",
        ),
        ({"citations": [{"source": "no-source", "quote": QUOTE}]}, "citations.0.source"),
        ({"date": "the spring of 1919"}, "date"),
        ({"date": "1920/1919"}, "date"),
        ({"category": "gossip"}, "category"),
        ({"slug": "event-0"}, "slug"),
        ({"countries": ["zz"]}, "countries"),
        ({"status": "published"}, "status"),
    ],
)
def test_an_editor_write_is_validated_as_in_the_admin(world, change, field):
    api = token_client(editor())
    response = api.post("/api/v1/events/", {**NEW_EVENT, **change}, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400
    assert field in [error["field"] for error in body["errors"]], body
    assert not Event.objects.filter(title="A new event").exists()


def test_a_publisher_publishes_only_a_cited_record(world):
    api = token_client(editor("Publishers"))
    uncited = {**NEW_EVENT, "status": "published", "citations": []}
    response = api.post("/api/v1/events/", uncited, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "citations"
    response = api.post("/api/v1/events/", {**NEW_EVENT, "status": "published"}, format="json")
    assert response.status_code == 201, response.content
    assert get(APIClient(), "/api/v1/events/new-event/").json()["title"] == "A new event"


def test_an_editor_cannot_unpublish(world):
    api = token_client(editor())
    response = api.patch(
        "/api/v1/events/event-0/", {"status": "draft"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "status"


def test_a_session_user_writes_too(world):
    api = APIClient()
    api.force_login(editor())
    response = api.post(
        "/api/v1/policy/",
        {
            "slug": "a-goal",
            "title": "A goal",
            "kind": "objective",
            "citations": [{"source": "source", "quote": QUOTE}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content


# --- Queries -------------------------------------------------------------------------


def count_queries(client, path, **data):
    with CaptureQueriesContext(connection) as queries:
        get(client, path, data=data)
    return len(queries)


def all_counts(client, made):
    counts = {}
    for resource, records in made.items():
        listed, one = f"/api/v1/{resource}/", f"/api/v1/{resource}/{key(records[0])}/"
        counts[listed] = count_queries(client, listed, page_size=200)
        counts[one] = count_queries(client, one)
    counts["search"] = count_queries(client, "/api/v1/search/", q="1", page_size=200)
    counts["export"] = count_queries(client, "/api/v1/export/")
    return counts


def test_query_counts_do_not_grow_with_rows(client, world):
    before = all_counts(client, world)
    make_world(12, start=3)  # five times the rows
    assert all_counts(client, world) == before
    # The dearest answer is an organization's: its own links, and seven lists of
    # records pointing at it (organs, seats, elections, events, figures, documents).
    assert max(count for path, count in before.items() if path != "export") <= 16, before


# --- Schema and docs -------------------------------------------------------------------


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    """The schema as /api/schema/ serves it (as JSON), read once for the module's tests."""
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_describes_every_resource_filter_and_error(openapi):
    schema = openapi
    operation = schema["paths"]["/api/v1/events/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "year_from", "year_to", "period", "country", "organization", "person"} <= names
    assert {"category", "ordering", "page", "page_size"} <= names
    assert {"200", "400", "404", "429"} <= set(operation["responses"])
    for resource in RESOURCES:
        assert f"/api/v1/{resource}/" in schema["paths"]


def test_schema_names_every_status_code_each_operation_can_answer(openapi):
    paths = openapi["paths"]
    server = {"414", "431"}  # the server's, for an address or headers too long
    reads = {"200", "304", "400", "401", "404", "406", "412", "429"} | server
    for path in ("/api/v1/events/", "/api/v1/search/", "/api/v1/export/"):
        assert set(paths[path]["get"]["responses"]) == reads
    assert set(paths["/api/v1/events/{slug}/"]["get"]["responses"]) == reads | {"301"}
    assert set(paths["/api/v1/events/{slug}/"]["patch"]["responses"]) == {
        *("200", "400", "401", "403", "404", "406", "412", "415", "428", "429"),
        *server,
    }
    # Anyone reads; a change takes a token or a session.
    assert {} in paths["/api/v1/events/"]["get"]["security"]
    assert {} not in paths["/api/v1/events/"]["post"]["security"]


def test_schema_names_the_fields_a_record_has(openapi):
    paths = openapi["paths"]
    parameters = paths["/api/v1/people/{slug}/"]["get"]["parameters"]
    [fields] = [parameter for parameter in parameters if parameter["name"] == "fields"]

    assert {"slug", "name", "periods"} <= set(fields["schema"]["items"]["enum"])
    assert "acronym" not in fields["schema"]["items"]["enum"]
    assert (fields["style"], fields["explode"]) == ("form", False)  # slug,name


@pytest.mark.parametrize("path", ["/api/v1/events/", "/api/v1/search/"])
def test_schema_gives_page_size_as_a_whole_number_from_1_to_200(openapi, path):
    schema = openapi
    parameters = schema["paths"][path]["get"]["parameters"]
    [page_size] = [parameter for parameter in parameters if parameter["name"] == "page_size"]
    assert page_size["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
    assert "200" in page_size["description"]


def test_schema_gives_the_most_values_a_filter_takes(openapi):
    schema = openapi
    parameters = schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    most = {parameter["name"]: parameter["schema"].get("maxItems") for parameter in parameters}
    assert {most[name] for name in ("country", "period", "person", "organization")} == {50}


def test_schema_requires_no_field_of_a_record_as_fields_may_leave_any_out(client, world, openapi):
    schema = openapi["components"]["schemas"]
    body = get(client, "/api/v1/people/", data={"fields": "periods"}).json()

    assert set(body["results"][0]) == {"periods"}
    assert "required" not in schema["Person"]
    assert "slug" in schema["PeriodSummary"]["required"]  # summaries are whole


def test_docs_load_nothing_from_another_host(client, db, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    html = get(client, "/api/docs/").content.decode()
    assert "swagger-ui" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html


def test_an_unknown_api_address_answers_404_in_the_error_body(client, db):
    body = get(client, "/api/v1/no-such-thing/", status=404).json()
    assert body["status"] == 404 and body["errors"][0]["field"] is None


def test_a_nul_character_in_a_write_answers_400(world):
    api = token_client(editor("Publishers"))

    response = api.post(
        "/api/v1/events/",
        {**NEW_EVENT, "aliases": [{"source": "so\u0000urce", "name": "x"}]},
        format="json",
    )

    assert response.status_code == 400
    assert "NUL" in response.json()["errors"][0]["message"]


def test_a_nul_character_in_an_api_address_answers_the_api_error_body(client, db):
    body = get(client, "/api/v1/events/", status=400, data={"q": "a\x00b"}).json()

    assert body["status"] == 400 and body["errors"][0]["field"] is None
    assert "NUL" in body["errors"][0]["message"]


def test_people_and_organizations_filter_by_the_names_they_go_by(client, db):
    ada = f.PersonFactory(name="Ada Lovelace", summary="Named nobody.")
    f.PersonFactory(name="Charles Babbage", summary="Worked with Ada.")
    ada.aliases.add(f.AliasFactory(name="Topchubashov"))
    draft_source = f.SourceFactory(status=Status.DRAFT)
    ada.aliases.add(f.AliasFactory(name="Tiflis", source=draft_source))  # not public
    osce = f.OrganizationFactory(name="Organization for Security", acronym="OSCE")

    def names(path):
        return [row["name"] for row in get(client, path).json()["results"]]

    assert names("/api/v1/people/?name=ada") == ["Ada Lovelace"]  # not the summary
    assert names("/api/v1/people/?name=topchu") == ["Ada Lovelace"]
    assert names("/api/v1/people/?name=tiflis") == names("/api/v1/people/?q=tiflis") == []
    assert names("/api/v1/organizations/?name=osc") == [osce.name]
    assert names("/api/v1/events/?person=ada+lovelace") == []


def test_a_read_can_ask_for_only_some_fields(client, world):
    listed = get(client, "/api/v1/people/?fields=slug,name&page_size=1").json()["results"]
    one = get(client, f"/api/v1/people/{listed[0]['slug']}/?fields=name").json()

    assert [set(row) for row in listed] == [{"slug", "name"}]
    assert one == {"name": listed[0]["name"]}
    everything = get(client, "/api/v1/people/?page_size=1").json()["results"][0]
    assert {"url", "citations", "periods"} <= set(everything)  # a separate cache entry
    # As a list, the way clients generated from the schema send one.
    repeated = get(client, "/api/v1/people/?fields=slug&fields=name&page_size=1").json()
    assert repeated["results"] == listed


def test_asking_for_a_field_a_record_does_not_have_is_a_400(client, world):
    body = get(client, "/api/v1/people/?fields=slug,acronym", status=400).json()

    assert body["errors"][0]["field"] == "fields"
    assert "“acronym”" in body["errors"][0]["message"]
    # An empty list too: the names are checked before any record is read.
    get(client, "/api/v1/people/?fields=acronym&q=nobody-at-all", status=400)
    for empty in ("", ",", "slug,,name", "slug,"):
        body = get(client, "/api/v1/people/", status=400, data={"fields": empty}).json()
        assert body["errors"][0]["field"] == "fields"


def test_a_seat_carries_its_election_and_refuses_more_votes_than_cast(world):
    api = token_client(editor("Publishers"))
    path = "/api/v1/memberships/membership-1/"
    election = {
        "elected": "2016-06",
        "elected_by": "organization-0",
        "votes_received": 176,
        "votes_cast": 184,
    }
    response = api.patch(path, election, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 200, response.content
    cache.clear()
    body = get(APIClient(), path).json()
    assert body["elected_display"] == "June 2016"
    assert body["elected_by"]["slug"] == "organization-0"
    assert (body["votes_received"], body["votes_cast"]) == (176, 184)
    elected_by = get(APIClient(), "/api/v1/organizations/organization-0/").json()["elections"]
    assert [seat["slug"] for seat in elected_by] == ["membership-1"]

    response = api.patch(path, {"votes_received": 185}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 400
    assert "More votes received than cast." in str(response.json())
    assert Membership.objects.get(slug="membership-1").votes_received == 176


def test_a_project_is_part_of_several_wholes_and_a_mission_names_what_ended_it(world):
    api = token_client(editor("Publishers"))
    wholes = {"part_of": ["project-0", "project-1"]}
    response = api.patch("/api/v1/projects/project-2/", wholes, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 200, response.content
    end = {"ended": "1923-10-08", "ended_by": "event-0"}
    response = api.patch("/api/v1/missions/mission-1/", end, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 200, response.content
    cache.clear()

    project = get(APIClient(), "/api/v1/projects/project-2/").json()
    assert [whole["slug"] for whole in project["part_of"]] == ["project-0", "project-1"]
    mission = get(APIClient(), "/api/v1/missions/mission-1/").json()
    assert (mission["ended_display"], mission["ended_by"]["slug"]) == ("8 October 1923", "event-0")
    event = get(APIClient(), "/api/v1/events/event-0/").json()
    assert [ended["slug"] for ended in event["missions_ended"]] == ["mission-1"]
    page = APIClient().get(Event.objects.get(slug="event-0").get_absolute_url())
    assert "Mission 1" in page.content.decode()


def test_seats_filter_by_the_body_that_elected_them_and_projects_by_their_wholes(world):
    seat = Membership.objects.get(slug="membership-1")
    seat.elected_by = Organization.objects.get(slug="organization-0")
    seat.save()
    Project.objects.get(slug="project-2").part_of.add(Project.objects.get(slug="project-1"))
    cache.clear()

    seats = get(APIClient(), "/api/v1/memberships/", data={"elected_by": "organization-0"}).json()
    assert [row["slug"] for row in seats["results"]] == ["membership-1"]
    wholes = get(APIClient(), "/api/v1/projects/", data={"part_of": "project-1"}).json()
    assert [row["slug"] for row in wholes["results"]] == ["project-2"]
    body = get(APIClient(), "/api/v1/projects/", status=400, data={"part_of": "no-such"}).json()
    assert body["errors"][0]["field"] == "part_of"


def test_markdown_comes_also_as_the_html_the_page_shows(client, db):
    f.EventFactory(
        slug="marked",
        summary='A [link](/events/) and *words*<script>alert("x")</script>',
        note="Read **this**.",
    )
    body = get(client, "/api/v1/events/marked/").json()

    assert body["summary_html"] == markup.to_html(body["summary"])
    assert '<a href="/events/" rel="noopener noreferrer">link</a>' in body["summary_html"]
    assert "<em>words</em>" in body["summary_html"] and "<script" not in body["summary_html"]
    assert body["note_html"] == "<p>Read <strong>this</strong>.</p>"
    page = client.get("/events/marked/").content.decode()
    assert body["summary_html"] in page


def test_record_addresses_are_plain_in_every_format(client, db):
    f.EventFactory(slug="plain")
    csv = client.get("/api/v1/events/", {"format": "csv"}).content.decode()
    assert "http://testserver/api/v1/events/plain/," in csv and "?format=" not in csv
    body = get(client, "/api/v1/events/", data={"format": "json"}).json()
    assert body["results"][0]["url"] == "http://testserver/api/v1/events/plain/"
