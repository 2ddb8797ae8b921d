"""One door: drafting a record hides every record that needs it and every mention of it.

Generated from the models. Every public model's every link (a ForeignKey or a
ManyToManyField) to another public model is one case, found by walking `_meta`:
a new model or foreign key is covered without editing this file. Each case
publishes a target ("Zanzibarian Draftee") and a dependent linked to it
("Quixotic Dependent"), reads every public channel (CHANNELS: pages, lists, API,
CSV, export, search, map, timeline, sitemap, feed …), drafts the target with a
save, so that the signals keeping the search index and the cache run, and reads
again:

- a required link (a ForeignKey that cannot be null): the dependent disappears
  from every channel that showed it;
- an optional link (a nullable ForeignKey, any ManyToManyField): the dependent
  keeps its own page and API record;
- either way, no channel that named the target (its name, slug, address or
  natural key; for a passage, also its source's slug and address) names it any
  more.

Besides the channels every case reads, each reads the lists filtered by the
target, found in the FilterSets of every list page and API list (`base_filters`,
each filter's `field_name` path, when it goes through a link to a public model):
`?country=<code>` lists a country's events, `?kind=member` the organizations with
a membership of that kind. After drafting, such a filter answers 400 ("no
published … goes by …") or no longer lists what it listed through the draft,
whether the link is required or not.

A second test drafts a record that need not be any link's target: every public
model with a status is published alone ("<model>.self"), read everywhere, then
put back to draft, or in review, and must be gone from every channel that
showed it.

Only what a channel showed before drafting is checked after, and a case in which
no channel showed the dependent, or none named the target, or a filter by the
target listed nothing, fails: none passes for having looked nowhere. A channel
answers 200, or 404 (it shows nothing); a filter by a draft may also answer 400;
any other answer (a 500, a redirect) fails the case at once. The public cache
stays on, as in production: a draft that a channel still shows is read again
uncached, to tell a stale cached answer from a leak.
"""

import functools
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP
from django.urls import NoReverseMatch, resolve, reverse

from diplomacy.api import VIEWSETS
from history.models import Passage, Record, Source, Status
from tests import factories

TARGET = "Zanzibarian Draftee"  # the record drafted
DEPENDENT = "Quixotic Dependent"  # the record linked to it
# Their first words, found nowhere else: a channel holding one names that record,
# even split by markup (a search snippet's <mark>) or cut short.
WORDS = [TARGET.split()[0].lower(), DEPENDENT.split()[0].lower()]
# The field holding what a record is called, the first of these it has; a passage's
# words are its WORDS_FIELD.
NAME_FIELDS = ("name", "title", "label", "text", "summary")
# What a record drafted by itself is put back to: not published, either way.
UNPUBLISHED = (Status.DRAFT, Status.IN_REVIEW)

# --- The model graph ------------------------------------------------------------------


def has_door(model):
    """A model the public reads through its own `published()`: records and passages."""
    return issubclass(model, Record) or hasattr(model._default_manager, "published")


def is_public(model):
    """A model with a door, or the `through` of a ManyToMany between two of them (a
    participation: public when both its ends are)."""
    return has_door(model) or any(
        link.remote_field.through is model
        for other in apps.get_models()
        if has_door(other)
        for link in other._meta.many_to_many
        if has_door(link.related_model)
    )


def has_status(model):
    return any(f.name == "status" for f in model._meta.concrete_fields)


def door(model):
    """The required link a record without a status of its own is public through (a
    passage's source); None for a record with a status."""
    if has_status(model):
        return None
    return next(
        (f for f in model._meta.concrete_fields if f.many_to_one and not f.null),
        None,
    )


def public_links():
    """(model, field) for every ForeignKey and ManyToMany from a public model to another."""
    return [
        (model, link)
        for model in apps.get_models()
        if is_public(model)
        for link in model._meta.get_fields()
        if link.is_relation
        and not link.auto_created  # the reverse side of someone else's link
        and (link.many_to_one or link.one_to_one or link.many_to_many)
        and is_public(link.related_model)
    ]


