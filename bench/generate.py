"""The synthetic data set of the benchmark, written with bulk_create in batches.

Every record is marked synthetic: slugs start with "synthetic-", titles and
names say "Synthetic" (countries keep their real ISO code and name, with
"(synthetic)" after it). Everything is published and cites passages of one
synthetic Source whose text holds every quoted passage. Run it only against a
bench database: `bench.settings` refuses to start without BENCH_DATABASE_URL,
and `generate()` refuses a database that already holds non-synthetic content.
"""

import calendar
import random
import sys
import time

from django.db import connection, transaction
from django_countries import countries as iso_countries

from diplomacy.models import Country, Event, Organization
from history import dates
from history.models import Citation, Period, Person, Source, Status

PREFIX = "synthetic-"
FULL = {
    "events": 100_000,
    "people": 2_000,
    "countries": 250,
    "organizations": 500,
    "citations": 5_000,
    "periods": 20,
}
BATCH = 2_000

# Words of the synthetic texts: diplomatic vocabulary, so that searches hit
# some records and not others, as on the real site.
VOCABULARY = [
    "treaty",
    "embassy",
    "consulate",
    "pipeline",
    "corridor",
    "recognition",
    "summit",
    "ceasefire",
    "delegation",
    "ambassador",
    "minister",
    "agreement",
    "protocol",
    "memorandum",
    "charter",
    "resolution",
    "assembly",
    "council",
    "observer",
    "membership",
    "partnership",
    "cooperation",
    "sovereignty",
    "independence",
    "negotiation",
    "mediation",
    "conference",
    "declaration",
    "railway",
    "gas",
    "oil",
    "transit",
    "energy",
    "security",
    "trade",
    "investment",
    "customs",
    "border",
    "visit",
    "reception",
    "credentials",
    "envoy",
    "mission",
    "legation",
    "republic",
    "parliament",
    "president",
    "government",
    "alliance",
    "neutrality",
    "dialogue",
    "culture",
    "heritage",
    "education",
    "scholarship",
    "exhibition",
    "festival",
    "forum",
    "organization",
    "union",
    "commission",
    "committee",
    "secretariat",
    "session",
    "vote",
    "election",
    "chair",
    "presidency",
    "dispute",
    "settlement",
    "arbitration",
    "sanctions",
    "humanitarian",
    "refugees",
    "territory",
    "occupation",
    "liberation",
    "reconstruction",
    "mine",
    "clearance",
    "water",
    "caspian",
    "caucasus",
    "silk",
    "route",
    "port",
    "terminal",
    "shipping",
    "fibre",
    "satellite",
    "diaspora",
]
NAMES = [
    "Aliyev",
    "Mammadov",
    "Hasanov",
    "Huseynov",
    "Guliyev",
    "Rasulzade",
    "Topchubashov",
    "Khoyski",
    "Usubbeyov",
    "Hajibeyov",
    "Safarov",
    "Ismayilov",
    "Karimov",
    "Nasirov",
    "Abbasov",
    "Jafarov",
    "Rahimov",
    "Valiyev",
    "Bagirov",
    "Qasimov",
]


class Progress:
    """A progress bar on stderr: label, bar, count, rate."""

    def __init__(self, label, total, width=30):
        self.label, self.total, self.width = label, max(total, 1), width
        self.done = 0
        self.started = time.monotonic()
        self.shown = 0.0
        self.draw()

    def advance(self, n):
        self.done += n
        now = time.monotonic()
        if now - self.shown > 0.2 or self.done >= self.total:
            self.shown = now
            self.draw()

    def draw(self):
        part = min(self.done / self.total, 1.0)
        filled = int(part * self.width)
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        sys.stderr.write(
            f"\r  {self.label:<22} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{self.done:>7}/{self.total:<7} {part:4.0%} {rate:8.0f}/s"
        )
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def counts(scale):
    sizes = {name: max(1, round(n * scale)) for name, n in FULL.items()}
    # Countries are few whatever the scale: every real ISO code, as on the site.
    sizes["countries"] = min(FULL["countries"], len(list(iso_countries)))
    sizes["periods"] = FULL["periods"]
    return sizes


