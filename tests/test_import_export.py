"""Bulk import and export: every content model, dry run first, all or nothing, in the history."""

import pytest
import tablib
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from diplomacy.models import Country, Event, Relation
from history import versions
from history.models import Citation, Status
from history.resources import resource_for
from tests import factories

PASSWORD = "a long test passphrase"


@pytest.fixture
def publisher(db):
    user = User.objects.create_user("publisher", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    return user


@pytest.fixture
def world(db):
    source = factories.SourceFactory(slug="source")
    country = factories.CountryFactory(code="FR", slug="france", citations=[])
    period = factories.PeriodFactory(slug="adr")
    event = factories.EventFactory(slug="proclamation", title="Proclamation")
    event.periods.add(period)
    event.countries.add(country)
    return {"source": source, "country": country, "period": period, "event": event}


def snapshot():
    """Every content row, to show that a refused import changed nothing."""
    return {
        model._meta.label: sorted(model._base_manager.values_list("pk", flat=True))
        for model in versions.tracked_models()
    } | {
        "versions": sum(model.history.count() for model in versions.tracked_models()),
        "titles": sorted(Event.objects.values_list("title", flat=True)),
    }


def dataset(rows):
    data = tablib.Dataset(headers=list(rows[0]))
    for row in rows:
        data.append([row[name] for name in data.headers])
    return data


def event_row(**changes):
    row = {
        "slug": "new-event",
        "title": "A new event",
        "status": "draft",
        "category": "diplomacy",
        "date": "1919-05",
        "summary": "",
        "citations": "source | in Tiflis.",
        "aliases": "",
        "periods": "adr",
        "people": "",
        "countries": "FR",
        "organizations": "",
        "projects": "",
    }
    return {**row, **changes}


@pytest.mark.parametrize("model", [m for m in versions.tracked_models()], ids=str)
def test_every_content_model_exports_in_every_format(db, model):
    resource = resource_for(model)()
    data = resource.export()
    for format_name in ("csv", "xlsx", "json"):
        assert data.export(format_name)


def test_an_export_reads_as_people_write(world):
    row = resource_for(Event)().export().dict[0]
    assert row["slug"] == "proclamation"
    assert row["periods"] == "adr"
    assert row["countries"] == "FR"
    citation = world["event"].citations.get()
    assert row["citations"] == f"{citation.source.slug} | {citation.quote}"
    assert "id" not in row and "date_lower" not in row


@pytest.mark.parametrize("format_name", ["csv", "xlsx", "json"])
def test_an_export_imports_back_with_changes_recorded_in_the_history(
    world, publisher, format_name
):
    rows = resource_for(Event)().export().dict
    rows[0]["title"] = "Proclamation of the republic"
    data = tablib.Dataset().load(dataset(rows).export(format_name), format=format_name)

    result = resource_for(Event)().import_data(data, dry_run=False, user=publisher)

    assert not result.has_errors() and not result.has_validation_errors()
    event = Event.objects.get(slug="proclamation")
    assert event.title == "Proclamation of the republic"
    assert list(event.periods.all()) == [world["period"]]
    version = event.history.first()
    assert version.history_change_reason == "Imported."
    assert version.title == "Proclamation of the republic"


def test_a_new_record_imports_with_its_citations_and_links(world):
    result = resource_for(Event)().import_data(dataset([event_row()]), dry_run=False)
    assert not result.has_validation_errors(), result.invalid_rows[0].error_dict
    event = Event.objects.get(slug="new-event")
    assert (event.date_lower, event.date_upper) == (19190501, 19190531)
    assert [c.quote for c in event.citations.all()] == ["in Tiflis."]
    assert [c.code for c in event.countries.all()] == ["FR"]
    assert event.history.first().history_type == "+"


def test_a_dry_run_writes_nothing(world):
    before = snapshot()
    result = resource_for(Event)().import_data(dataset([event_row()]), dry_run=True)
    assert [row.import_type for row in result.rows] == ["new"]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"date": "the spring of 1919"}, "date", "EDTF"),
        ({"countries": "ZZ"}, "countries", "No country “ZZ”"),
        ({"citations": "source | words not in the text"}, "citations", "do not appear"),
        ({"citations": "no-such-source | in Tiflis."}, "citations", "no source"),
        ({"periods": "no-such-period"}, "periods", "No period"),
        ({"category": "gossip"}, "category", "not a valid choice"),
        ({"status": "published", "citations": ""}, "citations", "needs at least one citation"),
    ],
)
def test_a_bad_row_rejects_the_whole_file_with_a_row_level_message(world, change, field, message):
    before = snapshot()
    rows = [event_row(slug="good-event"), event_row(**change), event_row(slug="another")]

    result = resource_for(Event)().import_data(
        dataset(rows), dry_run=False, rollback_on_validation_errors=True
    )

    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert invalid.number == 2
    assert message in " ".join(invalid.error_dict[field])
    assert snapshot() == before