def is_required(link):
    return not link.many_to_many and not link.null


def case_id(case):
    model, link = case
    return f"{model._meta.model_name}.{link.name}"


LINKS = public_links()
# The models a record of which can be drafted by itself.
DRAFTABLE = [model for model in apps.get_models() if is_public(model) and has_status(model)]

FACTORIES = {
    factory._meta.model: factory
    for factory in vars(factories).values()
    if isinstance(factory, type)
    and issubclass(factory, factories.Factory)
    and getattr(factory._meta, "model", None) is not None
}


def fields_of(model):
    return {f.name for f in model._meta.get_fields()}


def words_field(model):
    """The field holding what a record is called; None for a record that has none."""
    if issubclass(model, Passage):
        return model.WORDS_FIELD
    return next((name for name in NAME_FIELDS if name in fields_of(model)), None)


# --- The lists' filters ----------------------------------------------------------------


def list_page_url(model):
    opts = model._meta
    try:
        return reverse(f"{opts.app_label}:{opts.model_name}-list")
    except NoReverseMatch:
        return None


def api_view(model):
    for viewset in VIEWSETS.values():
        if viewset.model is model:
            return viewset
    return None


def api_list_url(model):
    try:
        return reverse(f"api:{model._meta.model_name}-list")
    except NoReverseMatch:
        return None


def filtered_lists(model):
    """(channel, address, FilterSet) of the model's list page and API list that filter."""
    found = []
    if url := list_page_url(model):
        view = getattr(resolve(url).func, "view_class", None)
        found.append(("list", url, getattr(view, "filterset_class", None)))
    if (viewset := api_view(model)) and (url := api_list_url(model)):
        found.append(("api list", url, getattr(viewset, "filterset_class", None)))
    return [(channel, url, filterset) for channel, url, filterset in found if filterset]


def same_choices(a, b):
    return [tuple(choice) for choice in a] == [tuple(choice) for choice in b]


def filter_path(model, filter_):
    """The fields a filter of `model`'s list reads, in order from `model`: its
    `field_name` split on __. A filter by method names none; one offering the choices
    of a column of a linked model, and of none of the list's own, reads that column
    through the link (the organizations' `kind`: their memberships' kind)."""
    if filter_.method is None:
        path, current = [], model
        for part in filter_.field_name.split(LOOKUP_SEP):
            try:
                step = current._meta.get_field(part)
            except FieldDoesNotExist:
                return None
            path.append(step)
            if not step.is_relation:
                break
            current = step.related_model
        return path
    choices = filter_.extra.get("choices")
    if not choices or callable(choices):
        return None
    if any(f.choices and same_choices(f.choices, choices) for f in model._meta.concrete_fields):
        return None
    return next(
        (
            [link, column]
            for link in model._meta.get_fields()
            if link.is_relation and link.related_model is not None
            for column in link.related_model._meta.concrete_fields
            if column.choices and not column.is_relation and same_choices(column.choices, choices)
        ),
        None,
    )


@dataclass(frozen=True)
class ListFilter:
    """A parameter of a list that reads through a link to a public model."""

    model: type  # what the list lists
    channel: str  # "list" (the page) or "api list"
    url: str
    param: str
    path: tuple  # the fields the filter reads, from `model`
    key: str  # what a value names of the linked record (its slug, a country's code)

    @property
    def name(self):
        return f"{self.model._meta.model_name} {self.channel} ?{self.param}="

    def by(self, record):
        """(address, [records listed through `record`]) of the list filtered by `record`
        (or by its column the filter reads); None if the filter does not reach it."""
        at = next(
            (
                i
                for i, step in enumerate(self.path)
                if step.is_relation and step.related_model is type(record)
            ),
            None,
        )
        if at is None:
            return None
        rest = self.path[at + 1 :]
        value = getattr(record, rest[-1].name if rest else self.key)
        lookup = LOOKUP_SEP.join(step.name for step in self.path[: at + 1])
        listed = list(self.model.objects.published().filter(**{lookup: record}).distinct())
        return f"{self.url}?{urlencode({self.param: str(value)})}", listed


