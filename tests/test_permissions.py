"""Who may do what: anonymous, Editor, Publisher and superuser, in the admin and the API."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from rest_framework.test import APIClient

from diplomacy.models import Event
from history import versions
from history.models import Status
from tests import factories
from tests.test_admin import admin_url, change_form_data

ROLES = ["anonymous", "editor", "publisher", "superuser"]


def login(client, role):
    if role == "anonymous":
        return None
    if role == "superuser":
        user = User.objects.create_superuser("chief", password="a long test passphrase")
    else:
        user = User.objects.create_user(role, password="a long test passphrase", is_staff=True)
        user.groups.add(Group.objects.get(name=f"{role.capitalize()}s"))
    client.force_login(user)
    return user


def status_of(event):
    return Event.objects.filter(pk=event.pk).values_list("status", flat=True).first()


# --- Admin ---------------------------------------------------------------------------


def admin_change_status(client, event, status):
    url = admin_url(Event, "change", event.pk)
    page = client.get(url)
    if page.status_code != 200:
        return
    data = change_form_data(page)
    data["status"] = status
    client.post(url, data)


def admin_action(client, event, action):
    client.post(admin_url(Event, "changelist"), {"action": action, "_selected_action": [event.pk]})


ADMIN = {
    # action: (starting status, what to do, did it happen?)
    "submit for review": (
        Status.DRAFT,
        lambda client, event: admin_change_status(client, event, Status.IN_REVIEW),
        lambda event: status_of(event) == Status.IN_REVIEW,
    ),
    "publish (form)": (
        Status.IN_REVIEW,
        lambda client, event: admin_change_status(client, event, Status.PUBLISHED),
        lambda event: status_of(event) == Status.PUBLISHED,
    ),
    "publish (action)": (
        Status.IN_REVIEW,
        lambda client, event: admin_action(client, event, "publish"),
        lambda event: status_of(event) == Status.PUBLISHED,
    ),
    "unpublish (action)": (
        Status.PUBLISHED,
        lambda client, event: admin_action(client, event, "unpublish"),
        lambda event: status_of(event) == Status.DRAFT,
    ),
    "delete": (
        Status.DRAFT,
        lambda client, event: client.post(admin_url(Event, "delete", event.pk), {"post": "yes"}),
        lambda event: status_of(event) is None,
    ),
    "recover": (
        Status.DRAFT,
        lambda client, event: (
            Event.objects.filter(pk=event.pk).delete(),
            client.post(reverse("admin:diplomacy_event_recover"), {"pk": event.pk}),
        ),
        lambda event: status_of(event) is not None,
    ),
    "revert into publication": (
        Status.PUBLISHED,
        lambda client, event: (
            Event.objects.filter(pk=event.pk).update(status=Status.DRAFT),
            client.post(
                reverse(
                    "admin:diplomacy_event_simple_history",
                    args=[event.pk, versions.versions(Event, event.pk).first().history_id],
                ),
                {},
            ),
        ),
        lambda event: status_of(event) == Status.PUBLISHED,
    ),
}

ADMIN_ALLOWED = {
    "submit for review": {"editor", "publisher", "superuser"},
    "publish (form)": {"publisher", "superuser"},
    "publish (action)": {"publisher", "superuser"},
    "unpublish (action)": {"publisher", "superuser"},
    "delete": {"publisher", "superuser"},
    "recover": {"publisher", "superuser"},
    "revert into publication": {"publisher", "superuser"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ADMIN))
def test_admin_permissions(client, db, role, action):
    start, do, happened = ADMIN[action]
    event = factories.EventFactory(status=start)
    login(client, role)
    do(client, event)
    assert happened(event) == (role in ADMIN_ALLOWED[action])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("page", "allowed"),
    [
        ("changelist", {"editor", "publisher", "superuser"}),
        ("import", {"publisher", "superuser"}),
        ("export", {"editor", "publisher", "superuser"}),
        ("dashboard", {"editor", "publisher", "superuser"}),
        ("history", {"editor", "publisher", "superuser"}),
    ],
)
def test_admin_pages(client, db, role, page, allowed):
    event = factories.EventFactory()
    login(client, role)
    url = {
        "changelist": admin_url(Event, "changelist"),
        "import": admin_url(Event, "import"),
        "export": admin_url(Event, "export"),
        "dashboard": reverse("editorial-dashboard"),
        "history": admin_url(Event, "history", event.pk),
    }[page]
    response = client.get(url)
    assert (response.status_code == 200) == (role in allowed), response.status_code


# --- API -----------------------------------------------------------------------------


API = {
    "create a draft": (
        None,
        lambda api, event, quote: api.post(
            "/api/v1/events/",
            {
                "slug": "new-event",
                "title": "A new event",
                "category": "diplomacy",
                "citations": [{"source": event.citations.get().source.slug, "quote": quote}],
            },
            format="json",
        ),
        lambda event: Event.objects.filter(slug="new-event").exists(),
    ),
    "change a draft": (
        Status.DRAFT,
        lambda api, event, quote: api.patch(
            f"/api/v1/events/{event.slug}/", {"title": "Better"}, format="json", HTTP_IF_MATCH="*"
        ),
        lambda event: Event.objects.get(pk=event.pk).title == "Better",
    ),
    "submit for review": (
        Status.DRAFT,
        lambda api, event, quote: api.patch(
            f"/api/v1/events/{event.slug}/",
            {"status": Status.IN_REVIEW},
            format="json",
            HTTP_IF_MATCH="*",
        ),
        lambda event: status_of(event) == Status.IN_REVIEW,
    ),
    "publish": (
        Status.IN_REVIEW,
        lambda api, event, quote: api.patch(
            f"/api/v1/events/{event.slug}/",
            {"status": Status.PUBLISHED},
            format="json",
            HTTP_IF_MATCH="*",
        ),
        lambda event: status_of(event) == Status.PUBLISHED,
    ),
    "unpublish": (
        Status.PUBLISHED,
        lambda api, event, quote: api.patch(
            f"/api/v1/events/{event.slug}/",
            {"status": Status.DRAFT},
            format="json",
            HTTP_IF_MATCH="*",
        ),
        lambda event: status_of(event) == Status.DRAFT,
    ),
    "delete": (
        Status.DRAFT,
        lambda api, event, quote: api.delete(f"/api/v1/events/{event.slug}/"),
        lambda event: status_of(event) is None,
    ),
}

API_ALLOWED = {
    "create a draft": {"editor", "publisher", "superuser"},
    "change a draft": {"editor", "publisher", "superuser"},
    "submit for review": {"editor", "publisher", "superuser"},
    "publish": {"publisher", "superuser"},
    "unpublish": {"publisher", "superuser"},
    "delete": set(),  # the API never deletes: that is the admin's, where it can be undone
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(API))
def test_api_permissions(db, role, action):
    start, do, happened = API[action]
    event = factories.EventFactory(status=start or Status.PUBLISHED)
    quote = factories.passage(event.citations.get().source, 1)
    api = APIClient()
    user = login(api, role)
    if user is not None:
        api.force_authenticate(user)
    response = do(api, event, quote)
    assert happened(event) == (role in API_ALLOWED[action]), response.content
    if role == "anonymous":
        assert response.status_code in (401, 405)
