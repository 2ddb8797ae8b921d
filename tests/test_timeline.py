"""The timeline: order, shapes of uncertain dates, zoom, filters, errors, query counts."""

import re
from datetime import date

import pytest
from django.db import connection
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy import timeline
from diplomacy.models import Event
from history.models import Period, Status

URL = "/timeline/"
TODAY = date(2025, 6, 1)


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Pages render static URLs without a collectstatic manifest, as in development."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def period(slug, when, status=Status.PUBLISHED, name=None):
    return Period.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").title(),
        kind=Period.Kind.STATE,
        date=when,
        status=status,
    )


def event(slug, when, category=Event.Category.DIPLOMACY, status=Status.PUBLISHED, periods=()):
    record = Event.objects.create(
        slug=slug,
        title=slug.replace("-", " ").title(),
        category=category,
        date=when,
        status=status,
    )
    record.periods.set(periods)
    return record


def chart_rows(query=""):
    page = timeline.Timeline(QueryDict(query), today=TODAY)
    assert not page.errors
    return {mark.record.slug: mark for mark in page.chart()["rows"]}


def marks_in_order(html):
    """The slugs of the chart's links, top to bottom."""
    svg = html[html.index('<svg class="tl-chart"') : html.index("</svg>")]
    return re.findall(r'href="/(?:events|timeline)/?([^"]*)"', svg)


@pytest.fixture
def content(db):
    russia = period("part-of-russia", "18XX/1918-05-28")
    adr = period("democratic-republic", "1918-05-28/1920-04")
    albania = period("caucasian-albania", "")
    republic = period("republic", "199X/..")
    return {
        "russia": russia,
        "adr": adr,
        "albania": albania,
        "republic": republic,
        "founding": event("founding", "1918-05-28", Event.Category.STATEHOOD, periods=[adr]),
        "missions": event("missions-in-baku", "1919", periods=[adr]),
        "abroad": event("missions-abroad", "../1920-04", periods=[adr]),
        "alkhanli": event("alkhanli-shelling", "2017-07-04", Event.Category.CONFLICT),
        "chair": event("nam-chair", "2019/2022", Event.Category.MULTILATERAL, periods=[republic]),
        "nam": event("nam-member", "2011/..", Event.Category.MULTILATERAL, periods=[republic]),
        "javanshir": event("javanshir", "", periods=[albania]),
        "silk-road": event("silk-road", "", Event.Category.ECONOMY),
    }


def test_timeline_url_name():
    assert reverse("diplomacy:timeline") == URL


def test_items_appear_in_chronological_order_with_undated_ones_apart(client, content):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    events = [slug for slug in marks_in_order(html) if not slug.startswith("?")]
    assert [slug.strip("/") for slug in events] == [
        "missions-abroad",  # open start: before any real date
        "founding",
        "missions-in-baku",
        "nam-member",
        "alkhanli-shelling",
        "nam-chair",
    ]
    assert "earliest day a date can mean, then by the latest" in html
    undated = html[html.index("Undated in the sources") :]
    assert "Javanshir" in undated and "Silk Road" in undated
    assert html.index("Founding") < html.index("Undated in the sources")


def test_list_groups_events_under_their_period_in_order(client, content):
    html = client.get(URL).content.decode()
    listing = html[html.index('id="tl-list"') :]
    headings = re.findall(r"<h3 [^>]*><a [^>]*>([^<]+)</a>", listing)
    assert headings[:3] == ["Part Of Russia", "Democratic Republic", "Republic"]
    adr = listing[listing.index("Democratic Republic") : listing.index(">Republic<")]
    assert adr.index("Missions Abroad") < adr.index("Founding") < adr.index("Missions In Baku")
    # Alkhanli is tied to no period: it goes under the period whose dates contain it.
    republic = listing[listing.index(">Republic<") : listing.index("Undated in the sources")]
    assert "Alkhanli Shelling" in republic


def test_century_period_is_a_span_and_day_event_a_point(content):
    period("nineteenth-century", "18XX")
    rows = chart_rows()
    century = rows["nineteenth-century"]
    assert century.shape == "span" and century.core is None  # somewhere in the century
    assert century.x_end - century.x > 100
    assert rows["founding"].shape == "point"
    assert rows["missions-in-baku"].shape == "span"  # a year is a span too, however thin
    # A span between two years is certain between them, vague at its ends.
    chair = rows["nam-chair"]
    assert chair.core and chair.x < chair.core[0] < chair.core[0] + chair.core[1] < chair.x_end


