"""The curated content: it loads, loads again without change, and round-trips."""

import io
import json
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from diplomacy.search import search
from history import text
from history.models import Alias, Citation, CitedRecord, Record, Redirect, Source, Status


def dump():
    out = io.StringIO()
    call_command(
        "dumpdata", *settings.CONTENT_APPS, natural_foreign=True, natural_primary=True, stdout=out
    )
    return json.loads(out.getvalue())


def rows(objects):
    return sorted(json.dumps(row, sort_keys=True) for row in objects)


def record_models():
    return [model for model in apps.get_models() if issubclass(model, Record)]


@pytest.fixture
def content(loaded_content, db):
    """All the curated content, loaded once for the module."""


def test_every_model_has_content(content):
    empty = [model._meta.label for model in record_models() if not model.objects.exists()]
    assert empty == []


def test_loading_twice_changes_nothing(content):
    first = dump()
    call_command("load_content", verbosity=0)
    assert dump() == first


def test_loaded_content_is_searchable_at_once(content):
    titles = [hit.title for hit in search("Javanshir")]
    assert "Javanshir" in titles
    assert any("Non-Aligned" in hit.title for hit in search("Non-Aligned Movement"))


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

    # In any order: history rows of the same instant tie on their date, and the
    # tie is broken by ids the reload assigns afresh.
    assert rows(dump()) == rows(before)


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


# --- Key facts of the two sources -------------------------------------------------

STRATEGY = "foreign-policy-strategy-national-interests"  # source 000
POLITICAL_WILL = "foreign-policy-political-will"  # source 001


def model(label):
    return apps.get_model(label)


def record(label, slug):
    return model(label).objects.published().get(slug=slug)


def dated(label, slug):
    return record(label, slug).date


def codes(queryset):
    return {country.code.code for country in queryset}


def cites(item, source_slug, words):
    return any(
        citation.source.slug == source_slug and text.contains(citation.quote, words)
        for citation in item.citations.select_related("source")
    )


def figure(slug):
    item = record("diplomacy.Figure", slug)
    return item.value, item.qualifier, item.date


@pytest.mark.parametrize(
    ("label", "slug", "date"),
    [
        ("history.Period", "azerbaijan-part-of-russia", "18XX/1918-05-28"),
        ("diplomacy.Relation", "russia-rule-19th-century", "18XX/1918-05-28"),
        ("history.Period", "azerbaijan-democratic-republic", "1918-05-28/"),
        ("history.Period", "ussr", "19XX"),
        ("history.Period", "republic-of-azerbaijan", "19XX/.."),
        ("diplomacy.Event", "formation-of-the-azerbaijan-democratic-republic", "1918-05-28"),
        ("diplomacy.Event", "foreign-missions-in-baku-1919", "1919"),
        ("diplomacy.Event", "mfa-secretariat-instruction-1919", "1919-07-09"),
        ("diplomacy.Event", "azerbaijan-missions-abroad-until-1920", "../1920-04"),
        # "11 January of the same year", after a sentence on April 1920: inferred.
        ("diplomacy.Event", "de-facto-recognition-paris-peace-conference", "1920-01-11?"),
        ("diplomacy.Event", "bill-on-missions-in-western-europe-and-america", "1920-01-11?/"),
        ("diplomacy.Event", "occupation-by-bolshevik-russia", "19XX"),
        ("diplomacy.Event", "abolition-of-diplomatic-missions-1923", "1923-10-08"),
        ("diplomacy.Event", "peoples-commissariats-of-foreign-affairs-1944", "1944"),
        # "At the end of the 20th century": the century, not "the 1990s".
        ("diplomacy.Event", "independence-regained", "19XX"),
        ("diplomacy.Event", "diplomatic-service-day-order-2007", "2007-08-24"),
        ("diplomacy.Event", "republic-day-speech-2017", "2017-05-28"),
        ("history.Quote", "ilham-aliyev-republic-day-2017", "2017-05-28"),
        ("diplomacy.Event", "nam-belgrade-summit-1989", "1989"),
        ("diplomacy.Event", "nam-18th-summit-baku", "2019"),
        ("diplomacy.Membership", "azerbaijan-member-non-aligned-movement-2011", "2011/.."),
        ("diplomacy.Membership", "azerbaijan-elected-un-security-council-2012", "2012/2013"),
        (
            "diplomacy.Membership",
            "azerbaijan-elected-un-economic-and-social-council-2017",
            "2017/2019",
        ),
        ("diplomacy.Membership", "azerbaijan-chair-non-aligned-movement-2019", "2019/2022"),
    ],
)
def test_source_000_dates(content, label, slug, date):
    assert dated(label, slug) == date


