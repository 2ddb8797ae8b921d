"""The world map: states as of a year, the page, its JSON, its geometry."""

import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy import maps
from diplomacy.models import Country, Mission, Participation, Project, Relation
from history.models import Status

PUBLISHED = Status.PUBLISHED
TODAY = maps.this_year()
MISSIONS_IN_BAKU_1919 = ["US", "GB", "FR", "IT", "SE", "CH", "BE", "IR", "PL", "UA"]
MISSIONS_ABROAD_UNTIL_1920 = ["GE", "AM", "IR", "TR", "UA"]
NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "FR": "France",
    "IT": "Italy",
    "SE": "Sweden",
    "CH": "Switzerland",
    "BE": "Belgium",
    "IR": "Iran",
    "PL": "Poland",
    "UA": "Ukraine",
    "GE": "Georgia",
    "AM": "Armenia",
    "TR": "Turkey",
    "MT": "Malta",
}


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Pages render without a collectstatic manifest, as in development."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def country(code, status=PUBLISHED):
    return Country.objects.create(
        code=code, name=NAMES.get(code, code), slug=code.lower(), status=status
    )


def mission(place, date, direction=Mission.Direction.IN_AZERBAIJAN, status=PUBLISHED):
    return Mission.objects.create(
        country=place,
        direction=direction,
        date=date,
        title=f"Mission of {place.name}" if direction == "in" else f"Mission in {place.name}",
        slug=f"mission-{place.slug}-{direction}-{date.replace('/', '').replace('.', '')}",
        status=status,
    )


@pytest.fixture
def content(db):
    """The facts of 1919–1923 and today, as the sources tell them."""
    countries = {code: country(code) for code in NAMES}
    for code in MISSIONS_IN_BAKU_1919:
        mission(countries[code], "1919")
    for code in MISSIONS_ABROAD_UNTIL_1920:
        mission(countries[code], "../1920-04", Mission.Direction.ABROAD)
    for code in ["TR", "IR"]:
        mission(countries[code], "1923-10-08")
    Relation.objects.create(
        country=countries["AM"],
        kind=Relation.Kind.CONFLICT,
        title="The Armenian-Azerbaijani conflict",
        date="1988/..",
        slug="armenia-conflict",
        status=PUBLISHED,
    )
    corridor = Project.objects.create(
        name="Southern Gas Corridor",
        kind=Project.Kind.ENERGY,
        slug="southern-gas-corridor",
        status=PUBLISHED,
    )
    for code in ["GE", "TR", "IT"]:
        Participation.objects.create(project=corridor, country=countries[code], role="member")
    return countries


def states_of(year, **kwargs):
    return {code: state.state.key for code, state in maps.country_states(year, **kwargs).items()}


def coloured(year):
    return {code for code, state in states_of(year).items() if state != "known"}


def page(client, year=None, status=200):
    response = client.get(reverse("diplomacy:map"), {"year": year} if year else {})
    assert response.status_code == status
    return response.content.decode()


def svg_states(html):
    """{ISO code: state} as drawn on the page's map."""
    return dict(
        re.findall(
            r'<a href="[^"]+" data-code="(\w\w)"><title>[^<]*</title>'
            r'<path class="country state-(\w+)',
            html,
        )
    )


# --- What the map says for a year ---------------------------------------------------


def test_1919_colours_the_missions_of_1919(content):
    states = states_of(1919)
    for code in MISSIONS_IN_BAKU_1919 + MISSIONS_ABROAD_UNTIL_1920:
        assert states[code] == "mission", code


def test_1925_no_longer_colours_the_missions_of_1919(content):
    states = states_of(1925)
    for code in ["US", "GB", "FR", "SE", "GE", "UA"]:
        assert states[code] == "known", code
    assert states["AM"] == "known"  # the conflict begins in 1988


def test_1923_shows_the_missions_of_turkey_and_iran_only(content):
    assert coloured(1923) == {"TR", "IR"}