@functools.cache
def list_filters():
    """Every filter of every public list, page or API, whose path goes through a link
    to a public model: from the FilterSets' `base_filters`."""
    return [
        ListFilter(
            model, channel, url, param, tuple(path), filter_.extra.get("to_field_name") or "pk"
        )
        for model in apps.get_models()
        if is_public(model)
        for channel, url, filterset in filtered_lists(model)
        for param, filter_ in filterset.base_filters.items()
        if (path := filter_path(model, filter_))
        and any(step.is_relation and is_public(step.related_model) for step in path)
    ]


# --- Building a case --------------------------------------------------------------


def make(model, words, **values):
    """A published record of `model` from its factory, called `words`."""
    if "slug" in fields_of(model):
        values.setdefault("slug", f"{words.lower().replace(' ', '-')}-{model._meta.model_name}")
    if name := words_field(model):
        values.setdefault(name, words)
    if issubclass(model, Passage) and "source" not in values:
        # The passage is public through its source: drafting one drafts the other.
        values["source"] = make(Source, words, text=words)
    return FACTORIES[model](**values)


def link_to(record, link, target):
    """Add `target` to the record's many-to-many `link`, through its own model if it has one."""
    through = link.remote_field.through
    if through._meta.auto_created:
        getattr(record, link.name).add(target)
    else:
        FACTORIES[through](
            **{link.m2m_field_name(): record, link.m2m_reverse_field_name(): target}
        )


def draft(record, status=Status.DRAFT):
    """Unpublish the record, or what it is public through (a passage's source), by a save."""
    if has_status(type(record)):
        record.status = status
        record.save()
        return
    draft(getattr(record, door(type(record)).name), status)


def strip_fragment(url):
    return url.partition("#")[0]


@dataclass
class Case:
    model: type
    link: object = None  # None: the record is drafted by itself, and is the dependent too
    status: str = Status.DRAFT  # what the target is put back to
    target: object = None
    dependent: object = None
    hosts: list = field(default_factory=list)
    filtered: dict = field(default_factory=dict)  # {channel: (address, records it lists)}
    shown: list = field(default_factory=list)  # channels that showed the dependent
    named: list = field(default_factory=list)  # channels that named the target
    listing: list = field(default_factory=list)  # filtered channels that listed records

    @property
    def alone(self):
        return self.link is None

    @property
    def required(self):
        return self.alone or is_required(self.link)

    def build(self):
        if self.alone:
            self.target = self.dependent = make(self.model, TARGET)
        else:
            self.build_link()
        self.hosts = self.find_hosts()
        self.filtered = {
            flt.name: found
            for flt in list_filters()
            if (found := flt.by(self.target)) and found[1]  # something listed through it
        }
        return self

    def build_link(self):
        model, link = self.model, self.link
        target_model = link.related_model
        if issubclass(model, Passage) and target_model is Source:
            # The source must hold the words cut from it.
            self.target = make(target_model, TARGET, text=f"{TARGET}\n{DEPENDENT}")
        else:
            self.target = make(target_model, TARGET)
        if link.many_to_many:
            # The target alone on that link (not with the factory's shared citation):
            # a page may show only the first (the home page's figures, one source each).
            alone = {link.name: []} if link.name in factory_links(model) else {}
            self.dependent = make(model, DEPENDENT, **alone)
            link_to(self.dependent, link, self.target)
        else:
            self.dependent = make(model, DEPENDENT, **{link.name: self.target})
        if issubclass(model, Passage):
            # A passage shows on the page of a record that rests on it.
            relation = next(
                r
                for r in model._meta.related_objects
                if r.many_to_many and issubclass(r.related_model, Record)
            )
            host = FACTORIES[relation.related_model]()
            getattr(host, relation.field.name).add(self.dependent)

    def find_hosts(self):
        """The public records on whose pages the dependent shows, other than the target:
        those it hangs on (its ForeignKeys), and those that rest on it (a passage's)."""
        record, hosts = self.dependent, []
        for f in type(record)._meta.get_fields():
            if not (f.is_relation and issubclass(f.related_model, Record)):
                continue
            if f.many_to_one and not f.auto_created:
                hosts.append(getattr(record, f.name))
            elif f.many_to_many and f.auto_created:
                hosts.extend(getattr(record, f.get_accessor_name()).all())
        return [host for host in hosts if host is not None and host != self.target]

    @cached_property
    def parts(self):
        """What shows the dependent: itself if it has a name or words; else (a
        participation) the records it links, all of them in one answer."""
        record = self.dependent
        if words_field(type(record)):
            return [record]
        return [
            getattr(record, f.name)
            for f in type(record)._meta.concrete_fields
            if f.many_to_one and is_public(f.related_model)
        ]

    def shows_dependent(self, text):
        return all(shows(text, part) for part in self.parts)

    def names_target(self, text):
        return shows(text, self.target)

    @property
    def year(self):
        """The year the map shows the dependent in (its own date's), if dated."""
        lower = getattr(self.dependent, "date_lower", None)
        return lower // 10_000 if lower else None

    @cached_property
    def channels(self):
        """CHANNELS, and a channel for each list filtered by the target."""
        return {
            **CHANNELS,
            **{
                name: functools.partial(filtered_list, url)
                for name, (url, _) in self.filtered.items()
            },
        }


