"""Site search: the index follows publication, ranking, snippets, the page and its limits.

Everything runs on SQLite (FTS5) and on PostgreSQL (full-text search and trigrams);
the tests of PostgreSQL's indexes and of Russian stemming (which SQLite's tokenizer
lacks) are for PostgreSQL alone, those of SQLite's own structures for SQLite.
"""

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from diplomacy.models import Country, Event, Organization, Relation, SearchEntry
from diplomacy.search import MAX_QUERY_LENGTH, PAGE_SIZE, Search, search
from history.models import Alias, Person, Quote, Source, Status

PUBLISHED, DRAFT, IN_REVIEW = Status.PUBLISHED, Status.DRAFT, Status.IN_REVIEW
SOURCE_TEXT = (
    "The Cooperation Council of Turkic speaking states, which text calls the Turkic "
    "Council, and ISSECO; the village of Alkhanli in Fizuli District."
)


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Pages render without a collectstatic manifest, as in development."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def source(db):
    """Where the aliases are written: published, as a public spelling's source must be."""
    return Source.objects.create(
        slug="a-source", title="A source", text=SOURCE_TEXT, status=PUBLISHED
    )


def event(title, summary="", status=PUBLISHED, slug=None, date="", **translations):
    """A record; `translations` are its other languages' columns (title_az=…)."""
    slug = slug or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return Event.objects.create(
        title=title,
        summary=summary,
        slug=slug,
        category="diplomacy",
        status=status,
        date=date,
        **translations,
    )


def titles(hits):
    return [hit.title for hit in hits]


def page(client, status=200, language=None, **params):
    """The search page in English, or at its address in `language` (/az/search/)."""
    path = reverse("diplomacy:search")
    if language and language != "en":
        with translation.override(language):
            path = reverse("diplomacy:search")
        assert path == f"/{language}/search/"
    response = client.get(path, params)
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


# --- What is found, and in which order -----------------------------------------------


def test_a_title_match_ranks_above_a_body_match(db):
    event("Talks in Geneva", summary="The delegation discussed the Zangezur corridor at length.")
    event("Zangezur corridor opened", summary="A new route.", slug="opened")
    assert titles(search("Zangezur")) == ["Zangezur corridor opened", "Talks in Geneva"]


def test_several_words_must_all_match(db):
    event("Zangezur corridor opened")
    event("Zangezur talks")
    assert titles(search("Zangezur corridor")) == ["Zangezur corridor opened"]


def test_word_forms_find_each_other(db):
    event("A treaty of friendship")
    assert titles(search("treaties")) == ["A treaty of friendship"]
    assert titles(search("friend")) == ["A treaty of friendship"]


def test_a_record_is_found_by_an_alias_spelling(source):
    organization = Organization.objects.create(
        name="Islamic Educational Organization", slug="ie", status=PUBLISHED, summary="Culture."
    )
    assert search("ISSECO", ["organization"]) == []
    organization.aliases.add(Alias.objects.create(source=source, name="ISSECO"))

    hits = search("ISSECO", ["organization"])
    assert titles(hits) == ["Islamic Educational Organization"]
    assert "<mark>ISSECO</mark>" in hits[0].snippet

    # A spelling is public while its source is: drafting the source takes it out.
    source.status = DRAFT
    source.save()
    assert search("ISSECO") == []


def test_a_renamed_or_deleted_alias_updates_the_index(source):
    country = Country.objects.create(code="AZ", name="Azerbaijan", slug="az", status=PUBLISHED)
    alias = Alias.objects.create(source=source, name="Fizuli District")
    country.aliases.add(alias)
    assert titles(search("Fizuli", ["country"])) == ["Azerbaijan"]

    alias.name = "Alkhanli"
    alias.save()
    assert search("Fizuli", ["country"]) == []
    assert titles(search("Alkhanli", ["country"])) == ["Azerbaijan"]

    alias.delete()
    assert search("Alkhanli", ["country"]) == []


def test_a_misspelt_name_still_finds_the_record(db):
    event("The Shirvanshahs send envoys")
    assert titles(search("Shirvanshas")) == ["The Shirvanshahs send envoys"]
    assert titles(search("Azerbajan")) == []  # no such word: nothing close to invent
    event("Azerbaijan joins the United Nations", slug="un")
    assert "Azerbaijan joins the United Nations" in titles(search("Azerbajan"))


