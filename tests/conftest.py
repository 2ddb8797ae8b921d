import pytest
from django.core.cache import cache

from tests.factories import member_of


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


@pytest.fixture
def editor(db):
    return member_of("Editors", "editor")


@pytest.fixture
def publisher(db):
    return member_of("Publishers", "publisher")
