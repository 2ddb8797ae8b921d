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
  natural key) names it any more.

Only what a channel showed before drafting is checked after, and a case in which
no channel showed the dependent, or none named the target, fails: none passes
for having looked nowhere. The public cache stays on, as in production: a draft
that a channel still shows is read again uncached, to tell a stale cached
answer from a leak.
"""

import json
import re
from dataclasses import dataclass, field
from functools import cached_property

import pytest
from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

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


def draft(record):
    """Draft the record, or what it is public through (a passage's source), by a save."""
    if "status" in fields_of(type(record)):
        record.status = Status.DRAFT
        record.save()
        return
    door = next(f for f in type(record)._meta.concrete_fields if f.many_to_one and not f.null)
    draft(getattr(record, door.name))


def strip_fragment(url):
    return url.partition("#")[0]


@dataclass
class Case:
    model: type
    link: object
    target: object = None
    dependent: object = None
    hosts: list = field(default_factory=list)
    shown: list = field(default_factory=list)  # channels that showed the dependent
    named: list = field(default_factory=list)  # channels that named the target

    @property
    def required(self):
        return is_required(self.link)

    def build(self):
        model, link = self.model, self.link
        target_model = link.related_model
        if issubclass(model, Passage) and target_model is Source:
            # The source must hold the words cut from it.
            self.target = make(target_model, TARGET, text=f"{TARGET}\n{DEPENDENT}")
        else:
            self.target = make(target_model, TARGET)
        if link.many_to_many:
            self.dependent = make(model, DEPENDENT)
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
        self.hosts = self.find_hosts()
        return self

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
        return all(any(m in text for m in markers(part)) for part in self.parts)

    def names_target(self, text):
        return any(m in text for m in markers(self.target))

    @property
    def year(self):
        """The year the map shows the dependent in (its own date's), if dated."""
        lower = getattr(self.dependent, "date_lower", None)
        return lower // 10_000 if lower else None


def markers(record):
    """Lower-case strings whose presence in an answer means the record is named there:
    its name or words, its slug, its address and its natural key (the export's)."""
    found = set()
    if name := words_field(type(record)):
        words = str(getattr(record, name)).lower()
        found.add(words)
        found.update(word for word in WORDS if word in words)
    if slug := getattr(record, "slug", None):
        found.add(slug)
    if hasattr(record, "get_absolute_url"):
        url = record.get_absolute_url()
        if "#" not in url and url != "/":  # a fragment names the record by its slug
            found.add(url.lower())
    if hasattr(record, "natural_key"):
        found.add(json.dumps(list(record.natural_key()), separators=(",", ":")).lower())
    return found


# --- The channels -------------------------------------------------------------------


class Reading:
    """One read of the site: each address fetched once, as lower-case text; an answer
    other than 200 shows nothing (a 404 page carries only the address asked for)."""

    def __init__(self, client):
        self.client = client
        self.answers = {}

    def __call__(self, url):
        if url not in self.answers:
            response = self.client.get(url)
            body = response.content.decode() if response.status_code == 200 else ""
            self.answers[url] = body.lower()
        return self.answers[url]

    def json(self, url):
        text = self(url)
        return json.loads(text) if text else {}


def api_view(model):
    for viewset in VIEWSETS.values():
        if viewset.model is model:
            return viewset
    return None


def api_detail_url(record):
    viewset = api_view(type(record))
    if viewset is None:
        return None
    value = str(getattr(record, viewset.lookup_field)).lower()
    return reverse(f"api:{type(record)._meta.model_name}-detail", args=[value])


def api_list_url(model):
    try:
        return reverse(f"api:{model._meta.model_name}-list")
    except NoReverseMatch:
        return None


def own_page(read, case):
    record = case.dependent
    if hasattr(record, "get_absolute_url"):
        return read(strip_fragment(record.get_absolute_url()))
    return None


def list_page(read, case):
    opts = case.model._meta
    try:
        url = reverse(f"{opts.app_label}:{opts.model_name}-list")
    except NoReverseMatch:
        return None
    return read(url)


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
# /opensearch.xml names no record; the pickers' type-ahead reads the API list.
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


def read_channels(client, case, names=CHANNELS):
    read = Reading(client)
    texts = {name: CHANNELS[name](read, case) for name in dict.fromkeys(names)}
    return {name: text for name, text in texts.items() if text is not None}


# --- The test -------------------------------------------------------------------------


def test_the_graph_is_walked():
    """The walk finds the links the rule is about, of both kinds, and can build them all."""
    ids = {case_id(case) for case in LINKS}
    assert {"quote.speaker", "event.countries", "citation.source", "participation.project"} <= ids
    assert any(is_required(link) for _, link in LINKS)
    assert any(not is_required(link) for _, link in LINKS)
    models = {model for model, _ in LINKS} | {link.related_model for _, link in LINKS}
    missing = sorted(model.__name__ for model in models - set(FACTORIES))
    assert not missing, f"Public models without a factory in tests/factories.py: {missing}"


def excerpt(text, strings):
    """The first place in `text` that holds one of `strings`, with a little around it."""
    at = min((text.find(s) for s in strings if s in text), default=-1)
    return " ".join(text[max(at - 60, 0) : at + 90].split()) if at >= 0 else ""


def check(case, after):
    """{channel: [what is wrong there]}, of the channels read `after` drafting."""
    wrong = {}
    for name in filter(after.__contains__, case.shown):
        shown = case.shows_dependent(after[name])
        if case.required and shown:
            found = excerpt(after[name], set().union(*map(markers, case.parts)))
            wrong.setdefault(name, []).append(f"still shows the dependent: …{found}…")
        if not case.required and not shown:
            wrong.setdefault(name, []).append("lost the dependent, which stays public")
    for name in filter(after.__contains__, case.named):
        if case.names_target(after[name]):
            found = excerpt(after[name], markers(case.target))
            wrong.setdefault(name, []).append(f"still names the draft: …{found}…")
    return wrong


@pytest.mark.django_db
@pytest.mark.parametrize("link", LINKS, ids=case_id)
def test_drafting_a_linked_record_hides_it_and_its_mentions_everywhere(client, link):
    case = Case(*link).build()
    before = read_channels(client, case)
    case.shown = [name for name, text in before.items() if case.shows_dependent(text)]
    case.named = [name for name, text in before.items() if case.names_target(text)]
    assert case.shown, "Before drafting, no channel showed the dependent: the case proves nothing."
    assert case.named, "Before drafting, no channel named the target: the case proves nothing."
    if not case.required:
        case.shown = [name for name in case.shown if name in OWN]

    draft(case.target)  # a save: the signals move the cache on and re-index the search
    wrong = check(case, read_channels(client, case, names=[*case.shown, *case.named]))
    if wrong:
        # Tell a stale cached answer from a leak: read the failing channels uncached.
        cache.clear()
        uncached = check(case, read_channels(client, case, names=list(wrong)))
        for name in set(wrong) - set(uncached):
            wrong[name].append("(from the cache only: the save did not move it on)")
    assert not wrong, "\n".join(
        f"{name}: {problem}" for name, problems in wrong.items() for problem in problems
    )