def test_a_misspelling_finds_the_record_on_either_backend(db):
    event("Qara Qoyunlu embassies", summary="Envoys to Venice.")
    results = Search("Kara Qoyunlu")

    assert titles(results.hits()) == ["Qara Qoyunlu embassies"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Trigram word similarity (pg_trgm) over a GIN-indexed tsvector.
            assert results.fuzzy and results.suggestion is None
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone()
            cursor.execute(
                "SELECT indexdef FROM pg_indexes "
                "WHERE indexname = 'diplomacy_searchentry_vector_gin'"
            )
            assert "USING gin" in cursor.fetchone()[0]
        else:
            # The closest indexed term of the FTS5 vocabulary stands in.
            assert results.suggestion and "qara" in results.suggestion.lower()
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'diplomacy_searchentry_fts'"
            )
            assert "fts5" in cursor.fetchone()[0].lower()


def test_people_and_quotes_are_searchable(db):
    person = Person.objects.create(
        name="Mammad Amin Rasulzade", slug="rasulzade", role="Kestrelwood", status=PUBLISHED
    )
    Quote.objects.create(text="Kestrelwood rose", speaker=person, slug="q", status=PUBLISHED)
    kinds = {hit.kind for hit in search("Kestrelwood")}
    assert kinds == {"person", "quote"}


