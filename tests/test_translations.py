"""The content in three languages: each translated field's English and its translations,
kept by the history, the admin and the import and export (README: Content in three
languages)."""

import pytest
import tablib
from django.apps import apps
from django.db.models import F
from django.urls import translate_url
from django.utils import translation
from rest_framework.test import APIClient

from diplomacy.models import Country, Event, Organization
from history import languages, versions
from history.models import Citation, Quote, Record, Source
from history.resources import resource_for
from tests import factories
from tests.test_admin import admin_url, change_form_data


@pytest.fixture
def event(db):
    return factories.EventFactory(title="Proclamation", summary="The republic is proclaimed.")


# --- What is translated --------------------------------------------------------------


def test_every_public_record_has_its_note_in_each_language():
    for model in apps.get_models():
        if issubclass(model, Record):
            assert {"note_en", "note_az", "note_ru"} <= {f.name for f in model._meta.fields}


@pytest.mark.parametrize(
    ("model", "words"),
    [(Citation, "quote"), (Citation, "locator"), (Source, "text"), (Quote, "text")],
)
def test_the_sources_own_words_are_never_translated(model, words):
    assert words not in languages.translated_fields(model)
    assert not any(f.name.startswith(f"{words}_") for f in model._meta.fields)


def test_slugs_codes_and_dates_are_not_translated():
    for model in (Event, Country, Organization):
        fields = languages.translated_fields(model)
        assert not {"slug", "code", "date", "status"} & set(fields)


# --- English is the original ------------------------------------------------------------


def test_a_new_record_writes_its_text_to_the_english(event):
    assert (event.title_en, event.title_az, event.title_ru) == ("Proclamation", None, None)
    assert Event.objects.filter(title="Proclamation").exists()


def test_a_save_in_another_language_keeps_the_english_in_the_plain_column(event):
    with translation.override("az"):
        event.title_az = "Bəyannamə"
        event.save()
        assert event.title == "Bəyannamə"
    # Filters and ordering read the plain column: English in every language.
    with translation.override("az"):
        assert Event.objects.filter(title="Proclamation").get() == event
    assert Event.objects.get(pk=event.pk).title == "Proclamation"


def test_a_reader_of_another_language_gets_the_english_until_the_translation_is_written(event):
    with translation.override("ru"):
        assert event.title == "Proclamation"
        assert languages.in_original(event, "title")
    event.title_ru = "Провозглашение"
    with translation.override("ru"):
        assert event.title == "Провозглашение"
        assert not languages.in_original(event, "title")
    assert event.title == "Proclamation"  # the English page is unchanged


def test_loading_the_content_fills_the_english_only(loaded_content, db):
    assert not Event.objects.filter(title_en__isnull=True).exists()
    assert not Event.objects.exclude(title_en=F("title")).exists()
    assert not Event.objects.filter(summary_ru__isnull=False).exists()


# --- Versions -------------------------------------------------------------------------


def test_a_version_holds_each_language_and_a_revert_brings_it_back(event):
    event.title_az = "Bəyannamə"
    event.save()
    written = versions.versions(Event, event.pk).first()
    assert (written.title, written.title_en, written.title_az) == (
        "Proclamation",
        "Proclamation",
        "Bəyannamə",
    )
    event.title_az = "Başqa söz"
    event.save()

    versions.restore_version(written)

    event.refresh_from_db()
    assert (event.title_en, event.title_az) == ("Proclamation", "Bəyannamə")
    assert versions.versions(Event, event.pk).first().title_az == "Bəyannamə"


def test_the_history_page_shows_a_translation_changed(client, event, publisher):
    event.title_az = "Bəyannamə"
    event.save()
    client.force_login(publisher)
    page = client.get(admin_url(Event, "history", event.pk)).content.decode()
    assert "Title [az]" in page and "Bəyannamə" in page


# --- The admin ------------------------------------------------------------------------


