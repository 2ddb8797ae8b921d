"""A complete, restorable backup of the content, its history and the people who edit it.

The backup is one JSON file in Django's fixture format, so `manage.py loaddata`
reads it too; `manage.py restore_content` loads it into an empty database with
checks around it. What it holds:

- auth groups by name (they merge with the two the migrations make), with their
  permissions by natural key (codename, app, model);
- users with their password hashes, groups and permissions by natural key, and
  their API tokens;
- every row of every content model of `history` and `diplomacy`, with its
  primary key, so that links, the admin log and the change history still point
  at the right records; the change history itself (the Historical* tables);
- the admin log.

Left out: the search index (`diplomacy.SearchEntry`, rebuilt after a restore),
sessions, login attempts (django-axes), content types and permissions (made by
`migrate`).
"""

import datetime
import json

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from simple_history.models import HistoricalChanges

from . import search

NOT_BACKED_UP = {"diplomacy.SearchEntry"}
# Merged by name into what the migrations made.
BY_NATURAL_KEY = {"auth.Group"}
# Point at permissions, content types, groups and users by natural key.
WITH_NATURAL_LINKS = {"auth.Group", "auth.User", "authtoken.Token", "admin.LogEntry"}
ACCOUNT_MODELS = ["auth.Group", "auth.User", "authtoken.Token"]
LOG_MODELS = ["admin.LogEntry"]


class ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps microseconds: DjangoJSONEncoder rounds times down to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def backed_up_models():
    """The models in the order they are written: accounts, content, then the admin log."""
    models = [
        model
        for app_label in settings.CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if model._meta.label not in NOT_BACKED_UP
    ]
    # Content in the order its models are defined (a citation's source before the
    # citation: loading checks the quoted words against the source's text), then
    # the history tables, sorted because their order of creation varies.
    content = [model for model in models if not issubclass(model, HistoricalChanges)]
    content += sorted(
        (model for model in models if issubclass(model, HistoricalChanges)),
        key=lambda model: model._meta.label,
    )
    return (
        [apps.get_model(label) for label in ACCOUNT_MODELS]
        + content
        + [apps.get_model(label) for label in LOG_MODELS]
    )


def must_be_empty_models():
    """The models whose rows make a database 'not empty' for a restore."""
    return [model for model in backed_up_models() if model._meta.label not in BY_NATURAL_KEY]


def serialized(model):
    """Yield each row of `model` as a fixture object (a dict)."""
    label = model._meta.label
    queryset = model._base_manager.order_by("pk")
    natural_links = label in WITH_NATURAL_LINKS
    yield from serializers.serialize(
        "python",
        queryset.iterator(chunk_size=500),
        use_natural_foreign_keys=natural_links,
        use_natural_primary_keys=label in BY_NATURAL_KEY,
    )


def write_backup(stream):
    """Write the backup as a JSON array to the text `stream`; return {label: rows}."""
    counts = {}
    stream.write("[")
    first = True
    # One snapshot of the whole database, so that the rows agree with each other.
    with transaction.atomic():
        for model in backed_up_models():
            counts[model._meta.label] = 0
            for obj in serialized(model):
                stream.write("\n" if first else ",\n")
                json.dump(obj, stream, cls=ExactJSONEncoder, ensure_ascii=False)
                counts[model._meta.label] += 1
                first = False
    stream.write("\n]\n")
    return counts


def rows_in_the_way():
    """{label: count} of the rows that make this database not empty."""
    counts = {model._meta.label: model._base_manager.count() for model in must_be_empty_models()}
    return {label: count for label, count in counts.items() if count}


def restore_backup(path, verbosity=0):
    """Load the backup at `path` in one transaction, then rebuild the search index.

    loaddata keeps the primary keys, resolves natural keys in any order and, on
    PostgreSQL, moves each table's sequence past the restored keys.
    """
    with transaction.atomic():
        call_command("loaddata", str(path), verbosity=verbosity)
        return search.rebuild()