def test_source_000_undated_facts_stay_undated(content):
    for label, slug in [
        ("history.Period", "caucasian-albania"),
        ("history.Period", "atabays"),
        ("history.Period", "shirvanshahs"),
        ("history.Period", "qara-qoyunlu"),
        ("history.Period", "ag-qoyunlu"),
        ("diplomacy.Event", "return-of-heydar-aliyev"),
        ("diplomacy.Relation", "armenia-war-and-occupation"),
        ("diplomacy.Event", "establishment-of-the-united-nations"),
        ("diplomacy.Membership", "azerbaijan-member-united-nations"),
    ]:
        assert dated(label, slug) == "", slug


INFERRED = ("11 January 1920", "September 2016", "4 July 2017", "written in 2017")


def test_source_000_relative_dates_are_marked_as_inferred(content):
    """“4 July of the current year” and “13-18 September last year” in an undated article.

    The editors read the article as written in 2017 (its source record says why): every
    date resting on those words carries EDTF's “?” and a note giving the words.
    """
    article = Source.objects.get(slug=STRATEGY)
    assert (article.kind, article.date) == ("article", "2017?")
    assert "28 May 2017" in article.note and "2019" in article.note
    for passage, date in [
        ("4 July of the current year", "2017-07-04?"),
        ("13-18 September last year", "2016-09-13?/2016-09-18?"),
    ]:
        citation = Citation.objects.get(source__slug=STRATEGY, quote__contains=passage)
        dated_records = [item for item in citation.cited_by() if getattr(item, "date", "")]
        assert dated_records
        for item in dated_records:
            if item.slug == "nam-18th-summit-baku":  # "of 2019": stated, not inferred
                continue
            assert item.date == date, item.slug
            assert f"“{passage}”" in item.note, item.slug
    recognition = record("diplomacy.Event", "de-facto-recognition-paris-peace-conference")
    assert "“on 11 January of the same year”" in recognition.note
    # Summaries state no inferred year as fact.
    for label in ["history.Period", "diplomacy.Event", "diplomacy.Country"]:
        for item in model(label).objects.all():
            for resolved in INFERRED:
                assert resolved not in item.summary, item.slug


def test_source_000_missions(content):
    mission = model("diplomacy.Mission")
    in_baku = mission.objects.published().filter(direction="in", date="1919", city="Baku")
    assert codes(m.country for m in in_baku) == {
        "US", "GB", "FR", "IT", "SE", "CH", "BE", "IR", "PL", "UA",
    }  # fmt: skip
    assert figure("foreign-missions-in-baku-1919") == (16, "", "1919")
    abroad = mission.objects.published().filter(direction="abroad", date="../1920-04")
    assert codes(m.country for m in abroad) == {"GE", "AM", "IR", "TR", "UA"}
    kept = mission.objects.published().filter(direction="in", date="1923-10-08")
    assert codes(m.country for m in kept) == {"TR", "IR"}
    abolition = record("diplomacy.Event", "abolition-of-diplomatic-missions-1923")
    assert codes(abolition.countries.all()) == {"TR", "IR"}
    assert cites(abolition, STRATEGY, "except for the missions of Turkey and Iran, were abolished")


def test_source_000_people_and_quotes(content):
    assert record("history.Person", "uzun-hasan").aliases.filter(name="Hasan the Long").exists()
    assert record("history.Person", "sara-khatun").periods.filter(slug="ag-qoyunlu").exists()
    assert record("history.Person", "javanshir").periods.filter(slug="caucasian-albania").exists()
    speech = record("history.Quote", "ilham-aliyev-republic-day-2017")
    assert speech.speaker.slug == "ilham-aliyev"
    assert speech.kind == "direct"
    assert speech.text.startswith("Azerbaijan has made great strides")
    assert cites(speech, STRATEGY, "on the occasion of the Republic Day on 28 May 2017")
    # Nye coined a term the article borrows; he said nothing about Azerbaijan.
    assert not record("history.Person", "joseph-nye").quotes.exists()
    smart_power = record("diplomacy.Priority", "smart-power-intelligent-power")
    assert cites(smart_power, STRATEGY, "In the words of the political theorist Joseph Nye")
    # The article's account of a position the head of state "outlined" is no quotation.
    assert not model("history.Quote").objects.filter(text__contains="inalienable").exists()
    position = record("diplomacy.Priority", "nagorno-karabakh-inalienable-part-of-azerbaijan")
    assert position.summary.startswith("The article describes")


