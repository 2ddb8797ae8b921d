"""The editorial rules, each written once.

The admin, the API, imports, restores, the scheduled publisher and the content
check call these and turn what they raise into their own errors: a
ValidationError for content that may not be published, PermissionDenied for a
user who may not do it.

Who may do what (tests/test_permissions.py holds the whole matrix): Editors
write records and send them for review; Publishers, who alone hold the
`publish_<model>` permission, also publish, unpublish and schedule, and restore
a version into or out of publication or with a schedule. Only Publishers hold
`delete_<model>` too (GROUPS below), so only they delete; recovering a deleted
record is a restore like any other. Importing a file is for Publishers: a file
can publish and unpublish many records at once.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q

from .models import CitedRecord, Status, public_models

UNCITED = "A published record needs at least one citation. Add one, or keep the record as a draft."
NOT_PUBLISHER = "You may not publish or unpublish: ask a publisher."
NOT_SCHEDULER = "You may not schedule a publication: ask a publisher."


def may_publish(user, model):
    """Publishing, unpublishing and scheduling take the `publish_<model>` permission."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


# --- A published record cites a source ----------------------------------------------


def check_cited(record, citations=None):
    """Refuse to publish a cited record that cites nothing.

    `citations` are those the record is about to have (a form's, a request's, a
    file row's); None means those it has saved.
    """
    if not isinstance(record, CitedRecord) or not record.is_published:
        return
    if citations is None:
        citations = record.pk is not None and record.citations.exists()
    if not citations:
        raise ValidationError(UNCITED, code="uncited")


def uncited(queryset):
    """The records of `queryset` that check_cited keeps from publication, in one query."""
    if not issubclass(queryset.model, CitedRecord):
        return queryset.none()
    return queryset.filter(pk__in=queryset.model.objects.uncited().values("pk"))


# --- Only Publishers publish, unpublish and schedule --------------------------------


def check_status(user, record, was):
    """Refuse to move `record` into or out of publication, unless `user` is a Publisher.

    `was` is its status before (None for a new or deleted record).
    """
    moves = record.status != was and Status.PUBLISHED in (record.status, was)
    if moves and not may_publish(user, type(record)):
        raise PermissionDenied(NOT_PUBLISHER)


def check_schedule(user, record, scheduled=None):
    """Refuse a schedule (`publish_at`) set by anyone but a Publisher.

    Others may only send back `scheduled`, the one already set, which their
    change then withdraws (withdraw_schedule).
    """
    if record.publish_at not in (None, scheduled) and not may_publish(user, type(record)):
        raise PermissionDenied(NOT_SCHEDULER)


def withdraw_schedule(user, record):
    """A Publisher approved the version they scheduled: anyone else's change withdraws it."""
    if not may_publish(user, type(record)):
        record.publish_at = None


def check_restore(user, record, was):
    """Refuse a restore `user` may not make: `record` is the version, `was` the saved status.

    A restore is exact, so it cannot withdraw a schedule: only a Publisher restores one.
    """
    check_status(user, record, was)
    check_schedule(user, record)


# --- When a schedule holds ----------------------------------------------------------
# Record.save() drops the schedule of a record that leaves review, whoever saves it.


def due(model, now):
    """The records of `model` to publish as scheduled now, and those held back.

    Due: in review with its moment come. Held back: due, but citing nothing.
    """
    records = model.objects.due(now)
    held = uncited(records)
    return records.exclude(pk__in=held.values("pk")), held


# --- The two groups ------------------------------------------------------------------

# What each group may do to every public model, whichever app it is in.
GROUPS = {
    "Editors": ("add", "change", "view"),
    "Publishers": ("add", "change", "view", "publish", "delete"),
}


def grant_group_permissions(**kwargs):
    """Give the groups their permissions on every public model (after each migrate).

    So that a new public model needs no data migration of its own; nothing is
    taken away, so what was granted by hand stays. Accounts are made by hand.
    """
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_label in settings.CONTENT_APPS:
        # An app after the one just migrated may not have its permissions yet.
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    public = Q()
    for model in public_models():
        opts = model._meta
        public |= Q(content_type__app_label=opts.app_label, content_type__model=opts.model_name)
    permissions = list(Permission.objects.filter(public))
    for name, actions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(p for p in permissions if p.codename.split("_", 1)[0] in actions))
