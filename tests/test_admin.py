"""The admin as the editors' workplace: every page answers, and the rules hold."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from diplomacy.models import Event
from history.models import Citation, CitedRecord, ErrorReport, Record, Status
from tests import factories

MODEL_ADMINS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in ("history", "diplomacy")),
    key=lambda model: model._meta.label,
)


# Readers write these on the site; the admin only reads and resolves them.
NOT_ADDED_IN_THE_ADMIN = {ErrorReport}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def content(loaded_content, db):
    ErrorReport.objects.create(page="/events/", message="A reader's report.")


def test_groups_come_from_the_data_migration(db):
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True)
    )
    assert "change_event" in editors
    assert "publish_event" not in editors
    assert "delete_event" not in editors
    assert {"publish_event", "delete_event", "change_event"} <= publishers


@pytest.mark.parametrize("model", MODEL_ADMINS, ids=lambda model: model._meta.label)
def test_every_admin_page_answers_an_editor(client, content, editor, model):
    client.force_login(editor)
    record = model.objects.first()
    assert client.get(admin_url(model, "changelist")).status_code == 200
    added = client.get(admin_url(model, "add")).status_code
    assert added == (403 if model in NOT_ADDED_IN_THE_ADMIN else 200)
    assert client.get(admin_url(model, "change", record.pk)).status_code == 200


@pytest.mark.parametrize("model", MODEL_ADMINS, ids=lambda model: model._meta.label)
def test_admin_pages_are_refused_to_anonymous_visitors(client, content, model):
    record = model.objects.first()
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_changelist_shows_dates_as_people_write_them(client, content, editor):
    client.force_login(editor)
    response = client.get(admin_url(Event, "changelist"), {"q": "Paris Peace Conference"})
    assert "11 January 1920" in response.content.decode()


def test_an_editor_cannot_choose_published(client, content, editor):
    client.force_login(editor)
    draft = Event.objects.first()
    draft.status = Status.DRAFT
    draft.save()
    form = client.get(admin_url(Event, "change", draft.pk)).context["adminform"].form
    assert Status.PUBLISHED not in dict(form.fields["status"].choices)


def test_an_editor_cannot_delete(client, content, editor):
    client.force_login(editor)
    event = Event.objects.first()
    assert client.get(admin_url(Event, "delete", event.pk)).status_code == 403


def test_the_publish_action_is_for_publishers_only(client, content, editor, publisher):
    Event.objects.update(status=Status.DRAFT)
    event = Event.objects.first()
    data = {"action": "publish", "_selected_action": [event.pk]}

    client.force_login(editor)
    client.post(admin_url(Event, "changelist"), data)
    event.refresh_from_db()
    assert event.status == Status.DRAFT

    client.force_login(publisher)
    client.post(admin_url(Event, "changelist"), data)
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


def test_the_actions_count_records_in_the_singular_and_the_plural(client, content, publisher):
    first, second = Event.objects.all()[:2]
    client.force_login(publisher)

    def act(action, *records):
        data = {"action": action, "_selected_action": [record.pk for record in records]}
        return client.post(admin_url(Event, "changelist"), data, follow=True).content.decode()

    assert "Moved 2 records back to draft." in act("unpublish", first, second)
    assert "Published 1 record." in act("publish", first)


def test_the_publish_action_skips_records_that_cite_nothing(client, content, publisher):
    event = Event.objects.first()
    event.citations.clear()
    Event.objects.filter(pk=event.pk).update(status=Status.DRAFT)
    client.force_login(publisher)

    response = client.post(
        admin_url(Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
        follow=True,
    )

    event.refresh_from_db()
    assert event.status == Status.DRAFT
    assert "cite nothing" in response.content.decode()


def test_saving_a_published_record_without_citations_is_refused(client, content, publisher):
    client.force_login(publisher)
    url = admin_url(Event, "add")
    page = client.get(url)
    inline = next(f for f in page.context["inline_admin_formsets"])
    prefix = inline.formset.prefix
    data = {
        "title": "An uncited event",
        "slug": "an-uncited-event",
        "status": Status.PUBLISHED,
        "category": Event.Category.DIPLOMACY,
        "date": "1919",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "needs at least one citation" in response.content.decode()
    assert not Event.objects.filter(slug="an-uncited-event").exists()


def change_form_data(page):
    """The POST data of an admin change page as it stands, inlines included."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


def test_a_bad_date_shows_the_field_message(client, content, publisher):
    client.force_login(publisher)
    event = Event.objects.exclude(date="").first()
    url = admin_url(Event, "change", event.pk)
    data = change_form_data(client.get(url))
    data["date"] = "1919-13"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "is not an EDTF date" in response.content.decode()
    event.refresh_from_db()
    assert event.date != "1919-13"