def test_shapes_render_as_svg_classes(client, content):
    period("nineteenth-century", "18XX")
    html = client.get(URL).content.decode()
    assert re.search(r'class="tl-mark tl-period tl-span"[^>]*>\s*<title>Zoom to Nineteenth', html)
    assert re.search(r'class="tl-mark tl-event tl-point"[^>]*>\s*<title>Founding: 28 May', html)
    assert '<circle class="tl-dot"' in html


def test_open_and_uncertain_dates_are_marked(content):
    event("uncertain", "1919?")
    rows = chart_rows()
    assert rows["nam-member"].beyond_end  # "since 2011" reaches today and beyond
    assert rows["missions-abroad"].beyond_start  # "until April 1920"
    assert rows["uncertain"].uncertain and not rows["founding"].uncertain
    republic = rows["republic"]
    assert republic.core and republic.beyond_end  # certain from the 2000s on, vague in the 1990s


def test_zoom_limits_events_to_those_overlapping_the_period(client, content):
    response = client.get(URL, {"period": "democratic-republic"})
    assert response.status_code == 200
    html = response.content.decode()
    slugs = {slug.strip("/") for slug in marks_in_order(html)}
    assert {"founding", "missions-in-baku", "missions-abroad"} <= slugs
    assert not {"alkhanli-shelling", "nam-chair", "nam-member"} & slugs
    assert "Silk Road" not in html  # undated and not tied to the period
    page = timeline.Timeline(QueryDict("period=democratic-republic"), today=TODAY)
    assert timeline.historical_year(int(page.axis.start)) == "1918"
    assert {p.slug for p in page.periods} == {"part-of-russia", "democratic-republic"}
    assert "Show the whole timeline" in html


def test_zoom_to_an_undated_period_lists_its_events(client, content):
    response = client.get(URL, {"period": "caucasian-albania"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Javanshir" in html and "Founding" not in html and "Silk Road" not in html


def test_category_filter(client, content):
    response = client.get(URL, {"category": ["multilateral", "conflict"]})
    assert response.status_code == 200
    slugs = {slug.strip("/") for slug in marks_in_order(response.content.decode())}
    assert {"nam-chair", "nam-member", "alkhanli-shelling"} <= slugs
    assert not {"founding", "missions-in-baku"} & slugs
    assert "republic" in {s.split("=")[-1] for s in slugs}  # periods stay as the frame


def test_year_range_selects_overlapping_events(content):
    rows = chart_rows("year_from=2012&year_to=2018")
    assert {"alkhanli-shelling", "nam-member"} <= set(rows)
    assert "founding" not in rows and "nam-chair" not in rows


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"period": "atlantis"}, "no published period “atlantis”"),
        ({"category": "gossip"}, "gossip"),
        ({"year_from": "soon"}, "From year"),
        ({"year_from": "2000", "year_to": "1900"}, "end year comes before"),
    ],
)
def test_bad_parameters_answer_400_with_the_reason(client, content, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_draft_and_unpublished_period_answers_400(client, content):
    period("draft-era", "19XX", status=Status.DRAFT)
    assert client.get(URL, {"period": "draft-era"}).status_code == 400


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_unpublished_records_never_appear(client, content, status):
    event("zanzibarian-treaty", "1919", status=status, periods=[content["adr"]])
    event("zanzibarian-rumour", "", status=status, periods=[content["albania"]])
    Period.objects.create(
        slug="zanzibarian-era", name="Zanzibarian era", kind="era", date="1919", status=status
    )
    for params in ({}, {"period": "democratic-republic"}, {"period": "caucasian-albania"}):
        html = client.get(URL, params).content.decode().lower()
        assert "zanzibarian" not in html
    teaser = timeline.teaser(today=TODAY)
    assert teaser["summary"].startswith("3 dated periods and 6 dated events")


def _create_events(n, periods):
    for i in range(n):
        event(f"bulk-{n}-{i}", f"{1920 + i % 90}-0{1 + i % 9}", periods=periods)


def test_query_count_does_not_grow_with_the_rows(client, content, django_assert_num_queries):
    periods = [content["adr"], content["republic"]]
    _create_events(10, periods)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _create_events(90, periods)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"category": "diplomacy"})
        assert response.status_code == 200
    assert response.content.decode().count('href="/events/bulk-') == 2 * 100  # chart and list
    assert len(few) == len(many)
    # Events, their periods (one prefetch), periods; the zoomed period adds one.
    with django_assert_num_queries(3):
        client.get(URL)
    with django_assert_num_queries(4):
        client.get(URL, {"period": "democratic-republic"})


