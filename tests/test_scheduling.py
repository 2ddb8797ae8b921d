"""Scheduled publishing: a Publisher sets `publish_at`, `publish_scheduled` (cron) publishes."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from diplomacy.models import Event
from history.models import Source, Status
from tests import factories
from tests.test_admin import admin_url, change_form_data

pytestmark = pytest.mark.django_db


def publish_scheduled():
    out, err = StringIO(), StringIO()
    call_command("publish_scheduled", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def scheduled(status=Status.IN_REVIEW, minutes=-1, **fields):
    moment = timezone.now() + timedelta(minutes=minutes)
    return factories.EventFactory(status=status, publish_at=moment, **fields)


def test_a_record_in_review_goes_live_when_its_moment_has_come(client):
    due = scheduled(title="Due now")
    later = scheduled(minutes=60, title="Due later")
    draft = scheduled(status=Status.DRAFT, title="Pulled back to draft")
    assert client.get(due.get_absolute_url()).status_code == 404

    out, _ = publish_scheduled()

    assert "Published 1 scheduled record(s)" in out
    due.refresh_from_db()
    assert (due.status, due.publish_at) == (Status.PUBLISHED, None)
    assert client.get(due.get_absolute_url()).status_code == 200  # the cache moved on
    assert Event.objects.get(pk=later.pk).status == Status.IN_REVIEW
    assert Event.objects.get(pk=draft.pk).status == Status.DRAFT
    version = due.history.order_by("-history_date").first()
    assert version.status == Status.PUBLISHED
    assert version.history_change_reason.startswith("Published as scheduled for ")
    # Running again publishes nothing more.
    assert "Published 0 scheduled record(s)" in publish_scheduled()[0]


def test_an_uncited_record_is_held_back_and_named(client):
    uncited = scheduled(title="Cites nothing")
    uncited.citations.clear()
    out, _ = publish_scheduled()
    assert "Published 0" in out and "1 held back" in out
    assert "Cites nothing" in out
    assert Event.objects.get(pk=uncited.pk).status == Status.IN_REVIEW


def test_sources_are_scheduled_too():
    source = factories.SourceFactory(
        status=Status.IN_REVIEW, publish_at=timezone.now() - timedelta(seconds=1)
    )
    publish_scheduled()
    assert Source.objects.get(pk=source.pk).status == Status.PUBLISHED


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.DRAFT])
def test_a_schedule_holds_only_while_the_record_is_in_review(status):
    event = scheduled(minutes=-5)
    event.status = status
    event.save()
    event.status = Status.IN_REVIEW  # sent for review again, by anyone
    event.save()
    publish_scheduled()
    assert Event.objects.get(pk=event.pk).status == Status.IN_REVIEW
    assert Event.objects.get(pk=event.pk).publish_at is None


def test_a_record_no_longer_due_when_its_turn_comes_is_left_alone():
    from history.management.commands.publish_scheduled import Command

    event = scheduled()
    due = Event.objects.due(timezone.now())
    Event.objects.filter(pk=event.pk).update(status=Status.DRAFT)  # changed meanwhile
    assert Command.publish(due, event.pk) == 0
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


def api_as(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_only_a_publisher_schedules_through_the_api(editor, publisher):
    event = factories.EventFactory(status=Status.IN_REVIEW)
    path = f"/api/v1/events/{event.slug}/"
    moment = (timezone.now() + timedelta(days=1)).isoformat()

    refused = api_as(editor).patch(path, {"publish_at": moment}, format="json", HTTP_IF_MATCH="*")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "publish_at"
    assert Event.objects.get(pk=event.pk).publish_at is None

    done = api_as(publisher).patch(path, {"publish_at": moment}, format="json", HTTP_IF_MATCH="*")
    assert done.status_code == 200, done.content
    assert Event.objects.get(pk=event.pk).publish_at is not None
    # An editor's change withdraws it: the Publisher approved the version they read.
    edit = api_as(editor).patch(path, {"title": "Edited"}, format="json", HTTP_IF_MATCH="*")
    assert edit.status_code == 200, edit.content
    assert Event.objects.get(pk=event.pk).publish_at is None


def test_only_a_publisher_schedules_in_the_admin(client, editor, publisher):
    event = factories.EventFactory(status=Status.IN_REVIEW)
    url = admin_url(Event, "change", event.pk)

    client.force_login(editor)
    page = client.get(url)
    assert "publish_at" not in page.context["adminform"].form.fields

    client.force_login(publisher)
    page = client.get(url)
    data = change_form_data(page)
    data["publish_at_0"], data["publish_at_1"] = "2030-01-01", "09:00:00"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert Event.objects.get(pk=event.pk).publish_at.year == 2030


def test_an_editors_admin_save_withdraws_the_schedule(client, editor):
    event = scheduled(minutes=60)
    client.force_login(editor)
    url = admin_url(Event, "change", event.pk)
    data = change_form_data(client.get(url))
    data["title_en"] = "Edited after approval"
    assert client.post(url, data).status_code == 302
    assert Event.objects.get(pk=event.pk).publish_at is None


def test_an_editor_cannot_restore_a_scheduled_version(client, editor):
    event = scheduled(minutes=60)
    version = event.history.order_by("-history_date").first()
    event.status = Status.DRAFT
    event.save()
    client.force_login(editor)
    url = reverse("admin:diplomacy_event_simple_history", args=[event.pk, version.history_id])
    assert client.post(url, {}).status_code == 403
    assert Event.objects.get(pk=event.pk).publish_at is None


def test_the_dashboard_shows_when_a_record_in_review_publishes(client, publisher):
    scheduled(minutes=60 * 24 * 365 * 5, title="Scheduled far ahead")
    client.force_login(publisher)
    page = client.get(reverse("editorial-dashboard"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Scheduled far ahead" in text and "Publishes at" in text