def test_today_shows_the_conflict_and_the_undated_project(content):
    states = states_of(TODAY)
    assert states["AM"] == "conflict"
    assert states["GE"] == states["TR"] == states["IT"] == "project"
    assert states["US"] == "known"


def test_undated_records_count_on_todays_map_only(content):
    assert states_of(2010)["GE"] == "known"
    assert states_of(2010, today=2010)["GE"] == "project"


def test_a_dated_project_counts_from_its_date_onwards(content):
    corridor = Project.objects.get(slug="southern-gas-corridor")
    corridor.date = "2018"
    corridor.save()  # derives the date bounds
    assert states_of(2017)["GE"] == "known"
    assert states_of(2018)["GE"] == states_of(2022)["GE"] == "project"


def test_conflict_outranks_a_mission_and_the_table_keeps_both(content):
    mission(content["AM"], "1990/..", Mission.Direction.ABROAD)
    state = maps.country_states(1995)["AM"]
    assert state.state.key == "conflict"
    assert [fact.state for fact in state.facts] == ["conflict", "mission"]
    assert state.summary == "Armenia: Conflict; Diplomatic mission"


def test_azerbaijan_is_never_a_partner_of_itself(content):
    corridor = Project.objects.get(slug="southern-gas-corridor")
    Participation.objects.create(project=corridor, country=country("AZ"), role="initiator")

    assert "AZ" not in maps.country_states(2020, today=2026)


def test_several_roles_in_one_project_are_one_line(content):
    corridor = Project.objects.get(slug="southern-gas-corridor")
    Participation.objects.create(project=corridor, country=content["TR"], role="initiator")

    facts = maps.country_states(2026, today=2026)["TR"].facts
    projects = [fact for fact in facts if fact.state == "project"]
    assert [(fact.text, fact.kind) for fact in projects] == [
        ("Southern Gas Corridor", "Project: initiator, member")
    ]


def test_the_legend_hides_states_no_country_has_that_year(client, content):
    html = page(client, 1919)
    data = client.get(reverse("diplomacy:map-states"), {"year": 1919}).json()

    assert '<li data-state="mission">' in html
    assert '<li data-state="conflict" hidden>' in html
    assert {entry["state"]: entry["count"] for entry in data["legend"]}["conflict"] == 0


def test_drafts_never_count(content):
    draft = country("DE", status=Status.DRAFT)
    mission(draft, "1919")
    mission(content["GE"], "1950", status=Status.DRAFT)
    states = maps.country_states(1950)
    assert "DE" not in states
    assert states["GE"].state.key == "known"


# --- The page ------------------------------------------------------------------------


def test_the_1919_page_colours_the_1919_missions(client, content):
    html = page(client, 1919)
    drawn = svg_states(html)
    assert drawn["GE"] == drawn["US"] == drawn["FR"] == "mission"
    assert 'href="/countries/ge/"' in html
    assert "<title>Georgia: Diplomatic mission</title>" in html
    table = html[html.index('id="map-rows"') :]
    assert "Mission in Georgia" in table
    assert "until April 1920" in table


def test_the_1925_page_does_not(client, content):
    drawn = svg_states(page(client, 1925))
    assert drawn["GE"] == drawn["US"] == "known"
    assert "mission" not in drawn.values()


def test_the_1923_page_shows_turkey_and_iran(client, content):
    drawn = svg_states(page(client, 1923))
    assert {code for code, state in drawn.items() if state != "known"} == {"TR", "IR"}


def test_the_page_defaults_to_today(client, content):
    html = page(client)
    assert svg_states(html)["AM"] == "conflict"
    assert f'value="{TODAY}"' in html


def test_small_countries_appear_as_dots_only_with_a_page(client, content):
    html = page(client, 1919)
    assert re.search(
        r'data-code="MT"><title>[^<]*</title><path class="country state-known dot"', html
    )
    Country.objects.filter(code="MT").delete()
    assert 'data-code="MT"' not in page(client, 1919)


