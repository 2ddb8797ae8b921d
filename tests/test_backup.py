"""Backups: what `backup_content` writes, `restore_content` brings back, row for row."""

import datetime
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

from diplomacy import backup
from diplomacy.models import Event, SearchEntry
from history.models import Citation, Source
from tests import factories


@pytest.fixture
def site(db):
    """Content of every kind, editors with groups, permissions, a token and an admin log."""
    factories.EventFactory.create_batch(3)
    factories.QuoteFactory()
    factories.MembershipFactory()
    factories.RelationFactory()
    factories.MissionFactory()
    factories.ParticipationFactory()
    factories.PriorityFactory()
    factories.FigureFactory()
    factories.PeriodFactory(status="draft")
    factories.AliasFactory()
    editor = User.objects.create_user("editor", password="a long test passphrase")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="publish_event"))
    Token.objects.create(user=editor)
    User.objects.create_superuser("chief", password="another long passphrase")
    event = Event.objects.first()
    # Times keep their microseconds through a round trip.
    Event.objects.filter(pk=event.pk).update(
        updated_at=datetime.datetime(2026, 5, 28, 9, 30, 0, 123, tzinfo=datetime.UTC)
    )
    LogEntry.objects.log_actions(editor.pk, [event], CHANGE, change_message="Edited")
    return editor


def dump(tmp_path, name):
    path = tmp_path / name
    call_command("backup_content", str(path), verbosity=0)
    return path, json.loads(path.read_text())


@pytest.fixture
def empty_the_database(settings):
    """Leave the database as `migrate` makes it: no content, no users, the two groups."""

    def empty():
        settings.SIMPLE_HISTORY_ENABLED = False  # deleting is not a change to record here
        for model in reversed(backup.backed_up_models()):
            if model is not Group:
                model._base_manager.all().delete()
        SearchEntry.objects.all().delete()
        settings.SIMPLE_HISTORY_ENABLED = True

    return empty


def test_the_backup_holds_content_users_and_tokens_but_not_the_search_index(site, tmp_path):
    _, objects = dump(tmp_path, "backup.json")
    labels = {obj["model"] for obj in objects}
    assert {"auth.group", "auth.user", "authtoken.token", "admin.logentry"} <= labels
    assert {"history.source", "history.citation", "diplomacy.event"} <= labels
    assert {"diplomacy.historicalevent", "diplomacy.historicalevent_citations"} <= labels
    assert "diplomacy.participation" in labels
    assert "diplomacy.searchentry" not in labels
    assert not any(obj["model"].startswith(("sessions.", "axes.")) for obj in objects)
    editor = next(o for o in objects if o["model"] == "auth.user" and o["pk"] == site.pk)
    assert editor["fields"]["password"] == site.password
    assert editor["fields"]["groups"] == [["Editors"]]
    assert editor["fields"]["user_permissions"] == [["publish_event", "diplomacy", "event"]]
    editors = next(o for o in objects if o["model"] == "auth.group")
    assert "pk" not in editors  # merged by name into the group the migration made


def test_backup_then_restore_into_an_empty_database_gives_the_same_content(
    site, tmp_path, empty_the_database
):
    event_pk = LogEntry.objects.get().object_id
    path, before = dump(tmp_path, "before.json")
    searchable = SearchEntry.objects.count()
    empty_the_database()
    assert not Source.objects.exists()
    assert not User.objects.exists()

    call_command("restore_content", str(path), verbosity=0)

    _, after = dump(tmp_path, "after.json")
    assert after == before
    assert Event.objects.get(pk=event_pk).updated_at.microsecond == 123
    assert SearchEntry.objects.count() == searchable
    event = Event.objects.filter(status="published").first()
    assert event.citations.exists()
    restored = User.objects.get(username="editor")
    assert restored.check_password("a long test passphrase")
    assert restored.has_perm("diplomacy.change_event")
    assert Token.objects.get(user=restored).key == Token.objects.get().key
    # New rows get fresh keys after the restored ones (sequences moved on PostgreSQL).
    new = Source.objects.create(slug="new", title="New", text="Some words.")
    assert new.pk > max(o["pk"] for o in before if o["model"] == "history.source")


def test_a_gzipped_backup_restores_too(site, tmp_path, empty_the_database):
    path = tmp_path / "backup.json.gz"
    call_command("backup_content", str(path), verbosity=0)
    citations = Citation.objects.count()
    empty_the_database()
    call_command("restore_content", str(path), verbosity=0)
    assert Citation.objects.count() == citations


def test_restore_refuses_a_database_that_is_not_empty(site, tmp_path):
    path, _ = dump(tmp_path, "backup.json")
    sources = Source.objects.count()
    with pytest.raises(CommandError, match="not empty") as error:
        call_command("restore_content", str(path), verbosity=0)
    assert "auth.User" in str(error.value)
    assert "Nothing was changed" in str(error.value)
    assert Source.objects.count() == sources


def test_restore_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_content", str(tmp_path / "nothing.json"), verbosity=0)


def test_backup_wants_a_json_path(db, tmp_path):
    with pytest.raises(CommandError, match=r"\.json"):
        call_command("backup_content", str(tmp_path / "backup.txt"), verbosity=0)


@pytest.mark.slow
def test_restore_into_a_new_sqlite_database(tmp_path):
    """The whole round trip through the commands, as an operator runs it."""
    env = {**os.environ, "DJANGO_DEBUG": "true"}

    def manage(database, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env={**env, "DATABASE_URL": f"sqlite:///{database}"},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    manage(first, "migrate", "-v", "0")
    # The new database is a copy of the first as `migrate` left it: this is a round
    # trip of the backup, not of `migrate`, which would take as long again.
    with closing(sqlite3.connect(first)) as migrated, closing(sqlite3.connect(second)) as new:
        migrated.backup(new)
    manage(first, "load_content", "-v", "0")
    manage(first, "backup_content", str(tmp_path / "first.json"))
    out = manage(second, "restore_content", str(tmp_path / "first.json"))
    assert "search index rebuilt" in out
    manage(second, "backup_content", str(tmp_path / "second.json"))
    first_rows = json.loads((tmp_path / "first.json").read_text())
    assert len(first_rows) > 400
    assert json.loads((tmp_path / "second.json").read_text()) == first_rows
