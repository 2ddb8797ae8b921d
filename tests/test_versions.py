"""History and undo: a version for every save path, exact restores, recovered deletions."""

import re

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from diplomacy.models import Event, Participation, Project
from history import versions
from history.models import Citation, Status
from tests import factories
from tests.test_admin import admin_url, change_form_data


@pytest.fixture
def event(db):
    period = factories.PeriodFactory()
    record = factories.EventFactory(title="Proclamation", summary="First words.")
    record.periods.add(period)
    record.aliases.add(factories.AliasFactory(source=record.citations.get().source))
    return Event.objects.get(pk=record.pk)


def history_of(record):
    return list(versions.versions(type(record), record.pk))


def fields(record):
    """Every field and link of a record, less the time of its last change."""
    values = model_to_dict(record, exclude=["updated_at"])
    return {
        name: sorted(v.pk for v in value) if isinstance(value, list) else value
        for name, value in values.items()
    }


def test_every_content_model_keeps_a_history():
    labels = {model._meta.label for model in versions.tracked_models()}
    assert labels == {
        *(f"history.{name}" for name in ("Source", "Citation", "Alias", "Period")),
        *(f"history.{name}" for name in ("Person", "Quote")),
        *(
            f"diplomacy.{name}"
            for name in (
                *("Country", "Relation", "Mission", "Organization", "Membership"),
                *("Project", "Participation", "Event", "Document", "Priority", "Figure"),
            )
        ),
    }


def test_a_version_holds_the_links(event):
    latest = history_of(event)[0]
    links = versions.links(latest)
    assert links["citations"] == [event.citations.get().pk]
    assert links["periods"] == [event.periods.get().pk]
    assert len(links["aliases"]) == 1


# --- One version for each save path ---------------------------------------------------


def test_an_admin_form_save_writes_one_version_with_its_user_and_citations(
    client, event, publisher
):
    before = len(history_of(event))
    added = factories.CitationFactory()
    client.force_login(publisher)
    url = admin_url(Event, "change", event.pk)
    page = client.get(url)
    data = change_form_data(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data["title_en"] = "Proclamation of the republic"
    data[f"{prefix}-1-citation"] = added.pk

    response = client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    history = history_of(event)
    assert len(history) == before + 1
    version = history[0]
    assert version.history_type == "~"
    assert version.history_user == publisher
    assert version.title == "Proclamation of the republic"
    assert version.history_change_reason == "Changed Title [en]. Added 1 citation."
    assert sorted(versions.links(version)["citations"]) == sorted(
        [event.citations.exclude(pk=added.pk).get().pk, added.pk]
    )


def test_an_admin_action_writes_a_version_per_record(client, event, publisher):
    other = factories.EventFactory(status=Status.DRAFT)
    Event.objects.filter(pk=event.pk).update(status=Status.DRAFT)
    client.force_login(publisher)

    client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk, other.pk]},
    )

    for record in (event, other):
        version = history_of(record)[0]
        assert version.status == Status.PUBLISHED
        assert version.history_user == publisher
        assert version.history_change_reason == "Published."
    client.post(
        admin_url(Event, "changelist"), {"action": "unpublish", "_selected_action": [event.pk]}
    )
    assert history_of(event)[0].status == Status.DRAFT
    assert history_of(event)[0].history_change_reason == "Unpublished."


def test_an_api_write_writes_one_version_with_its_user(db, editor):
    source = factories.SourceFactory(slug="source")
    quote = factories.passage(source, 0)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    data = {
        "slug": "new-event",
        "title": "A new event",
        "category": "diplomacy",
        "date": "1919-05",
        "countries": [],
        "citations": [{"source": "source", "quote": quote}],
    }

    response = api.post("/api/v1/events/", data, format="json")
    assert response.status_code == 201, response.content
    response = api.patch(
        "/api/v1/events/new-event/",
        {"title": "Better"},
        format="json",
        HTTP_IF_MATCH=response["ETag"],  # the version the create answered with
    )
    assert response.status_code == 200, response.content

    event = Event.objects.get(slug="new-event")
    created, changed = reversed(history_of(event))
    assert (created.history_type, changed.history_type) == ("+", "~")
    assert created.history_user == changed.history_user == editor
    assert changed.history_change_reason == "Changed through the API: title."
    assert (created.title, changed.title) == ("A new event", "Better")
    assert versions.links(created)["citations"] == [Citation.objects.get(quote=quote).pk]


