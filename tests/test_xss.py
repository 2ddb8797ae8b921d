"""Editors' text is never trusted: XSS payloads in every text field render harmless."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django_countries import countries

from tests import factories as f

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    "<details open ontoggle=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "</script><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">x</a>',
]
URL_ATTRIBUTES = {"href", "src", "action", "data", "xlink:href", "formaction"}
DANGEROUS_TAGS = {"iframe", "object", "embed", "style", "base", "math"}


class Scanner(HTMLParser):
    """Collects every way a page could run script that the site did not write."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            own = attributes.get("src", "").startswith("/static/")
            data = attributes.get("type") == "application/ld+json"
            if not (own or data):
                self.found.append(f"<script {attrs}>")
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}={value}")
            url = (value or "").strip().lower()
            if name in URL_ATTRIBUTES and url.startswith(("javascript:", "data:text")):
                self.found.append(f"{tag} {name}={value}")


def executable_markup(html):
    scanner = Scanner()
    scanner.feed(html)
    return scanner.found


ATOM = "{http://www.w3.org/2005/Atom}"


def feed_html(xml):
    """The HTML an Atom feed carries (escaped in its text), as a feed reader shows it."""
    return [
        element.text or ""
        for element in ElementTree.fromstring(xml).iter()
        if element.tag in (f"{ATOM}summary", f"{ATOM}content") and element.get("type") == "html"
    ]


@pytest.fixture
def hostile(db):
    """Published records with a payload in every text field an editor fills in."""
    records = []
    for index, payload in enumerate(PAYLOADS):
        text = f"hostile{index} {payload}"
        period = f.PeriodFactory(name=text, summary=text)
        person = f.PersonFactory(name=text, role=text, summary=text)
        person.periods.add(period)
        event = f.EventFactory(title=text, summary=text)
        event.periods.add(period)
        event.people.add(person)
        country = f.CountryFactory(code=list(countries)[index].code)
        country.name, country.summary = text, text
        country.save()
        event.countries.add(country)
        records += [
            period,
            person,
            event,
            f.QuoteFactory(text=text, occasion=text, speaker=person),
            f.OrganizationFactory(name=text, acronym=f"H{index}", summary=text),
            f.ProjectFactory(name=text, summary=text),
            f.PriorityFactory(title=text, summary=text),
        ]
        f.FigureFactory(label=text, unit="x")
    return records


def test_payloads_in_every_text_field_render_harmless(client, hostile):
    urls = {record.get_absolute_url() for record in hostile}
    for name in (
        "diplomacy:home",
        "diplomacy:event-list",
        "history:period-list",
        "history:person-list",
        "history:quote-list",
        "diplomacy:country-list",
        "diplomacy:organization-list",
        "diplomacy:project-list",
        "diplomacy:priority-list",
        "diplomacy:timeline",
        "diplomacy:map",
        "event-feed",
    ):
        urls.add(reverse(name))
    urls.add(reverse("diplomacy:search") + "?q=hostile1")

    feed = reverse("event-feed")
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable_markup(response.content.decode()) == [], url
        if url == feed:
            summaries = feed_html(response.content)
            assert len(summaries) == len(PAYLOADS), url
            for html in summaries:
                assert executable_markup(html) == [], (url, html)


def test_the_feed_carries_a_summary_as_the_event_page_shows_it(client, db):
    event = f.EventFactory(summary="Signed in **Kars**, see [the text](https://example.org/).")
    page = client.get(event.get_absolute_url()).content.decode()

    (summary,) = feed_html(client.get(reverse("event-feed")).content)

    assert summary == (
        "<p>Signed in <strong>Kars</strong>, see "
        '<a href="https://example.org/" rel="noopener noreferrer">the text</a>.</p>'
    )
    assert summary in page


def test_the_scanner_finds_what_it_looks_for():
    # The check above is only as good as this: it must see each kind of danger.
    assert executable_markup("<p><script>alert(1)</script></p>")
    assert executable_markup('<img src="x" onerror="alert(1)">')
    assert executable_markup('<a href=" JavaScript:alert(1)">x</a>')
    assert executable_markup("<iframe></iframe>")
    assert executable_markup('<p style="color:red">x</p>')
    assert not executable_markup('<script type="application/ld+json">{"a": 1}</script>')
    assert not executable_markup('<script src="/static/js/map.js" defer></script>')