def test_an_unknown_country_in_a_relation_is_refused(world):
    rows = [
        {
            "slug": "relations-with-nowhere",
            "status": "draft",
            "country": "ZZ",
            "kind": "diplomatic",
            "title": "Relations with nowhere",
            "date": "1992",
            "summary": "",
            "citations": "",
            "aliases": "",
        }
    ]
    result = resource_for(Relation)().import_data(dataset(rows), dry_run=False)
    assert "No country “ZZ”" in " ".join(result.invalid_rows[0].error_dict["country"])
    assert not Relation.objects.exists()


# --- In the admin -------------------------------------------------------------------


def test_the_admin_shows_a_dry_run_then_imports_on_confirm(client, world, publisher):
    client.force_login(publisher)
    csv = dataset([event_row(status=Status.PUBLISHED)]).export("csv").encode()
    before = snapshot()

    page = client.post(
        reverse("admin:diplomacy_event_import"),
        {"format": "0", "resource": "0", "import_file": SimpleUploadedFile("e.csv", csv)},
    )

    assert page.status_code == 200
    text = page.content.decode()
    assert '<dt>title</dt><dd><ins class="diff">A new event</ins></dd>' in text
    assert "style=" not in text  # the site's CSP allows no inline style
    assert snapshot() == before  # a dry run only
    confirm = page.context["confirm_form"]
    response = client.post(reverse("admin:diplomacy_event_process_import"), confirm.initial)
    assert response.status_code == 302
    event = Event.objects.get(slug="new-event")
    version = event.history.first()
    assert version.history_user == publisher
    assert version.history_change_reason == "Imported."


def test_the_admin_rejects_a_bad_file_with_row_messages_and_no_confirm(client, world, publisher):
    client.force_login(publisher)
    csv = dataset([event_row(), event_row(slug="bad", date="1920/1919")]).export("csv").encode()
    before = snapshot()

    page = client.post(
        reverse("admin:diplomacy_event_import"),
        {"format": "0", "resource": "0", "import_file": SimpleUploadedFile("e.csv", csv)},
    )

    text = page.content.decode()
    assert page.status_code == 200
    assert "Some rows have errors: nothing was imported" in text
    # Each error is written out beside the value it concerns, not behind a badge.
    assert (
        '<div class="has-errors">\n            <dt>date</dt>\n            <dd>1920/1919'
        '<ul class="errorlist"><li>The end of “1920/1919” comes before its start.</li></ul></dd>'
    ) in text
    assert "validation-error-count" not in text
    assert [row.number for row in page.context["result"].invalid_rows] == [2]
    assert page.context.get("confirm_form") is None
    assert snapshot() == before


def test_the_admin_rejects_a_malformed_file(client, world, publisher):
    client.force_login(publisher)
    before = snapshot()
    page = client.post(
        reverse("admin:diplomacy_event_import"),
        {
            "format": "2",  # JSON
            "resource": "0",
            "import_file": SimpleUploadedFile("e.json", b'[{"slug": "x", "title": '),
        },
    )
    assert page.status_code == 200
    assert page.context["form"].errors
    assert snapshot() == before


def test_importing_is_for_publishers(client, world, db):
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("admin:diplomacy_event_import")).status_code == 403
    assert client.get(reverse("admin:diplomacy_event_export")).status_code == 200


def test_citations_import_with_their_source(world):
    rows = [{"source": "source", "quote": "in Tiflis.", "locator": "p. 2"}]
    result = resource_for(Citation)().import_data(dataset(rows), dry_run=False)
    assert not result.has_validation_errors()
    assert Citation.objects.get(quote="in Tiflis.").locator == "p. 2"
    assert Country.objects.get(code="FR").slug == "france"


def test_the_dry_run_shows_a_changed_record_by_its_changes_alone(client, world, publisher):
    event = world["event"]
    row = resource_for(Event)().export(Event.objects.filter(pk=event.pk)).dict[0]
    row["title"] = "Proclamation of the republic"
    client.force_login(publisher)

    page = client.post(
        reverse("admin:diplomacy_event_import"),
        {
            "format": "0",
            "resource": "0",
            "import_file": SimpleUploadedFile("e.csv", dataset([row]).export("csv").encode()),
        },
    )

    changed = page.context["result"].rows[0]
    assert changed.import_type == "update"
    assert [column for column, _ in changed.cells] == ["slug", "title"]
    assert 'Proclamation <ins class="diff">of the republic</ins>' in page.content.decode()