def test_an_unsaved_api_write_writes_no_version(db, editor):
    api = APIClient()
    api.force_authenticate(editor)
    response = api.post("/api/v1/events/", {"slug": "x", "title": "x"}, format="json")
    assert response.status_code == 400
    assert not Event.history.exists()


def test_a_shell_save_writes_a_version_too(event):
    event.title = "Changed in the shell"
    event.save()
    assert history_of(event)[0].title == "Changed in the shell"


# --- Restore and recover --------------------------------------------------------------


def test_restoring_an_earlier_version_gives_back_the_exact_fields_and_links(event, publisher):
    earlier = fields(event)
    version = history_of(event)[0]
    event.title = "Rewritten"
    event.summary = "Other words."
    event.date = "1920"
    event.status = Status.DRAFT
    event.save()
    event.citations.set([factories.CitationFactory()])
    event.periods.clear()
    event.aliases.clear()
    assert fields(Event.objects.get(pk=event.pk)) != earlier

    versions.restore_version(version, user=publisher)

    restored = Event.objects.get(pk=event.pk)
    assert fields(restored) == earlier
    latest = history_of(event)[0]
    assert latest.history_user == publisher
    assert latest.history_change_reason.startswith("Restored the version of")


def test_the_admin_reverts_to_a_version(client, event, publisher):
    earlier = fields(event)
    version = history_of(event)[0]
    event.title = "Rewritten"
    event.save()
    event.citations.clear()
    client.force_login(publisher)
    url = reverse("admin:diplomacy_event_simple_history", args=[event.pk, version.history_id])
    assert client.get(url).status_code == 200

    response = client.post(url, {})

    assert response.status_code == 302
    assert fields(Event.objects.get(pk=event.pk)) == earlier


