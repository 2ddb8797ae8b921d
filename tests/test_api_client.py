"""A client generated from /api/schema/ (openapi-python-client) reads every resource,
and takes a researcher's tour: list, page, fetch, follow links, filter, read an error."""

import datetime
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.shared import shared_by_module
from tests.test_api import RESOURCES, make_world

pytestmark = pytest.mark.slow

PACKAGE = "azerbaijans_diplomatic_history_api_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The client package, generated from the schema as a consumer would."""
    folder = tmp_path_factory.mktemp("client")
    schema = folder / "schema.yml"
    manage = Path(__file__).resolve().parents[1] / "manage.py"
    subprocess.run(
        [sys.executable, manage, "spectacular", "--file", schema], check=True, capture_output=True
    )
    generator = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run(
        [generator, "generate", "--path", schema, "--output-path", folder / "out"],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(folder / "out"))
    yield importlib.import_module(PACKAGE)
    sys.path.remove(str(folder / "out"))


@shared_by_module
def shared_world():
    """Two linked records of every kind."""
    make_world(2)


@pytest.fixture
def api_client(generated, shared_world, db):
    # As Django's test client does: requests must not close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    transport = httpx.WSGITransport(app=get_wsgi_application())
    yield generated.Client(
        base_url="http://testserver",
        raise_on_unexpected_status=True,
        httpx_args={"transport": transport},
    )
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def operation(generated, resource, action):
    return importlib.import_module(f"{PACKAGE}.api.{resource}.{resource}_{action}")


def test_the_generated_client_has_every_resource(generated):
    api = importlib.import_module(f"{PACKAGE}.api")
    assert set(RESOURCES) <= {module.name for module in pkgutil.iter_modules(api.__path__)}


@pytest.mark.parametrize("resource", RESOURCES)
def test_the_generated_client_reads_every_list_and_detail(generated, api_client, resource):
    listed = operation(generated, resource, "list").sync_detailed(client=api_client)
    assert listed.status_code == 200
    page = listed.parsed
    assert page.count == len(page.results) >= 1

    first = page.results[0]
    key = getattr(first.code, "value", first.code) if resource == "countries" else first.slug
    detail = operation(generated, resource, "retrieve").sync_detailed(key, client=api_client)
    assert detail.status_code == 200
    assert detail.parsed.url == first.url


def test_the_generated_client_searches(generated, api_client):
    search = importlib.import_module(f"{PACKAGE}.api.search.search_list")
    found = search.sync_detailed(client=api_client, q="Period")

    assert found.status_code == 200 and found.parsed.count >= 2


def test_a_tour_with_the_generated_client(generated, api_client):
    """List, page, fetch, follow links, filter, ask for fields, read an error."""
    events = operation(generated, "events", "list")
    retrieve = operation(generated, "events", "retrieve")
    models = importlib.import_module(f"{PACKAGE}.models")
    unset = importlib.import_module(f"{PACKAGE}.types").Unset

    # A page of one, then the next, as `next` says.
    first = events.sync(client=api_client, page_size=1)
    assert first.count == 2 and len(first.results) == 1 and first.previous is None
    [page] = parse_qs(urlsplit(first.next_).query)["page"]
    second = events.sync(client=api_client, page_size=1, page=int(page))
    assert second.next_ is None
    slugs = {first.results[0].slug, second.results[0].slug}
    assert slugs == {"event-0", "event-1"}

    # A record, and the records it links to, read at the addresses it gives.
    event = retrieve.sync("event-1", client=api_client)
    assert event.date_earliest == datetime.date(1901, 5, 28)
    http = api_client.get_httpx_client()
    for summary in event.countries:
        country = models.Country.from_dict(http.get(summary.url).json())
        assert (country.url, country.name) == (summary.url, summary.name)
    assert len(event.countries) == 2

    # Filtered by years and by country: only what matches both.
    [code] = [country.code for country in event.countries if country.name == "Country 1"]
    found = events.sync(client=api_client, year_from=1901, year_to=1910, country=[code])
    assert [record.slug for record in found.results] == ["event-1"]
    assert events.sync(client=api_client, year_to=1899).count == 0

    # Only some fields: the rest are left out.
    fields = [models.EventsListFieldsItem.SLUG, models.EventsListFieldsItem.TITLE]
    [record, _] = events.sync(client=api_client, fields=fields).results
    assert record.slug and record.title and isinstance(record.summary, unset)

    # An error: a status the schema names, parsed into its body.
    refused = events.sync_detailed(client=api_client, page_size=201)
    assert refused.status_code == 400
    [error] = refused.parsed.errors
    assert (error.field, error.code) == ("page_size", "max_value")
