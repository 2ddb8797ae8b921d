"""Exact query counts of every public page and API answer.

Pinned: the number of database queries of one uncached GET of every public
HTML list and detail page, of home, search, timeline, map, the map's JSON,
the sitemap and the Atom feed, and of every list and detail of the JSON API
(/api/v1/<resource>/ and /api/v1/<resource>/<slug or code>/).

Why exact: the older checks only compared two sizes of data, which misses a
query added once per page, and the country, person, period, project, quote
and policy detail pages had no check at all. Every record of the world below
is linked to two or more others (citations, aliases, periods, people,
countries, organizations, projects, speakers, participations …), so a query
made once per row or per link would already show as a larger count. Each
count is measured on two worlds, with 3 and with 8 records of each kind (two
quotes, relations, missions, memberships and figures for each), and must be
the same number on both: a query that grows with the rows fails one of them.

Each answer is measured uncached: the caches are emptied just before the
request (the API's throttle counts live there too, and are never a query).

A different count is not wrong by itself: when a change adds or saves a query
on purpose, read the queries (`pytest -v` lists them when a count differs), make
sure none is repeated per row, and update the table.
"""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import translate_url
from django.utils import translation
from rest_framework.test import APIClient

from diplomacy.models import (
    Country,
    Document,
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
from history.models import Alias, Citation, Period, Person, Quote, Source, Status
from tests.shared import rolled_back, shared_by_module

COUNTRY_CODES = ["FR", "GB", "TR", "IR", "GE", "RU", "US", "DE", "IT", "JP", "CN", "KZ"]
SMALL, LARGE = 3, 8


def build_world(count, first=0):
    """`count` published records of every kind, numbered from `first`, all linked.

    For each number n: a source; a period, a person with two quotes and two
    periods, a country with two relations, two missions and two figures, an
    organization (an organ of the one before) with two memberships, a project
    (a component of the one before) with two participating countries, a
    priority, an event tied to two periods, people, countries, organizations
    and projects, and a document about the event, two countries and two
    organizations. Every record cites two passages and has two aliases, from
    two sources. Every name holds "Shirvan", for search to find.
    """
    numbers = range(first, first + count)
    sources = [
        Source.objects.create(
            slug=f"source-{n}",
            title=f"Shirvan source {n}",
            author="A. Historian",
            # Lines enough for every passage cited from it, all different.
            text="\n".join(
                f"Passage {k} of source {n} on the Shirvan mission." for k in range(80)
            ),
            status=Status.PUBLISHED,
        )
        for n in numbers
    ]
    passages_used = {source.pk: 0 for source in sources}

    def passage(source):
        passages_used[source.pk] += 1
        return f"Passage {passages_used[source.pk]} of {source.slug.replace('-', ' ')}"

    def cited(model, i, **fields):
        """A published record of `model`, citing and named by sources i and i + 1."""
        record = model.objects.create(status=Status.PUBLISHED, **fields)
        two_sources = [sources[i], sources[(i + 1) % count]]
        record.citations.add(
            *(Citation.objects.create(source=s, quote=passage(s)) for s in two_sources)
        )
        record.aliases.add(*(Alias.objects.create(source=s, name=passage(s)) for s in two_sources))
        return record

    kinds = ["periods", "people", "quotes", "countries", "relations", "missions", "figures"]
    kinds += ["organizations", "memberships", "projects", "priorities", "events", "documents"]
    world = {kind: [] for kind in kinds}
    for i, n in enumerate(numbers):
        world["periods"].append(
            cited(
                Period,
                i,
                slug=f"period-{n}",
                name=f"Shirvan period {n}",
                kind=Period.Kind.STATE,
                date=f"{1900 + 10 * n}/{1915 + 10 * n}",
            )
        )
        world["people"].append(
            cited(Person, i, slug=f"person-{n}", name=f"Shirvan person {n}", role="Envoy")
        )
        country = cited(
            Country, i, slug=f"country-{n}", code=COUNTRY_CODES[n], name=f"Shirvan country {n}"
        )
        organization = cited(
            Organization,
            i,
            slug=f"organization-{n}",
            name=f"Shirvan organization {n}",
            acronym=f"SO{n}",
            parent=world["organizations"][-1] if world["organizations"] else None,
        )
        project = cited(
            Project,
            i,
            slug=f"project-{n}",
            name=f"Shirvan pipeline {n}",
            kind=Project.Kind.ENERGY,
            date=f"{2000 + n}/{2006 + n}",
        )
        if world["projects"]:
            project.part_of.add(world["projects"][-1])
        world["countries"].append(country)
        world["organizations"].append(organization)
        world["projects"].append(project)
        for half in "ab":
            world["quotes"].append(
                cited(
                    Quote,
                    i,
                    slug=f"quote-{n}{half}",
                    text=f"Words of the Shirvan envoy {n}{half}.",
                    speaker=world["people"][i],
                    occasion="A speech",
                    date=f"{1990 + n}",
                )
            )
            world["relations"].append(
                cited(
                    Relation,
                    i,
                    slug=f"relation-{n}{half}",
                    country=country,
                    kind=Relation.Kind.DIPLOMATIC,
                    title=f"Shirvan relations {n}{half}",
                    date=f"{1991 + n}/..",
                )
            )
            world["missions"].append(
                cited(
                    Mission,
                    i,
                    slug=f"mission-{n}{half}",
                    country=country,
                    direction=Mission.Direction.ABROAD,
                    kind=Mission.Kind.EMBASSY,
                    city="Paris",
                    title=f"Shirvan embassy {n}{half}",
                    date=f"{1993 + n}/..",
                )
            )
            world["memberships"].append(
                cited(
                    Membership,
                    i,
                    slug=f"membership-{n}{half}",
                    organization=organization,
                    kind=Membership.Kind.MEMBER,
                    summary=f"Shirvan membership {n}{half}",
                    date=f"{1992 + n}/..",
                )
            )
            world["figures"].append(
                cited(
                    Figure,
                    i,
                    slug=f"figure-{n}{half}",
                    label=f"Shirvan embassies {n}{half}",
                    value=10 + n,
                    unit="embassies",
                    country=country,
                    organization=organization,
                    date=f"{2010 + n}",
                )
            )
        world["priorities"].append(
            cited(
                Priority,
                i,
                slug=f"priority-{n}",
                title=f"Shirvan priority {n}",
                kind=Priority.Kind.OBJECTIVE,
                position=n,
            )
        )
    # What links each record to the next one, now that all exist.
    for i, n in enumerate(numbers):
        following = (i + 1) % count
        world["people"][i].periods.add(world["periods"][i], world["periods"][following])
        project = world["projects"][i]
        for role, country in [
            (Participation.Role.MEMBER, world["countries"][i]),
            (Participation.Role.ROUTE, world["countries"][following]),
        ]:
            participation = Participation.objects.create(
                project=project, country=country, role=role
            )
            participation.citations.add(*project.citations.all())
        event = cited(
            Event,
            i,
            slug=f"event-{n}",
            title=f"Shirvan event {n}",
            category=Event.Category.DIPLOMACY,
            date=f"{1992 + n}-05-28",
        )
        for field in ("periods", "people", "countries", "organizations", "projects"):
            getattr(event, field).add(world[field][i], world[field][following])
        world["events"].append(event)
        document = cited(
            Document,
            i,
            slug=f"document-{n}",
            title=f"Shirvan order {n}",
            kind=Document.Kind.ORDER,
            issued_by=world["organizations"][i],
            date=f"{1993 + n}-10-08",
        )
        document.events.add(event)
        for field in ("countries", "organizations"):
            getattr(document, field).add(world[field][i], world[field][following])
        world["documents"].append(document)
    return world


@shared_by_module
def small_world():
    """build_world(SMALL), made once for the module's tests."""
    # No versions: the public never reads them, and the build takes half the time.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        build_world(SMALL)


@pytest.fixture(scope="module", params=[SMALL, LARGE], ids=lambda size: f"{size}-of-each")
def world_size(request, small_world, django_db_blocker):
    """How many records of each kind there are: the small world, or it and more.

    The records added for the larger size are rolled back after its tests, so
    the sizes may run in any order.
    """
    with rolled_back(django_db_blocker):
        if request.param > SMALL:
            with django_db_blocker.unblock(), override_settings(SIMPLE_HISTORY_ENABLED=False):
                build_world(request.param - SMALL, first=SMALL)
        yield request.param


# The queries of one uncached GET, whatever the size of the world; and words the
# answer must show ({last}: the last record's number), which prove the rows (or
# links) an N+1 would repeat over are really on the page.
PAGES = {
    # timeline teaser: periods, events, their count; figures, their citations and
    # aliases; the latest events
    "/": (7, ["Shirvan event {last}", "Shirvan embassies {last}b"]),
    # Lists: each checkbox group of the filters counts its options in one query.
    # count; the kinds counted; the page
    "/periods/": (3, ["Shirvan period {last}"]),
    # the period; its citations, aliases, people, events; the previous and next periods
    "/periods/period-1/": (7, ["Shirvan person 0", "Shirvan person 1", "Shirvan event 0"]),
    # count; the periods to filter by, counted; the page
    "/people/": (4, ["Shirvan person {last}"]),
    # the person; citations, aliases, periods, quotes, events
    "/people/person-1/": (
        6,
        ["Shirvan period 1", "Shirvan period 2", "Shirvan envoy 1b", "Shirvan event 0"],
    ),
    # count; the kinds counted; the page with the speakers
    "/quotes/": (3, ["Shirvan envoy {last}b", "Shirvan person {last}"]),
    # the quote with its speaker; citations, aliases; previous and next
    "/quotes/quote-1a/": (5, ["Shirvan person 1"]),
    "/sources/": (2, ["Shirvan source {last}"]),
    # the source; for each of the 13 kinds of record that cite, those citing it;
    # the citations found
    "/sources/source-1/": (15, ["Shirvan period 0", "Shirvan event 1"]),
    # count; the categories counted; the periods and the countries to filter
    # by, each counted; the page
    "/events/": (7, ["Shirvan event {last}"]),
    # the event; citations, aliases, periods, people, countries, organizations,
    # projects; the missions it ended; previous and next
    "/events/event-1/": (14, ["Shirvan pipeline 2", "Shirvan organization 2"]),
    # count; the page; its relations, missions and project participations
    "/countries/": (5, ["Shirvan country {last}"]),
    # the country; citations, aliases; relations; missions; participations
    # with projects; events; figures with their country and organization; documents;
    # the citations of the relations, missions and figures, which have no page
    "/countries/gb/": (
        15,
        [
            "Shirvan relations 1b",
            "Shirvan embassy 1b",
            "Shirvan pipeline 0",
            "Shirvan embassies 1b",
        ],
    ),
    # count; Azerbaijan's standings counted; the page; their memberships
    "/organizations/": (4, ["Shirvan organization {last}"]),
    # the organization; citations, aliases; its parent; memberships; the seats
    # it elected to; organs with their parent; events; figures with their
    # country and organization; the citations of the seats and figures
    "/organizations/organization-1/": (
        18,
        ["Shirvan organization 0", "Shirvan organization 2", "Shirvan embassies 1b"],
    ),
    # count; the countries to filter by, counted; the kinds counted; the
    # wholes to filter by, counted; the page
    "/projects/": (7, ["Shirvan pipeline {last}"]),
    # the project; citations, aliases; the wholes it is part of; previous and next;
    # participations with countries; components; events
    "/projects/project-1/": (9, ["Shirvan country 2", "Shirvan pipeline 2"]),
    # count; the countries to filter by, counted; the kinds counted; the page
    "/documents/": (5, ["Shirvan order {last}"]),
    # the document; citations, aliases; its issuer; events, countries,
    # organizations; previous and next
    "/documents/document-1/": (9, ["Shirvan event 1", "Shirvan organization 2"]),
    # count; the kinds counted; the page
    "/policy/": (3, ["Shirvan priority {last}"]),
    # the priority; citations, aliases
    "/policy/priority-1/": (3, ["Shirvan priority 1"]),
    # counts per kind; the page of hits with their snippets
    "/search/?q=Shirvan": (2, ["Shirvan"]),
    # periods; events; their periods
    "/timeline/": (3, ["Shirvan event {last}"]),
    # countries, missions, relations, participations with projects
    "/map/": (4, ["Shirvan country {last}"]),
    "/map/states.json": (4, ["Shirvan embassy {last}b"]),
    # for each of the 10 kinds of record with a page: the records, in every language
    "/sitemap.xml": (10, ["/periods/period-{last}/"]),
    "/feeds/events/": (1, ["Shirvan event {last}"]),
}

# The API's lists: the count; the page; then what each record of the page
# needs, one query each for all of them. Its records: the same but the count.
API = {
    "/api/v1/sources/": (2, ["source-{last}"]),
    # the source alone: its text, no citations
    "/api/v1/sources/source-1/": (1, ["Shirvan source 1"]),
    # citations, aliases, people, events
    "/api/v1/periods/": (6, ["period-{last}"]),
    "/api/v1/periods/period-1/": (5, ["person-0", "person-1", "event-0"]),
    # citations, aliases, periods, quotes, events
    "/api/v1/people/": (7, ["person-{last}"]),
    "/api/v1/people/person-1/": (6, ["period-2", "quote-1b", "event-0"]),
    # (the page with speakers); citations, aliases
    "/api/v1/quotes/": (4, ["quote-{last}b"]),
    "/api/v1/quotes/quote-1a/": (3, ["person-1"]),
    # citations, aliases, relations, missions, participations with projects,
    # events, figures
    "/api/v1/countries/": (13, ["country-{last}"]),
    "/api/v1/countries/gb/": (12, ["relation-1b", "mission-1b", "project-0", "figure-1b"]),
    # (the page with countries); citations, aliases
    "/api/v1/relations/": (5, ["relation-{last}b"]),
    "/api/v1/relations/relation-1a/": (4, ["Shirvan country 1"]),
    "/api/v1/missions/": (4, ["mission-{last}b"]),
    "/api/v1/missions/mission-1a/": (3, ["Shirvan country 1"]),
    # citations, aliases, parents, organs, memberships, events, figures
    "/api/v1/organizations/": (17, ["organization-{last}"]),
    "/api/v1/organizations/organization-1/": (
        16,
        ["organization-0", "organization-2", "figure-1b"],
    ),
    # (the page with organizations); citations, aliases
    "/api/v1/memberships/": (5, ["membership-{last}b"]),
    "/api/v1/memberships/membership-1a/": (4, ["organization-1"]),
    # citations, aliases, parents, components, participations with countries,
    # events
    "/api/v1/projects/": (8, ["project-{last}"]),
    "/api/v1/projects/project-1/": (7, ["project-0", "project-2", "Shirvan country 2"]),
    "/api/v1/documents/": (8, ["document-{last}"]),
    "/api/v1/documents/document-1/": (7, ["event-1", "organization-2", "organization-1"]),
    # citations, aliases, periods, people, countries, organizations, projects
    "/api/v1/events/": (13, ["event-{last}"]),
    "/api/v1/events/event-1/": (12, ["period-2", "person-2", "organization-2", "project-2"]),
    # citations, aliases
    "/api/v1/policy/": (4, ["priority-{last}"]),
    "/api/v1/policy/priority-1/": (3, ["Shirvan source 2"]),
    # citations, aliases, countries, organizations
    "/api/v1/figures/": (6, ["figure-{last}b"]),
    "/api/v1/figures/figure-1a/": (5, ["Shirvan country 1", "organization-1"]),
}


def check(client, url, expected, shown, size, django_assert_num_queries):
    """One GET of `url` costs `expected` queries, and shows every one of `shown`."""
    # Read as by its first reader: no page, API answer or throttle count cached.
    for cache in caches.all():
        cache.clear()
    with django_assert_num_queries(expected):
        response = client.get(url)
        assert response.status_code == 200, response.content[:500]
    content = response.content.decode()
    for words in shown:
        assert words.format(last=size - 1) in content, f"{url} does not show {words!r}"


def by_url(table):
    return [pytest.param(url, *values, id=url) for url, values in table.items()]


@pytest.mark.parametrize(("url", "expected", "shown"), by_url(PAGES))
def test_page_queries(db, world_size, client, url, expected, shown, django_assert_num_queries):
    check(client, url, expected, shown, world_size, django_assert_num_queries)


@pytest.mark.parametrize(("url", "expected", "shown"), by_url(API))
def test_api_queries(db, world_size, url, expected, shown, django_assert_num_queries):
    check(APIClient(), url, expected, shown, world_size, django_assert_num_queries)


# In Azerbaijani, with no translation written: every translated field falls back to
# its English, read from the same row, so a page costs the queries it costs in English.


@pytest.mark.parametrize(("url", "expected", "shown"), by_url(PAGES))
def test_page_queries_in_another_language(
    db, world_size, client, url, expected, shown, django_assert_num_queries
):
    address = translate_url(url, "az")  # its Azerbaijani address: /az/… for a page
    with translation.override("az"):
        check(client, address, expected, shown, world_size, django_assert_num_queries)


@pytest.mark.parametrize(("url", "expected", "shown"), by_url(API))
def test_api_queries_in_another_language(
    db, world_size, url, expected, shown, django_assert_num_queries
):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="az")
    with translation.override("az"):
        check(client, url, expected, shown, world_size, django_assert_num_queries)