def test_every_record_links_to_its_public_page(content):
    for model in MODEL_ADMINS:
        if issubclass(model, Record):
            record = model.objects.first()
            assert record.get_absolute_url().startswith("/")


def test_cited_models_have_a_citation_inline():
    for model, model_admin in admin.site._registry.items():
        if issubclass(model, CitedRecord):
            inlines = [inline.model for inline in model_admin.inlines]
            assert model.citations.through in inlines, model._meta.label


def test_the_admin_names_the_site_in_its_header_and_titles(client, db, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Django administration" not in page and "Django site admin" not in page
    assert f"<title>Editing the content | {escape(settings.SITE_NAME)}</title>" in page
    assert f'<a href="{reverse("admin:index")}">{escape(settings.SITE_NAME)}</a>' in page


def test_citation_rows_changes_and_deletions_name_what_they_hold(client, db, publisher):
    kept = factories.CitationFactory(locator="p. 3")
    gone = factories.CitationFactory(source=kept.source, locator="")
    added = factories.CitationFactory(source=kept.source)
    event = factories.EventFactory(citations=[kept, gone])
    event.countries.add(factories.CountryFactory(code="FR", name="France"))
    client.force_login(publisher)
    url = admin_url(Event, "change", event.pk)
    page = client.get(url)
    text = page.content.decode()
    # Each chosen citation reads in full: its words, its source and where in it.
    assert f"“{kept.quote}” — {kept.source.title}, p. 3" == kept.in_full
    assert f'<option value="{kept.pk}" selected>{escape(kept.in_full)}</option>' in text
    assert "object (" not in text

    data = change_form_data(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    rows = {int(data[f"{prefix}-{n}-citation"]): n for n in range(2)}
    data[f"{prefix}-{rows[gone.pk]}-DELETE"] = "on"
    data[f"{prefix}-2-citation"] = added.pk
    assert client.post(url, data).status_code == 302

    message = LogEntry.objects.get(object_id=event.pk).get_change_message()
    assert f"Added event-citation relationship “{added}”." in message
    assert f"Deleted event-citation relationship “{gone}”." in message
    assert str(gone) == f"“{gone.quote}” — {gone.source.title}"
    version = Event.history.filter(id=event.pk).first()
    assert version.history_change_reason == "Added 1 citation. Deleted 1 citation."
    confirm = client.get(admin_url(Event, "delete", event.pk)).content.decode()
    assert "Event-country relationship: France" in confirm
    assert f"Event-citation relationship: {escape(kept)}" in confirm
    assert "object (" not in confirm


def test_a_citation_is_shown_by_its_words_shortened_at_a_word_boundary(db):
    source = factories.SourceFactory(title="A source", text="word " * 100)
    citation = Citation.objects.create(source=source, quote="word " * 30, locator="§ 2")
    assert str(citation) == f"“{'word ' * 15}word…” — A source, § 2"


def test_citations_are_chosen_by_their_words(client, db, editor):
    source = factories.SourceFactory(text="Alpha words. Beta words. Gamma words.")
    _, beta, _ = (
        Citation.objects.create(source=source, quote=f"{name} words.")
        for name in ("Alpha", "Beta", "Gamma")
    )
    client.force_login(editor)
    answer = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "beta",
            "app_label": "diplomacy",
            "model_name": "event_citations",
            "field_name": "citation",
        },
    ).json()
    # Each choice reads in full, so the one chosen shows all its words.
    assert answer["results"] == [{"id": str(beta.pk), "text": beta.in_full}]


def test_the_event_form_has_one_date_row_that_says_how_the_site_writes_it(client, db, editor):
    event = factories.EventFactory(date="1918-05-28")
    client.force_login(editor)
    page = client.get(admin_url(Event, "change", event.pk))
    text = page.content.decode()
    rows = [
        name for _, fieldset in page.context["adminform"].fieldsets for name in fieldset["fields"]
    ]
    assert rows.count("date") == 1 and "when" not in rows
    # The record's own name first, in each language (English first), then its date.
    assert rows[:4] == ["title_en", "title_az", "title_ru", "date"]
    assert "The site writes “28 May 1918”." in text


@pytest.mark.parametrize(
    "model",
    [model for model in MODEL_ADMINS if hasattr(model, "history")],
    ids=lambda model: model._meta.label,
)
def test_every_history_and_version_page_answers(client, content, publisher, model):
    record = model.objects.first()
    version = model.history.filter(**{model._meta.pk.attname: record.pk}).first()
    client.force_login(publisher)
    history = client.get(admin_url(model, "history", record.pk))
    shown = client.get(admin_url(model, "simple_history", record.pk, version.pk))
    assert history.status_code == shown.status_code == 200
    assert "Historical" not in shown.content.decode()
