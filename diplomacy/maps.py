"""The world map: what the content says of each country as of a given year.

`country_states(year)` reads published countries, missions, relations and
project participations in four queries, whatever the number of rows, and
gives each published country one state by a fixed precedence. `world_shapes()`
reads the vendored SVG (static/map/world.svg, made by `build_world_map`) once
per process.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import validators
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from history import dates

from .models import Country, Mission, Participation, Relation

# The map begins with the Azerbaijan Democratic Republic (28 May 1918), when
# the country "once again independently joined the system of international
# relations"; borders drawn are today's.
FIRST_YEAR = 1918

# The map shows Azerbaijan's relations with others, so Azerbaijan itself is
# drawn apart and never coloured as a partner of itself.
HOME = "AZ"


def this_year():
    return timezone.now().year


@dataclass(frozen=True)
class State:
    key: str
    label: str
    description: str


# Highest precedence first: a country with facts of several kinds shows the first.
STATES = [
    State("conflict", _("Conflict"), _("A conflict the sources record for that year.")),
    State("rule", _("Rule or occupation"), _("Rule over Azerbaijan or occupation, that year.")),
    State("mission", _("Diplomatic mission"), _("A mission or consulate in either direction.")),
    State(
        "relations",
        _("Recognition or relations"),
        _("Recognition, diplomatic relations or cooperation."),
    ),
    State("project", _("Project partner"), _("Takes part in an energy or transport project.")),
    State("known", _("Nothing recorded that year"), _("The site has a page on the country.")),
]
STATE_BY_KEY = {state.key: state for state in STATES}
PRECEDENCE = {state.key: rank for rank, state in enumerate(STATES)}
RELATION_STATES = {
    Relation.Kind.CONFLICT: "conflict",
    Relation.Kind.RULE: "rule",
    Relation.Kind.RECOGNITION: "relations",
    Relation.Kind.DIPLOMATIC: "relations",
    Relation.Kind.COOPERATION: "relations",
}


@dataclass
class Fact:
    state: str
    kind: str  # what sort of record, in words
    text: str
    when: str
    url: str

    def as_json(self):
        return {
            "state": self.state,
            "kind": self.kind,
            "text": self.text,
            "when": self.when,
            "url": self.url,
        }


@dataclass
class CountryState:
    country: Country
    facts: list[Fact] = field(default_factory=list)

    @property
    def state(self):
        if not self.facts:
            return STATE_BY_KEY["known"]
        return STATES[min(PRECEDENCE[fact.state] for fact in self.facts)]

    @property
    def code(self):
        return self.country.code.code

    @property
    def summary(self):
        """One line for the map's tooltip: the name and every state it has that year."""
        seen = dict.fromkeys(str(STATE_BY_KEY[fact.state].label) for fact in self.facts)
        states = "; ".join(seen) or gettext("nothing recorded that year")
        return gettext("%(country)s: %(states)s") % {
            "country": self.country.name,
            "states": states,
        }

    def as_json(self):
        return {
            "code": self.code,
            "name": self.country.name,
            "url": self.country.get_absolute_url(),
            "state": self.state.key,
            "label": str(self.state.label),
            "summary": self.summary,
            "facts": [fact.as_json() for fact in self.facts],
        }


def _rank(fact):
    return PRECEDENCE[fact.state]


def dated_in(year, today):
    """Records whose date span overlaps `year`; undated ones only on today's map."""
    condition = Q(date_upper__gte=dates.bound(year), date_lower__lte=dates.bound(year, 12, 31))
    if year == today:
        condition |= Q(date="")
    return condition


def country_states(year, today=None):
    """{ISO code: CountryState} for every published country, as of `year`.

    A record counts in every year its date span overlaps (an open end, as in
    "1991/..", reaches today); an undated record counts on today's map only.
    A project's participants count from the project's date onwards. Four
    queries, whatever the number of rows.
    """
    today = this_year() if today is None else today
    countries = Country.objects.published().exclude(code=HOME)
    states = {country.pk: CountryState(country) for country in countries}

    missions = (
        Mission.objects.published()
        .filter(dated_in(year, today))
        .order_by("date_lower", "date_upper", "title")
    )
    for mission in missions:
        state = states.get(mission.country_id)
        if state is None:
            continue  # its country was unpublished since it was read, a moment ago
        # The country's own URL, not mission.get_absolute_url(): no query per row.
        country = state.country
        state.facts.append(
            Fact(
                "mission",
                mission.get_direction_display(),
                mission.title,
                mission.date_display,
                f"{country.get_absolute_url()}#{mission.slug}",
            )
        )

    relations = (
        Relation.objects.published()
        .filter(dated_in(year, today))
        .order_by("date_lower", "date_upper", "title")
    )
    for relation in relations:
        state = states.get(relation.country_id)
        if state is None:
            continue
        country = state.country
        state.facts.append(
            Fact(
                RELATION_STATES.get(relation.kind, "relations"),
                relation.get_kind_display(),
                relation.title,
                relation.date_display,
                f"{country.get_absolute_url()}#{relation.slug}",
            )
        )

    since = Q(project__date_lower__lte=dates.bound(year, 12, 31))
    if year == today:
        since |= Q(project__date="")
    participations = (
        Participation.objects.published()
        .filter(since)
        .select_related("project")
        .order_by("project__name", "role")
    )
    # A country with several roles in one project (initiator and member) is one line.
    roles = {}
    for participation in participations:
        if participation.country_id not in states:
            continue  # Azerbaijan, or a country unpublished a moment ago
        key = (participation.country_id, participation.project)
        roles.setdefault(key, []).append(participation.get_role_display().lower())
    for (country_id, project), names in roles.items():
        states[country_id].facts.append(
            Fact(
                "project",
                gettext("Project: %(roles)s") % {"roles": ", ".join(names)},
                project.name,
                # "since July 2017", as each language says it (history.dates).
                dates.humanize(project.date if "/" in project.date else f"{project.date}/..")
                if project.date
                else "",
                project.get_absolute_url(),
            )
        )

    for country_state in states.values():
        country_state.facts.sort(key=_rank)  # stable: by date within each state
    return {state.code: state for state in states.values()}


