"""Readers report errors: a form for any public page, a queue for the editors."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from history import caching
from history.forms import ErrorReportForm
from history.models import ErrorReport
from tests import factories

pytestmark = pytest.mark.django_db

REPORT = reverse("history:report-error")


@pytest.fixture
def event():
    return factories.EventFactory(title="Treaty of Batum")


def test_every_page_links_to_the_form_for_itself(client, event):
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{REPORT}?page={event.get_absolute_url()}"' in page


def test_a_report_is_kept_for_the_editors(client, event):
    path = event.get_absolute_url()
    form = client.get(REPORT, {"page": path})
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]  # it holds a CSRF token
    generation = caching.generation()

    response = client.post(
        REPORT, {"page": path, "message": "The treaty was signed on 4 June.", "email": ""}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("history:report-error-sent")
    report = ErrorReport.objects.get()
    assert (report.page, report.resolved) == (path, False)
    assert report.message == "The treaty was signed on 4 June."
    assert caching.generation() == generation  # a report is not content


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": ""}, "message", "Say what is wrong"),
        ({"message": "x" * 3001}, "message", "at most 3000 characters"),
        ({"email": "not an address"}, "email", "valid email"),
        ({"page": "https://elsewhere.example/"}, "page", "not a page of this site"),
        ({"page": "/api/v1/events/"}, "page", "not a page of this site"),
        ({"page": "/no/such/page/"}, "page", "not a page of this site"),
        ({"page": REPORT}, "page", "not a page of this site"),
        ({"website": "http://spam.example"}, "website", "Leave this field empty"),
    ],
)
def test_a_bad_report_shows_why_and_keeps_nothing(client, event, data, field, message):
    sent = {"page": event.get_absolute_url(), "message": "Wrong date.", **data}
    response = client.post(REPORT, sent)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_the_form_links_only_to_pages_of_this_site(client):
    for page in ("//evil.example/x", "/\\evil.example", "/no/such/page/"):
        response = client.get(REPORT, {"page": page})
        assert response.status_code == 200
        assert f'href="{page}"' not in response.content.decode()
        assert response.context["page"] == ""
    assert client.get(REPORT, {"page": "/events/"}).context["page"] == "/events/"


def test_an_address_may_send_ten_reports_an_hour(client, event):
    sent = {"page": event.get_absolute_url(), "message": "Wrong date."}
    for _ in range(10):
        assert client.post(REPORT, sent).status_code == 302
    refused = client.post(REPORT, sent)
    assert refused.status_code == 200
    assert "Too many reports" in refused.content.decode()
    assert ErrorReport.objects.count() == 10


def test_editors_see_reports_but_the_public_does_not(client, editor, event):
    ErrorReport.objects.create(page=event.get_absolute_url(), message="Wrong date.")
    admin_list = reverse("admin:history_errorreport_changelist")
    assert client.get(admin_list).status_code == 302  # to the login page

    client.force_login(editor)
    assert "Wrong date." in client.get(admin_list).content.decode()
    dashboard = client.get(reverse("editorial-dashboard")).content.decode()
    assert "error reports to check: 1" in dashboard


def test_an_editor_marks_a_report_resolved(client, editor, event):
    report = ErrorReport.objects.create(page=event.get_absolute_url(), message="Wrong.")
    client.force_login(editor)
    client.post(
        reverse("admin:history_errorreport_changelist"),
        {"action": "mark_resolved", "_selected_action": [report.pk]},
    )
    assert ErrorReport.objects.get().resolved


def test_a_user_without_the_permission_sees_no_reports(client, event):
    staff = User.objects.create_user("staff", password="a long test passphrase", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:history_errorreport_changelist")).status_code == 403


def test_each_field_s_help_says_more_than_its_label(client, event):
    html = client.get(REPORT, {"page": event.get_absolute_url()}).content.decode()
    form = ErrorReportForm()

    def words(text):
        return " ".join(re.findall(r"\w+", text.lower()))

    for name in ("message", "email"):
        field = form[name]
        label, help_text = words(field.label), words(field.help_text)
        assert label not in help_text and help_text not in label
        # Read with the field: described by its help.
        assert f'aria-describedby="id_{name}_helptext"' in html
        assert f'<p class="help" id="id_{name}_helptext">{field.help_text}</p>' in html