def test_the_admin_form_has_each_language_of_each_translated_field(client, event, publisher):
    client.force_login(publisher)
    page = client.get(admin_url(Event, "change", event.pk))
    form = page.context["adminform"].form
    assert {"title_en", "title_az", "title_ru", "summary_az", "note_ru"} <= set(form.fields)
    assert "title" not in form.fields
    assert form.fields["title_en"].required and not form.fields["title_az"].required
    # No tabs: no jQuery UI, no script of modeltranslation's, nothing from elsewhere.
    media = str(page.context["media"])
    assert "jquery-ui" not in media and "modeltranslation" not in media and "://" not in media

    data = change_form_data(page)
    data["title_az"] = "Bəyannamə"
    assert client.post(admin_url(Event, "change", event.pk), data).status_code == 302
    event.refresh_from_db()
    assert (event.title, event.title_az, event.title_ru) == ("Proclamation", "Bəyannamə", None)


def test_a_new_records_slug_is_made_from_its_english_title(client, publisher):
    client.force_login(publisher)
    with translation.override("ru"):
        page = client.get(admin_url(Event, "add"))
    (slug,) = page.context["adminform"].prepopulated_fields
    assert [field.name for field in slug["dependencies"]] == ["title_en"]


def test_an_editor_reading_the_admin_in_azerbaijani_saves_the_english_as_the_original(
    client, event, publisher
):
    client.force_login(publisher)
    with translation.override("az"):
        page = client.get(admin_url(Event, "change", event.pk))
        data = change_form_data(page)
        data["title_en"] = "Proclamation of the republic"
        data["title_az"] = "Respublikanın elanı"
        assert client.post(admin_url(Event, "change", event.pk), data).status_code == 302
    assert Event.objects.filter(title="Proclamation of the republic").get().title_az == (
        "Respublikanın elanı"
    )


def test_the_admin_finds_a_record_by_its_translation(client, event, publisher):
    event.title_ru = "Провозглашение"
    event.save()
    client.force_login(publisher)
    page = client.get(admin_url(Event, "changelist"), {"q": "Провозглашение"})
    assert list(page.context["cl"].result_list) == [event]


# --- Import and export ----------------------------------------------------------------


def test_an_export_has_the_english_and_each_translation_and_imports_back(event, publisher):
    event.title_az = "Bəyannamə"
    event.save()
    with translation.override("ru"):  # whatever the admin's language
        exported = resource_for(Event)().export()
    row = exported.dict[0]
    assert "title_en" not in row
    assert (row["title"], row["title_az"], row["title_ru"]) == ("Proclamation", "Bəyannamə", "")

    row["title_ru"] = "Провозглашение"
    data = tablib.Dataset(headers=list(row))
    data.append(list(row.values()))
    result = resource_for(Event)().import_data(data, dry_run=False, user=publisher)

    assert not result.has_errors() and not result.has_validation_errors()
    event.refresh_from_db()
    assert (event.title, event.title_az, event.title_ru) == (
        "Proclamation",
        "Bəyannamə",
        "Провозглашение",
    )
    assert versions.versions(Event, event.pk).first().title_ru == "Провозглашение"


def test_an_unchanged_export_imports_back_as_unchanged(event, publisher):
    data = resource_for(Event)().export()
    result = resource_for(Event)().import_data(data, dry_run=True, user=publisher)
    assert [row.import_type for row in result.rows] == ["skip"]


def test_a_file_with_a_bad_row_is_refused_whole_translations_and_all(event, publisher):
    rows = resource_for(Event)().export().dict
    rows[0]["title_az"] = "Bəyannamə"
    bad = {**rows[0], "slug": "another", "date": "not a date", "title_az": "Başqa"}
    data = tablib.Dataset(headers=list(rows[0]))
    for row in (rows[0], bad):
        data.append([row[name] for name in data.headers])

    result = resource_for(Event)().import_data(data, dry_run=False, user=publisher)

    assert result.has_validation_errors()
    event.refresh_from_db()
    assert event.title_az is None
    assert not Event.objects.filter(slug="another").exists()


# --- The pages --------------------------------------------------------------------------

NOTE = {
    "az": "Bu səhifədəki materialların bir hissəsi hələ tərcümə olunmayıb",
    "ru": "Часть материалов на этой странице пока доступна только на английском языке",
}


@pytest.fixture
def published(db, settings):
    settings.PUBLIC_CACHE_SECONDS = 0  # each language's page rendered afresh
    country = factories.CountryFactory(name="France", summary="A republic in Europe.")
    event = factories.EventFactory(
        title="Proclamation",
        summary="The republic is **proclaimed**.",
        note="Dated by its source.",
        status="published",
    )
    event.countries.add(country)
    return event