def summarize(states):
    """(state, count, "n countries") for the legend, in order of precedence."""
    counts = dict.fromkeys(STATE_BY_KEY, 0)
    for country_state in states.values():
        counts[country_state.state.key] += 1
    return [(state, counts[state.key], count_countries(counts[state.key])) for state in STATES]


def count_countries(count):
    return ngettext("%(count)d country", "%(count)d countries", count) % {"count": count}


def status(states, year, today):
    """The sentence over the map: how many countries the content records something for."""
    count = sum(1 for country_state in states.values() if country_state.facts)
    if today:
        text = ngettext(
            "%(count)d country with records for %(year)d (today).",
            "%(count)d countries with records for %(year)d (today).",
            count,
        )
    else:
        text = ngettext(
            "%(count)d country with records for %(year)d.",
            "%(count)d countries with records for %(year)d.",
            count,
        )
    return text % {"count": count, "year": year}


# --- Geometry -------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Shape:
    code: str  # ISO alpha-2, or "" for land with no code of its own
    d: str  # path data; small countries are drawn as a dot
    dot: bool = False


def _circle(cx, cy, r):
    x, y, r = float(cx), float(cy), float(r)
    return f"M{x - r:g} {y:g}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0z"


@cache
def world_shapes():
    """(viewBox, [Shape]) from static/map/world.svg, read once per process."""
    path = finders.find("map/world.svg") or Path(settings.BASE_DIR) / "static/map/world.svg"
    root = ElementTree.parse(path).getroot()
    shapes = []
    for element in root:
        if element.tag == f"{SVG}path":
            shapes.append(Shape(element.get("id", ""), element.get("d")))
        elif element.tag == f"{SVG}circle":
            d = _circle(element.get("cx"), element.get("cy"), element.get("r"))
            shapes.append(Shape(element.get("id", ""), d, dot=True))
    return root.get("viewBox"), shapes


def map_shapes(states):
    """The shapes to draw, each with its CountryState or None.

    Every country is drawn; a small country's dot only when the site has a
    page on it. Countries with a page come last, so that their outlines and
    focus rings are drawn above their neighbours'.
    """
    _, shapes = world_shapes()
    plain, linked = [], []
    for shape in shapes:
        country_state = states.get(shape.code)
        if country_state:
            linked.append((shape, country_state))
        elif not shape.dot:
            plain.append((shape, None))
    return plain + linked


# What the map can show: the whole world, or the part where most of the story
# happens. A region's box is the projected extent of its longitudes and
# latitudes (here 12°W to 64°E, 28°N to 62°N), in the SVG's units.
VIEWS = {
    "world": (_("The world"), None),
    "region": (_("Europe, the Caucasus and the Middle East"), "468 -197 203 107"),
}


# --- The year asked for -----------------------------------------------------------


class YearForm(forms.Form):
    """?year=YYYY, from FIRST_YEAR to this year; today's map when left out."""

    year = forms.IntegerField(
        required=False,
        label=_("Year"),  # its help text, "From 1918 to 2026.", is set in __init__
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = this_year() if today is None else today
        field = self.fields["year"]
        field.min_value, field.max_value = FIRST_YEAR, self.today
        field.validators = [
            validators.MinValueValidator(FIRST_YEAR),
            validators.MaxValueValidator(self.today),
        ]
        field.widget.attrs.update(min=FIRST_YEAR, max=self.today, step=1)
        field.help_text = gettext("From %(first)d to %(last)d.") % {
            "first": FIRST_YEAR,
            "last": self.today,
        }
        field.error_messages["invalid"] = gettext("Enter a year as a whole number, such as 1919.")

    view = forms.ChoiceField(
        required=False, choices=[(key, label) for key, (label, _) in VIEWS.items()]
    )

    def clean_view(self):
        return self.cleaned_data["view"] or "world"

    def clean_year(self):
        year = self.cleaned_data["year"]
        return self.today if year is None else year


# Years worth a shortcut beside the slider, with what the content shows in them.
KEY_YEARS = [
    (1919, _("Foreign missions in Baku")),
    (1923, _("Missions abolished, but Turkey’s and Iran’s")),
]
