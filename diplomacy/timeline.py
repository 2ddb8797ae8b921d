"""The timeline: periods as spans and events as points on one time axis.

Everything the page draws is computed here, in Python, as SVG coordinates: the
page's strict Content Security Policy allows no inline styles, and SVG
geometry attributes (x, width, cx) are not styles.

How a date is drawn follows from its EDTF string and its sort bounds
(``date_lower``/``date_upper``, see history/dates.py):

- a single day ("2017-07-04") is a point;
- anything longer is a span from its earliest to its latest possible day. The
  part the record certainly covers (from the latest possible start to the
  earliest possible end of an interval such as "2019/2022") is solid; the
  rest, where the sources give only a year, decade or century, is hatched;
- a date marked uncertain ("1919?") or approximate ("~1919") has a dashed
  outline;
- an open end ("../1920-04", "199X/..") and anything cut off by a zoomed view
  reaches the edge of the axis with an arrow; "..", at the end, means today;
- an end the sources do not give ("1918-05-28/") is hatched over the ten
  years the site's date filters assume for it.

Order: earliest possible day first, then latest possible day, then the name;
undated records are listed apart, under "Undated in the sources".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from history import dates, text
from history.dates import EARLIEST, LATEST, year_of
from history.models import Period

from .filters import EventFilterSet
from .models import Event

# SVG user units: the chart is drawn WIDTH wide and scales with the page.
WIDTH = 760
MARGIN = 14
AXIS_HEIGHT = 30
HEADING_HEIGHT = 26
ROW_HEIGHT = 36
BAR_OFFSET = 18  # from a row's top to its bar
BAR_HEIGHT = 10
LABEL_CHARS = 70  # longer labels are shortened in the chart (the list has them whole)
CHAR_WIDTH = 7.2  # an estimate of one character's width at the chart's font size
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000)
MAX_TICKS = 8

# Parameters of the page; everything but `period` goes to EventFilterSet.
ZOOM_PARAM = "period"
IGNORED_PARAMS = ("period", "ordering", "page")


class TimelineError(Exception):
    """A request the timeline cannot answer: the message says why, for a 400 page."""


def today_bound(today=None) -> int:
    today = today or timezone.localdate()
    return dates.bound(today.year, today.month, today.day)


# --- Positions on the axis -------------------------------------------------------


def year_position(value: int, end: bool = False) -> float:
    """A sort bound as a fractional (astronomical) year; `end` means the end of that day."""
    year = year_of(value)
    month, day = divmod(value - year * 10_000, 100)
    position = year + (month - 1) / 12 + (day - 1) / 372
    return position + 1 / 372 if end else position


def historical_year(astronomical: int) -> str:
    return dates.written_year(astronomical)


def side_bounds(text: str) -> tuple[int, int] | None:
    """The bounds of one side of an interval; None for an open or unknown side."""
    if text in ("", ".."):
        return None
    span = dates.parse(text)
    return span.lower, span.upper


@dataclass
class Axis:
    lower: int  # the sort bounds the axis covers
    upper: int
    start: float = 0.0  # and the fractional years at its two edges, with a margin
    end: float = 0.0
    ticks: list = field(default_factory=list)

    def __post_init__(self):
        start, end = year_position(self.lower), year_position(self.upper, end=True)
        if end - start < 1:
            middle = (start + end) / 2
            start, end = middle - 0.5, middle + 0.5
        margin = (end - start) * 0.02
        self.start, self.end = start - margin, end + margin
        self.ticks = self._ticks()

    def x(self, position: float) -> float:
        share = (position - self.start) / (self.end - self.start)
        return round(MARGIN + share * (WIDTH - 2 * MARGIN), 1)

    def _ticks(self):
        """(x, label) for round years; "BCE" before year 1 and "CE" after it if both show."""
        span = self.end - self.start
        step = next((s for s in TICK_STEPS if span / s <= MAX_TICKS), TICK_STEPS[-1])
        with_era = self.start < 1
        ticks = []
        for k in range(math.floor(self.start / step), math.ceil(self.end / step) + 1):
            year = k * step  # as historians count: no year 0, -500 is 500 BCE
            if year == 0:
                continue
            astronomical = year if year > 0 else year + 1
            if not self.start <= astronomical <= self.end:
                continue
            label = historical_year(astronomical)
            if with_era and year > 0:
                label = _("%(year)s CE") % {"year": label}
            ticks.append((self.x(astronomical), label))
        return ticks

    @property
    def label(self) -> str:
        first = historical_year(year_of(self.lower))
        last = historical_year(year_of(self.upper))
        if first == last:
            return first
        return _("%(first)s to %(last)s") % {"first": first, "last": last}


def axis_for(records, window=(None, None), today=None) -> Axis | None:
    """The axis over `window` (sort bounds; None or open means: as far as the records go)."""
    now = today_bound(today)
    lower, upper = window
    if lower is None or lower == EARLIEST:
        lowers = [r.date_lower for r in records if r.date and r.date_lower != EARLIEST]
        uppers = [r.date_upper for r in records if r.date and r.date_lower == EARLIEST]
        lower = min(lowers + uppers, default=None)
    if upper is None or upper == LATEST:
        uppers = [min(r.date_upper, now) for r in records if r.date]
        upper = max(uppers, default=None)
        if any(r.date and r.date_upper == LATEST for r in records):
            upper = max(upper, now)
    if lower is None or upper is None:
        return None
    return Axis(min(lower, upper), max(lower, upper))


# --- Marks: one record on the axis ----------------------------------------------------


@dataclass
class Mark:
    record: object
    kind: str  # "period" or "event"
    shape: str  # "point" or "span"
    x: float  # the range of possible days, from x to x_end
    x_end: float
    core: tuple | None  # (x, width) of the part certainly covered, if any
    beyond_start: bool  # reaches past the axis start (open start or cut off by zoom)
    beyond_end: bool
    uncertain: bool  # "?" or "~" in the date
    end_unknown: bool
    y: float = 0
    label: str = ""
    label_x: float = 0
    label_anchor: str = "start"
    zoom_url: str = ""
    current: bool = False

    @property
    def width(self):
        return max(round(self.x_end - self.x, 1), 3)

    bar_height = BAR_HEIGHT
    radius = 6

    @property
    def arrow_start(self):
        """A triangle pointing left from the start of the bar."""
        return f"M{self.x - 9} {self.middle_y}l9 -6v12z"

    @property
    def arrow_end(self):
        end = self.x_end if self.shape == "span" else self.x
        return f"M{end + 9} {self.middle_y}l-9 -6v12z"

    @property
    def bar_y(self):
        return self.y + BAR_OFFSET

    @property
    def middle_y(self):
        return self.y + BAR_OFFSET + BAR_HEIGHT / 2

    @property
    def label_y(self):
        return self.y + 13

    @property
    def name(self):
        return getattr(self.record, "name", None) or self.record.title

    @property
    def description(self):
        """What the drawing says, in words: for the <title> of the mark."""
        record = self.record
        parts = [_("%(name)s: %(date)s") % {"name": self.name, "date": record.date_display}]
        if self.shape == "point":
            parts.append(_("a single day"))
        elif self.core:
            parts.append(_("solid where the span is certain, hatched where the sources are vague"))
        else:
            parts.append(_("somewhere in the hatched range"))
        if self.uncertain:
            parts.append(_("uncertain or approximate"))
        if self.end_unknown:
            parts.append(_("end not given"))
        if self.beyond_start or self.beyond_end:
            parts.append(_("continues beyond the edge"))
        return "; ".join(parts)


def mark_for(record, kind: str, axis: Axis, today=None) -> Mark:
    now = today_bound(today)
    lower, upper = record.date_lower, record.date_upper
    start, slash, end = record.date.partition("/")
    open_start, open_end = lower == EARLIEST, upper == LATEST
    if open_end:
        upper = max(now, lower)
    # The part certainly covered: from the latest possible start to the earliest
    # possible end of an interval whose two ends are both given.
    core = None
    if slash:
        start_side = None if open_start else side_bounds(start.strip("?~%"))
        end_side = (upper, upper) if open_end else side_bounds(end.strip("?~%"))
        if start_side and end_side and start_side[1] <= end_side[0]:
            core = (start_side[1], end_side[0])
    position_start = axis.start if open_start else year_position(lower)
    position_end = year_position(upper, end=True)
    beyond_start = open_start or position_start < axis.start
    beyond_end = open_end or position_end > axis.end
    clip = lambda p: min(max(p, axis.start), axis.end)  # noqa: E731
    mark = Mark(
        record=record,
        kind=kind,
        shape="point" if lower == upper else "span",
        x=axis.x(clip(position_start)),
        x_end=axis.x(clip(position_end)),
        core=None,
        beyond_start=beyond_start,
        beyond_end=beyond_end,
        uncertain=any(sign in record.date for sign in "?~%"),
        end_unknown=bool(slash) and end == "",
    )
    if core and mark.shape == "span":
        core_start = axis.x(clip(year_position(core[0])))
        core_end = axis.x(clip(year_position(core[1], end=True)))
        if core_end > core_start:
            mark.core = (core_start, round(core_end - core_start, 1))
    if mark.shape == "point":
        mark.x_end = mark.x
    label = mark.label = text.shorten(mark.name, LABEL_CHARS)
    # Above the mark: starting where it starts, else ending where it ends, else at the edge.
    text_width = len(label) * CHAR_WIDTH
    if mark.x + text_width <= WIDTH - MARGIN:
        mark.label_x, mark.label_anchor = max(mark.x, MARGIN), "start"
    elif mark.x_end - text_width >= MARGIN:
        mark.label_x, mark.label_anchor = mark.x_end, "end"
    else:
        mark.label_x, mark.label_anchor = WIDTH - MARGIN, "end"
    return mark


# --- Grouping the list by period ------------------------------------------------------


def sort_key(record):
    """Earliest possible day, then the latest, then the name; undated records last."""
    if not record.date:
        return (1, 0, 0, str(record))
    return (0, record.date_lower, record.date_upper, str(record))


@dataclass
class Group:
    period: Period | None
    events: list = field(default_factory=list)
    zoom_url: str = ""
    current: bool = False


def home_period(event, periods: list):
    """The period an event is listed under: see RULES in the template.

    The most recent (by start) of its own dated periods on the page; else its
    first undated period on the page; else, for a dated event, the most recent
    period on the page whose dates contain the event's start.
    """
    shown = {period.pk for period in periods}
    own = [p for p in event.periods.all() if p.pk in shown]
    dated = [p for p in own if p.date]
    if dated:
        return max(dated, key=lambda p: (p.date_lower, -p.date_upper, p.name))
    if own:
        return min(own, key=sort_key)
    if event.date:
        containing = [
            p for p in periods if p.date and p.date_lower <= event.date_lower <= p.date_upper
        ]
        if containing:
            return max(containing, key=lambda p: (p.date_lower, -p.date_upper, p.name))
    return None


def group_by_period(events, periods) -> list[Group]:
    """Every period in order, each with its events in order; then events tied to none."""
    groups = {period.pk: Group(period) for period in periods}
    others = Group(None)
    for event in events:
        period = home_period(event, periods)
        (groups[period.pk] if period else others).events.append(event)
    return [*groups.values(), *([others] if others.events else [])]


# --- The page ---------------------------------------------------------------------------


def published_events():
    return Event.objects.published().with_links("periods")


def _query(params: QueryDict, **changes) -> str:
    query = params.copy()
    for key in ("page", "ordering"):
        query.pop(key, None)
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return f"?{query.urlencode()}" if query else ""


class Timeline:
    """The timeline for one request's parameters; `errors` lists what was wrong with them."""

    def __init__(self, params: QueryDict, today=None):
        self.params = params
        self.today = today
        self.errors = []
        self.zoom = None
        self.periods, self.events, self.undated_periods, self.undated_events = [], [], [], []
        self.axis = None
        self.filterset = EventFilterSet(
            self._filter_data(params), queryset=published_events(), request=None
        )
        if not self.filterset.is_valid():
            for name, messages in self.filterset.errors.items():
                field = self.filterset.form.fields.get(name)
                label = (field and field.label) or name.replace("_", " ").capitalize()
                self.errors.extend(f"{label}: {message}" for message in messages)
            return
        slug = params.get(ZOOM_PARAM)
        if slug:
            self.zoom = Period.objects.published().filter(slug=slug).first()
            if self.zoom is None:
                self.errors.append(
                    _(
                        "Period: there is no published period “%(slug)s”. "
                        "Choose one of the periods listed on the whole timeline."
                    )
                    % {"slug": slug}
                )
                return
        self._load()

    @staticmethod
    def _filter_data(params):
        data = params.copy()
        for key in IGNORED_PARAMS:
            data.pop(key, None)
        return data

    @property
    def categories(self):
        """The categories asked for, as (value, label, checked) for the form."""
        data = self.params.getlist("category")
        return [(value, label, value in data) for value, label in Event.Category.choices]

    def _window(self):
        """The sort bounds the page covers: the zoomed period's, narrowed by the year range."""
        cleaned = self.filterset.form.cleaned_data
        lower = upper = None
        if self.zoom and self.zoom.date:
            lower, upper = self.zoom.date_lower, self.zoom.date_upper
        if cleaned.get("year_from") is not None:
            lower = max(lower or EARLIEST, dates.bound(cleaned["year_from"]))
        if cleaned.get("year_to") is not None:
            upper = min(upper or LATEST, dates.bound(cleaned["year_to"], 12, 31))
        return lower, upper

    def _load(self):
        zoom = self.zoom
        lower, upper = self._window()
        cleaned = self.filterset.form.cleaned_data
        periods = Period.objects.published()
        events = self.filterset.qs.order_by()
        if zoom and not zoom.date:
            # An undated period has no place in time: it shows only itself and its events.
            periods = periods.filter(pk=zoom.pk)
            events = events.filter(pk__in=zoom.events.values("pk"))
        elif zoom:
            # Dated events overlapping the period, and its own undated ones.
            periods = periods.filter(date_lower__lte=upper, date_upper__gte=lower)
            events = events.filter(
                Q(date_lower__lte=upper, date_upper__gte=lower)
                | Q(date="", pk__in=zoom.events.values("pk"))
            )
        else:
            periods = periods.overlapping(cleaned.get("year_from"), cleaned.get("year_to"))
        periods = sorted(periods, key=sort_key)
        events = sorted(events, key=sort_key)
        self.periods = [p for p in periods if p.date]
        self.undated_periods = [p for p in periods if not p.date]
        self.events = [e for e in events if e.date]
        self.undated_events = [e for e in events if not e.date]
        self.axis = axis_for(self.periods + self.events, (lower, upper), self.today)
        all_periods = self.periods + self.undated_periods
        self.groups = self._groups(group_by_period(self.events, self.periods))
        self.undated_groups = self._groups(
            [
                group
                for group in group_by_period(self.undated_events, all_periods)
                if group.events or (group.period and not group.period.date)
            ]
        )

    def _groups(self, groups):
        for group in groups:
            if group.period:
                group.current = group.period == self.zoom
                group.zoom_url = self.zoom_url(group.period)
        return groups

    def zoom_url(self, period) -> str:
        return reverse("diplomacy:timeline") + _query(
            self.params, period=period.slug, year_from=None, year_to=None
        )

    @property
    def whole_url(self) -> str:
        return reverse("diplomacy:timeline") + _query(
            self.params, period=None, year_from=None, year_to=None
        )

    def chart(self):
        """The SVG's rows: periods first, then events, each in order, and its height."""
        if not self.axis:
            return None
        y = AXIS_HEIGHT + 6
        rows = []
        sections = []
        for kind, records, title in (
            ("period", self.periods, _("Periods")),
            ("event", self.events, _("Events")),
        ):
            if not records:
                continue
            sections.append({"title": title, "y": y + 16})
            y += HEADING_HEIGHT
            for record in records:
                mark = mark_for(record, kind, self.axis, self.today)
                mark.y = y
                if kind == "period":
                    mark.zoom_url = self.zoom_url(record)
                    mark.current = record == self.zoom
                rows.append(mark)
                y += ROW_HEIGHT
        bottom = y + 4
        return {
            "axis": self.axis,
            "rows": rows,
            "sections": sections,
            "width": WIDTH,
            "grid_top": AXIS_HEIGHT - 4,
            "grid_bottom": bottom,
            "bottom_labels_y": bottom + 16,
            "height": bottom + 24,
            "bar_height": BAR_HEIGHT,
            "left": MARGIN,
            "right": WIDTH - MARGIN,
        }

    @property
    def is_filtered(self):
        return any(self._filter_data(self.params).values())

    @property
    def active_count(self):
        """How many filter values apply: each category ticked, each year given."""
        data = self._filter_data(self.params)
        data.pop(ZOOM_PARAM, None)
        return sum(1 for _, values in data.lists() for value in values if value)

    @property
    def summary(self):
        """ "5 periods and 21 events; 12 of them undated in the sources." """
        periods = len(self.periods) + len(self.undated_periods)
        events = len(self.events) + len(self.undated_events)
        undated = len(self.undated_periods) + len(self.undated_events)
        counts = {"periods": count_periods(periods), "events": count_events(events)}
        if not undated:
            return _("%(periods)s and %(events)s.") % counts
        return ngettext(
            "%(periods)s and %(events)s; %(undated)d of them undated in the sources.",
            "%(periods)s and %(events)s; %(undated)d of them undated in the sources.",
            undated,
        ) % {**counts, "undated": undated}