def sentence(rng, n=12):
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def random_date(rng):
    """An EDTF date: mostly years after 1900, some months and days, some centuries."""
    roll = rng.random()
    if roll < 0.65:
        year = rng.randint(1900, 2025)
    elif roll < 0.9:
        year = rng.randint(1500, 1899)
    else:
        year = rng.randint(-500, 1499)
    if year < 0:
        return f"-{abs(year):04d}"
    roll = rng.random()
    if roll < 0.4:
        return f"{year:04d}"
    if roll < 0.75:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    if roll < 0.95:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{year:04d}/{min(year + rng.randint(1, 5), 2025):04d}"


def bounds(value):
    """The sort bounds of a date as random_date() writes it, without the EDTF parser.

    history.dates.parse() runs the edtf package's grammar, some milliseconds a
    date: too slow for 100,000 records. check_bounds() compares this with it.
    """
    start, _, end = value.partition("/")
    end = end or start
    lower = [int(part) for part in start.removeprefix("-").split("-")]
    upper = [int(part) for part in end.removeprefix("-").split("-")]
    if start.startswith("-"):
        lower[0] = -lower[0]
    if end.startswith("-"):
        upper[0] = -upper[0]
    low_y, low_m, low_d = (*lower, 1, 1)[:3]
    year = upper[0]
    month = upper[1] if len(upper) > 1 else 12
    day = upper[2] if len(upper) > 2 else calendar.monthrange(year if year > 0 else 4, month)[1]
    return dates.bound(low_y, low_m, low_d), dates.bound(year, month, day)


def check_bounds(rng, n=300):
    """bounds() agrees with history.dates.parse() on a sample of generated dates."""
    for value in [random_date(rng) for _ in range(n)]:
        span = dates.parse(value)
        if bounds(value) != (span.lower, span.upper):
            raise SystemExit(f"bench/generate.py: bounds({value!r}) disagrees with dates.parse")


def dated(record):
    record.date_lower, record.date_upper = bounds(record.date)
    return record


def create(model, objects, label):
    progress = Progress(label, len(objects))
    for start in range(0, len(objects), BATCH):
        chunk = objects[start : start + BATCH]
        model.objects.bulk_create(chunk, batch_size=BATCH)
        progress.advance(len(chunk))
    return objects


def link(through, rows, label):
    progress = Progress(label, len(rows))
    for start in range(0, len(rows), BATCH * 5):
        chunk = rows[start : start + BATCH * 5]
        through.objects.bulk_create(chunk, batch_size=BATCH)
        progress.advance(len(chunk))


def refuse_real_content():
    real = Event.objects.exclude(slug__startswith=PREFIX).exists() or (
        Source.objects.exclude(slug__startswith=PREFIX).exists()
    )
    if real:
        raise SystemExit(
            f"{connection.settings_dict['NAME']} holds content that is not synthetic: "
            "the benchmark writes only into a database of its own."
        )


