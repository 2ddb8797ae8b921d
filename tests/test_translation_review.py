"""What the translators have to do: translations missing, or older than the English
(history.versions.translation_states), on the review page and in the admin's lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from diplomacy.models import Event
from history.versions import MISSING, OUTDATED, translation_states
from tests import factories as f


def translate(record, language, **texts):
    for name, text in texts.items():
        setattr(record, f"{name}_{language}", text)
    record.save()


@pytest.fixture
def event(db):
    return f.EventFactory(title="Treaty of Kars", summary="Signed in 1921.")


def test_an_untranslated_record_misses_its_translations(event):
    assert translation_states(Event) == {"az": {event.pk: MISSING}, "ru": {event.pk: MISSING}}


def test_a_translation_of_every_text_is_not_missing_and_one_of_some_is(event):
    translate(event, "az", title="Qars müqaviləsi", summary="1921-ci ildə imzalanıb.")
    translate(event, "ru", title="Карсский договор")

    assert translation_states(Event) == {"az": {}, "ru": {event.pk: MISSING}}


def test_a_changed_english_text_makes_its_translations_older_until_they_are_rewritten(event):
    translate(event, "az", title="Qars müqaviləsi", summary="1921-ci ildə imzalanıb.")
    translate(event, "ru", title="Карсский договор", summary="Подписан в 1921 году.")

    event.summary = "Signed on 13 October 1921."
    event.save()
    assert translation_states(Event) == {"az": {event.pk: OUTDATED}, "ru": {event.pk: OUTDATED}}

    # A save that changes nothing of either keeps the translation older.
    event.save()
    translate(event, "az", summary="13 oktyabr 1921-ci ildə imzalanıb.")
    assert translation_states(Event) == {"az": {}, "ru": {event.pk: OUTDATED}}


def test_the_states_cost_two_queries_however_many_records_and_versions(event):
    for index in range(5):
        other = f.EventFactory()
        translate(other, "az", title=f"Hadisə {index}")
        other.title = f"Event {index}, renamed"
        other.save()

    with CaptureQueriesContext(connection) as queries:
        states = translation_states(Event)

    assert len(queries) == 2
    assert list(states["az"].values()).count(OUTDATED) == 5


def test_the_review_page_counts_them_and_names_the_older_ones(admin_client, event):
    kept = f.EventFactory(title="Kept")
    translate(event, "ru", title="Карсский договор", summary="Подписан в 1921 году.")
    event.title = "The Treaty of Kars"
    event.save()

    page = admin_client.get(reverse("editorial-dashboard")).content.decode()

    changelist = reverse("admin:diplomacy_event_changelist")
    assert f'<a href="{changelist}?translation=az-missing">2</a>' in page
    assert f'<a href="{changelist}?translation=ru-missing">1</a>' in page
    assert f'<a href="{changelist}?translation=ru-outdated">1</a>' in page
    assert "The Treaty of Kars</a> (Русский)" in page

    listed = admin_client.get(changelist, {"translation": "ru-missing"}).content.decode()
    assert "Kept" in listed and "The Treaty of Kars" not in listed
    assert kept.pk