def test_bce_dates_are_placed_before_ce_ones(content):
    event("herodotus", "-0449")
    event("first-century", "0050")
    period("achaemenids", "-0549/-0329")
    page = timeline.Timeline(QueryDict(), today=TODAY)
    rows = {mark.record.slug: mark for mark in page.chart()["rows"]}
    assert rows["herodotus"].x < rows["first-century"].x < rows["founding"].x
    assert rows["achaemenids"].x < rows["herodotus"].x < rows["achaemenids"].x_end
    events = [mark.record.slug for mark in page.chart()["rows"] if mark.kind == "event"]
    assert events.index("herodotus") < events.index("first-century") < events.index("founding")
    labels = [label for _, label in page.axis.ticks]
    assert any(label.endswith("BCE") for label in labels)
    assert any(label.endswith("CE") and not label.endswith("BCE") for label in labels)


def test_axis_ticks_count_years_as_historians_do():
    axis = timeline.Axis(timeline.dates.bound(-520), timeline.dates.bound(120, 12, 31))
    labels = {label: x for x, label in axis.ticks}
    assert list(labels) == ["500 BCE", "400 BCE", "300 BCE", "200 BCE", "100 BCE", "100 CE"]
    # There is no year 0: from 100 BCE to 100 CE is 199 years, not 200.
    century = labels["200 BCE"] - labels["300 BCE"]
    across = labels["100 CE"] - labels["100 BCE"]
    assert across == pytest.approx(1.99 * century, abs=0.2)


def test_page_has_no_inline_scripts_styles_or_external_hosts(client, content):
    html = client.get(URL).content.decode()
    assert " style=" not in html and "<style" not in html
    # The timeline needs no script; the one every page loads is a file of the site's.
    assert (
        re.findall(r"<script[^>]*>", html) == ['<script src="/static/js/nav.js" defer>']
        and " on" + "click=" not in html
    )
    hosts = set(re.findall(r'(?:src|href)="(?:https?:)?//([^/"]+)', html))
    assert hosts <= {"testserver"}  # the site itself (its canonical link), no other


def test_every_item_links_to_its_page(client, content):
    html = client.get(URL).content.decode()
    for key in ("founding", "alkhanli", "javanshir", "silk-road"):
        assert f'href="{content[key].get_absolute_url()}"' in html
    for key in ("adr", "albania"):
        assert f'href="{content[key].get_absolute_url()}"' in html
    assert 'href="/timeline/?period=democratic-republic"' in html


def test_zoom_links_keep_the_category_filter(client, content):
    html = client.get(URL, {"category": "multilateral"}).content.decode()
    assert "/timeline/?category=multilateral&amp;period=republic" in html


def test_teaser_for_the_home_page(content, django_assert_num_queries):
    with django_assert_num_queries(3):
        data = timeline.teaser(today=TODAY)
    html = render_to_string("includes/timeline_teaser.html", {"timeline_teaser": data})
    assert 'href="/timeline/"' in html
    assert "3 dated periods and 6 dated events" in html
    assert 'aria-hidden="true"' in html


def test_empty_timeline(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert "No dated periods or events match." in response.content.decode()
    assert timeline.teaser() is None


def test_the_filters_panel_counts_the_filters_that_apply(client, db):
    html = client.get("/timeline/", {"category": ["statehood", "culture"], "year_from": "1900"})
    text = html.content.decode()
    assert re.search(r"<summary>Categories and years <span[^>]*>3 active</span></summary>", text)
    plain = client.get("/timeline/").content.decode()
    assert "<summary>Categories and years</summary>" in plain


def test_the_counts_read_in_the_singular_and_the_plural(client, db):
    adr = period("democratic-republic", "1918-05-28/1920-04")
    event("founding", "1918-05-28", periods=[adr])

    assert "1 period and 1 event." in client.get(URL).content.decode()
    assert timeline.teaser(today=TODAY)["summary"].startswith("1 dated period and 1 dated event")

    event("silk-road", "")
    event("javanshir", "")
    assert "1 period and 3 events; 2 of them undated" in client.get(URL).content.decode()
