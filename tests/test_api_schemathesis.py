"""Schemathesis against the live OpenAPI schema: every operation, generated requests.

No request may end in a server error, and every response must keep to the
schema: its status code, content type and body. A bounded, repeatable number of
examples per operation (FUZZ_EXAMPLES, default 25) keeps the run short; set
FUZZ_EXAMPLES=200 for a thorough run.

Each operation is a test of its own through pytest's parametrize (schemathesis's
own gives them one node id under pytest 9, which pytest-xdist takes for one test).
"""

import os

import hypothesis
import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.shared import shared_by_module
from tests.test_api import make_hidden, make_world

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# A bounded, repeatable number of examples per operation keeps the run short.
BOUNDED = hypothesis.settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 25)),
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)

# The schema comes from the code alone, so it loads before any database exists.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


def operations(schema):
    return [
        pytest.param(result.ok(), id=result.ok().label) for result in schema.get_all_operations()
    ]


def fuzz(operation, **call):
    """Every generated request to `operation` keeps to the schema."""

    # Valid and invalid requests alike, as schemathesis's own parametrize makes them.
    modes = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]

    # Uncompressed: the WSGI client reads the body as sent, where a browser would
    # gunzip it (tests/test_headers.py covers compression).
    call["headers"] = {"Accept-Encoding": "identity", **call.get("headers", {})}

    @hypothesis.given(case=hypothesis.strategies.one_of(modes))
    @BOUNDED
    def requests(case):
        case.call_and_validate(checks=CHECKS, **call)

    requests()


@shared_by_module
def shared_content():
    """Three linked records of every kind, and a draft and an in-review one."""
    make_world(3)
    make_hidden()


@pytest.fixture
def content(shared_content, db, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    # As Django's test client does: requests must not close the test's
    # connection, which holds the test's transaction (PostgreSQL).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("operation", operations(schema))
def test_every_operation_keeps_to_the_schema_for_anonymous_clients(operation, content):
    fuzz(operation)


@pytest.fixture
def publisher_token(content):
    user = User.objects.create_user("publisher", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    return Token.objects.create(user=user).key


@pytest.mark.parametrize("operation", operations(schema.include(method=["POST", "PUT", "PATCH"])))
def test_every_write_by_a_publisher_keeps_to_the_schema(operation, publisher_token):
    # If-Match: * lets the generated bodies reach validation and the save;
    # tests/test_api.py covers real and malformed versions.
    fuzz(operation, headers={"Authorization": f"Token {publisher_token}", "If-Match": "*"})