@pytest.mark.parametrize(
    ("label", "slug", "name"),
    [
        ("history.Period", "atabays", "Atabays"),
        ("history.Period", "qara-qoyunlu", "Qara-Qoyunlu"),
        ("history.Period", "ag-qoyunlu", "Ag-Qoyunlu"),
        ("history.Period", "ussr", "USSR"),
        ("diplomacy.Event", "alkhanli-shelling", "Artillery fire on Alkhanli, Fizuli District"),
        ("diplomacy.Country", "usa", "USA"),
        ("diplomacy.Country", "great-britain", "Great Britain"),
        (
            "diplomacy.Organization",
            "organization-for-economic-cooperation",
            "Organization for Economic Cooperation",
        ),
        ("diplomacy.Organization", "turkic-council", "Turkic Council"),
        ("diplomacy.Organization", "isseco", "ISSECO"),
        ("diplomacy.Organization", "nato", "NATO"),
    ],
)
def test_titles_take_the_sources_spelling(content, label, slug, name):
    item = record(label, slug)
    assert str(item) == name
    assert not item.aliases.filter(name=name).exists()  # an alias is another form
    assert "Identified by the editors" in item.note or "usual" in item.note or "“" in item.note


@pytest.mark.parametrize(
    ("label", "slug", "alias"),
    [
        ("history.Period", "azerbaijan-democratic-republic", "Azerbaijani Democratic Republic"),
        ("history.Period", "azerbaijan-ssr", "Azerbaijani SSR"),
        ("history.Person", "uzun-hasan", "Hasan the Long"),
        (
            "diplomacy.Organization",
            "turkic-council",
            "Cooperation Council of Turkic speaking states",
        ),
        ("diplomacy.Organization", "turkic-council", "CCTSS"),
        ("diplomacy.Organization", "nato", "North Atlantic Treatment Organization"),
        ("diplomacy.Organization", "united-nations", "UNO"),
    ],
)
def test_sources_other_spellings_are_aliases(content, label, slug, alias):
    assert record(label, slug).aliases.filter(name=alias).exists()


def test_standard_spellings_and_identifications_live_in_notes(content):
    for label, slug, usual in [
        ("history.Period", "atabays", "Atabegs"),
        ("history.Period", "ag-qoyunlu", "Aq Qoyunlu"),
        ("history.Period", "ussr", "Soviet Union"),
        ("diplomacy.Event", "alkhanli-shelling", "Fuzuli"),
        ("diplomacy.Organization", "isseco", "ISESCO"),
        ("diplomacy.Organization", "nato", "North Atlantic Treaty Organization"),
        ("diplomacy.Organization", "organization-for-economic-cooperation", "ECO"),
    ]:
        item = record(label, slug)
        assert usual in item.note, slug
        title = getattr(item, "title", None) or item.name
        assert usual not in title and usual not in item.summary, slug
    # Found by the usual form, which only the note holds.
    assert "Atabays" in [hit.title for hit in search("Atabegs")]


def test_source_000_organizations(content):
    membership = model("diplomacy.Membership").objects.published()

    def standing(kind):
        return set(membership.filter(kind=kind).values_list("organization__slug", flat=True))

    assert {
        "osce",
        "organization-of-islamic-cooperation",
        "organization-for-economic-cooperation",
        "turkic-council",
        "commonwealth-of-independent-states",
        "guam",
        "council-of-europe",
        "black-sea-economic-cooperation-organization",
        "non-aligned-movement",
        "united-nations",
    } <= standing("member")
    assert {
        "european-union",
        "nato",
        "gulf-cooperation-council",
        "league-of-arab-states",
        "shanghai-cooperation-organization",
        "african-union",
        "organization-of-american-states",
    } <= standing("partner")
    assert standing("elected") == {"un-security-council", "un-economic-and-social-council"}
    assert standing("chair") == {"non-aligned-movement"}
    assert standing("observer") == set()
    assert figure("ecosoc-election-votes") == (176, "", "2016-06")
    assert figure("ecosoc-election-member-states") == (184, "", "2016-06")
    assert figure("nam-member-states") == (120, "", "")
    assert figure("nam-european-summit-pause") == (30, "", "1989/2019")
    assert figure("years-of-cooperation-with-the-un") == (25, "", "")