def test_equal_scores_are_ordered_by_date_then_title(db):
    # Same words, same lengths: every entry scores the same, so date and title decide.
    years = [1905, 1901, 1903, 1902, 1904]
    for number, year in enumerate(years):
        event(f"Wrenfield talks {number + 1}", slug=f"w{number}", date=str(year))
    event("Wrenfield talks 6", slug="undated")
    expected = [f"Wrenfield talks {years.index(year) + 1}" for year in sorted(years)]
    assert titles(search("Wrenfield")) == [*expected, "Wrenfield talks 6"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 ranking's tie margin")
def test_a_page_is_exact_when_more_entries_tie_than_the_ranking_keeps(db, monkeypatch):
    from diplomacy.search import SqliteBackend

    for number in range(30):
        # Dates run against the insertion order, so rowid order is not the answer.
        event(f"Marrowby talks {number:02d}", slug=f"m{number}", date=str(1990 - number))
    expected = [f"Marrowby talks {number:02d}" for number in reversed(range(30))]
    monkeypatch.setattr(SqliteBackend, "TIE_MARGIN", 2)
    with CaptureQueriesContext(connection) as queries:
        page_two = titles(Search("Marrowby")[10:20])
    assert page_two == expected[10:20]
    assert len(queries) == 3  # counts, a page whose ties overflowed, the exact page


def test_title_matches_come_first_on_every_page(db):
    for number in range(PAGE_SIZE + 3):
        event(f"Ashcombe accord {number}", slug=f"title{number}", date=str(1950 + number))
    for number in range(5):
        event(
            f"Talks {number}",
            summary="Ashcombe " * 8 + "was named again and again.",
            slug=f"body{number}",
            date=str(1800 + number),
        )
    results = Search("Ashcombe")
    assert len(results) == PAGE_SIZE + 8
    every = [hit.title for hit in results[0 : PAGE_SIZE + 8]]
    assert every[: PAGE_SIZE + 3] == [f"Ashcombe accord {n}" for n in range(PAGE_SIZE + 3)]
    assert sorted(every[PAGE_SIZE + 3 :]) == [f"Talks {n}" for n in range(5)]
    # A page across the boundary, and one past it, agree with the whole list.
    assert titles(results[PAGE_SIZE : PAGE_SIZE + 5]) == every[PAGE_SIZE : PAGE_SIZE + 5]
    assert titles(results[PAGE_SIZE + 4 : PAGE_SIZE + 8]) == every[PAGE_SIZE + 4 :]


def test_a_misspelt_search_takes_the_same_queries_however_many_rows(client, db):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            html = page(client, q="Shirvenshahs")
        assert "The Shirvanshahs send envoys" in html
        return len(queries)

    event("The Shirvanshahs send envoys")
    few = count_queries()
    for number in range(60):
        event(f"Shirvan envoys {number}", summary="Shirvanshahs", slug=f"s{number}")
    assert count_queries() == few
    # Counts as typed, then counts and a page of the fuzzy search; SQLite first reads
    # the candidate terms of its vocabulary.
    assert few == (3 if connection.vendor == "postgresql" else 4)


def test_a_misspelling_suggests_a_term_whose_first_letter_differs(db):
    event("Qara Qoyunlu embassies")
    results = Search("Kara Qoyunlu")
    assert titles(results.hits()) == ["Qara Qoyunlu embassies"]


def test_a_misspelt_russian_name_still_finds_the_record(db):
    event("Treaty of Kars", title_ru="Карсский договор")
    assert titles(search("Парсский", language="ru")) == ["Карсский договор"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")
def test_title_and_misspelt_name_searches_can_use_their_indexes(db):
    """The expressions search writes are those the indexes of migration 0006 hold."""
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Value

    from diplomacy.search import CONFIG, Names, TitleVector, WordSimilar

    event("Qara Qoyunlu embassies")
    in_titles = SearchEntry.objects.alias(title_vector=TitleVector("title")).filter(
        title_vector=SearchQuery("Qoyunlu", search_type="websearch", config=CONFIG)
    )
    misspelt = SearchEntry.objects.filter(WordSimilar(Names("title", "aliases"), Value("Qoyunly")))
    assert in_titles.count() == 1 and misspelt.count() == 1
    with connection.cursor() as cursor:
        # Planned as for many rows: no sequential or plain index scan of the table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        assert "diplomacy_searchentry_title_gin" in in_titles.explain()
        assert "diplomacy_searchentry_names_trgm" in misspelt.explain()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")
@pytest.mark.parametrize(
    ("language", "word", "misspelt"),
    [("az", "müqaviləsi", "müqavilasi"), ("ru", "договора", "Карсскии")],
)
def test_translated_title_and_misspelt_name_searches_can_use_their_indexes(
    db, language, word, misspelt
):
    """The expressions search writes for a reader of another language are those the
    indexes of migration 0017 hold."""
    from diplomacy.search import PostgresBackend

    event("Treaty of Kars", title_az="Qars müqaviləsi", title_ru="Карсский договор")
    backend = PostgresBackend(language)
    in_titles = backend._in_title(SearchEntry.objects.all(), backend._search_query(word))
    misspelt_names = backend._fuzzy_matching(misspelt)
    assert in_titles.count() == 1 and misspelt_names.count() == 1
    assert titles(search(misspelt, language=language)) == [
        {"az": "Qars müqaviləsi", "ru": "Карсский договор"}[language]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        assert f"diplomacy_searchentry_title_{language}_gin" in in_titles.explain()
        assert f"diplomacy_searchentry_title_{language}_trgm" in misspelt_names.explain()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index")
def test_counts_per_kind_read_the_narrow_index(db):
    # Made by 0006's own SQL on older databases, by Django on newer ones.
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "diplomacy_searchentry")
    assert indexes["diplomacy_searchentry_id_kind"]["columns"] == ["id", "kind"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds a table to alter it")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_narrow_index_survives_a_rebuild_of_the_table():
    """A migration that alters a field rebuilds the table on SQLite from Django's state:
    that state must hold the index, or search (INDEXED BY) fails with "no such index"."""
    event("Larkspire accord")
    Organization.objects.create(name="Larkspire Union", slug="lu", status=PUBLISHED)
    state = MigrationLoader(connection).project_state()
    model = state.apps.get_model("diplomacy", "SearchEntry")
    wider = models.CharField(max_length=121)
    wider.set_attributes_from_name("slug")
    connection.disable_constraint_checking()  # before the transaction, as the schema editor needs
    try:
        with transaction.atomic():
            with connection.schema_editor() as editor:
                editor.alter_field(model, model._meta.get_field("slug"), wider)
            with connection.cursor() as cursor:
                indexes = connection.introspection.get_constraints(cursor, model._meta.db_table)
            index = indexes.get("diplomacy_searchentry_id_kind")
            assert index and index["columns"] == ["id", "kind"], sorted(indexes)
            assert titles(search("Larkspire", kinds=["organization"])) == ["Larkspire Union"]
            transaction.set_rollback(True)  # the table as it was, with the triggers of 0003
    finally:
        connection.enable_constraint_checking()


# --- Only what is published -----------------------------------------------------------


def test_drafts_and_records_in_review_never_appear(client, db):
    event("Quillfeather draft", status=DRAFT)
    event("Quillfeather in review", status=IN_REVIEW)
    assert search("Quillfeather") == []
    assert not SearchEntry.objects.exists()
    html = page(client, q="Quillfeather")
    assert "Nothing published matches “Quillfeather”." in html
    assert "Quillfeather draft" not in html and "Quillfeather in review" not in html


def test_publishing_adds_and_unpublishing_removes(client, db):
    record = event("Marblethorn summit", status=DRAFT)
    assert search("Marblethorn") == []

    record.status = PUBLISHED
    record.save()
    assert titles(search("Marblethorn")) == ["Marblethorn summit"]
    assert "Marblethorn summit" in page(client, q="Marblethorn")

    record.status = IN_REVIEW
    record.save()
    assert search("Marblethorn") == []
    assert "Marblethorn summit" not in page(client, q="Marblethorn")


def test_deleting_removes_from_results(db):
    record = event("Marblethorn summit")
    record.delete()
    assert search("Marblethorn") == []
    assert not SearchEntry.objects.exists()


def test_a_record_shown_on_an_unpublished_page_is_not_found(db):
    country = Country.objects.create(code="GE", name="Georgia", slug="ge", status=PUBLISHED)
    Relation.objects.create(
        country=country, kind="diplomatic", title="Gloamridge relations", slug="r",
        status=PUBLISHED,
    )  # fmt: skip
    assert titles(search("Gloamridge")) == ["Gloamridge relations"]
    country.status = DRAFT
    country.save()
    assert search("Gloamridge") == []


def test_editing_a_record_rewrites_its_entry(db):
    record = event("Old name", summary="Nothing here.")
    record.title = "Windlestraw conference"
    record.save()
    assert search("Old name") == []
    assert titles(search("Windlestraw")) == ["Windlestraw conference"]
    assert SearchEntry.objects.count() == 1


def test_renaming_a_speaker_rewrites_the_quotes_entries(db):
    person = Person.objects.create(name="A speaker", slug="s", status=PUBLISHED)
    Quote.objects.create(text="Words.", speaker=person, slug="q", status=PUBLISHED)
    person.name = "Hollowmere"
    person.save()
    assert {hit.kind for hit in search("Hollowmere")} == {"person", "quote"}


def test_a_quote_is_found_only_while_its_speaker_is_published(db):
    person = Person.objects.create(name="Quillfeather", slug="s", status=PUBLISHED)
    Quote.objects.create(text="Words of note.", speaker=person, slug="q", status=PUBLISHED)
    assert {hit.kind for hit in search("Quillfeather")} == {"person", "quote"}
    person.status = Status.DRAFT
    person.save()
    assert search("Quillfeather") == []
    assert search("Words of note") == []


# --- Every language ---------------------------------------------------------------------


def test_a_record_is_found_by_its_azerbaijani_title_on_the_azerbaijani_page(client, db):
    event("Treaty of Gulistan", summary="Signed in 1813.", title_az="Gülüstan sülh müqaviləsi")
    html = page(client, language="az", q="müqaviləsi")
    assert "Gülüstan sülh müqaviləsi" in html
    [hit] = search("müqaviləsi", language="az")
    assert (hit.title, hit.language) == ("Gülüstan sülh müqaviləsi", "az")
    # Its summary is not translated: the snippet is the English, and says so.
    assert (str(hit.snippet), hit.snippet_language) == (
        "Diplomatic service · Signed in 1813.",
        "en",
    )
    # Its link stays in the reader's language.
    assert hit.url == "/az/events/treaty-of-gulistan/"
    assert 'href="/az/events/treaty-of-gulistan/"' in html


def test_a_record_is_found_by_its_azerbaijani_summary_and_shows_it(db):
    event(
        "Treaty of Gulistan",
        summary="Signed in Karabakh.",
        summary_az="Qarabağda, Gülüstan kəndində imzalanıb.",
    )
    [hit] = search("Qarabağda", language="az")
    assert (hit.title, hit.language) == ("Treaty of Gulistan", "en")  # no title_az yet
    assert "<mark>Qarabağda</mark>" in hit.snippet and hit.snippet_language == "az"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's Russian stemming")
def test_a_russian_word_finds_its_other_forms_on_the_russian_page(client, db):
    event(
        "Treaty of Kars",
        summary="A treaty of friendship.",
        title_ru="Карсский договор",
        summary_ru="Договор о дружбе подписали в Карсе.",
    )
    html = page(client, language="ru", q="договора")  # the genitive of договор
    assert "Карсский договор" in html
    [hit] = search("договором", language="ru")
    assert (hit.title, hit.language, hit.snippet_language) == ("Карсский договор", "ru", "ru")
    assert "<mark>Договор</mark>" in hit.snippet


def test_english_words_find_records_on_the_russian_page(client, db):
    event("Treaty of Kars", summary="A treaty of friendship.", title_ru="Карсский договор")
    html = page(client, language="ru", q="Kars friendship")
    assert "Карсский договор" in html  # found by its English, shown in Russian
    [hit] = search("Kars friendship", language="ru")
    assert (hit.title, hit.language) == ("Карсский договор", "ru")
    assert "<mark>friendship</mark>" in hit.snippet and hit.snippet_language == "en"


def test_russian_words_are_found_on_sqlite_too(db):
    """Unstemmed there, but matched whole or as a prefix, й and ё kept as FTS5 keeps them."""
    event("Treaty of Kars", title_ru="Карсский договор о дружбе", summary_ru="Подписан в Карсе.")
    assert titles(search("карсский", language="ru")) == ["Карсский договор о дружбе"]
    assert titles(search("Подписан", language="ru")) == ["Карсский договор о дружбе"]


def test_an_untranslated_record_is_found_and_shown_in_english_in_every_language(client, db):
    event("Zangezur corridor talks", summary="Talks on the corridor.")
    entry = SearchEntry.objects.get()
    # The kind's label alone, translated by the interface, translates no record.
    assert [entry.title_az, entry.body_az, entry.title_ru, entry.body_ru] == ["", "", "", ""]
    for language in ("az", "ru"):
        [hit] = search("corridor", language=language)
        assert (hit.title, hit.language, hit.snippet_language) == (
            "Zangezur corridor talks",
            "en",
            "en",
        )
        assert "<mark>corridor</mark>" in hit.snippet
        assert "Zangezur corridor talks" in page(client, language=language, q="corridor")


def test_a_drafts_translation_is_never_found(client, db):
    event("Quillfeather draft", title_az="Qələmlələk layihəsi", status=DRAFT)
    assert search("Qələmlələk", language="az") == []
    assert not SearchEntry.objects.exists()
    assert "Qələmlələk layihəsi" not in page(client, language="az", q="Qələmlələk")
    record = event("Published Quillfeather", title_az="Dərc olunmuş Qələmlələk")
    record.status = DRAFT
    record.save()
    assert search("Qələmlələk", language="az") == []


def test_writing_a_translation_rewrites_the_entry_in_every_language(db):
    record = event("Treaty of Moscow", summary="Signed in Moscow.")
    with translation.override("ru"):  # as an editor reading the admin in Russian
        record.title_ru = "Московский договор"
        record.summary_ru = "Подписан в Москве."
        record.save()
    entry = SearchEntry.objects.get()
    assert (entry.title, entry.body) == (
        "Treaty of Moscow",
        "Diplomatic service · Signed in Moscow.",
    )
    assert entry.title_ru == "Московский договор"
    assert entry.body_ru == "Дипломатическая служба · Подписан в Москве."
    assert titles(search("Московский", language="ru")) == ["Московский договор"]
    assert titles(search("Moscow", language="ru")) == ["Московский договор"]
    assert titles(search("Moscow")) == ["Treaty of Moscow"]


def test_renaming_a_country_in_azerbaijani_rewrites_its_relations_entries(db):
    country = Country.objects.create(name="Georgia", code="GE", slug="ge", status=PUBLISHED)
    Relation.objects.create(
        title="Azerbaijan–Georgia relations",
        title_az="Azərbaycan–Gürcüstan münasibətləri",
        country=country,
        slug="ge",
        status=PUBLISHED,
    )
    country.name_az = "Gürcüstan"
    country.save()
    entry = SearchEntry.objects.get(kind="relation")
    assert "Gürcüstan" in entry.body_az


def test_a_search_takes_the_same_queries_in_every_language(client, db):
    for number in range(3):
        event(f"Thistledown meeting {number}", title_az=f"Thistledown görüşü {number}")

    def count_queries(language):
        with CaptureQueriesContext(connection) as queries:
            page(client, language=language, q="Thistledown")
        return len(queries)

    assert [count_queries(language) for language in ("en", "az", "ru")] == [2, 2, 2]


def test_the_api_searches_in_the_language_asked_for(client, db):
    event("Treaty of Gulistan", title_az="Gülüstan müqaviləsi")
    response = client.get("/api/v1/search/", {"q": "müqaviləsi", "lang": "az"})
    assert response.status_code == 200, response.content[:500]
    [hit] = response.json()["results"]
    assert hit["title"] == "Gülüstan müqaviləsi"
    assert hit["url"] == "http://testserver/api/v1/events/treaty-of-gulistan/"
    assert hit["web_url"] == "http://testserver/az/events/treaty-of-gulistan/"


# --- Untrusted input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "*",
        "Zangezur*",
        "AND",
        "Zangezur AND",
        "OR OR",
        "NOT Zangezur",
        "(Zangezur",
        "Zangezur)",
        "-Zangezur",
        "- -",
        "title:Zangezur",
        "NEAR(Zangezur corridor)",
        "^Zangezur",
        "Zangezur + corridor",
        "{title}: x",
        "'; DROP TABLE diplomacy_searchentry; --",
        "%_\\",
        "<script>alert(1)</script>",
        "çöğüşı Şirvanşahlar",
        "\x01\x02\x03",
    ],
)
def test_search_syntax_in_the_query_never_errors(client, db, query):
    event("Zangezur corridor opened")
    assert isinstance(search(query), list)
    page(client, q=query)


def test_a_query_with_a_null_character_answers_400(client, db):
    assert "may not contain NUL characters" in page(client, status=400, q="a\x00b")


def test_snippets_highlight_and_escape_html(db):
    role = '<b onclick="x()">Envoy</b> & Ravenscourt'  # a plain-text field
    Person.objects.create(name="An envoy", role=role, slug="e", status=PUBLISHED)
    [hit] = search("Ravenscourt")
    assert "&amp; <mark>Ravenscourt</mark>" in hit.snippet
    # The tags show escaped (SQLite) or not at all (PostgreSQL's headline drops them).
    assert "<" not in hit.snippet.replace("<mark>", "").replace("</mark>", "")


def test_markdown_is_searched_as_plain_text(db):
    event("An event", summary='**Ravenscourt** said <script>alert("x")</script> [it](/x/).')
    [hit] = search("Ravenscourt")
    assert "<mark>Ravenscourt</mark> said" in hit.snippet
    assert "<script" not in hit.snippet and "**" not in hit.snippet and "](" not in hit.snippet


def test_the_page_escapes_titles_and_snippets(client, db):
    event("<img src=x onerror=alert(1)> Ravenscourt", slug="xss")
    html = page(client, q="Ravenscourt")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; Ravenscourt</a>" in html


# --- The page -------------------------------------------------------------------------------


def test_an_empty_query_shows_the_form(client, db):
    html = page(client)
    assert 'name="q"' in html and "results for" not in html
    html = page(client, q="   ")
    assert "results for" not in html


def test_results_link_to_records_with_type_and_snippet(client, db):
    record = event("Larkspire accord", summary="Signed at Larkspire in 1920.")
    html = page(client, q="Larkspire")
    assert f'href="{record.get_absolute_url()}"' in html
    assert "<mark>Larkspire</mark>" in html
    assert '<span class="kind">Event</span>' in html
    assert "1 result for" in html


def test_facets_count_each_kind_and_kind_filters(client, db):
    event("Larkspire accord")
    event("Larkspire talks")
    Organization.objects.create(name="Larkspire Union", slug="lu", status=PUBLISHED)

    assert Search("Larkspire").facets() == [
        ("event", "Events", 2),
        ("organization", "Organizations", 1),
    ]
    assert {hit.kind for hit in search("Larkspire", kinds=["organization"])} == {"organization"}

    html = page(client, q="Larkspire", kind="organization")
    assert "Larkspire Union" in html and "Larkspire accord" not in html
    assert "1 result for" in html
    assert 'href="?q=Larkspire&amp;kind=organization&amp;kind=event">Events</a>' in html
    assert 'href="?q=Larkspire" aria-current="true"><strong>Organizations</strong>' in html
    both = page(client, q="Larkspire", kind=["organization", "event"])
    assert "3 results for" in both


@pytest.mark.parametrize(
    ("kinds", "summary"),
    [
        ([], "3 results for “Larkspire”"),
        (["event"], "2 results for “Larkspire” in events"),
        (["organization"], "1 result for “Larkspire” in organizations"),
        (
            ["organization", "event", "person"],
            "3 results for “Larkspire” in people, organizations and events",
        ),
    ],
)
def test_the_summary_names_every_kind_asked_for(client, db, kinds, summary):
    event("Larkspire accord")
    event("Larkspire talks")
    Organization.objects.create(name="Larkspire Union", slug="lu", status=PUBLISHED)

    html = page(client, q="Larkspire", kind=kinds)

    assert f'<p class="count">{summary}</p>' in html


def test_nothing_in_the_kinds_asked_for_leads_to_the_kinds_that_match(client, db):
    event("Larkspire accord")
    event("Larkspire talks")
    Organization.objects.create(name="Larkspire Union", slug="lu", status=PUBLISHED)

    html = page(client, q="Larkspire", kind=["person", "quote"])

    assert "Nothing in people or quotes matches “Larkspire”, but other records do:" in html
    assert (
        '<a href="?q=Larkspire&amp;kind=event">events (2)</a> and '
        '<a href="?q=Larkspire&amp;kind=organization">organizations (1)</a>.'
    ) in html
    assert "results for" not in html and "<li>Nothing" not in html
    # The kinds asked for stay in the facets, to be unticked.
    assert 'href="?q=Larkspire&amp;kind=quote" aria-current="true"><strong>People</strong>' in html


def test_nothing_anywhere_is_said_in_a_sentence(client, db):
    event("Larkspire accord")

    html = page(client, q="Zzyzxwv")

    assert "<p>Nothing published matches “Zzyzxwv”. Try fewer or other words" in html
    assert "<li>Nothing" not in html and "but other records do" not in html


def test_results_are_paginated(client, db):
    for number in range(PAGE_SIZE + 5):
        event(f"Brackenfold meeting {number}", slug=f"m{number}")
    first = page(client, q="Brackenfold")
    assert f"{PAGE_SIZE + 5} results for" in first
    assert first.count("Brackenfold meeting") == PAGE_SIZE
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = page(client, q="Brackenfold", page=2)
    assert second.count("Brackenfold meeting") == 5
    assert "Page 2 of 2" in second


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * (MAX_QUERY_LENGTH + 1)}, "at most 200 characters"),
        ({"q": "accord", "kind": "spaceship"}, "There is no type “spaceship”"),
        ({"q": "accord", "kind": ["event", "nope"]}, "There is no type “nope”"),
        ({"q": "accord", "page": "7"}, "There is no page “7”"),
        ({"q": "accord", "page": "x"}, "There is no page “x”"),
    ],
)
def test_bad_input_answers_400_with_the_reason(client, db, params, message):
    event("An accord")
    assert message in page(client, status=400, **params)