def factory_links(model):
    """The links the model's factory fills after creation (a record's citations)."""
    return FACTORIES[model]._meta.post_declarations.as_dict()


def address(record):
    """The lower-case strings naming a record by its address: its slug and page's path."""
    found = set()
    if slug := getattr(record, "slug", None):
        found.add(slug)
    if hasattr(record, "get_absolute_url"):
        url = record.get_absolute_url()
        if "#" not in url and url != "/":  # a fragment names the record by its slug
            found.add(url.lower())
    return found


def markers(record):
    """Lower-case strings whose presence in an answer means the record is named there:
    its name or words, its slug, its address and its natural key (the export's); for
    a passage, also its source's slug and address (a link to the passage on its page)."""
    found = address(record)
    if name := words_field(type(record)):
        words = str(getattr(record, name)).lower()
        found.add(words)
        found.update(word for word in WORDS if word in words)
    if hasattr(record, "natural_key"):
        found.add(json.dumps(list(record.natural_key()), separators=(",", ":")).lower())
    if (through := door(type(record))) is not None:
        found |= address(getattr(record, through.name))
    return found


def shows(text, record):
    return any(m in text for m in markers(record))


# --- The channels -------------------------------------------------------------------


class Reading:
    """One read of the site: each address fetched once, as lower-case text. A 404 shows
    nothing (its page carries only the address asked for), and so does an answer in
    `refusals`; any other answer than these and 200 fails the case."""

    def __init__(self, client):
        self.client = client
        self.answers = {}

    def __call__(self, url, refusals=()):
        if url not in self.answers:
            response = self.client.get(url)
            status = response.status_code
            if status not in (200, 404, *refusals):
                where = f" to {response['Location']}" if response.has_header("Location") else ""
                pytest.fail(
                    f"GET {url} answered {status}{where}, not 200 or 404"
                    + (f" or {', '.join(map(str, refusals))}" if refusals else ""),
                    pytrace=False,
                )
            body = response.content.decode() if status == 200 else ""
            self.answers[url] = body.lower()
        return self.answers[url]

    def json(self, url):
        text = self(url)
        return json.loads(text) if text else {}


def api_detail_url(record):
    viewset = api_view(type(record))
    if viewset is None:
        return None
    value = str(getattr(record, viewset.lookup_field)).lower()
    return reverse(f"api:{type(record)._meta.model_name}-detail", args=[value])


def own_page(read, case):
    record = case.dependent
    if hasattr(record, "get_absolute_url"):
        return read(strip_fragment(record.get_absolute_url()))
    return None


def list_page(read, case):
    url = list_page_url(case.model)
    return read(url) if url else None


def filtered_list(url, read, case):
    """A list filtered by the target: refusing a draft's slug or code (400) is fine."""
    return read(url, refusals=(400,))