def count_periods(count):
    return ngettext("%(count)d period", "%(count)d periods", count) % {"count": count}


def count_events(count):
    return ngettext("%(count)d event", "%(count)d events", count) % {"count": count}


# --- The home page's teaser -----------------------------------------------------------

TEASER_ROW = 14
TEASER_EVENTS = 200


def teaser(today=None):
    """A small chart of the whole timeline for the home page: dated periods and a row of events.

    Three queries, whatever the number of records; at most TEASER_EVENTS events
    are drawn, the earliest first. The template is includes/timeline_teaser.html;
    the whole chart is one link to /timeline/.
    """
    periods = sorted((p for p in Period.objects.published().exclude(date="")), key=sort_key)
    # Dated: bounds set, the same as a date given (a constraint of Dated), and
    # counted from the chronological index alone.
    dated_events = Event.objects.published().filter(date_lower__isnull=False)
    events = sorted(dated_events.chronological()[:TEASER_EVENTS], key=sort_key)
    event_count = dated_events.count()
    axis = axis_for(periods + events, today=today)
    if not axis:
        return None
    y = AXIS_HEIGHT - 6
    rows = []
    for period in periods:
        mark = mark_for(period, "period", axis, today)
        mark.y = y - BAR_OFFSET
        rows.append(mark)
        y += TEASER_ROW
    points = []
    for event in events:
        mark = mark_for(event, "event", axis, today)
        mark.y = y - BAR_OFFSET
        points.append(mark)
    height = y + BAR_HEIGHT + 8
    return {
        "axis": axis,
        "periods": rows,
        "events": points,
        "width": WIDTH,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "grid_bottom": height - 4,
        "summary": _("%(periods)s and %(events)s, %(axis)s")
        % {
            "periods": ngettext("%(count)d dated period", "%(count)d dated periods", len(periods))
            % {"count": len(periods)},
            "events": ngettext("%(count)d dated event", "%(count)d dated events", event_count)
            % {"count": event_count},
            "axis": axis.label,
        },
    }
