"""The editorial rules themselves (history/editorial.py), apart from their callers."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from diplomacy.models import Event
from history import editorial, versions
from history.models import Source, Status
from tests import factories

pytestmark = pytest.mark.django_db

SOON = timezone.now() + timedelta(days=1)


# --- A published record cites a source ----------------------------------------------


def test_a_published_cited_record_needs_a_citation_about_to_be_set():
    event = factories.EventFactory.build(status=Status.PUBLISHED)
    with pytest.raises(ValidationError, match="needs at least one citation") as refused:
        editorial.check_cited(event, [])
    assert refused.value.code == "uncited"
    editorial.check_cited(event, ["a citation"])


def test_without_new_citations_the_saved_ones_count():
    event = factories.EventFactory(status=Status.PUBLISHED)
    editorial.check_cited(event)
    event.citations.clear()
    with pytest.raises(ValidationError):
        editorial.check_cited(event)
    with pytest.raises(ValidationError):
        editorial.check_cited(factories.EventFactory.build(status=Status.PUBLISHED))


def test_only_publishing_a_cited_record_needs_a_citation():
    editorial.check_cited(factories.EventFactory.build(status=Status.IN_REVIEW), [])
    editorial.check_cited(factories.SourceFactory.build(status=Status.PUBLISHED), [])


def test_uncited_picks_the_cited_records_that_cite_nothing():
    cited = factories.EventFactory()
    uncited = factories.EventFactory(citations=[])
    factories.SourceFactory()  # cited by nothing, and needs not be
    assert list(editorial.uncited(Event.objects.all())) == [uncited]
    assert cited not in editorial.uncited(Event.objects.all())
    assert not editorial.uncited(Source.objects.all()).exists()


# --- Only Publishers publish, unpublish and schedule --------------------------------


def test_only_publishers_may_publish(editor, publisher):
    assert not editorial.may_publish(editor, Event)
    assert editorial.may_publish(publisher, Event)


@pytest.mark.parametrize(
    ("was", "now"),
    [
        (Status.IN_REVIEW, Status.PUBLISHED),  # publish
        (None, Status.PUBLISHED),  # create published
        (Status.PUBLISHED, Status.DRAFT),  # unpublish
        (Status.PUBLISHED, Status.IN_REVIEW),
    ],
)
def test_only_a_publisher_moves_a_record_into_or_out_of_publication(editor, publisher, was, now):
    event = factories.EventFactory.build(status=now)
    with pytest.raises(PermissionDenied, match="ask a publisher"):
        editorial.check_status(editor, event, was)
    editorial.check_status(publisher, event, was)


@pytest.mark.parametrize(
    ("was", "now"),
    [(Status.DRAFT, Status.IN_REVIEW), (None, Status.DRAFT), (Status.PUBLISHED, Status.PUBLISHED)],
)
def test_anyone_writes_within_a_side_of_publication(editor, was, now):
    editorial.check_status(editor, factories.EventFactory.build(status=now), was)


def test_only_a_publisher_sets_a_schedule(editor, publisher):
    event = factories.EventFactory.build(status=Status.IN_REVIEW, publish_at=SOON)
    with pytest.raises(PermissionDenied, match="schedule"):
        editorial.check_schedule(editor, event)
    with pytest.raises(PermissionDenied):
        editorial.check_schedule(editor, event, SOON + timedelta(hours=1))
    editorial.check_schedule(publisher, event)
    # Sending back the schedule already set is no new one.
    editorial.check_schedule(editor, event, SOON)


def test_anyone_elses_change_withdraws_the_schedule(editor, publisher):
    event = factories.EventFactory.build(status=Status.IN_REVIEW, publish_at=SOON)
    editorial.withdraw_schedule(publisher, event)
    assert event.publish_at == SOON
    editorial.withdraw_schedule(editor, event)
    assert event.publish_at is None


def test_a_restore_follows_the_same_rules(editor, publisher):
    published = factories.EventFactory.build(status=Status.PUBLISHED)
    scheduled = factories.EventFactory.build(status=Status.IN_REVIEW, publish_at=SOON)
    with pytest.raises(PermissionDenied):
        editorial.check_restore(editor, published, Status.DRAFT)
    with pytest.raises(PermissionDenied):
        editorial.check_restore(editor, scheduled, Status.IN_REVIEW)
    editorial.check_restore(editor, published, Status.PUBLISHED)
    editorial.check_restore(publisher, published, Status.DRAFT)
    editorial.check_restore(publisher, scheduled, None)


def test_restoring_and_recovering_call_the_rules(editor, publisher):
    event = factories.EventFactory(status=Status.PUBLISHED)
    version = event.history.first()
    Event.objects.filter(pk=event.pk).update(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        versions.restore_version(version, user=editor)
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT

    deleted = factories.EventFactory(status=Status.PUBLISHED)
    pk = deleted.pk
    deleted.delete()
    with pytest.raises(PermissionDenied):
        versions.recover(Event, pk, user=editor)
    assert not Event.objects.filter(pk=pk).exists()
    assert versions.recover(Event, pk, user=publisher).status == Status.PUBLISHED


# --- When a schedule holds ----------------------------------------------------------


def test_a_schedule_holds_only_in_review():
    event = factories.EventFactory(status=Status.IN_REVIEW, publish_at=SOON)
    assert Event.objects.get(pk=event.pk).publish_at == SOON
    event.status = Status.DRAFT
    event.save()
    assert Event.objects.get(pk=event.pk).publish_at is None


def test_due_records_are_published_only_if_they_cite_a_source():
    past = timezone.now() - timedelta(minutes=1)
    ready = factories.EventFactory(status=Status.IN_REVIEW, publish_at=past)
    held = factories.EventFactory(status=Status.IN_REVIEW, publish_at=past, citations=[])
    factories.EventFactory(status=Status.IN_REVIEW, publish_at=SOON)  # not yet
    source = factories.SourceFactory(status=Status.IN_REVIEW, publish_at=past)

    due, uncited = editorial.due(Event, timezone.now())

    assert (list(due), list(uncited)) == ([ready], [held])
    assert list(editorial.due(Source, timezone.now())[0]) == [source]


@pytest.mark.django_db
def test_the_groups_get_their_permissions_on_every_public_model_after_a_migrate():
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.get(name="Editors")
    lost = Permission.objects.get(codename="change_event")
    editors.permissions.remove(lost)  # as for a model added since the groups were made

    editorial.grant_group_permissions()

    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_event", "change_event", "view_event", "change_citation"} <= codenames
    assert not {"publish_event", "delete_event"} & codenames
    publishers = set(
        Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True)
    )
    assert {"publish_event", "delete_event", "delete_quote"} <= publishers