def test_a_draft_never_appears_on_the_page_or_in_the_json(client, content):
    draft = country("DE", status=Status.DRAFT)
    mission(draft, "1919")
    mission(content["GE"], "1950", status=Status.DRAFT)
    mission(content["FR"], "1950", status=Status.IN_REVIEW)
    html = page(client, 1950)
    assert 'data-code="DE"' not in html
    assert "/countries/de/" not in html
    assert svg_states(html)["GE"] == "known"
    data = client.get(reverse("diplomacy:map-states"), {"year": 1950}).json()
    codes = {row["code"]: row for row in data["countries"]}
    assert "DE" not in codes
    assert codes["GE"]["facts"] == codes["FR"]["facts"] == []


@pytest.mark.parametrize("year", ["abc", "1917", str(TODAY + 1), "19.5", "-1"])
def test_a_bad_year_answers_400_with_the_reason(client, content, year):
    html = page(client, year, status=400)
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert '<svg class="world-map-svg"' not in html
    response = client.get(reverse("diplomacy:map-states"), {"year": year})
    assert response.status_code == 400
    assert response.json()["errors"]["year"]


def test_the_page_has_no_inline_script_and_no_other_host(client, content):
    html = page(client, 1919)
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    for attributes, code in scripts:
        assert "src=" in attributes and not code.strip()
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers
    assert ' style="' not in html
    hosts = set(re.findall(r'(?:src|href|action)="(?:https?:)?//([^/"]+)', html))
    assert hosts <= {"testserver"}  # the site itself (its canonical link), no other


def test_the_map_is_labelled_and_its_links_named(client, content):
    html = page(client, 1919)
    svg = html[
        html.index('<svg class="world-map-svg"') : html.index(
            "</svg>", html.index("world-map-svg")
        )
        + 6
    ]
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("aria-labelledby") == root.find(f"{ns}title").get("id")
    assert root.find(f"{ns}title").text.startswith("World map of Azerbaijan’s relations, 1919")
    links = root.findall(f"{ns}a")
    assert len(links) == len(NAMES)
    assert all(link.find(f"{ns}title").text for link in links)


def test_the_page_has_a_legend_and_a_table_of_the_same_data(client, content):
    html = page(client, 1919)
    assert 'class="map-legend"' in html
    for state in maps.STATES:
        assert str(state.label) in html  # a lazy translation
    rows = re.findall(r'<tr data-code="(\w\w)" data-state="(\w+)">', html)
    assert dict(rows) == {
        code: state for code, state in svg_states(html).items() if state != "known"
    }


def test_the_status_and_the_legend_count_countries_in_words(client, db):
    mission(country("GE"), "1950")
    for code in ("TR", "IR"):
        mission(country(code), "1960")

    for year, status, mission_count in [
        (1950, "1 country with records for 1950.", "1 country"),
        (1960, "2 countries with records for 1960.", "2 countries"),
    ]:
        html = page(client, year)
        data = client.get(reverse("diplomacy:map-states"), {"year": year}).json()

        assert f'role="status">{status}</p>' in html
        assert f"<span data-count>{mission_count}</span>" in html
        assert data["status"] == status  # map.js shows the server's words
        assert {entry["state"]: entry["countries"] for entry in data["legend"]}["mission"] == (
            mission_count
        )
    assert "(today)." in page(client)


@pytest.mark.parametrize("name", ["diplomacy:map", "diplomacy:map-states"])
def test_queries_do_not_grow_with_the_rows(client, db, name):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name), {"year": 1919}).status_code == 200
        return len(queries)

    codes = [code for code in ("GE", "TR", "IR", "US", "FR", "IT", "DE", "ES", "PL", "UA")]
    corridor = Project.objects.create(
        name="Corridor", kind="energy", slug="corridor", status=PUBLISHED
    )

    def add(code):
        place = country(code)
        mission(place, "1919")
        mission(place, "../1920-04", Mission.Direction.ABROAD)
        Relation.objects.create(
            country=place,
            kind="diplomatic",
            title=f"Relations {code}",
            date="1919",
            slug=f"relations-{code.lower()}",
            status=PUBLISHED,
        )
        Participation.objects.create(project=corridor, country=place, role="member")

    for code in codes:
        add(code)
    few = count_queries()
    from django_countries import countries

    for code in [c for c in countries.countries if c not in codes][:40]:
        add(code)
    assert Country.objects.count() == 50
    assert count_queries() == few == 4