def test_source_000_conflict_figures(content):
    assert figure("occupied-territory-share") == (20, "", "")
    assert figure("azerbaijanis-expelled") == (1_000_000, "almost", "")
    assert figure("greater-armenia-ideology-years") == (200, "more-than", "")
    assert figure("alkhanli-killed")[0] == 2
    assert figure("alkhanli-wounded")[0] == 1


def test_a_figure_of_one_counts_in_the_singular(content):
    # The unit is the editors' words, written for the figure's number: "1 person".
    plural = re.compile(r"(s|people)$")
    wrong = [
        f"{item.slug}: 1 {item.unit}"
        for item in apps.get_model("diplomacy.Figure").objects.filter(value=1)
        if plural.search(item.unit)
    ]
    assert wrong == []


def test_source_000_projects(content):
    participation = model("diplomacy.Participation").objects
    corridor = record("diplomacy.Project", "southern-gas-corridor")
    members = participation.filter(project=corridor, role="member")
    assert codes(p.country for p in members) == {"AZ", "GE", "TR", "BG", "GR", "AL", "IT"}
    assert codes(p.country for p in participation.filter(project=corridor, role="initiator")) == {
        "AZ"
    }
    assert set(corridor.components.values_list("slug", flat=True)) == {"tanap", "tap"}
    railway = record("diplomacy.Project", "qazvin-rasht-astara-astara-railway")
    assert [whole.slug for whole in railway.part_of.all()] == ["north-south-transport-corridor"]
    assert codes(p.country for p in participation.filter(project=railway)) == {"IR", "AZ"}
    for slug in [
        "east-west-transport-corridor",
        "trans-caspian-international-route",
        "baku-tbilisi-kars-railway",
        "silk-road-economic-zone",
    ]:
        assert record("diplomacy.Project", slug).date == ""


def test_source_000_tasks_of_the_head_of_states_speech(content):
    objectives = model("diplomacy.Priority").objects.published().filter(kind="objective")
    first_nine = objectives.filter(position__lte=9).order_by("position")
    assert list(first_nine.values_list("slug", flat=True)) == [
        "settlement-of-the-armenian-azerbaijani-conflict",
        "protection-from-external-risks",
        "non-interference-in-internal-affairs",
        "policy-based-on-national-interests",
        "cooperation-with-international-organizations",
        "interreligious-intercultural-dialogue-multiculturalism",
        "competitive-economy-exports-new-markets",
        "complete-tanap-tap-launch-southern-gas-corridor",
        "complete-east-west-north-south-corridors",
    ]
    results = model("diplomacy.Priority").objects.published().filter(kind="result")
    achieved = "important measures were taken to expose Armenia’s aggressive policy"
    assert sum(cites(item, STRATEGY, achieved) for item in results) == 8


def test_source_001_figures_and_memberships(content):
    assert figure("countries-with-diplomatic-relations") == (177, "", "")
    assert figure("foreign-embassies-and-consulates") == (80, "more-than", "")
    listed = "as a member"
    members = model("diplomacy.Membership").objects.published().filter(kind="member")
    cited = {m.organization.slug for m in members if cites(m, POLITICAL_WILL, listed)}
    assert cited == {
        "united-nations",
        "osce",
        "non-aligned-movement",
        "turkic-council",
        "council-of-europe",
        "organization-of-islamic-cooperation",
        "unesco",
        "isseco",
        "commonwealth-of-independent-states",
    }
    partners = model("diplomacy.Membership").objects.published().filter(kind="partner")
    cooperating = "developing cooperation with NATO"
    assert {m.organization.slug for m in partners if cites(m, POLITICAL_WILL, cooperating)} == {
        "nato",
        "european-union",
        "international-anti-terrorist-coalition",
    }
    csto = record("diplomacy.Organization", "collective-security-treaty-organization")
    assert not csto.memberships.exists()