def host_pages(read, case):
    if not case.hosts:
        return None
    return "\n".join(read(strip_fragment(host.get_absolute_url())) for host in case.hosts)


def source_pages(read, case):
    """The pages of the sources the dependent cites: each lists the records resting on it."""
    record = case.dependent
    sources = {
        passage.source
        for f in type(record)._meta.many_to_many
        if issubclass(f.related_model, Passage)
        for passage in getattr(record, f.name).all()
    }
    if not sources:
        return None
    return "\n".join(read(source.get_absolute_url()) for source in sources)


def api_list(read, case):
    url = api_list_url(case.model)
    return read(url) if url else None


def api_csv(read, case):
    url = api_list_url(case.model)
    return read(f"{url}?format=csv") if url else None


def api_detail(read, case):
    url = api_detail_url(case.dependent)
    return read(url) if url else None


def host_api(read, case):
    urls = [url for url in map(api_detail_url, case.hosts) if url]
    return "\n".join(read(url) for url in urls) if urls else None


def export(read, case):
    return read(reverse("api:export"))


def search_results(html):
    """The hits of a search page, without the query it repeats."""
    found = re.search(r'<ol class="records search-results".*?</ol>', html, re.S)
    if not found:
        return ""
    return re.sub(r"<li>nothing published matches.*?</li>", "", found.group(0), flags=re.S)


def site_search(read, case):
    """The hits for the dependent's word and for the target's: the second finds any
    record whose entry still holds the draft's name."""
    return "\n".join(
        search_results(read(f"{reverse('diplomacy:search')}?q={word}")) for word in WORDS
    )


def api_search(read, case):
    return "\n".join(
        json.dumps(read.json(f"{reverse('api:search')}?q={word}").get("results")) for word in WORDS
    )


def year_query(case):
    return f"?year={case.year}" if case.year else ""


def map_page(read, case):
    return read(reverse("diplomacy:map") + year_query(case))


def map_json(read, case):
    return read(reverse("diplomacy:map-states") + year_query(case))


def timeline(read, case):
    return read(reverse("diplomacy:timeline"))


def home(read, case):
    return read(reverse("diplomacy:home"))


def sitemap(read, case):
    return read(reverse("sitemap"))


def feed(read, case):
    return read(reverse("event-feed"))


# Every channel the public reads: name -> function(read, case) giving the text of
# what it answers, or None where the channel has nothing for the dependent's model.
# /opensearch.xml names no record; the pickers' type-ahead reads the API list. The
# lists filtered by the target are channels of each case (Case.channels).
CHANNELS = {
    "page": own_page,
    "list": list_page,
    "host pages": host_pages,
    "source pages": source_pages,
    "api list": api_list,
    "api csv": api_csv,
    "api detail": api_detail,
    "api of hosts": host_api,
    "export": export,
    "search": site_search,
    "api search": api_search,
    "map": map_page,
    "map json": map_json,
    "timeline": timeline,
    "home": home,
    "sitemap": sitemap,
    "feed": feed,
}


# The dependent's own addresses: where an optional link's dependent must stay. Elsewhere
# it may show only through the draft (a project on the map, by a participating country).
OWN = ("page", "api detail")


def read_channels(client, case, names=None):
    read = Reading(client)
    channels = case.channels
    texts = {name: channels[name](read, case) for name in dict.fromkeys(names or channels)}
    return {name: text for name, text in texts.items() if text is not None}


# --- The tests ------------------------------------------------------------------------


def test_the_graph_is_walked():
    """The walk finds the links the rule is about, of both kinds, and can build them all;
    the lists' filters through links, by field_name and by method; the models to draft."""
    ids = {case_id(case) for case in LINKS}
    assert {"quote.speaker", "event.countries", "citation.source", "participation.project"} <= ids
    assert any(is_required(link) for _, link in LINKS)
    assert any(not is_required(link) for _, link in LINKS)
    models = {model for model, _ in LINKS} | {link.related_model for _, link in LINKS}
    missing = sorted(model.__name__ for model in models - set(FACTORIES))
    assert not missing, f"Public models without a factory in tests/factories.py: {missing}"
    filters = {flt.name for flt in list_filters()}
    assert {
        "event list ?country=",
        "event api list ?organization=",
        "quote list ?person=",
        "person list ?period=",
        "membership api list ?organization=",
        "organization list ?kind=",  # through the memberships
        "organization api list ?kind=",
    } <= filters, sorted(filters)
    assert {"source", "event", "membership", "figure"} <= {m._meta.model_name for m in DRAFTABLE}


