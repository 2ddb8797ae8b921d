"""The curated content: it loads, loads again without change, and round-trips."""

import io
import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from diplomacy.search import search
from history import text
from history.models import Alias, Citation, CitedRecord, Record, Source, Status


def dump():
    out = io.StringIO()
    call_command(
        "dumpdata", *settings.CONTENT_APPS, natural_foreign=True, natural_primary=True, stdout=out
    )
    return json.loads(out.getvalue())


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
        ("history.Period", "azerbaijan-democratic-republic", "1918-05-28/"),
        ("diplomacy.Event", "azerbaijan-becomes-part-of-russia", "18XX"),
        ("diplomacy.Event", "formation-of-the-azerbaijan-democratic-republic", "1918-05-28"),
        ("diplomacy.Event", "foreign-missions-in-baku-1919", "1919"),
        ("diplomacy.Event", "mfa-secretariat-instruction-1919", "1919-07-09"),
        ("diplomacy.Event", "azerbaijan-missions-abroad-until-1920", "../1920-04"),
        ("diplomacy.Event", "de-facto-recognition-paris-peace-conference", "1920-01-11"),
        ("diplomacy.Event", "abolition-of-diplomatic-missions-1923", "1923-10-08"),
        ("diplomacy.Event", "peoples-commissariats-of-foreign-affairs-1944", "1944"),
        ("diplomacy.Event", "diplomatic-service-day-order-2007", "2007-08-24"),
        ("diplomacy.Event", "republic-day-speech-2017", "2017-05-28"),
        ("history.Quote", "ilham-aliyev-republic-day-2017", "2017-05-28"),
        ("diplomacy.Event", "nam-membership-2011", "2011"),
        ("diplomacy.Event", "un-security-council-membership-2012-2013", "2012/2013"),
        ("diplomacy.Event", "ecosoc-election-2016", "2016-06"),
        ("diplomacy.Event", "nam-belgrade-summit-1989", "1989"),
        ("diplomacy.Event", "nam-18th-summit-baku", "2019"),
        ("diplomacy.Event", "nam-chairmanship-2019-2022", "2019/2022"),
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
        ("history.Period", "atabegs"),
        ("history.Period", "shirvanshahs"),
        ("history.Period", "qara-qoyunlu"),
        ("history.Period", "aq-qoyunlu"),
        ("diplomacy.Event", "return-of-heydar-aliyev"),
        ("diplomacy.Event", "armenian-war-against-azerbaijan"),
        ("diplomacy.Event", "establishment-of-the-united-nations"),
        ("diplomacy.Membership", "azerbaijan-member-united-nations"),
    ]:
        assert dated(label, slug) == "", slug


def test_source_000_relative_dates_claim_no_more_than_the_text_allows(content):
    """“4 July of the current year” and “13-18 September last year” in an undated text.

    The text speaks of 28 May 2017 in the past and of the NAM summit “of 2019” as
    forthcoming: its current year is 2017, 2018 or 2019, and nothing narrows it further.
    """
    alkhanli = "[2017-07-04,2018-07-04,2019-07-04]"
    for label, slug in [
        ("diplomacy.Event", "alkhanli-shelling-2017"),
        ("diplomacy.Figure", "alkhanli-killed"),
        ("diplomacy.Figure", "alkhanli-wounded"),
    ]:
        item = record(label, slug)
        assert (item.date, item.date_lower, item.date_upper) == (alkhanli, 20170704, 20190704)
    summit = record("diplomacy.Event", "nam-17th-summit-margarita")
    assert (summit.date, summit.date_lower, summit.date_upper) == (
        "[2016-09,2017-09,2018-09]",
        20160901,
        20180930,
    )
    # Every dated record resting on a relative date keeps the whole possible span.
    for passage, lower, upper in [
        ("4 July of the current year", 20170704, 20190704),
        ("13-18 September last year", 20160913, 20180918),
    ]:
        citation = Citation.objects.get(source__slug=STRATEGY, quote__contains=passage)
        for item in citation.cited_by():
            if getattr(item, "date", "") and item.slug != "nam-18th-summit-baku":
                assert item.date_lower <= lower and item.date_upper >= upper, item.slug
    for item in model("history.Period").objects.all():
        assert "written in 2017" not in item.summary
    for label in ["diplomacy.Event", "diplomacy.Membership", "diplomacy.Country"]:
        for item in model(label).objects.all():
            assert "written in 2017" not in item.summary, item.slug
            for resolved in ("September 2016", "4 July 2017", "July 4, 2017"):
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
    assert record("history.Person", "sara-khatun").periods.filter(slug="aq-qoyunlu").exists()
    assert record("history.Person", "javanshir").periods.filter(slug="caucasian-albania").exists()
    speech = record("history.Quote", "ilham-aliyev-republic-day-2017")
    assert speech.speaker.slug == "ilham-aliyev"
    assert speech.kind == "direct"
    assert speech.text.startswith("Azerbaijan has made great strides")
    assert cites(speech, STRATEGY, "on the occasion of the Republic Day on 28 May 2017")
    assert record("history.Quote", "joseph-nye-smart-power").speaker.slug == "joseph-nye"


@pytest.mark.parametrize(
    ("label", "slug", "alias"),
    [
        ("history.Period", "atabegs", "Atabays"),
        ("history.Period", "qara-qoyunlu", "Qara-Qoyunlu"),
        ("history.Period", "aq-qoyunlu", "Ag-Qoyunlu"),
        ("history.Period", "azerbaijan-democratic-republic", "Azerbaijani Democratic Republic"),
        ("history.Period", "azerbaijan-ssr", "Azerbaijani SSR"),
        ("history.Period", "soviet-union", "USSR"),
        ("diplomacy.Event", "alkhanli-shelling-2017", "Fizuli District"),
        ("diplomacy.Country", "united-states", "USA"),
        ("diplomacy.Country", "united-kingdom", "Great Britain"),
        (
            "diplomacy.Organization",
            "economic-cooperation-organization",
            "Organization for Economic Cooperation",
        ),
        ("diplomacy.Organization", "turkic-council", "Turkic Council"),
        (
            "diplomacy.Organization",
            "turkic-council",
            "Cooperation Council of Turkic speaking states",
        ),
        ("diplomacy.Organization", "isesco", "ISSECO"),
        ("diplomacy.Organization", "nato", "North Atlantic Treatment Organization"),
        ("diplomacy.Organization", "united-nations", "UNO"),
    ],
)
def test_sources_spellings_are_aliases(content, label, slug, alias):
    assert record(label, slug).aliases.filter(name=alias).exists()


def test_source_000_organizations(content):
    membership = model("diplomacy.Membership").objects.published()

    def standing(kind):
        return set(membership.filter(kind=kind).values_list("organization__slug", flat=True))

    assert {
        "osce",
        "organization-of-islamic-cooperation",
        "economic-cooperation-organization",
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
        "isesco",
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