def page(client, record, language):
    """The record's page as a reader of `language` asks for it (with the addresses
    per language, at its own; before them, by the language active)."""
    url = translate_url(record.get_absolute_url(), language)
    with translation.override(language):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        text = response.content.decode()
        assert f'<html lang="{language}">' in text  # the page in that language
        return text


def test_the_english_page_marks_nothing_and_has_no_note(client, published):
    text = page(client, published, "en")
    assert "<h1>Proclamation</h1>" in text
    assert '<div class="summary">' in text
    main = text.partition("<main")[2].partition("</main>")[0]
    assert "<span lang=" not in main and ' lang="en"' not in main
    assert "english-note" not in text


def test_a_page_in_another_language_shows_the_translation_where_written(client, published):
    published.title_az = "Bəyannamə"
    published.summary_az = "Respublika **elan edilir**."
    published.note_az = "Mənbəsi ilə tarixlənib."
    published.save()
    Country.objects.update(name_az="Fransa")
    source = published.citations.get().source
    source.title_az = "Mənbə"
    source.save()

    text = page(client, published, "az")

    assert "<h1>Bəyannamə</h1>" in text
    assert '<div class="summary"><p>Respublika <strong>elan edilir</strong>.</p></div>' in text
    assert "Mənbəsi ilə tarixlənib." in text
    assert ">Fransa</a>" in text and ">Mənbə</a>" in text
    # All of it in the reader's language: no note that parts are in English.
    assert NOTE["az"] not in text


def test_english_standing_in_for_a_translation_is_marked_and_noted_once(client, published):
    text = page(client, published, "ru")

    assert '<h1><span lang="en">Proclamation</span></h1>' in text
    assert '<div class="summary" lang="en"><p>The republic is <strong>proclaimed' in text
    assert '<div lang="en"><p>Dated by its source.</p></div>' in text
    assert '<span lang="en">France</span></a>' in text
    assert text.count(NOTE["ru"]) == 1


def test_a_list_in_another_language_marks_each_english_title(client, published):
    factories.EventFactory(title="Treaty", title_az="Müqavilə", status="published")
    text = client.get("/az/events/").content.decode()
    assert '<html lang="az">' in text
    assert '<span lang="en">Proclamation</span>' in text
    assert ">Müqavilə</a>" in text
    assert text.count(NOTE["az"]) == 1


def test_the_sources_words_stay_as_written_marked_as_english(client, published):
    citation = published.citations.get()
    text = page(client, published, "az")
    assert f'<blockquote lang="en">“{citation.quote}”</blockquote>' in text
    # and on an English page, as they were
    assert f"<blockquote>“{citation.quote}”</blockquote>" in page(client, published, "en")


# --- The API ------------------------------------------------------------------------------


def api(record, language):
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        response = client.get(f"/api/v1/events/{record.slug}/")
        assert response.status_code == 200
        return response.json()


def test_the_api_answers_in_the_language_asked_with_english_where_not_written(published):
    published.title_az = "Bəyannamə"
    published.save()

    answer = api(published, "az")

    assert answer["title"] == "Bəyannamə"
    assert answer["summary"] == "The republic is **proclaimed**."  # no translation yet
    assert answer["citations"][0]["quote"] == published.citations.get().quote
    assert not [key for key in answer if key.endswith(("_en", "_az", "_ru"))]
    assert api(published, "en")["title"] == "Proclamation"


def test_an_api_write_in_another_language_writes_the_english(published, publisher):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="ru")
    client.force_authenticate(publisher)
    with translation.override("ru"):
        response = client.patch(
            f"/api/v1/events/{published.slug}/",
            {"title": "Proclamation of the republic"},
            format="json",
            HTTP_IF_MATCH="*",
        )
    assert response.status_code == 200, response.content
    published.refresh_from_db()
    assert (published.title_en, published.title_ru) == ("Proclamation of the republic", None)


def test_the_sources_words_are_marked_with_their_source_s_language(client, published):
    citation = published.citations.get()
    source = citation.source
    source.language = "ru"
    source.save()

    assert f'<blockquote lang="ru">“{citation.quote}”</blockquote>' in page(
        client, published, "en"
    )
    assert f"<blockquote>“{citation.quote}”</blockquote>" in page(client, published, "ru")
