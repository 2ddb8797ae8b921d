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

Languages. An entry holds its record's English (`title`, `aliases`, `body`: the
original, built by `Kind.entry` in English) and, beside it, the record's
Azerbaijani and Russian (`title_az`, `body_az`, `title_ru`, `body_ru`), built
the same way in each language of what differs from the English only: empty
until a translation is written, so that English is indexed once. Aliases are
the sources' spellings, never translated. A reader (the active language, or
`Search(…, language=)`) finds a record by its text in their language and in
English, still one row and one hit per record:

- PostgreSQL: the one vector holds every language, each parsed in its own
  configuration (CONFIGS: 'english', 'russian', and 'simple' for Azerbaijani,
  which PostgreSQL cannot stem: its words are only lower-cased), with the same
  weights (titles A, aliases B, bodies C). The query is `websearch_to_tsquery`
  in the reader's configuration OR'ed with the English one. Titles that match
  rank first in either language (each title's own GIN index, migrations 0006
  and 0017), and misspelt names are looked for in the reader's title too.
- SQLite: the FTS5 table holds every column (migration 0017), bm25 weighs
  titles 10, aliases 5 and bodies 1 in every language. FTS5 allows one
  tokenizer a table, so all share 'porter unicode61 remove_diacritics 2', as
  before: the Porter stemmer rewrites English (ASCII) endings only, so Russian
  words pass it whole, and Azerbaijani words are cut the same way in the index
  and the query, so they still match. Russian is therefore not stemmed on
  SQLite ("договора" does not find "договор"; each word still matches as a
  prefix, so "договор" finds "договора"). Every column is searched whatever the
  reader's language, so a word of a third language may match too.

A hit's title and snippet are in the reader's language where written, else in
English; `Hit.language` and `Hit.snippet_language` say which, and its address
is the record's page in the reader's language.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Prefetch, Q, TextField, Value
from django.db.models.functions import Greatest
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from history import markup
from history.languages import LANGUAGES, ORIGINAL, TRANSLATED  # az, ru: columns title_az …
from history.models import (
    Alias,
    CitedRecord,
    Record,
    Source,
    in_original_language,
    public_models,
    required_links,
)
from history.text import shorten

from .models import SearchEntry

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20

# Snippet highlights travel as control characters that content never holds
# (clean() removes them), so the text can be escaped before they become <mark>.
START, STOP = "\x02", "\x03"
CONFIG = "english"  # PostgreSQL text search configuration of the English
# Each language's: PostgreSQL has no Azerbaijani stemmer, so its words are only
# lower-cased ('simple').
CONFIGS = {"en": CONFIG, "az": "simple", "ru": "russian"}
TRIGRAM_MIN_LENGTH = 4  # shorter queries would match every title holding the word
TRIGRAM_THRESHOLD = 0.6
SPELLING_CUTOFF = 0.75
MARKDOWN = {"summary", "note"}  # the fields written in Markdown


# --- What is indexed --------------------------------------------------------------


