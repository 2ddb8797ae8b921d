"""Schemathesis against the live OpenAPI schema: every GET operation, generated requests.

No request may end in a server error, and every response must keep to the
schema: its status code, content type and body. A bounded number of examples
per operation keeps the run to about a minute.
"""

import pytest
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.test_api import make_hidden, make_world

schemathesis = pytest.importorskip("schemathesis")
hypothesis = pytest.importorskip("hypothesis")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# history.filters.SlugsFilter and diplomacy.filters.CountryFilter fail in the
# database on a valid value (see SLUG_FILTERS_BROKEN in test_api.py); until
# they are fixed, generated requests leave these parameters out.
BROKEN_FILTERS = {"country", "period", "person", "organization"}


def without_known_bugs(query):
    """The query less what the FilterSets cannot take yet (reported, see test_api.py)."""
    for name in BROKEN_FILTERS & set(query):
        del query[name]
    # history.filters.OrderingFilter orders by "" for an empty item ("?ordering=,").
    ordering = query.get("ordering")
    if ordering is not None:
        items = ordering if isinstance(ordering, list) else str(ordering).split(",")
        query["ordering"] = [item for item in items if item] or None
        if query["ordering"] is None:
            del query["ordering"]


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


@schema.include(method="GET").parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)
def test_every_get_operation_keeps_to_the_schema(case, content):
    if case.query:
        without_known_bugs(case.query)
    case.call_and_validate(checks=CHECKS)
