"""Schemathesis against the live OpenAPI schema: every GET operation, generated requests.

No request may end in a server error, and every response must keep to the
schema: its status code, content type and body. A bounded number of examples
per operation keeps the run to about a minute.
"""

import hypothesis
import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.test_api import make_hidden, make_world

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# A bounded, repeatable number of examples per operation keeps the run short.
BOUNDED = hypothesis.settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)

# The schema comes from the code alone, so it loads before any database exists.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def content(db, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    make_world(3)
    make_hidden()
    # As Django's test client does: requests must not close the test's
    # connection, which holds the test's transaction (PostgreSQL).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@BOUNDED
def test_every_get_operation_keeps_to_the_schema(case, content):
    case.call_and_validate(checks=CHECKS)


@pytest.fixture
def publisher_token(content):
    user = User.objects.create_user("publisher", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    return Token.objects.create(user=user).key


@schema.include(method=["POST", "PUT", "PATCH"]).parametrize()
@BOUNDED
def test_every_write_by_a_publisher_keeps_to_the_schema(case, publisher_token):
    # If-Match: * lets the generated bodies reach validation and the save;
    # tests/test_api.py covers real and malformed versions.
    headers = {"Authorization": f"Token {publisher_token}", "If-Match": "*"}
    case.call_and_validate(headers=headers, checks=CHECKS)