def generate(scale=1.0, seed=1919):
    """Write the synthetic data set (replacing an earlier one); returns the counts."""
    rng = random.Random(seed)
    sizes = counts(scale)
    refuse_real_content()
    check_bounds(random.Random(seed + 1))
    published = Status.PUBLISHED
    with transaction.atomic():
        for model in (Event, Organization, Person, Country, Period, Citation, Source):
            model.objects.filter(**_synthetic_filter(model)).delete()

        passages = [
            f"Synthetic passage {i:05d}: {sentence(rng, 10)}." for i in range(sizes["citations"])
        ]
        source = Source.objects.create(
            slug=f"{PREFIX}source",
            title="Synthetic source (benchmark data, not a real document)",
            author="bench/generate.py",
            text="\n\n".join(passages),
            status=published,
        )
        citations = create(
            Citation,
            [
                Citation(source=source, quote=quote, locator=f"passage {i}")
                for i, quote in enumerate(passages)
            ],
            "citations",
        )
        citation_ids = [c.pk for c in Citation.objects.filter(source=source).order_by("pk")]

        periods = create(
            Period,
            [
                dated(
                    Period(
                        slug=f"{PREFIX}period-{i:02d}",
                        name=f"Synthetic period {i:02d}",
                        kind=rng.choice(Period.Kind.values),
                        date=f"{1000 + i * 50:04d}/{1000 + i * 50 + 49:04d}",
                        summary=sentence(rng, 30),
                        status=published,
                    )
                )
                for i in range(sizes["periods"])
            ],
            "periods",
        )
        countries = create(
            Country,
            [
                Country(
                    slug=f"{PREFIX}{code.lower()}",
                    code=code,
                    name=f"{name} (synthetic)",
                    summary=sentence(rng, 25),
                    status=published,
                )
                for code, name in list(iso_countries)[: sizes["countries"]]
            ],
            "countries",
        )
        people = create(
            Person,
            [
                Person(
                    slug=f"{PREFIX}person-{i:05d}",
                    name=f"Synthetic {rng.choice(NAMES)} {i:05d}",
                    role=sentence(rng, 3),
                    summary=sentence(rng, 25),
                    status=published,
                )
                for i in range(sizes["people"])
            ],
            "people",
        )
        organizations = create(
            Organization,
            [
                Organization(
                    slug=f"{PREFIX}organization-{i:04d}",
                    name=f"Synthetic organization {i:04d} for {sentence(rng, 2)}",
                    acronym=f"SO{i:04d}",
                    summary=sentence(rng, 25),
                    status=published,
                )
                for i in range(sizes["organizations"])
            ],
            "organizations",
        )
        categories = Event.Category.values
        events = create(
            Event,
            [
                dated(
                    Event(
                        slug=f"{PREFIX}event-{i:06d}",
                        title=f"Synthetic event {i:06d}: {sentence(rng, 4)}",
                        category=rng.choice(categories),
                        date=random_date(rng),
                        summary=f"{sentence(rng, 14).capitalize()}. {sentence(rng, 14)}.",
                        status=published,
                    )
                )
                for i in range(sizes["events"])
            ],
            "events",
        )
        synthetic_events = Event.objects.filter(slug__startswith=PREFIX).order_by("pk")
        event_ids = list(synthetic_events.values_list("pk", flat=True))
        period_ids = [p.pk for p in Period.objects.filter(slug__startswith=PREFIX)]
        country_ids = [c.pk for c in Country.objects.filter(slug__startswith=PREFIX)]
        person_ids = [p.pk for p in Person.objects.filter(slug__startswith=PREFIX)]
        org_ids = [o.pk for o in Organization.objects.filter(slug__startswith=PREFIX)]

        for model, ids in (
            (Period, period_ids),
            (Country, country_ids),
            (Person, person_ids),
            (Organization, org_ids),
        ):
            through = model.citations.through
            link(
                through,
                [
                    through(
                        **{f"{model._meta.model_name}_id": pk},
                        citation_id=citation_ids[n % len(citation_ids)],
                    )
                    for n, pk in enumerate(ids)
                ],
                f"{model._meta.verbose_name} citations",
            )

        def rows(field, targets, low, high):
            through = Event._meta.get_field(field).remote_field.through
            target = Event._meta.get_field(field).m2m_reverse_field_name()
            return through, [
                through(event_id=event, **{f"{target}_id": pk})
                for event in event_ids
                for pk in rng.sample(targets, min(rng.randint(low, high), len(targets)))
            ]

        for field, targets, low, high in (
            ("citations", citation_ids, 1, 1),
            ("periods", period_ids, 0, 1),
            ("countries", country_ids, 1, 3),
            ("people", person_ids, 0, 2),
            ("organizations", org_ids, 0, 1),
        ):
            through, linked = rows(field, targets, low, high)
            link(through, linked, f"event {field}")
    del periods, countries, people, organizations, events, citations
    return sizes


def _synthetic_filter(model):
    if model is Citation:
        return {"source__slug__startswith": PREFIX}
    return {"slug__startswith": PREFIX}