def test_the_history_page_shows_the_whole_changed_text_with_the_changed_words_marked(
    client, event, publisher
):
    words = "The first words of a summary long enough to be shortened, " * 4
    event.summary = words + "with <b>markup</b> & an end."
    event.save()
    event.summary = words + "with <b>markup</b> & another end."
    event.status = Status.DRAFT
    event.save()
    client.force_login(publisher)
    page = client.get(reverse("admin:diplomacy_event_history", args=[event.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    marked = (
        escape(words + "with <b>markup</b> & ")
        + '<del class="diff">an</del><ins class="diff">another</ins> end.'
    )
    assert marked in text  # the whole text, escaped, the changed word marked
    assert "chars]" not in text
    assert '<del class="diff">Published</del><ins class="diff">Draft</ins>' in text


def test_the_history_page_names_the_links_that_went_and_came(client, event, publisher):
    gone, came = event.citations.get(), factories.CitationFactory(locator="p. 7")
    event.citations.set([came])
    client.force_login(publisher)
    text = client.get(reverse("admin:diplomacy_event_history", args=[event.pk])).content.decode()
    assert f'<del class="diff">{escape(gone.in_full)}</del>' in text
    assert f'<ins class="diff">{escape(came.in_full)}</ins>' in text
    assert came.in_full.endswith(", p. 7") and came.quote in came.in_full


def test_an_editor_cannot_restore_a_record_into_publication(client, event, editor):
    version = history_of(event)[0]
    event.status = Status.DRAFT
    event.save()
    client.force_login(editor)
    url = reverse("admin:diplomacy_event_simple_history", args=[event.pk, version.history_id])
    assert client.post(url, {}).status_code == 403
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


def test_a_deleted_record_is_recovered_with_its_citations(client, event, publisher):
    earlier = fields(event)
    client.force_login(publisher)
    response = client.post(admin_url(Event, "delete", event.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert history_of(event)[0].history_type == "-"
    recover = reverse("admin:diplomacy_event_recover")
    assert "Proclamation" in client.get(recover).content.decode()

    response = client.post(recover, {"pk": event.pk})

    assert response.status_code == 302
    recovered = Event.objects.get(pk=event.pk)
    assert fields(recovered) == earlier
    assert recovered.created_at == event.created_at
    assert history_of(event)[0].history_user == publisher
    assert "Recovered" in history_of(event)[0].history_change_reason
    assert 'id="deleted-records"' not in client.get(recover).content.decode()


def test_an_editor_may_not_recover(client, event, editor):
    pk = event.pk
    event.delete()
    client.force_login(editor)
    assert client.post(reverse("admin:diplomacy_event_recover"), {"pk": pk}).status_code == 403
    assert not Event.objects.filter(pk=pk).exists()


def test_recovering_leaves_out_citations_that_are_gone(event):
    citation, pk = event.citations.get(), event.pk
    event.delete()
    citation.delete()
    recovered = versions.recover(Event, pk)
    assert not recovered.citations.exists()
    assert "citations" in history_of(recovered)[0].history_change_reason


# --- Fixture loads ----------------------------------------------------------------------


def test_loading_content_records_one_baseline_version_per_record(db):
    call_command("load_content", verbosity=0)
    counts = {model: model.history.count() for model in versions.tracked_models()}
    assert counts == {model: model.objects.count() for model in versions.tracked_models()}
    assert {v.history_change_reason for v in Event.history.all()} == {"Loaded from fixtures."}
    linked = Event.history.first()
    assert versions.links(linked)["citations"] == list(
        Event.objects.get(pk=linked.id).citations.values_list("pk", flat=True)
    )

    call_command("load_content", verbosity=0)

    assert counts == {model: model.history.count() for model in versions.tracked_models()}


def test_a_recovered_period_is_linked_again_to_its_events(event, publisher):
    period = event.periods.get()
    pk = period.pk
    period.delete()
    assert not event.periods.exists()

    versions.recover(type(period), pk, user=publisher)

    assert list(event.periods.values_list("pk", flat=True)) == [pk]
    assert history_of(event)[0].history_user == publisher


def test_a_recovered_project_brings_back_its_participations(db, publisher):
    participation = factories.ParticipationFactory()
    project, citation = participation.project, participation.citations.get()
    pk = project.pk
    project.delete()
    assert not Participation.objects.exists()

    recovered = versions.recover(Project, pk, user=publisher)

    back = recovered.participations.get()
    assert back.pk == participation.pk
    assert list(back.citations.all()) == [citation]


def test_the_deletion_version_holds_the_links_at_deletion(event):
    links = versions.links(history_of(event)[0])
    pk = event.pk
    event.delete()
    deleted = versions.versions(Event, pk).first()
    assert deleted.history_type == "-"
    assert versions.links(deleted) == links


# --- Reasons --------------------------------------------------------------------------


def test_every_version_gives_its_reason_as_a_sentence(client, event, publisher):
    pk = event.pk
    client.force_login(publisher)
    client.post(admin_url(Event, "delete", pk), {"post": "yes"})

    assert versions.versions(Event, pk).first().history_change_reason == "Deleted."
    page = client.get(reverse("admin:diplomacy_event_history", args=[pk])).content.decode()
    assert "None" not in page


def test_a_restores_reason_writes_the_time_as_the_history_page_does(client, event, publisher):
    version = history_of(event)[0]
    event.title = "Rewritten"
    event.save()
    client.force_login(publisher)
    client.post(reverse("admin:diplomacy_event_simple_history", args=[event.pk, version.pk]))

    shown = formats.date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")
    assert history_of(event)[0].history_change_reason == f"Restored the version of {shown}."
    page = client.get(reverse("admin:diplomacy_event_history", args=[event.pk])).content.decode()
    assert page.count(shown) >= 2  # the version's own row, and the restore's reason
    assert re.search(r"\d{4}-\d\d-\d\d", page) is None  # no ISO date anywhere


def test_the_revert_page_shows_every_link_and_what_reverting_changes(client, event, publisher):
    version = history_of(event)[0]
    citation = event.citations.get()
    event.title = "Rewritten"
    event.save()
    event.citations.clear()
    client.force_login(publisher)
    url = reverse("admin:diplomacy_event_simple_history", args=[event.pk, version.history_id])

    page = client.get(url)

    text = page.content.decode()
    links = dict(page.context["version_links"])
    assert links["Citations"] == [citation.in_full]
    assert links["Periods"] == [str(event.periods.get())]
    assert f'<ins class="diff">{escape(citation.in_full)}</ins>' in text
    assert '<del class="diff">Rewritten</del><ins class="diff">Proclamation</ins>' in text
    assert '&rsaquo; <a href="/admin/diplomacy/event/">Events</a>' in text
    assert "Historical" not in text
    assert not page.context["adminform"].form.fields.keys() - {"edited_from"}  # nothing to edit


def test_word_diff_marks_whole_phrases_and_escapes():
    assert versions.word_diff("the foreign policy (x)", "the foreign-policy course (x)") == (
        'the <del class="diff">foreign policy</del>'
        '<ins class="diff">foreign-policy course</ins> (x)'
    )
    assert versions.word_diff("Proclamation", "Proclamation of the republic") == (
        'Proclamation <ins class="diff">of the republic</ins>'
    )
    assert versions.word_diff("a <b>", "a <i>") == (
        'a <del class="diff">&lt;b&gt;</del><ins class="diff">&lt;i&gt;</ins>'
    )
