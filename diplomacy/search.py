"""Site search over every published record, one interface on two backends.

The index is `SearchEntry`: one row per published record, written by
diplomacy/signals.py and by `manage.py rebuild_search_index`. How it is read
depends on the database:

- PostgreSQL: a weighted tsvector (title A, aliases B, body C) behind a GIN
  index, a websearch-style query, `SearchRank` and `ts_headline` snippets; a
  trigram word similarity on titles and aliases (pg_trgm) also finds
  misspelt names.
- SQLite: an FTS5 table kept in step by triggers (migration 0003), with
  porter stemming, prefix matching of every word, bm25 ranking and
  `snippet()`; when nothing matches, each unknown word is replaced by the
  closest term of the index's vocabulary.

Either way `Search(q, kinds)` answers counts per kind and a page of `Hit`s in
a fixed number of queries, and `search(q)` is the short form.
"""

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import markdown as markdown_lib
from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Count, F, Prefetch, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from history.models import Alias, CitedRecord, Period, Person, Quote, Source

from .models import (
    Country,
    Event,
    Figure,
    Membership,
    Mission,
    Organization,
    Priority,
    Project,
    Relation,
    SearchEntry,
)

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20

# Snippet highlights travel as control characters that content never holds
# (clean() removes them), so the text can be escaped before they become <mark>.
START, STOP = "\x02", "\x03"
CONFIG = "english"  # PostgreSQL text search configuration
TRIGRAM_MIN_LENGTH = 4  # shorter queries would match every title holding the word
TRIGRAM_THRESHOLD = 0.6
SPELLING_CUTOFF = 0.75
MARKDOWN = {"summary"}  # the fields written in Markdown


# --- What is indexed --------------------------------------------------------------


def clean(text, markdown=False):
    """Plain text from a field (Markdown if so): no tags, no control characters, one spacing."""
    text = str(text or "")
    if markdown:
        text = html.unescape(strip_tags(markdown_lib.markdown(text)))
    text = "".join(c if c.isprintable() else " " for c in text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Kind:
    """One indexed model: how its entries are titled, what their body holds."""

    key: str
    label: str  # plural, for facets
    model: type
    body: tuple[str, ...]  # attribute paths, read in order
    title: str = ""  # attribute path; str(record) when empty
    parent: str = ""  # the FK whose page shows the record: it must be published too
    related: tuple[str, ...] = ()  # for select_related

    def queryset(self):
        queryset = self.model.objects.published()
        if self.parent:
            parent_model = self.model._meta.get_field(self.parent).related_model
            queryset = queryset.filter(**{f"{self.parent}__in": parent_model.objects.published()})
        queryset = queryset.select_related(*self.related)
        if issubclass(self.model, CitedRecord):
            queryset = queryset.prefetch_related(
                Prefetch("aliases", Alias.objects.published())  # spellings of public sources
            )
        return queryset

    @property
    def name(self):
        """Singular, for one hit."""
        return "Policy" if self.model is Priority else self.model._meta.verbose_name.capitalize()

    def is_indexable(self, record):
        return record.is_published and (
            not self.parent or getattr(record, self.parent).is_published
        )

    def entry(self, record):
        """The field values of the record's SearchEntry."""
        title = resolve(record, self.title) if self.title else str(record)
        body = " · ".join(
            filter(None, (clean(resolve(record, p), markdown=p in MARKDOWN) for p in self.body))
        )
        spellings = record.aliases.all() if isinstance(record, CitedRecord) else []
        aliases = " · ".join(clean(alias.name) for alias in spellings)
        return {
            "slug": record.slug,
            "title": clean(title)[:300],
            "aliases": aliases,
            "body": body,
            "url": record.get_absolute_url()[:300],
            "date_lower": getattr(record, "date_lower", None),
        }


def resolve(record, path):
    value = record
    for name in path.split("."):
        value = getattr(value, name, "") if value is not None else ""
        if callable(value):
            value = value()
    return value if value is not None else ""


KINDS = {
    kind.key: kind
    for kind in [
        Kind("period", "Periods", Period, ("get_kind_display", "summary"), title="name"),
        Kind("person", "People", Person, ("role", "summary"), title="name"),
        Kind("event", "Events", Event, ("get_category_display", "summary")),
        Kind("country", "Countries", Country, ("summary",), title="name"),
        Kind(
            "relation",
            "Relations",
            Relation,
            ("country.name", "get_kind_display", "summary"),
            parent="country",
            related=("country",),
        ),
        Kind(
            "mission",
            "Missions",
            Mission,
            ("country.name", "city", "get_kind_display", "summary"),
            parent="country",
            related=("country",),
        ),
        Kind("organization", "Organizations", Organization, ("acronym", "summary")),
        Kind(
            "membership",
            "Memberships",
            Membership,
            ("summary",),
            parent="organization",
            related=("organization",),
        ),
        Kind("project", "Projects", Project, ("get_kind_display", "summary")),
        Kind("priority", "Policy", Priority, ("get_kind_display", "summary")),
        Kind("figure", "Figures", Figure, ("unit",)),
        Kind(
            "quote",
            "Quotes",
            Quote,
            ("text", "occasion", "speaker.name"),
            related=("speaker",),
        ),
        Kind("source", "Sources", Source, ("author", "publisher", "description", "text")),
    ]
}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS.values()}
# Records whose entries show a field of another record: saving that one re-indexes them.
DEPENDENTS = {
    Person: ["quotes"],
    Country: ["relations", "missions"],
    Organization: ["memberships"],
}


def vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("aliases", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )


def index_record(record):
    """Write, rewrite or remove the record's entry to match what the public may see."""
    kind = KIND_OF_MODEL.get(type(record))
    if kind is None:
        return
    if kind.is_indexable(record):
        entry, _ = SearchEntry.objects.update_or_create(
            kind=kind.key, object_id=record.pk, defaults=kind.entry(record)
        )
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(pk=entry.pk).update(vector=vector())
    else:
        unindex_record(record)
    for accessor in DEPENDENTS.get(type(record), []):
        for dependent in getattr(record, accessor).all():
            index_record(dependent)


def unindex_record(record):
    kind = KIND_OF_MODEL.get(type(record))
    if kind is not None:
        SearchEntry.objects.filter(kind=kind.key, object_id=record.pk).delete()


def records_with_alias(alias):
    """Every indexed record that lists the alias among its spellings."""
    for relation in Alias._meta.related_objects:
        if relation.many_to_many and relation.related_model in KIND_OF_MODEL:
            yield from getattr(alias, relation.get_accessor_name()).all()


def rebuild():
    """Make the index match the published content; returns (created, updated, deleted).

    Unchanged entries keep their rows and ids, so rebuilding twice changes nothing.
    """
    fields = ["slug", "title", "aliases", "body", "url", "date_lower"]
    existing = {
        (e.kind, e.object_id): e
        for e in SearchEntry.objects.only("id", "kind", "object_id", *fields)
    }
    created, updated = [], []
    for kind in KINDS.values():
        for record in kind.queryset():
            values = kind.entry(record)
            entry = existing.pop((kind.key, record.pk), None)
            if entry is None:
                created.append(SearchEntry(kind=kind.key, object_id=record.pk, **values))
            elif any(getattr(entry, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(entry, name, value)
                updated.append(entry)
    SearchEntry.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
    SearchEntry.objects.bulk_update(updated, fields, batch_size=200)
    SearchEntry.objects.bulk_create(created, batch_size=200)
    if connection.vendor == "postgresql":
        SearchEntry.objects.update(vector=vector())
    return len(created), len(updated), len(existing)


# --- Asking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str  # singular: "Event"
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around matched words
    rank: float


def highlight(text):
    """Escaped text, with the highlight markers turned into <mark> elements."""
    return mark_safe(escape(text or "").replace(START, "<mark>").replace(STOP, "</mark>"))


def snippet(body, aliases):
    if START not in (body or "") and START in (aliases or ""):
        return highlight(f"Also written: {aliases}")
    return highlight(body)


def words(query):
    """The query's words, lower-cased and without diacritics (as FTS5 indexes them)."""
    folded = unicodedata.normalize("NFKD", query.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", folded)


class Search:
    """One query over the index: counts per kind, and pages of hits.

    When nothing matches the words as typed, the search turns fuzzy: on
    PostgreSQL titles and aliases are compared by trigram similarity, on SQLite
    each unknown word is replaced by the closest indexed term (`suggestion`).
    """

    def __init__(self, query, kinds=None):
        query = "".join(c if c.isprintable() else " " for c in query or "").strip()
        if len(query) > MAX_QUERY_LENGTH:
            raise ValueError(f"A search can be at most {MAX_QUERY_LENGTH} characters long.")
        unknown = sorted(set(kinds or []) - set(KINDS))
        if unknown:
            raise ValueError(f"Unknown kinds: {', '.join(unknown)}.")
        self.query = query
        self.kinds = list(kinds or [])
        self.fuzzy = False
        self.backend = PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()

    @property
    def suggestion(self):
        """The corrected words searched instead of the query, where the backend says."""
        return self.backend.suggestion if self.fuzzy else None

    @cached_property
    def counts(self):
        """{kind: number of hits} over every kind, whatever kinds were asked for."""
        if not self.query:
            return {}
        counts = self.backend.counts(self.query, fuzzy=False)
        if not counts:
            counts = self.backend.counts(self.query, fuzzy=True)
            self.fuzzy = bool(counts)
        return counts

    def __len__(self):
        return sum(n for kind, n in self.counts.items() if not self.kinds or kind in self.kinds)

    def count(self):
        return len(self)

    def __getitem__(self, item):
        """Hits by slice, so that a Paginator can page through them."""
        if not isinstance(item, slice):
            raise TypeError("Search results are read by slice.")
        start = item.start or 0
        stop = len(self) if item.stop is None else item.stop
        return self.hits(offset=start, limit=max(stop - start, 0))

    def facets(self):
        """(kind, label, count) for every kind with hits, in the order of KINDS."""
        return [(key, KINDS[key].label, self.counts[key]) for key in KINDS if key in self.counts]

    def hits(self, offset=0, limit=PAGE_SIZE):
        if not len(self) or limit <= 0:
            return []
        rows = self.backend.hits(self.query, self.kinds, offset, limit, fuzzy=self.fuzzy)
        return [
            Hit(
                kind=kind,
                kind_label=KINDS[kind].name,
                title=title,
                url=url,
                snippet=snippet(body, aliases),
                rank=float(rank or 0),
            )
            for kind, title, url, body, aliases, rank in rows
        ]


def search(query: str, kinds=None, limit=PAGE_SIZE) -> list[Hit]:
    """The best `limit` published records for `query`, best first."""
    return Search(query, kinds).hits(limit=limit)


class PostgresBackend:
    suggestion = None

    def _matching(self, query, fuzzy):
        """(entries, tsquery, rank): the entries that match, and how well."""
        search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
        entries = SearchEntry.objects.all()
        if not fuzzy:
            rank = SearchRank(F("vector"), search_query, normalization=1)
            return entries.filter(vector=search_query), search_query, rank
        # Only words long enough to be names: "the" or "of" would match every title.
        names_asked = " ".join(
            w for w in re.findall(r"\w+", query) if len(w) >= TRIGRAM_MIN_LENGTH
        )
        if not names_asked:
            return entries.none(), search_query, Value(0.0)
        names = Concat("title", Value(" "), "aliases", output_field=TextField())
        entries = entries.alias(similarity=TrigramWordSimilarity(names_asked, names))
        return entries.filter(similarity__gte=TRIGRAM_THRESHOLD), search_query, F("similarity")

    def counts(self, query, fuzzy):
        entries, _, _ = self._matching(query, fuzzy)
        rows = entries.order_by().values("kind").annotate(n=Count("id"))
        return {row["kind"]: row["n"] for row in rows}

    def hits(self, query, kinds, offset, limit, fuzzy):
        entries, search_query, rank = self._matching(query, fuzzy)
        if kinds:
            entries = entries.filter(kind__in=kinds)
        options = {
            "config": CONFIG,
            "start_sel": START,
            "stop_sel": STOP,
            "max_words": 35,
            "min_words": 15,
            "max_fragments": 2,
            "fragment_delimiter": " … ",
        }
        entries = entries.annotate(
            rank=rank,
            body_snippet=SearchHeadline("body", search_query, **options),
            aliases_snippet=SearchHeadline("aliases", search_query, **options),
        ).order_by(F("rank").desc(), F("date_lower").asc(nulls_last=True), "title")
        return entries.values_list(
            "kind", "title", "url", "body_snippet", "aliases_snippet", "rank"
        )[offset : offset + limit]


class SqliteBackend:
    def __init__(self):
        self.suggestion = None

    @staticmethod
    def match(query):
        """An FTS5 query that every word must match, as a prefix: nothing in it is syntax."""
        terms = []
        for word in words(query):
            quoted = '"' + word.replace('"', '""') + '"'
            terms.append(quoted + "*" if len(word) >= 3 else quoted)
        return " ".join(terms)

    def _match(self, query, fuzzy):
        if not fuzzy:
            return self.match(query)
        if self.suggestion is None:
            self.suggestion = self.suggest(query) or ""
        return self.match(self.suggestion) if self.suggestion else ""

    def suggest(self, query):
        """The query with each word the index lacks replaced by its closest indexed term."""
        found = words(query)
        if not found:
            return None
        with connection.cursor() as cursor:
            cursor.execute("SELECT term FROM diplomacy_searchentry_vocab")
            terms = [term for (term,) in cursor.fetchall()]
        known = set(terms)
        corrected = []
        for word in found:
            if word in known or any(term.startswith(word) for term in terms):
                corrected.append(word)
            else:
                close = difflib.get_close_matches(word, terms, n=1, cutoff=SPELLING_CUTOFF)
                corrected.append(close[0] if close else word)
        return " ".join(corrected) if corrected != found else None

    def counts(self, query, fuzzy):
        match = self._match(query, fuzzy)
        if not match:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.kind, COUNT(*) FROM diplomacy_searchentry_fts "
                "JOIN diplomacy_searchentry e ON e.id = diplomacy_searchentry_fts.rowid "
                "WHERE diplomacy_searchentry_fts MATCH %s GROUP BY e.kind",
                [match],
            )
            return dict(cursor.fetchall())

    def hits(self, query, kinds, offset, limit, fuzzy):
        match = self._match(query, fuzzy)
        if not match:
            return []
        params = [START, STOP, START, STOP, match]
        kind_filter = ""
        if kinds:
            kind_filter = f" AND e.kind IN ({', '.join(['%s'] * len(kinds))})"
            params += list(kinds)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.kind, e.title, e.url, "
                "snippet(diplomacy_searchentry_fts, 2, %s, %s, '…', 30), "
                "snippet(diplomacy_searchentry_fts, 1, %s, %s, '…', 30), "
                # bm25 is lower for better matches: title counts 10, aliases 5, body 1.
                "-bm25(diplomacy_searchentry_fts, 10.0, 5.0, 1.0) AS score "
                "FROM diplomacy_searchentry_fts "
                "JOIN diplomacy_searchentry e ON e.id = diplomacy_searchentry_fts.rowid "
                f"WHERE diplomacy_searchentry_fts MATCH %s{kind_filter} "
                "ORDER BY score DESC, e.date_lower IS NULL, e.date_lower, e.title "
                "LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return cursor.fetchall()


# --- The form the page reads ----------------------------------------------------------


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"A search can be at most {MAX_QUERY_LENGTH} characters long "
            "(this one has %(show_value)d)."
        },
    )
    kind = forms.MultipleChoiceField(
        label="Type",
        required=False,
        choices=[(key, kind.label) for key, kind in KINDS.items()],
        error_messages={"invalid_choice": "There is no type “%(value)s” to search in."},
    )