def test_search_refuses_bad_arguments(db):
    with pytest.raises(ValueError, match="at most"):
        search("x" * (MAX_QUERY_LENGTH + 1))
    with pytest.raises(ValueError, match="Unknown kinds: spaceship"):
        search("x", kinds=["spaceship"])


def test_a_query_of_the_longest_length_is_accepted(client, db):
    page(client, q="accord " * (MAX_QUERY_LENGTH // 7))


def test_queries_do_not_grow_with_the_rows(client, db):
    def count_queries(params):
        with CaptureQueriesContext(connection) as queries:
            page(client, **params)
        return len(queries)

    def add(start, stop):
        for number in range(start, stop):
            event(
                f"Thistledown meeting {number}",
                summary=f"Thistledown delegates met, round {number}.",
                slug=f"t{number}",
                date=str(1900 + number),
            )
        Organization.objects.create(name=f"Thistledown {stop}", slug=f"o{stop}", status=PUBLISHED)

    add(0, 10)
    few = [count_queries({"q": "Thistledown"}), count_queries({"q": "Thistledown", "page": 1})]
    add(10, 100)
    many = [count_queries({"q": "Thistledown"}), count_queries({"q": "Thistledown", "page": 1})]
    assert few == many
    assert few[0] <= 2  # counts per type, then one page of hits
    assert count_queries({"q": "Thistledown", "kind": "event", "page": 3}) == few[0]
    assert count_queries({}) == 0


def test_the_header_has_a_labelled_search_form(client, db):
    html = client.get(reverse("diplomacy:event-list")).content.decode()
    assert re.search(r'<form class="site-search" role="search"[^>]*action="/search/"', html)
    assert re.search(r'<label [^>]*for="site-search-q">Search the site</label>', html)
    assert 'id="site-search-q" name="q"' in html


def test_results_are_kept_out_of_search_engines_but_the_search_page_is_not(client, db):
    results = client.get(reverse("diplomacy:search"), {"q": "Baku"}).content.decode()
    page = client.get(reverse("diplomacy:search")).content.decode()
    assert '<meta name="robots" content="noindex">' in results
    assert "noindex" not in page


def test_the_search_page_has_one_search_box_holding_the_words(client, db):
    html = client.get(reverse("diplomacy:search"), {"q": "Baku"}).content.decode()
    assert 'class="site-search"' not in html
    assert re.search(r'<input type="search" id="search-q" name="q" value="Baku"', html)


def test_opensearch_points_at_the_search_page(client, db):
    xml = client.get(reverse("opensearch")).content.decode()
    assert "/search/?q={searchTerms}" in xml


def test_search_url_name():
    assert reverse("diplomacy:search") == "/search/"


# --- The index itself ---------------------------------------------------------------------


def test_rebuild_indexes_fixture_loads_and_changes_nothing_when_run_again(db, tmp_path):
    fixture = [
        {
            "model": "diplomacy.event",
            "fields": {
                "slug": "loaded",
                "status": "published",
                "title": "Fernhollow loaded",
                "category": "diplomacy",
                "date": "",
                "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
            },
        },
        {
            "model": "diplomacy.event",
            "fields": {
                "slug": "loaded-draft",
                "status": "draft",
                "title": "Fernhollow draft",
                "category": "diplomacy",
                "date": "",
                "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
            },
        },
    ]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(fixture), encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)
    assert search("Fernhollow") == []  # raw saves wait for the rebuild

    call_command("rebuild_search_index", verbosity=0)
    assert titles(search("Fernhollow")) == ["Fernhollow loaded"]
    before = list(SearchEntry.objects.values().order_by("pk"))

    call_command("rebuild_search_index", verbosity=0)
    assert list(SearchEntry.objects.values().order_by("pk")) == before


def test_rebuild_removes_stale_entries_and_restores_missing_ones(db):
    kept = event("Kept Sorrelmark")
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(kind="event", object_id=kept.pk + 1000, title="Stale", url="/x/")
    call_command("rebuild_search_index", verbosity=0)
    assert titles(search("Sorrelmark")) == ["Kept Sorrelmark"]
    assert search("Stale") == []


def test_rebuild_writes_every_language(db):
    event("Treaty of Kars", title_az="Qars müqaviləsi", title_ru="Карсский договор")
    SearchEntry.objects.update(title_az="", title_ru="")
    if connection.vendor == "postgresql":
        from diplomacy.search import vector

        SearchEntry.objects.update(vector=vector())
    assert search("Qars", language="az") == []
    call_command("rebuild_search_index", verbosity=0)
    entry = SearchEntry.objects.get()
    assert (entry.title_az, entry.title_ru) == ("Qars müqaviləsi", "Карсский договор")
    assert titles(search("Qars", language="az")) == ["Qars müqaviləsi"]
    assert titles(search("Карсский", language="ru")) == ["Карсский договор"]


def test_rebuild_rewrites_a_changed_entry_and_its_vector(db):
    event("Gorsebridge summit")
    SearchEntry.objects.update(title="Stale title")
    if connection.vendor == "postgresql":
        from diplomacy.search import vector

        SearchEntry.objects.update(vector=vector())
    assert search("Gorsebridge") == []
    call_command("rebuild_search_index", verbosity=0)
    assert titles(search("Gorsebridge")) == ["Gorsebridge summit"]
    assert search("Stale") == []