def excerpt(text, strings):
    """The first place in `text` that holds one of `strings`, with a little around it."""
    at = min((text.find(s) for s in strings if s in text), default=-1)
    return " ".join(text[max(at - 60, 0) : at + 90].split()) if at >= 0 else ""


def check(case, after):
    """{channel: [what is wrong there]}, of the channels read `after` drafting."""
    wrong = {}
    what = "the draft" if case.alone else "the dependent"
    for name in filter(after.__contains__, case.shown):
        shown = case.shows_dependent(after[name])
        if case.required and shown:
            found = excerpt(after[name], set().union(*map(markers, case.parts)))
            wrong.setdefault(name, []).append(f"still shows {what}: …{found}…")
        if not case.required and not shown:
            wrong.setdefault(name, []).append("lost the dependent, which stays public")
    for name in filter(after.__contains__, [] if case.alone else case.named):
        if case.names_target(after[name]):
            found = excerpt(after[name], markers(case.target))
            wrong.setdefault(name, []).append(f"still names the draft: …{found}…")
    for name in filter(after.__contains__, case.listing):
        url, listed = case.filtered[name]
        if still := [record for record in listed if shows(after[name], record)]:
            found = excerpt(after[name], set().union(*map(markers, still)))
            wrong.setdefault(name, []).append(f"{url} still lists through the draft: …{found}…")
    return wrong


def draft_and_check(client, case):
    """Read every channel, unpublish the target, read again: see the module's docstring."""
    before = read_channels(client, case)
    case.shown = [n for n in CHANNELS if n in before and case.shows_dependent(before[n])]
    case.named = [n for n in CHANNELS if n in before and case.names_target(before[n])]
    case.listing = [
        name
        for name, (_, listed) in case.filtered.items()
        if all(shows(before[name], record) for record in listed)
    ]
    what = "the record" if case.alone else "the dependent"
    assert case.shown, f"Before drafting, no channel showed {what}: the case proves nothing."
    assert case.named, "Before drafting, no channel named the target: the case proves nothing."
    unlisted = sorted(set(case.filtered) - set(case.listing))
    assert not unlisted, (
        "Before drafting, these filters by the target did not list what it links to: "
        + ", ".join(f"{name} ({case.filtered[name][0]})" for name in unlisted)
    )
    if not case.required:
        case.shown = [name for name in case.shown if name in OWN]

    draft(case.target, case.status)  # a save: the signals move the cache on, re-index
    names = [*case.shown, *case.named, *case.listing]
    wrong = check(case, read_channels(client, case, names=names))
    if wrong:
        # Tell a stale cached answer from a leak: read the failing channels uncached.
        cache.clear()
        uncached = check(case, read_channels(client, case, names=list(wrong)))
        for name in set(wrong) - set(uncached):
            wrong[name].append("(from the cache only: the save did not move it on)")
    assert not wrong, "\n".join(
        f"{name}: {problem}" for name, problems in wrong.items() for problem in problems
    )


@pytest.mark.django_db
@pytest.mark.parametrize("link", [pytest.param(link, id=case_id(link)) for link in LINKS])
def test_drafting_a_linked_record_hides_it_and_its_mentions_everywhere(client, link):
    draft_and_check(client, Case(*link).build())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "status"),
    [
        pytest.param(model, status, id=f"{model._meta.model_name}.self-{status}")
        for model in DRAFTABLE
        for status in UNPUBLISHED
    ],
)
def test_unpublishing_a_record_hides_it_everywhere(client, model, status):
    draft_and_check(client, Case(model, status=status).build())
