"""The curated content: it loads, loads again without change, and round-trips."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from history import text
from history.models import Alias, Citation, CitedRecord, Record, Source, Status

CONTENT_APPS = ["history", "diplomacy"]


def dump():
    out = io.StringIO()
    call_command("dumpdata", *CONTENT_APPS, natural_foreign=True, natural_primary=True, stdout=out)
    return json.loads(out.getvalue())


def record_models():
    return [model for model in apps.get_models() if issubclass(model, Record)]


@pytest.fixture
def content(db):
    call_command("load_content", verbosity=0)


def test_every_model_has_content(content):
    empty = [model._meta.label for model in record_models() if not model.objects.exists()]
    assert empty == []


def test_loading_twice_changes_nothing(content):
    first = dump()
    call_command("load_content", verbosity=0)
    assert dump() == first


def test_every_published_record_cites_a_passage(content):
    for model in record_models():
        if issubclass(model, CitedRecord):
            assert not model.objects.published().uncited().exists(), model._meta.label


def test_every_citation_and_alias_stands_in_its_source(content):
    for citation in Citation.objects.select_related("source"):
        assert text.contains(citation.source.text, citation.quote), citation.quote
    for alias in Alias.objects.select_related("source"):
        assert text.contains(alias.source.text, alias.name), alias.name


def test_sources_hold_the_full_texts(content, settings):
    shared = settings.BASE_DIR.parent / "shared" / "sources"
    texts = {path.read_text(encoding="utf-8") for path in shared.glob("*.txt")}
    stored = set(Source.objects.values_list("text", flat=True))
    assert len(stored) == 2
    if texts:  # shared/ stands beside the checkout in development and CI
        assert stored == texts


def test_all_content_is_published(content):
    for model in record_models():
        assert not model.objects.exclude(status=Status.PUBLISHED).exists(), model._meta.label


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dumpdata_loads_back_into_an_empty_database(tmp_path):
    call_command("load_content", verbosity=0)
    before = dump()
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(before), encoding="utf-8")

    call_command("flush", interactive=False, verbosity=0)
    assert not Source.objects.exists()
    call_command("loaddata", str(path), verbosity=0)

    assert dump() == before


def test_a_citation_not_in_its_source_rejects_the_whole_load(db, tmp_path, settings):
    source = json.loads((settings.BASE_DIR / "fixtures" / "sources.json").read_text())
    bad = [
        *source,
        {
            "model": "history.citation",
            "fields": {
                "source": [source[0]["fields"]["slug"]],
                "quote": "Words that no source contains.",
                "locator": "",
            },
        },
    ]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")

    with pytest.raises(Exception, match="do not appear"):
        call_command("loaddata", str(path), verbosity=0)
    assert not Citation.objects.exists()


def test_load_content_refuses_a_published_record_without_citation(db, monkeypatch, tmp_path):
    call_command("loaddata", "sources", verbosity=0)
    period = {
        "model": "history.period",
        "fields": {
            "slug": "uncited-era",
            "status": "published",
            "name": "Uncited era",
            "kind": "era",
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
        },
    }
    path = tmp_path / "uncited.json"
    path.write_text(json.dumps([period]), encoding="utf-8")
    monkeypatch.setattr(
        "diplomacy.management.commands.load_content.FIXTURES", ["sources", str(path)]
    )

    with pytest.raises(CommandError, match=r"uncited-era.*cites nothing"):
        call_command("load_content", verbosity=0)
    assert not apps.get_model("history", "Period").objects.exists()
