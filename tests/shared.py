"""Records made once for a test module and shared by its tests."""

import contextlib

import pytest
from django.db import transaction

# The names of the fixtures made by shared_by_module.
SHARED = set()


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """A transaction (or a savepoint within one) held open for the block, then undone.

    Held open across a module's tests, each of which runs in a savepoint of its
    own within it (pytest-django's `db`): what a test changes is undone after it.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def shared_by_module(build):
    """A module-scoped fixture of what `build()` writes, made once for the module's tests
    and rolled back after them. A test that needs the records asks for it and for `db`.

    The records stay from the first test that asks for them to the end of the module;
    tests/conftest.py runs a module's other tests before those.
    """

    @pytest.fixture(scope="module", name=build.__name__)
    def fixture(django_db_setup, django_db_blocker):
        with rolled_back(django_db_blocker):
            with django_db_blocker.unblock():
                made = build()
            yield made

    fixture.__doc__ = build.__doc__
    SHARED.add(build.__name__)
    return fixture


def uses_shared_records(item):
    return bool(SHARED & set(item.fixturenames))