def clean(text, markdown=False):
    """Plain text from a field (Markdown if so): no tags, no control characters, one spacing."""
    text = markup.to_text(text) if markdown else str(text or "")
    text = "".join(c if c.isprintable() else " " for c in text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Kind:
    """One indexed model: its entries are titled str(record), and their body
    holds what the model's `search_body` names, then the record's note."""

    model: type

    @property
    def key(self):
        return self.model._meta.model_name

    @property
    def label(self):
        """Plural, for facets."""
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def name(self):
        """Singular, for one hit."""
        return capfirst(self.model._meta.verbose_name)

    @property
    def plural(self):
        """Plural, within a sentence: "people"."""
        return str(self.model._meta.verbose_name_plural)

    def queryset(self):
        # With what the record stands on (its required links: a relation's
        # country, a quote's speaker), which its entry may name.
        required = [field.name for field in required_links(self.model)]
        queryset = self.model.objects.published().select_related(*required)
        if issubclass(self.model, CitedRecord):
            queryset = queryset.prefetch_related(
                Prefetch("aliases", Alias.objects.published())  # spellings of public sources
            )
        return queryset

    def entry(self, record):
        """The field values of the record's SearchEntry: its English text, whatever
        the language of the request that changed it (the index has one language)."""
        with in_original_language():
            return self._entry(record)

    def _entry(self, record):
        body = " · ".join(
            filter(
                None,
                (
                    clean(resolve(record, p), markdown=p in MARKDOWN)
                    for p in (*record.search_body, "note")  # the editors' identifications
                ),
            )
        )
        spellings = record.aliases.all() if isinstance(record, CitedRecord) else []
        aliases = " · ".join(clean(alias.name) for alias in spellings)
        return {
            "slug": record.slug,
            "title": shorten(clean(str(record)), 300),
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


def entry_values(kind, record):
    """Every column of the record's SearchEntry: the English entry (`Kind.entry`),
    and the record's text in each other language (`translated_entry`)."""
    with in_original_language():
        values = kind.entry(record)
        title, parts = clean(str(record)), body_parts(record)
    for code in TRANSLATED:
        values.update(translated_entry(record, code, title, parts))
    return values


def body_parts(record):
    """(path, text) of what an entry's body is made of, in the active language."""
    return [
        (path, clean(resolve(record, path), markdown=path in MARKDOWN))
        for path in (*record.search_body, "note")
    ]


def translated_entry(record, code, english_title, english_parts):
    """title_<code> and body_<code>: the record's title and body as a reader of
    `code` is shown them, built as the English ones are, of what differs from the
    English only, so that a text not translated (shown in English, or never
    translated: a source's or a quote's words) is indexed once, as English. The
    interface's labels alone (a kind's name, get_*_display) translate no record:
    a body made only of them is empty."""
    with translation.override(code):
        title = clean(str(record))
        parts = body_parts(record)
    written = [
        (path, text)
        for (path, text), (_path, english) in zip(parts, english_parts, strict=True)
        if text and text != english
    ]
    if all(path.startswith("get_") for path, _text in written):
        written = []
    return {
        f"title_{code}": shorten(title, 300) if title != english_title else "",
        f"body_{code}": " · ".join(text for _path, text in written),
    }


# Every public record model, in the content apps' order.
KINDS = {
    model._meta.model_name: Kind(model) for model in public_models() if issubclass(model, Record)
}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS.values()}


def dependents(record):
    """The indexed records whose entries follow `record`: those that stand on it
    (their required foreign keys point at it), and those spelt as its passages
    spell them (a source's aliases)."""
    for relation in record._meta.related_objects:
        if (
            relation.one_to_many
            and not relation.field.null
            and relation.related_model in KIND_OF_MODEL
        ):
            yield from getattr(record, relation.get_accessor_name()).all()
    if isinstance(record, Source):
        for alias in record.aliases.all():
            yield from records_with_alias(alias)


def vector(values=None):
    """The weighted tsvector of an entry: of its columns, or of `values` about to be written.

    From values, rows are written once with their vector: updating every row after a
    bulk insert would leave a dead copy of each behind, and scans would read twice the pages.
    Every language's text is parsed in its own configuration (CONFIGS), with the
    same weights: titles A, aliases B, bodies C.
    """

    def column(name):
        return Value(values[name]) if values else name

    combined = (
        SearchVector(column("title"), weight="A", config=CONFIG)
        + SearchVector(column("aliases"), weight="B", config=CONFIG)
        + SearchVector(column("body"), weight="C", config=CONFIG)
    )
    for code in TRANSLATED:
        combined = (
            combined
            + SearchVector(column(f"title_{code}"), weight="A", config=CONFIGS[code])
            + SearchVector(column(f"body_{code}"), weight="C", config=CONFIGS[code])
        )
    return combined


def index_record(record):
    """Write, rewrite or remove the record's entry to match what the public may see."""
    kind = KIND_OF_MODEL.get(type(record))
    if kind is None:
        return
    # Read again through the door, as the public would: with its public spellings only.
    public = kind.queryset().filter(pk=record.pk).first()
    if public is not None:
        entry, _ = SearchEntry.objects.update_or_create(
            kind=kind.key, object_id=record.pk, defaults=entry_values(kind, public)
        )
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(pk=entry.pk).update(vector=vector())
    else:
        unindex_record(record)
    for dependent in dependents(record):
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


TRANSLATED_COLUMNS = [f"{name}_{code}" for code in TRANSLATED for name in ("title", "body")]


def rebuild():
    """Make the index match the published content; returns (created, updated, deleted).

    Unchanged entries keep their rows and ids, so rebuilding twice changes nothing.
    """
    fields = ["slug", "title", "aliases", "body", *TRANSLATED_COLUMNS, "url", "date_lower"]
    existing = {
        (e.kind, e.object_id): e
        for e in SearchEntry.objects.only("id", "kind", "object_id", *fields)
    }
    postgresql = connection.vendor == "postgresql"
    created, updated = [], []
    for kind in KINDS.values():
        for record in kind.queryset():
            values = entry_values(kind, record)
            entry = existing.pop((kind.key, record.pk), None)
            if entry is None:
                if postgresql:
                    values["vector"] = vector(values)
                created.append(SearchEntry(kind=kind.key, object_id=record.pk, **values))
            elif any(getattr(entry, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(entry, name, value)
                updated.append(entry)
    SearchEntry.objects.filter(pk__in=[e.pk for e in existing.values()]).delete()
    if postgresql:
        for entry in updated:
            entry.vector = vector({name: getattr(entry, name) for name in fields})
    written = [*fields, "vector"] if postgresql else fields
    SearchEntry.objects.bulk_update(updated, written, batch_size=200)
    SearchEntry.objects.bulk_create(created, batch_size=200)
    return len(created), len(updated), len(existing)


# --- Asking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One record found. Its title and snippet are in the reader's language where
    the record's translation is written, else in English: `language` is the
    title's language code and `snippet_language` the snippet's, so that a
    template marks English shown to a reader of another language (lang="en")."""

    kind: str
    kind_label: str  # singular: "Event"
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around matched words
    rank: float
    language: str = ORIGINAL  # the title's: the reader's language, or "en"
    snippet_language: str = ORIGINAL  # the snippet's: the reader's language, or "en"


def highlight(text):
    """Escaped text, with the highlight markers turned into <mark> elements."""
    return mark_safe(escape(text or "").replace(START, "<mark>").replace(STOP, "</mark>"))


def snippet(body, aliases, translated="", language=ORIGINAL):
    """The snippet to show and its language: the passage that holds a match, in the
    reader's language (`translated`, of `language`) first, then in English, then the
    other spellings; with no match in any, the reader's text where written, else
    the English."""
    if START in (translated or ""):
        return highlight(translated), language
    if START in (body or ""):
        return highlight(body), ORIGINAL
    if START in (aliases or ""):
        # As a record's page says: the label in the reader's language, the spellings as written.
        return highlight(f"{_('Also written:')} {aliases}"), language
    if translated:
        return highlight(translated), language
    return highlight(body), ORIGINAL


def latin(letter):
    """Whether a letter is of the Latin alphabets, whose diacritics FTS5 removes."""
    return ord(letter) < 0x250 or 0x1E00 <= ord(letter) < 0x1F00


def address_in(url, language):
    """A record's address (the entry keeps the English) in the reader's language, so that
    every link of a page stays in its language: under the language's prefix, as
    i18n_patterns writes it (README: Addresses); English's has none."""
    return url if language == ORIGINAL else f"/{language}{url}"


def words(query):
    """The query's words, lower-cased and without diacritics, as FTS5's unicode61 indexes
    them: it folds Latin letters only (ş → s, ç → c), so й and ё stay Russian letters."""
    folded = []
    for letter in query.lower():
        if unicodedata.combining(letter):
            continue
        parts = unicodedata.normalize("NFD", letter)
        if latin(parts[0]):
            letter = "".join(c for c in parts if not unicodedata.combining(c))
        folded.append(letter)
    return re.findall(r"\w+", "".join(folded))


class Search:
    """One query over the index: counts per kind, and pages of hits.

    When nothing matches the words as typed, the search turns fuzzy: on
    PostgreSQL titles and aliases are compared by trigram similarity, on SQLite
    each unknown word is replaced by the closest indexed term (`suggestion`).
    """

    def __init__(self, query, kinds=None, language=None):
        query = "".join(c if c.isprintable() else " " for c in query or "").strip()
        if len(query) > MAX_QUERY_LENGTH:
            raise ValueError(f"A search can be at most {MAX_QUERY_LENGTH} characters long.")
        unknown = sorted(set(kinds or []) - set(KINDS))
        if unknown:
            raise ValueError(f"Unknown kinds: {', '.join(unknown)}.")
        self.query = query
        self.kinds = list(kinds or [])
        self.fuzzy = False
        # The reader's (the active language, by default): found by it and by English.
        language = (language or translation.get_language() or ORIGINAL).split("-")[0]
        self.language = language if language in LANGUAGES else ORIGINAL
        backend = PostgresBackend if connection.vendor == "postgresql" else SqliteBackend
        self.backend = backend(self.language)

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
        """(kind, label, count) for every kind with hits, the most hits first, and
        every kind asked for, even without hits (so that it can be unticked)."""
        found = [
            (key, KINDS[key].label, self.counts.get(key, 0))
            for key in KINDS
            if key in self.counts or key in self.kinds
        ]
        return sorted(found, key=lambda facet: -facet[2])

    def elsewhere(self):
        """(kind, "events", count) of the other kinds with hits, when the kinds asked
        for have none."""
        if len(self):
            return []
        others = [facet for facet in self.facets() if facet[0] not in self.kinds]
        return [(key, KINDS[key].plural, count) for key, _label, count in others]

    def scope(self, last_word):
        """The kinds asked for, in a sentence: "people, events and quotes"."""
        return get_text_list(
            [kind.plural for key, kind in KINDS.items() if key in self.kinds], last_word
        )

    def summary(self):
        """ "3 results for “treaty” in events and quotes", a heading-like line as on the lists."""
        count = len(self)
        values = {"count": count, "query": self.query}
        if not self.kinds:
            text = ngettext(
                "%(count)d result for “%(query)s”", "%(count)d results for “%(query)s”", count
            )
            return text % values
        text = ngettext(
            "%(count)d result for “%(query)s” in %(kinds)s",
            "%(count)d results for “%(query)s” in %(kinds)s",
            count,
        )
        return text % {**values, "kinds": self.scope(_("and"))}

    def hits(self, offset=0, limit=PAGE_SIZE):
        if not len(self) or limit <= 0:
            return []
        rows = self.backend.hits(self.query, self.kinds, offset, limit, fuzzy=self.fuzzy)
        hits = []
        for kind, title, url, body, aliases, rank, translated_title, translated_body in rows:
            text, snippet_language = snippet(body, aliases, translated_body, self.language)
            hits.append(
                Hit(
                    kind=kind,
                    kind_label=KINDS[kind].name,
                    title=translated_title or title,
                    url=address_in(url, self.language),
                    snippet=text,
                    rank=float(rank or 0),
                    language=self.language if translated_title else ORIGINAL,
                    snippet_language=snippet_language,
                )
            )
        return hits


def search(query: str, kinds=None, limit=PAGE_SIZE, language=None) -> list[Hit]:
    """The best `limit` published records for `query`, best first."""
    return Search(query, kinds, language).hits(limit=limit)


class TitleVector(Func):
    """The tsvector of a title alone: the expression of the GIN indexes of migrations
    0006 (title, English) and 0017 (title_az, title_ru in their configurations)."""

    output_field = SearchVectorField()

    def __init__(self, expression, config=CONFIG):
        template = f"to_tsvector('{config}'::regconfig, %(expressions)s)"
        super().__init__(expression, template=template)


class Names(Func):
    """Title and aliases as one text: the expression of the trigram index of migration 0006."""

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()


class WordSimilar(Func):
    """`names %> words`: some stretch of names is word-similar to the words (by index)."""

    template = "%(expressions)s"
    arg_joiner = " %%> "
    output_field = BooleanField()


class PostgresBackend:
    """Matches the query's tsquery against the weighted vectors; titles that match come first.

    Ranking every match of a common word (ts_rank over tens of thousands of rows) is
    what made search slow, and the title matches rank first anyway. So the counts
    query also counts the title matches (by their own GIN index), and a page inside
    them ranks only them; a page past them ranks the other matches alone.
    """

    suggestion = None

    def __init__(self, language=ORIGINAL):
        self.language = language
        self.title_counts = None  # {kind: entries whose title matches}; set by counts()

    def _search_query(self, query):
        """The query in English's configuration, or'ed with the reader's language's."""
        english = SearchQuery(query, search_type="websearch", config=CONFIG)
        if self.language == ORIGINAL:
            return english
        theirs = SearchQuery(query, search_type="websearch", config=CONFIGS[self.language])
        return theirs | english

    def _in_title(self, entries, search_query):
        """The entries whose title matches, in English or in the reader's language."""
        entries = entries.alias(title_vector=TitleVector("title"))
        if self.language == ORIGINAL:
            return entries.filter(title_vector=search_query)
        column = f"title_{self.language}"
        return entries.alias(
            translated_title_vector=TitleVector(column, config=CONFIGS[self.language])
        ).filter(Q(title_vector=search_query) | Q(translated_title_vector=search_query))

    def _fuzzy_matching(self, query):
        """Entries whose title or aliases hold a word like one of the query's, and how alike."""
        # Only words long enough to be names: "the" or "of" would match every title.
        names_asked = " ".join(
            w for w in re.findall(r"\w+", query) if len(w) >= TRIGRAM_MIN_LENGTH
        )
        entries = SearchEntry.objects.all()
        if not names_asked:
            return entries.none()
        names = Names("title", "aliases")
        # The operator %> (which the trigram index serves) holds where the word similarity
        # reaches pg_trgm.word_similarity_threshold: 0.6 by default, TRIGRAM_THRESHOLD;
        # the explicit comparison keeps TRIGRAM_THRESHOLD the rule if either changes.
        similar = WordSimilar(names, Value(names_asked))
        similarity = TrigramWordSimilarity(names_asked, names)
        if self.language != ORIGINAL:  # and the title in the reader's language (its own index)
            column = f"title_{self.language}"
            similar = Q(similar) | Q(WordSimilar(F(column), Value(names_asked)))
            similarity = Greatest(similarity, TrigramWordSimilarity(names_asked, column))
        return (
            entries.filter(similar)
            .alias(similarity=similarity)
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
        )

    def counts(self, query, fuzzy):
        if fuzzy:
            rows = self._fuzzy_matching(query).order_by().values("kind").annotate(n=Count("id"))
            return {row["kind"]: row["n"] for row in rows}
        search_query = self._search_query(query)
        matching = SearchEntry.objects.filter(vector=search_query).order_by()
        every = matching.values("kind").annotate(n=Count("id"), in_title=Value(False))
        in_title = (
            self._in_title(matching, search_query)
            .values("kind")
            .annotate(n=Count("id"), in_title=Value(True))
        )
        counts, self.title_counts = {}, {}
        for row in every.union(in_title, all=True):
            (self.title_counts if row["in_title"] else counts)[row["kind"]] = row["n"]
        return counts

    def hits(self, query, kinds, offset, limit, fuzzy):
        search_query = self._search_query(query)
        options = {
            "config": CONFIG,
            "start_sel": START,
            "stop_sel": STOP,
            "max_words": 35,
            "min_words": 15,
            "max_fragments": 2,
            "fragment_delimiter": " … ",
        }
        fields = (
            *("kind", "title", "url", "body_snippet", "aliases_snippet", "rank"),
            *("translated_title", "translated_snippet"),
        )
        if self.language == ORIGINAL:
            translated = {
                "translated_title": Value("", output_field=TextField()),
                "translated_snippet": Value("", output_field=TextField()),
            }
        else:
            translated = {
                "translated_title": F(f"title_{self.language}"),
                "translated_snippet": SearchHeadline(
                    f"body_{self.language}",
                    search_query,
                    **{**options, "config": CONFIGS[self.language]},
                ),
            }

        def page(entries, rank, start, stop, tier):
            if kinds:
                entries = entries.filter(kind__in=kinds)
            entries = entries.annotate(
                rank=rank,
                tier=Value(tier),
                body_snippet=SearchHeadline("body", search_query, **options),
                aliases_snippet=SearchHeadline("aliases", search_query, **options),
                **translated,
            ).order_by(F("rank").desc(), F("date_lower").asc(nulls_last=True), "title")
            return entries.values_list(*fields, "tier", "date_lower")[start:stop]

        if fuzzy:
            pages = [page(self._fuzzy_matching(query), F("similarity"), offset, offset + limit, 0)]
        else:
            matching = SearchEntry.objects.filter(vector=search_query)
            rank = SearchRank(F("vector"), search_query, normalization=1)
            in_title = self._in_title(matching, search_query)
            others = matching.exclude(id__in=in_title.values("id"))
            if self.title_counts is None:
                self.counts(query, fuzzy=False)
            first = sum(n for k, n in self.title_counts.items() if not kinds or k in kinds)
            pages = []
            if offset < first:
                pages.append(page(in_title, rank, offset, min(first, offset + limit), 1))
            if offset + limit > first:
                start = max(offset - first, 0)
                pages.append(page(others, rank, start, offset + limit - first, 0))
        rows = pages[0] if len(pages) == 1 else pages[0].union(pages[1], all=True)
        # The two parts of a page that straddles them are put in order here: at most a page.
        ordered = sorted(
            rows,
            key=lambda r: (-r[8], -(r[5] or 0), r[9] is None, r[9] or 0, r[1]),
        )
        return [row[:8] for row in ordered]


# The FTS5 table's columns, in its order (migration 0017), and their bm25 weights.
FTS_COLUMNS = ["title", "aliases", "body", *TRANSLATED_COLUMNS]
FTS_WEIGHTS = ", ".join(
    "10.0" if name.startswith("title") else "5.0" if name == "aliases" else "1.0"
    for name in FTS_COLUMNS
)


class SqliteBackend:
    """FTS5: bm25 ranks the matches (titles 10, aliases 5, bodies 1), snippets show them.

    Joining every match to its entry to sort on date and title, and computing
    snippets before the LIMIT, made a common word slow. Now the ranking reads the
    FTS table alone and keeps the scores in a temporary table; only the matches that
    score as well as the page's last (ties included) are joined to be ordered on
    date and title, and only the page gets snippets. Counts read a narrow covering
    index of the kinds (migration 0006).
    """

    # Letters that may stand first in a term, for candidates of a misspelt first letter.
    FIRST_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789əı"
    FIRST_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"  # for a Russian word
    MAX_PREFIXES = 400  # ranges read from the vocabulary in one statement
    TIE_MARGIN = 1000  # matches ranked past the page, so that its last score's ties are seen

    def __init__(self, language=ORIGINAL):
        self.language = language
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

    def candidates(self, found):
        """The indexed terms that could be close to the words: those sharing the first
        letter, or the second letter after any first one. Read by prefix ranges of the
        FTS5 vocabulary, which seeks them rather than listing every term."""
        prefixes = set()
        for word in found:
            prefixes.add(word[0])
            if len(word) > 1:
                cyrillic = "\u0400" <= word[1] <= "\u04ff"
                letters = self.FIRST_CYRILLIC_LETTERS if cyrillic else self.FIRST_LETTERS
                prefixes.update(letter + word[1] for letter in letters)
        prefixes = sorted(prefixes)[: self.MAX_PREFIXES]
        select = "SELECT term FROM diplomacy_searchentry_vocab WHERE term >= %s AND term <= %s"
        params = []
        for prefix in prefixes:
            params += [prefix, prefix + "\U0010ffff"]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ".join([select] * len(prefixes)), params)
            return [term for (term,) in cursor.fetchall()]

    def suggest(self, query):
        """The query with each word the index lacks replaced by its closest indexed term."""
        found = words(query)
        if not found:
            return None
        terms = self.candidates(found)
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
                "JOIN diplomacy_searchentry e INDEXED BY diplomacy_searchentry_id_kind "
                "ON e.id = diplomacy_searchentry_fts.rowid "
                "WHERE diplomacy_searchentry_fts MATCH %s GROUP BY e.kind",
                [match],
            )
            return dict(cursor.fetchall())

    def hits(self, query, kinds, offset, limit, fuzzy):
        match = self._match(query, fuzzy)
        if not match:
            return []
        rows = self._page(match, kinds, offset, limit, margin=self.TIE_MARGIN)
        if rows and rows[0][-1]:
            # More matches tie with the page's last score than the margin holds: rank them all.
            rows = self._page(match, kinds, offset, limit, margin=None)
        return [row[:-1] for row in rows]

    def _page(self, match, kinds, offset, limit, margin):
        """A page of hits, each with a last column that says whether ties may have been cut.

        The best `offset + limit + margin` scores come from the FTS table alone; of
        those, only the ones that score as well as the page's last are joined to their
        entries to be ordered on date and title, and only the page gets snippets.
        """
        kind_join = kind_filter = ""
        if kinds:
            kind_join = (
                " JOIN diplomacy_searchentry k INDEXED BY diplomacy_searchentry_id_kind"
                " ON k.id = f.rowid"
            )
            kind_filter = f" AND k.kind IN ({', '.join(['%s'] * len(kinds))})"
        order = "score DESC, e.date_lower IS NULL, e.date_lower, e.title"
        # The reader's language's title and snippet, beside the English (names from FTS_COLUMNS).
        if self.language == ORIGINAL:
            translated, translated_params = "'', ''", []
        else:
            column = FTS_COLUMNS.index(f"body_{self.language}")
            translated = (
                f"e.title_{self.language}, "
                f"snippet(diplomacy_searchentry_fts, {column}, %s, %s, '…', 30)"
            )
            translated_params = [START, STOP]
        wanted = offset + limit
        kept = -1 if margin is None else wanted + margin  # LIMIT -1: no limit
        with connection.cursor() as cursor:
            cursor.execute(
                # A CTE used more than once is computed once (SQLite materializes it).
                # bm25 is lower for better matches: titles count 10, aliases 5, bodies 1.
                "WITH top AS (SELECT f.rowid AS id,"
                f" -bm25(diplomacy_searchentry_fts, {FTS_WEIGHTS}) AS score"
                f" FROM diplomacy_searchentry_fts f{kind_join}"
                f" WHERE diplomacy_searchentry_fts MATCH %s{kind_filter}"
                " ORDER BY score DESC LIMIT %s), "
                "cut AS (SELECT MIN(score) AS score FROM"
                " (SELECT score FROM top ORDER BY score DESC LIMIT %s)), "
                "page AS (SELECT top.id, top.score FROM top"
                " JOIN diplomacy_searchentry e ON e.id = top.id"
                " WHERE top.score >= (SELECT score FROM cut)"
                f" ORDER BY {order} LIMIT %s OFFSET %s) "
                # Snippets for the page only, in one more pass over the matches: looked
                # up by rowid, FTS5 would set the whole query up again for each hit.
                "SELECT e.kind, e.title, e.url, "
                "snippet(diplomacy_searchentry_fts, 2, %s, %s, '…', 30), "
                "snippet(diplomacy_searchentry_fts, 1, %s, %s, '…', 30), page.score AS score, "
                f"{translated}, "
                "(SELECT COUNT(*) FROM top) = %s"
                " AND (SELECT MIN(score) FROM top) = (SELECT score FROM cut) "
                "FROM diplomacy_searchentry_fts "
                "CROSS JOIN page ON page.id = diplomacy_searchentry_fts.rowid "
                "JOIN diplomacy_searchentry e ON e.id = page.id "
                "WHERE diplomacy_searchentry_fts MATCH %s "
                "AND +diplomacy_searchentry_fts.rowid IN (SELECT id FROM page) "
                f"ORDER BY {order}",
                [
                    *(match, *kinds, kept, wanted, limit, offset, *(START, STOP) * 2),
                    *(*translated_params, kept, match),
                ],
            )
            return cursor.fetchall()


# --- The form the page reads ----------------------------------------------------------


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": gettext_lazy(
                "A search can be at most %(limit_value)d characters long "
                "(this one has %(show_value)d)."
            )
        },
    )
    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[(key, kind.label) for key, kind in KINDS.items()],
        error_messages={
            "invalid_choice": gettext_lazy("There is no type “%(value)s” to search in.")
        },
    )