def test_source_001_quotes_and_principles(content):
    quote = record("history.Quote", "heydar-aliyev-basic-principles")
    assert (quote.speaker.slug, quote.kind, quote.date) == ("heydar-aliyev", "direct", "")
    assert cites(quote, POLITICAL_WILL, "serves to perpetuate our state independence")
    reported = record("history.Quote", "ilham-aliyev-independent-policy")
    assert (reported.speaker.slug, reported.kind, reported.date) == (
        "ilham-aliyev",
        "reported",
        "",
    )
    principles = model("diplomacy.Priority").objects.published().filter(kind="principle")
    basic = "such basic principles as peace, respect for international law"
    assert {p.slug for p in principles if cites(p, POLITICAL_WILL, basic)} == {
        "peace",
        "respect-for-international-law",
        "integrity-of-states",
        "mutually-beneficial-cooperation-and-partnership",
    }


def test_every_record_of_each_source_is_cited_from_it(content):
    """Both sources are drawn on, and every citation is used by some record."""
    for slug in (STRATEGY, POLITICAL_WILL):
        assert Citation.objects.filter(source__slug=slug).exists()
    for citation in Citation.objects.all():
        assert citation.cited_by(), citation.quote


# --- The editorial policy (docs/editorial.md), held for every record -------------------------

YEAR_IN_SLUG = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
MARKDOWN_LINK = re.compile(r"\]\((/[^)\s]*)\)")
FILE_NAME = re.compile(r"\.txt\b|\b\d{3}_[0-9a-f]{16}\b")
SOURCE_TALK = re.compile(r"\btext 00\d|\bthe sources? (?!of\b)|\bsource gives\b", re.IGNORECASE)
# Words with which a source speaks of something still to come.
FUTURE = re.compile(
    r"\bwill\b|\bforthcoming\b|\bdecided to hold\b|\bCompletion of\b|\bthe launch of\b"
    r"|\bthe creation and prompt commissioning\b|\bthe opening of\b|\bintend\b"
)


def public_records():
    for label in [m._meta.label for m in record_models()]:
        yield from model(label).objects.published()


def test_summaries_speak_of_their_subject_not_of_the_source(content):
    """No “Text 000”, no file name, no “the source gives no date”: that goes in the note."""
    for item in public_records():
        summary = getattr(item, "summary", "")
        assert not SOURCE_TALK.search(summary), (item.slug, summary)
        for words in (summary, item.note):
            assert not FILE_NAME.search(words), item.slug
            assert "text 00" not in words.lower(), item.slug
    for source in Source.objects.all():
        for words in (source.title, source.description, source.note):
            assert not FILE_NAME.search(words), source.slug


def test_no_two_public_summaries_are_alike(content):
    seen = {}
    for item in public_records():
        summary = " ".join(getattr(item, "summary", "").split()).lower()
        if summary:
            assert summary not in seen, (item.slug, seen.get(summary))
            seen[summary] = item.slug


def test_direct_quotes_stand_in_quotation_marks_and_reported_ones_are_reported(content):
    quotes = model("history.Quote").objects.published()
    assert quotes.exists()
    for quote in quotes:
        sources = {citation.source for citation in quote.citations.all()}
        words = text.normalize(quote.text).lower()
        assert any(words in text.normalize(c.quote).lower() for c in quote.citations.all())
        if quote.kind == "direct":
            # In the source, the words open and close with quotation marks.
            words = text.normalize(quote.text)
            found = False
            for source in sources:
                haystack = text.normalize(source.text)
                at = haystack.find(words)
                after = haystack[at + len(words) : at + len(words) + 2].lstrip(".,")
                found = found or (at > 0 and haystack[at - 1] == '"' and after[:1] == '"')
            assert found, quote.slug
        else:
            assert quote.kind == "reported"
            said = [c.quote for c in quote.citations.all() if "stated that" in c.quote]
            assert any(quote.speaker.name in words for words in said), quote.slug


def test_planned_records_rest_on_a_source_that_speaks_of_the_future(content):
    planned = [item for item in public_records() if getattr(item, "planned", False)]
    slugs = {item.slug for item in planned}
    assert {"nam-18th-summit-baku", "azerbaijan-chair-non-aligned-movement-2019"} <= slugs
    for item in planned:
        assert any(FUTURE.search(c.quote) for c in item.citations.all()), item.slug
        assert "Planned as of" in item.note, item.slug
    summit = record("diplomacy.Event", "nam-18th-summit-baku")
    assert "to be held" in summit.title


