import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from xdist.scheduler import LoadScopeScheduling

from tests.factories import member_of
from tests.production import production  # noqa: F401  (a fixture)
from tests.shared import shared_by_module, uses_shared_records

# Where the browser tests live: one worker serves the site for all of them.
BROWSER_TESTS = "tests/e2e/"
# Fixtures that give a test the database, and markers that mean the same.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "database: the test reads or writes the database; the PostgreSQL pass runs only these "
        "(given to every test that asks for a database, and by hand to those that check its "
        "settings)",
    )
    config.addinivalue_line(
        "markers",
        "slow: starts another process (manage.py, Java, the client generator) or fuzzes; "
        "-m 'not slow' leaves these out while iterating",
    )


@pytest.hookimpl(trylast=True)  # after pytest-django and the browser tests' marker
def pytest_collection_modifyitems(config, items):
    """The browser tests first, as they take longest; then module by module, with the
    tests on a module's shared records last in it (those stay in the database from
    the first test that asks for them to the end of the module)."""
    modules = {}
    for item in items:
        modules.setdefault(item.module, len(modules))
    items.sort(
        key=lambda item: (
            not item.nodeid.startswith(BROWSER_TESTS),
            modules[item.module],
            uses_shared_records(item),
        )
    )


def pytest_itemcollected(item):
    """Markers from what a test asks for, given before `-m` selects by them."""
    if DATABASE_FIXTURES & set(item.fixturenames) or item.get_closest_marker("django_db"):
        item.add_marker(pytest.mark.database)
    if "production" in item.fixturenames or item.nodeid.startswith(BROWSER_TESTS):
        item.add_marker(pytest.mark.slow)


# pytest-django runs the transactional tests after all others, as each one leaves the
# database empty. A worker that takes whole modules meets them in any order, so the
# snapshot of the migrated database is put back after each for the tests that follow.


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # Not after the last test (the test database is gone by then, and the connection
    # points at the real one again), nor before the test database was made.
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if is_transactional(item) and nextitem is not None and snapshot is not None:
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(snapshot)
            # A test's own flush restarts the ids; go on after the restored rows.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)
    return result


def pytest_xdist_make_scheduler(config, log):
    """With `--dist loadscope`: each module goes to one worker, so that its shared
    records are made once, and all the browser tests go to one worker, which serves
    the site once for them."""
    if config.getvalue("dist") == "loadscope":
        return ModulesAndBrowserTests(config, log)
    return None


class ModulesAndBrowserTests(LoadScopeScheduling):
    def _split_scope(self, nodeid):
        if nodeid.startswith(BROWSER_TESTS):
            return BROWSER_TESTS
        return nodeid.split("::", 1)[0]


@shared_by_module
def loaded_content():
    """All the curated content, as `manage.py load_content` loads it."""
    call_command("load_content", verbosity=0)


@pytest.fixture(autouse=True)
def fast_test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Pages render static URLs without a collectstatic manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page or throttle count carries over."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_after():
    """A request leaves its language active (LocaleMiddleware does not undo it): the
    next test starts in the default language, as a new request would."""
    yield
    translation.deactivate()


@pytest.fixture
def editor(db):
    return member_of("Editors", "editor")


@pytest.fixture
def publisher(db):
    return member_of("Publishers", "publisher")