# --- The JSON for the slider ----------------------------------------------------------------


def test_the_json_gives_every_published_country_with_its_facts(client, content):
    data = client.get(reverse("diplomacy:map-states"), {"year": 1919}).json()
    assert data["year"] == 1919 and data["today"] is False
    by_code = {row["code"]: row for row in data["countries"]}
    assert set(by_code) == set(NAMES)
    georgia = by_code["GE"]
    assert georgia["state"] == "mission"
    assert georgia["url"] == "/countries/ge/"
    assert georgia["facts"][0]["when"] == "until April 1920"
    assert {entry["state"]: entry["count"] for entry in data["legend"]}["mission"] == 13


# --- The geometry ------------------------------------------------------------------------------


def test_the_vendored_svg_has_a_shape_per_country():
    viewbox, shapes = maps.world_shapes()
    assert len(viewbox.split()) == 4
    codes = {shape.code for shape in shapes if not shape.dot}
    assert {"AZ", "GE", "TR", "US", "IR", "AM", "RU", "GB", "FR"} <= codes
    assert "AQ" not in codes
    assert {"MT", "BH", "SG"} <= {shape.code for shape in shapes if shape.dot}


def test_build_world_map_decodes_topojson(tmp_path):
    """A square country, quantized and delta-encoded, with a shared reversed arc."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0, 1]],
                        "id": "268",
                        "properties": {"name": "G"},
                    },
                    {
                        "type": "Polygon",
                        "arcs": [[~1, ~0]],
                        "id": "792",
                        "properties": {"name": "T"},
                    },
                ],
            }
        },
    }
    (tmp_path / "countries-110m.json").write_text(json.dumps(topology))
    output = tmp_path / "world.svg"
    call_command("build_world_map", str(tmp_path), output=str(output), stdout=io.StringIO())
    root = ElementTree.parse(output).getroot()
    paths = {path.get("id"): path.get("d") for path in root}
    assert set(paths) == {"GE", "TR"}
    assert paths["GE"].startswith("M") and paths["GE"].endswith("z")
    assert paths["GE"].count("l") == 1


def rings_of(d):
    """Absolute rings of a path written as the build writes it: M x y l dx dy … z."""
    rings = []
    for part in d.split("z"):
        numbers = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", part)]
        if not numbers:
            continue
        x, y, points = numbers[0], numbers[1], []
        points.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append([*points, points[0]])
    return rings


def test_crimea_is_drawn_within_ukraine():
    from diplomacy.management.commands import build_world_map as build

    root = ElementTree.parse(finders.find("map/world.svg")).getroot()
    paths = {path.get("id"): path.get("d") for path in root if path.get("id")}

    def drawn_in(code, longitude, latitude):
        x, y = build.project(longitude, latitude)  # in tenths of a unit
        return any(build.inside((x / 10, y / 10), ring) for ring in rings_of(paths[code]))

    assert drawn_in("UA", 30.5, 50.45)  # Kyiv
    assert drawn_in("UA", 34.1, 45.0)  # Crimea
    assert not drawn_in("RU", 34.1, 45.0)
    assert drawn_in("AZ", 46.75, 39.8)  # Karabakh


def test_the_region_view_zooms_in_and_keeps_the_view(client, content):
    html = client.get(reverse("diplomacy:map"), {"year": 1919, "view": "region"}).content.decode()
    assert f'viewBox="{maps.VIEWS["region"][1]}"' in html
    assert '<input type="hidden" name="view" value="region">' in html
    assert 'href="?year=1923&amp;view=region"' in html
    assert svg_states(html)["GE"] == "mission"
    response = client.get(reverse("diplomacy:map"), {"year": 1919, "view": "nowhere"})
    assert response.status_code == 400