def test_no_slug_holds_a_year_its_date_does_not_assert(content):
    for item in public_records():
        for year in YEAR_IN_SLUG.findall(item.slug):
            date = getattr(item, "date", "")
            assert year in date and "?" not in date, (item.slug, date)


def test_every_link_in_a_summary_or_note_leads_to_a_public_record(content, client):
    pages = {}
    for item in [*public_records(), *Source.objects.all()]:
        for words in (getattr(item, "summary", ""), getattr(item, "description", ""), item.note):
            for path in MARKDOWN_LINK.findall(words or ""):
                address, _, anchor = path.partition("#")
                if address not in pages:
                    pages[address] = client.get(address)
                response = pages[address]
                assert response.status_code == 200, (item.slug, path)
                if anchor:
                    assert f'id="{anchor}"' in response.content.decode(), (item.slug, path)


def test_old_addresses_of_merged_and_renamed_records_redirect(content, client):
    redirects = list(Redirect.objects.all())
    assert len(redirects) >= 20
    for moved in redirects:
        response = client.get(moved.old_path)
        assert response.status_code == 301, moved.old_path
        assert response["Location"] == moved.new_path
        address, _, anchor = moved.new_path.partition("#")
        page = client.get(address)
        assert page.status_code == 200, moved.new_path
        if anchor:
            assert f'id="{anchor}"' in page.content.decode(), moved.new_path


def test_one_home_per_fact(content):
    # The 1923 order is one event; whatever else mentions it links to it.
    home = "abolition-of-diplomatic-missions-1923"
    for item in public_records():
        summary = getattr(item, "summary", "")
        if "8 October 1923" in summary and item.slug != home:
            assert f"](/events/{home}/)" in summary, item.slug
    assert not model("diplomacy.Relation").objects.filter(date="1923-10-08").exists()
    # A seat on a UN organ, or in the NAM, is a membership, not also an event.
    events = model("diplomacy.Event").objects
    for words in ["Azerbaijan became a member", "non-permanent membership", "In June 2016"]:
        assert not events.filter(citations__quote__contains=words).exists(), words
    # Russian rule: the period, and Russia's relation pointing at it; no event.
    assert (
        not events.filter(citations__quote__contains="became part of Russia")
        .exclude(slug="formation-of-the-azerbaijan-democratic-republic")
        .exists()
    )
    # Javanshir's diplomacy is told once; the period and the person link to it.
    told = "conducted a balanced diplomacy"
    assert [i.slug for i in public_records() if told in getattr(i, "summary", "")] == [
        "javanshir-balanced-diplomacy"
    ]


def test_contested_results_are_attributed_to_their_source(content):
    results = model("diplomacy.Priority").objects.published().filter(kind="result")
    for item in results:
        assert "article" in item.summary or "untitled text" in item.summary, item.slug
    for slug in ["armenia-isolated", "armenia-image-shattered"]:
        item = record("diplomacy.Priority", slug)
        assert "as the article claims" in item.title
        assert item.summary.startswith("According to the article")


def test_periods_run_in_the_order_the_sources_tell_them(content):
    periods = list(model("history.Period").objects.published())
    assert periods[0].slug == "caucasian-albania"
    assert periods[-1].slug == "republic-of-azerbaijan"
    assert [p.slug for p in periods][:8] == [
        "caucasian-albania",
        "atabays",
        "shirvanshahs",
        "qara-qoyunlu",
        "ag-qoyunlu",
        "azerbaijan-part-of-russia",
        "azerbaijan-democratic-republic",
        "ussr",
    ]
    assert len({p.position for p in periods}) == len(periods)


def test_sources_are_titled_kinded_and_dated_as_far_as_their_text_allows(content):
    article = Source.objects.get(slug=STRATEGY)
    untitled = Source.objects.get(slug=POLITICAL_WILL)
    assert article.title.startswith("Azerbaijan’s foreign policy strategy")
    assert (untitled.kind, untitled.date) == ("untitled", "")
    for source in (article, untitled):
        assert source.description and source.note
