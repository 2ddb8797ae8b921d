"""Schemathesis against the live OpenAPI schema: every operation, generated requests.

Every check schemathesis has runs on every answer: no server error; status
code, content type, headers and body as the schema says; schema-valid requests
accepted and schema-violating ones refused; a method the schema does not list
answers 405 with Allow; a required header left out is refused; credentials are
not ignored. Each read gets schemathesis's coverage cases (boundaries, each
parameter left out or broken, methods the schema does not list at its address,
in valid and invalid forms); every operation then gets a bounded, repeatable
number of generated requests, valid and invalid (FUZZ_EXAMPLES, default 10;
FUZZ_EXAMPLES=200 for a thorough run). The coverage cases of writes are left
to that: a body's cases are many (with them the module took 10 minutes, without
2 min 36 s, on a shared 2-core machine); every write's address is also a
read's, whose coverage tries the methods it lacks.

One check is narrowed: positive_data_acceptance, which asks that a request
the schema allows is not refused (`accepts_what_the_schema_allows`). A schema
cannot say which slugs and country codes exist (`?country=AA` is well formed
and names no country), that `year_from` comes before `year_to`, or that no
address holds a NUL character: a read refused with 400 for those reasons alone
is answered rightly. For writes the check is left out: a body the schema allows
may still take a slug already taken, name a record that does not exist, quote
words its source does not hold or publish a record without a citation, rules of
the content that no schema states (tests/test_api.py covers the writes that must
be taken). The stateful checks (use_after_free, ensure_resource_availability) have
nothing to follow: no operation deletes.

Each operation is a test of its own through pytest's parametrize (schemathesis's
own gives them one node id under pytest 9, which pytest-xdist takes for one test).
"""

import csv
import io
import json
import os

import hypothesis
import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from diplomacy.api import VIEWSETS
from history.filters import RelatedRecordsFilter
from tests.shared import shared_by_module
from tests.test_api import make_hidden, make_world

# The API's contract does not depend on the database under it, so CI fuzzes it once,
# in its PostgreSQL pass (the production database); on SQLite it runs when asked
# for (FUZZ_EXAMPLES set), so that `scripts/test` stays within its five minutes.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor == "sqlite" and "FUZZ_EXAMPLES" not in os.environ,
        reason="fuzzed in the PostgreSQL pass; set FUZZ_EXAMPLES to fuzz on SQLite",
    ),
]

# The parameters that name records: well formed is not the same as existing.
RECORD_PARAMETERS = {
    name
    for viewset in VIEWSETS.values()
    for name, filter_ in viewset.filterset_class.base_filters.items()
    if isinstance(filter_, RelatedRecordsFilter)
}


def refused_for_what_no_schema_says(error):
    return (
        error["field"] in RECORD_PARAMETERS
        or error["code"] == "reversed_range"  # year_from after year_to
        or "NUL" in error["message"]
    )


def accepts_what_the_schema_allows(ctx, response, case):
    """positive_data_acceptance, but for a 400 for reasons no schema says (above)."""
    if response.status_code == 400 and case.method != "GET":
        return None
    if response.status_code == 400:
        body = response.text
        if "text/csv" in response.headers.get("content-type", [""])[0]:
            errors = list(csv.DictReader(io.StringIO(body)))
            for error in errors:
                error["field"] = error["field"] or None
        else:
            errors = json.loads(body)["errors"]
        if errors and all(map(refused_for_what_no_schema_says, errors)):
            return None
    return positive_data_acceptance(ctx, response, case)


# A bounded, repeatable number of examples per operation keeps the run short.
BOUNDED = hypothesis.settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 10)),
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
    """Every request schemathesis makes for `operation` passes every check."""

    # Uncompressed: the WSGI client reads the body as sent, where a browser would
    # gunzip it (tests/test_headers.py covers compression).
    call["headers"] = {"Accept-Encoding": "identity", **call.get("headers", {})}
    checks = {
        "excluded_checks": [positive_data_acceptance],
        "additional_checks": [accepts_what_the_schema_allows],
    }

    if operation.method.upper() == "GET":
        coverage = schema.iter_coverage_cases(
            operation,
            generation_modes=list(GenerationMode),
            generation_config=schema.config.generation_for(operation=operation),
        )
        for case in coverage:
            case.call_and_validate(**checks, **call)

    # Valid and invalid requests alike, as schemathesis's own parametrize makes them.
    modes = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]

    @hypothesis.given(case=hypothesis.strategies.one_of(modes))
    @BOUNDED
    def requests(case):
        case.call_and_validate(**checks, **call)

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
