"""The editors' side: who changed what, the review dashboard and change log, edit conflicts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from diplomacy.models import Event
from history import versions
from history.models import Person, Status
from tests import factories
from tests.locks import another_writer, postgres_only
from tests.test_admin import admin_url, change_form_data


def save_as(user, record, **changes):
    for name, value in changes.items():
        setattr(record, name, value)
    record._history_user = user
    record.save()


def test_the_changelist_shows_who_changed_each_record_last(client, editor, publisher):
    event = factories.EventFactory(title="Proclamation")
    save_as(publisher, event, title="Proclamation of independence")
    factories.EventFactory.create_batch(5)
    client.force_login(editor)
    page = client.get(admin_url(Event, "changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Last changed" in text
    day = formats.date_format(timezone.localtime(event.updated_at), "DATE_FORMAT")
    assert f'<td class="field-last_changed">{day}, publisher</td>' in text


def test_the_changelist_query_count_does_not_grow_with_rows(
    client, editor, django_assert_max_num_queries
):
    factories.EventFactory.create_batch(30)
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        assert client.get(admin_url(Event, "changelist")).status_code == 200


def test_the_dashboard_lists_what_awaits_review_and_recent_changes(client, editor, publisher):
    waiting = factories.EventFactory(title="Waiting for review", status=Status.IN_REVIEW)
    factories.PersonFactory(name="Alimardan Topchubashov", status=Status.DRAFT)
    save_as(publisher, waiting, summary="Checked.")
    client.force_login(editor)
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("editorial-dashboard") in index

    page = client.get(reverse("editorial-dashboard"))

    assert page.status_code == 200
    review = [record for record, _, _ in page.context["in_review"]]
    assert review == [waiting]
    log = page.context["log"]
    assert log[0].history_user == publisher
    assert log[0].title == "Waiting for review"
    assert "Alimardan Topchubashov" in page.content.decode()


def test_the_change_log_filters_by_user_model_and_date(client, editor, publisher):
    event = factories.EventFactory(title="An event")
    person = factories.PersonFactory(name="A person")
    save_as(publisher, event, title="An event, edited")
    save_as(editor, person, name="A person, edited")
    client.force_login(editor)
    url = reverse("editorial-dashboard")

    by_publisher = client.get(url, {"user": "publisher"}).context["log"]
    assert {v.history_user for v in by_publisher} == {publisher}
    people = client.get(url, {"model": "history.Person"}).context["log"]
    assert {v.instance_type for v in people} == {type(person)}
    today = event.updated_at.date().isoformat()
    assert client.get(url, {"from": today, "to": today}).context["log"]
    assert not client.get(url, {"from": "2999-01-01"}).context["log"]
    page = client.get(url, {"from": "May 1918", "model": "nope.Nothing"})
    assert page.status_code == 200
    assert len(page.context["errors"]) == 2


def test_the_dashboard_is_for_staff_only(client, db):
    response = client.get(reverse("editorial-dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_saving_over_someone_elses_newer_version_is_refused(client, editor, publisher):
    event = factories.EventFactory(title="Proclamation", status=Status.DRAFT)
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    data = change_form_data(client.get(url))
    # Meanwhile a publisher saves the record.
    save_as(publisher, Event.objects.get(pk=event.pk), title="Proclamation of the republic")
    data["title_en"] = "My edit"

    response = client.post(url, data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Not saved: publisher saved this record" in text
    assert "Proclamation of the republic" in text  # what changed meanwhile
    assert Event.objects.get(pk=event.pk).title == "Proclamation of the republic"

    # Reloaded, the editor's form holds the new version, and saving works.
    data = change_form_data(client.get(url))
    data["title_en"] = "My edit"
    assert client.post(url, data).status_code == 302
    assert Event.objects.get(pk=event.pk).title == "My edit"


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_admin_save_waits_for_a_write_in_progress_and_is_refused(client, editor, publisher):
    event = factories.EventFactory(title="Proclamation", status=Status.DRAFT)
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    data = change_form_data(client.get(url))
    data["title_en"] = "My edit"

    def theirs():
        record = Event.objects.select_for_update().get(pk=event.pk)
        save_as(publisher, record, title="Proclamation of the republic")

    with another_writer(theirs):
        response = client.post(url, data)

    assert response.status_code == 200
    assert "Not saved:" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Proclamation of the republic"


# --- Changed slugs leave redirects --------------------------------------------------------


def test_a_changed_slug_redirects_the_old_address_permanently(client, db):
    period = factories.PeriodFactory(slug="adr", name="The first republic")
    old = period.get_absolute_url()
    period.slug = "azerbaijan-democratic-republic"
    period.save()

    response = client.get(old + "?from=feed")

    assert response.status_code == 301
    assert response["Location"] == period.get_absolute_url() + "?from=feed"
    assert client.get(period.get_absolute_url()).status_code == 200


def test_redirects_follow_every_rename_and_give_way_to_a_reused_address(client, db):
    event = factories.EventFactory(slug="first")
    first = event.get_absolute_url()
    save_as(None, event, slug="second")
    second = event.get_absolute_url()
    save_as(None, event, slug="third")
    third = event.get_absolute_url()

    assert client.get(first)["Location"] == third
    assert client.get(second)["Location"] == third
    # The record takes back its first slug: that address serves it, no loop.
    save_as(None, event, slug="first")
    assert client.get(first).status_code == 200
    assert client.get(third)["Location"] == first
    assert client.get(second)["Location"] == first


def test_an_unknown_address_is_still_a_404(client, db):
    assert client.get("/periods/never-was/").status_code == 404


def test_renaming_a_draft_leaves_no_redirect_that_names_it(client, db):
    event = factories.EventFactory(slug="quiet-draft", status=Status.DRAFT)
    event.slug = "secret-new-title"
    event.save()

    response = client.get("/events/quiet-draft/")

    assert response.status_code == 404
    assert "secret-new-title" not in response.get("Location", "")


def test_renaming_a_record_the_public_cannot_see_leaves_no_redirect(client, db):
    # Published by status, but its speaker is a draft: the door keeps it hidden.
    speaker = factories.PersonFactory(status=Status.DRAFT)
    quote = factories.QuoteFactory(slug="hidden-words", speaker=speaker, status=Status.PUBLISHED)
    quote.slug = "secret-new-words"
    quote.save()

    response = client.get("/quotes/hidden-words/")

    assert response.status_code == 404
    assert "secret-new-words" not in response.get("Location", "")


def test_organizations_by_standing_count_published_memberships_only(client, db):
    organization = factories.OrganizationFactory(slug="quiet-body", status=Status.PUBLISHED)
    factories.MembershipFactory(organization=organization, kind="chair", status=Status.DRAFT)

    page = client.get("/organizations/?kind=chair").content.decode()
    api = client.get("/api/v1/organizations/?kind=chair").json()

    assert "quiet-body" not in page
    assert api["count"] == 0


# --- The review page: people's changes a page at a time, bulk loads a line each ----------


def test_the_review_page_sums_up_each_bulk_load_in_one_line(client, editor, publisher):
    events = factories.EventFactory.create_batch(3)
    people = factories.PersonFactory.create_batch(2)
    for model in versions.tracked_models():
        model.history.all().delete()
    versions.record_baseline(Event)
    versions.record_baseline(Person)
    save_as(publisher, events[0], title="Checked by a person")
    client.force_login(editor)

    page = client.get(reverse("editorial-dashboard"))

    assert [v.history_change_reason for v in page.context["log"]] == ["Changed."]
    (load,) = page.context["bulk_loads"]
    assert load["reason"] == "Loaded from fixtures"
    assert load["count"] == len(events) + len(people)
    assert "3 events" in load["kinds"] and "2 people" in load["kinds"]
    assert "Loaded from fixtures, 5 records" in page.content.decode()


def test_the_review_page_pages_through_changes_in_a_flat_number_of_queries(
    client, editor, publisher, django_assert_max_num_queries
):
    factories.QuoteFactory.create_batch(5)  # named by their speaker: joined, not a query each
    url = reverse("editorial-dashboard")
    client.force_login(editor)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    factories.EventFactory.create_batch(30)
    factories.QuoteFactory.create_batch(30)
    with django_assert_max_num_queries(len(few)):
        first = client.get(url)
    last = client.get(url, {"page": 2})

    assert len(first.context["log"]) == 50
    assert first.context["page_obj"].paginator.count > 60
    assert first.context["log"][-1].history_date >= last.context["log"][0].history_date
    seen = {(type(v), v.history_id) for v in first.context["log"]}
    assert not seen & {(type(v), v.history_id) for v in last.context["log"]}
    assert "page=2" in first.content.decode()


def test_the_review_page_names_each_kind_as_the_site_does(client, editor):
    client.force_login(editor)
    page = client.get(reverse("editorial-dashboard"), {"model": "diplomacy.Priority"})
    assert '<option value="diplomacy.Priority" selected>Policy</option>' in page.content.decode()
    assert "Priorit" not in page.content.decode().replace('value="diplomacy.Priority"', "")
