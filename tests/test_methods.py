"""Public pages take GET and HEAD; any other method answers 405 and says which they take.

With the CSRF check on, as a visitor meets it: the test client skips it by default,
and it is what answered a POST with 403 before the page could say 405.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests.shared import shared_by_module

PAGES = [
    "/",
    "/periods/",
    "/periods/a-period/",
    "/people/",
    "/people/a-person/",
    "/quotes/",
    "/quotes/a-quote/",
    "/sources/",
    "/sources/a-source/",
    "/events/",
    "/events/an-event/",
    "/countries/",
    "/countries/FR/",
    "/organizations/",
    "/organizations/an-organization/",
    "/projects/",
    "/projects/a-project/",
    "/policy/",
    "/policy/a-priority/",
    "/search/?q=event",
    "/timeline/",
    "/map/",
    "/map/states.json",
    "/sitemap.xml",
    "/feeds/events/",
    "/robots.txt",
    "/opensearch.xml",
    "/report/sent/",
    "/healthz",
]
REFUSED = ["POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"]
REPORT = reverse("history:report-error")


@shared_by_module
def one_of_each():
    """One published record of each kind, at the addresses PAGES names."""
    person = f.PersonFactory(slug="a-person")
    f.PeriodFactory(slug="a-period").people.add(person)
    f.QuoteFactory(slug="a-quote", speaker=person)
    f.SourceFactory(slug="a-source")
    f.EventFactory(slug="an-event")
    f.CountryFactory(code="FR")
    f.OrganizationFactory(slug="an-organization")
    f.ProjectFactory(slug="a-project")
    f.PriorityFactory(slug="a-priority")


@pytest.fixture
def visitor(one_of_each, db):
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_answers_get_and_head(visitor, path):
    assert visitor.get(path).status_code == 200
    assert visitor.head(path).status_code == 200


@pytest.mark.parametrize("method", REFUSED)
@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_refuses_other_methods_with_405(visitor, path, method):
    response = visitor.generic(method, path)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert not response.content  # never the page, as TRACE once had it


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"])
def test_the_report_form_refuses_what_is_not_get_or_post(visitor, method):
    response = visitor.generic(method, REPORT)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_the_report_form_still_takes_a_post_with_its_csrf_token(visitor):
    page = "/events/an-event/"
    form = visitor.get(f"{REPORT}?page={page}")
    token = form.context["csrf_token"]
    sent = {"page": page, "message": "The date is wrong.", "csrfmiddlewaretoken": str(token)}

    assert visitor.post(REPORT, sent).status_code == 302


def test_the_report_form_refuses_a_post_without_its_csrf_token(visitor):
    sent = {"page": "/events/an-event/", "message": "The date is wrong."}

    assert visitor.post(REPORT, sent).status_code == 403


@pytest.mark.parametrize(
    "path", ["/api/v1/events/", "/api/v1/events/an-event/", "/api/schema/", "/api/docs/"]
)
def test_the_api_refuses_trace(visitor, path):
    response = visitor.generic("TRACE", path)

    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]
