"""FilterSets shared by the HTML lists and the API, one per model.

Parameter names are the same everywhere: q, year_from, year_to, period,
country, organization, person, category, kind, ordering. Several values of one
parameter (country=GE&country=TR) mean any of them; a value sent twice counts
once, and more than MAX_VALUES different values of one parameter are refused.
"""

import functools
import json
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Alias, Period, Person, Quote, Source, public_condition

YEAR_LIMIT = 9999

# The most values one filter parameter takes. Readers tick a few countries or
# people; 50 is more than anyone picks by hand, and keeps a page's links small:
# each of its chips links to the other values, so a page grows with the square
# of their number (about 30 kB of links at 50).
MAX_VALUES = 50

CHRONOLOGICAL = (F("date_lower").asc(nulls_last=True), F("date_upper").asc(nulls_last=True))
REVERSE_CHRONOLOGICAL = (
    F("date_upper").desc(nulls_last=True),
    F("date_lower").desc(nulls_last=True),
)


def distinct_values(data):
    """`data` with each parameter's values once each, where each was last sent;
    `data` itself when no value is repeated (or it holds one value a key).

    The last: that is the value a single-valued parameter reads (QueryDict.get),
    and it stays the one read whatever was repeated before it.
    """
    if not isinstance(data, QueryDict) or all(
        len(values) == len(set(values)) for _, values in data.lists()
    ):
        return data
    query = QueryDict(mutable=True)
    for name, values in data.lists():
        query.setlist(name, list(dict.fromkeys(reversed(values)))[::-1])
    return QueryDict(query.urlencode(), encoding=data.encoding)


class FilterForm(forms.Form):
    """The form of every FilterSet: no parameter takes more than MAX_VALUES values."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not hasattr(self.data, "getlist"):
            return
        for name in self.fields:
            given = len(self.data.getlist(name))
            if given > MAX_VALUES:
                # The reason, alone: what the field found wrong among so many
                # values (an unknown one) is beside the point.
                self.errors.pop(name, None)
                self.add_error(
                    name,
                    ValidationError(
                        gettext(
                            "Too many values: give at most %(limit)d different ones, "
                            "not %(given)d."
                        ),
                        code="too_many_values",
                        params={"limit": MAX_VALUES, "given": given},
                    ),
                )


@functools.cache
def filter_form(form_class):
    """`form_class` as a FilterForm: refusing more than MAX_VALUES values of a parameter."""
    if issubclass(form_class, FilterForm):
        return form_class
    return type(form_class.__name__, (FilterForm, form_class), {})


class YearRangeForm(FilterForm):
    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from is not None and year_to is not None and year_from > year_to:
            self.add_error(
                "year_to",
                ValidationError(
                    gettext("The end year comes before the start year."), code="reversed_range"
                ),
            )
        return cleaned


class WholeNumberField(forms.IntegerField):
    """A whole number as digits, with a minus sign if negative, and nothing else.

    Django's IntegerField also takes "1900.0", "1_900", " 1900" and digits of
    other scripts; a typed parameter that takes what it was not asked for hides
    a client's mistake.
    """

    default_error_messages = {
        "invalid": _("Enter a whole number: digits, with a minus sign if negative.")
    }
    digits = re.compile(r"-?[0-9]+")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not self.digits.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class YearFilter(django_filters.Filter):
    field_class = WholeNumberField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -YEAR_LIMIT)
        kwargs.setdefault("max_value", YEAR_LIMIT)
        # A text box, not type=number: a bad value is shown back as typed, with its
        # error, and years before the common era are typed with a minus sign.
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)


class OrderingSelect(forms.Select):
    """The sort select, with its list's own order as the blank choice: a form sent
    without touching it adds no ?ordering= to the address, so a filtered list keeps
    one address. The same order by name (?ordering=date) stays valid, and shows as
    the blank choice."""

    def optgroups(self, name, value, attrs=None):
        blank, _list_order, *others = super().optgroups(name, value, attrs)
        return [blank, *others]


class OrderingFilter(django_filters.OrderingFilter):
    """Ordering where "date" means chronological, undated records last.

    Its first field is the model's own order: the blank choice says which it is
    ("Oldest first"), not "Default order".
    """

    labels = {
        "date": _("Oldest first"),
        "-date": _("Newest first"),
        "title": _("Title, A to Z"),
        "-title": _("Title, Z to A"),
        "name": _("Name, A to Z"),
        "-name": _("Name, Z to A"),
        "code": _("Code, A to Z"),
        "-code": _("Code, Z to A"),
        "acronym": _("Acronym, A to Z"),
        "-acronym": _("Acronym, Z to A"),
        "value": _("Smallest first"),
        "-value": _("Largest first"),
        "position": _("In the sources’ order"),
        "-position": _("Reverse of the sources’ order"),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Sort by"))
        super().__init__(*args, **kwargs)
        self.extra["empty_label"] = self.extra["choices"][0][1]
        self.extra["widget"] = OrderingSelect

    def build_choices(self, fields, labels):
        choices = super().build_choices(fields, labels)
        return [(param, self.labels.get(param, label)) for param, label in choices]

    def filter(self, qs, value):
        # "ordering=," gives empty items: they name no field and are skipped.
        value = [choice for choice in value or () if choice]
        if not value:
            return qs
        ordering = []
        for choice in value:
            if choice == "date":
                ordering.extend(CHRONOLOGICAL)
            elif choice == "-date":
                ordering.extend(REVERSE_CHRONOLOGICAL)
            else:
                ordering.append(self.get_ordering_value(choice))
        return qs.order_by(*ordering, "pk")


def _attributes(attrs):
    """HTML attributes as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {conditional_escape(name)}"
        + ("" if value is True else f'="{conditional_escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Ticked boxes, each with how many records it would give, written in Python.

    The list page sets `counts` ({value: records}) before rendering: an option
    that would give nothing is left out unless it is ticked, when it shows its
    0. Past the `shown` busiest options, the rest fold under "Show N more", in
    their own order (periods in time, countries by name). Without counts (an
    invalid form, the API's browsable forms), every option is offered.

    Django renders each option through two template includes; a list page
    offers every published country and period, which took a few ms that way.
    """

    shown = 6
    counts = None

    def render(self, name, value, attrs=None, renderer=None):
        ticked = {str(v).lower() for v in self.format_value(value)}
        options = [(str(v), label, str(v).lower() in ticked) for v, label in self.choices]
        if self.counts is not None:
            counts = {str(key).lower(): count for key, count in self.counts.items()}
            options = [
                (v, label, checked, counts.get(v.lower(), 0))
                for v, label, checked in options
                if checked or counts.get(v.lower())
            ]
            busiest = sorted(options, key=lambda option: (not option[2], -option[3]))
            first = {option[0] for option in busiest[: max(self.shown, len(ticked))]}
        else:
            options = [(*option, None) for option in options]
            first = {option[0] for option in options}
        if len(options) - len(first) <= 2:  # folding one or two saves nothing
            first = {option[0] for option in options}
        shown = [option for option in options if option[0] in first]
        folded = [option for option in options if option[0] not in first]
        html = [self._list(name, shown)]
        if folded:
            more = ngettext("Show %(count)d more", "Show %(count)d more", len(folded)) % {
                "count": len(folded)
            }
            html.append(
                format_html(
                    '<details class="more"><summary>{}</summary>{}</details>',
                    more,
                    self._list(name, folded),
                )
            )
        return mark_safe("\n".join(html))  # every value in _list is escaped

    @staticmethod
    def _list(name, options):
        return format_html(
            '<ul class="options">{}</ul>',
            format_html_join(
                "",
                '<li><label><input type="checkbox" name="{}" value="{}"{}> {}{}</label></li>',
                (
                    (
                        name,
                        value,
                        mark_safe(" checked") if checked else "",
                        label,
                        ""
                        if count is None
                        else format_html(' <span class="count">{}</span>', count),
                    )
                    for value, label, checked, count in options
                ),
            ),
        )


class RecordPicker(forms.SelectMultiple):
    """The picked records as ticked boxes, and a text box to name one more.

    For filters on people and organizations, of which a large site has thousands:
    a select of every one made the event list page three times its size. Only the
    picked records are read, as Django admin's autocomplete widget does. Unticking
    a box drops that record; the text box takes a name, which static/js/picker.js
    completes from the API list at `source` (a URL name) as one types.
    """

    def __init__(self, source, attrs=None):
        super().__init__(attrs)
        self.source = source

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        field = self.choices.field
        values = self.format_value(value)
        picked = field.named(values)
        # A name that picked nothing is shown back, with its error.
        if unknown := unnamed(picked, values, field.name_fields):
            attrs["value"] = unknown[0]
        boxes = format_html_join(
            "\n",
            '<li><label><input type="checkbox" name="{}" value="{}" checked> {}</label></li>',
            ((name, record.slug, record) for record in picked),
        )
        hint_id = f"{attrs.get('id', name)}_hint"
        # The hint first, then whatever else describes the box (its error).
        attrs["aria-describedby"] = " ".join(
            filter(None, (hint_id, attrs.get("aria-describedby")))
        )
        hint = gettext("Type a name.")
        if picked:
            hint = gettext("Type a name. Untick one to drop it.")
        return format_html(
            '<div class="picker" data-source="{}" data-fields="{}"{}>\n'
            '<ul class="picked">{}</ul>\n'
            '<input type="text" name="{}" autocomplete="off" spellcheck="false"{}>\n'
            '<p class="hint" id="{}">{}</p>\n</div>',
            reverse(self.source),
            ",".join(("slug", *field.name_fields)),
            mark_safe(_attributes(picker_words())),  # escaped by _attributes
            boxes,
            name,
            mark_safe(_attributes(attrs)),  # escaped by _attributes
            hint_id,
            hint,
        )


# Numbers whose plural forms stand for every count's: one (1), few (2) and many (5)
# in Russian; one and other in English and Azerbaijani. static/js/picker.js takes
# the one whose plural category (Intl.PluralRules) is the count's.
PLURAL_SAMPLES = (1, 2, 5)


def picker_words():
    """The words static/js/picker.js says, in the page's language, as data attributes:
    %(label)s, %(count)s and %(name)s are filled in by the script."""
    counts = {
        str(n): ngettext("%(count)s suggestion", "%(count)s suggestions", n)
        for n in PLURAL_SAMPLES
    }
    return {
        "data-suggestions-label": gettext("%(label)s: suggestions"),
        "data-suggestions-count": json.dumps(counts, ensure_ascii=False),
        "data-no-matches": gettext("No matches"),
        "data-no-more-matches": gettext("No more matches"),
        "data-picked": gettext("%(name)s picked"),
    }


def named_records(queryset, values, fields):
    """The records whose slug is one of `values`, or whose name is (case aside).

    `fields` are the names a record goes by: its name, an organization's acronym.
    Case is set aside as the database lowers letters: SQLite, for ASCII only.
    """
    values = _typed(values)
    if not values:
        return queryset.none()
    # Each value as sent too: SQLite's LOWER() leaves other letters as they are.
    lowered = {*values, *(value.lower() for value in values)}
    names = {f"{field}_lowered": Lower(field) for field in fields}
    named = Q(slug__in=values)
    for name in names:
        named |= Q(**{f"{name}__in": lowered})
    return queryset.alias(**names).filter(named)


def goes_by(record, value, fields):
    """Whether `value` is the record's slug or one of its names, case aside."""
    value = value.strip().lower()
    return value == record.slug or any(
        value == str(getattr(record, field)).lower() for field in fields
    )


def unnamed(records, values, fields):
    """The values, as typed, that none of `records` goes by."""
    return [
        typed
        for typed in _typed(values)
        if not any(goes_by(record, typed, fields) for record in records)
    ]


def _typed(values):
    """The non-empty values, stripped, in the order sent."""
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))


class NamedRecordsField(forms.ModelMultipleChoiceField):
    """Records by slug or by name: a picker's text box sends a name as typed.

    An empty value is no choice (the text box is sent empty); a name no
    published record goes by is an error that says so.
    """

    def __init__(self, *args, name_fields=("name",), **kwargs):
        super().__init__(*args, **kwargs)
        self.name_fields = name_fields
        self._named = None  # (values, records) of the last lookup

    def named(self, values):
        """The records `values` name, looked up once for cleaning and rendering."""
        values = tuple(values)
        if self._named is None or self._named[0] != values:
            self._named = values, list(named_records(self.queryset, values, self.name_fields))
        return self._named[1]

    def _check_values(self, value):
        records = self.named(value)
        if unknown := unnamed(records, value, self.name_fields):
            raise ValidationError(
                # Translators: %(kind)s is the singular name of a kind of record ("person").
                gettext("No published %(kind)s goes by “%(value)s”."),
                code="invalid_choice",
                params={"kind": self.queryset.model._meta.verbose_name, "value": unknown[0]},
            )
        return records


def count_by(queryset, key):
    """{value of `key`: how many of the records have it}, in one query."""
    return dict(queryset.order_by().values_list(key).annotate(count=Count("pk", distinct=True)))


def shown_value(field, cleaned, value):
    """A filter value as a reader knows it: "Iran" for IR, "Statehood" for statehood."""
    if isinstance(field, NamedRecordsField):  # a slug, or a name as typed
        for record in cleaned or ():
            if goes_by(record, value, field.name_fields):
                return str(record)
    elif isinstance(field, forms.ModelMultipleChoiceField):
        key = field.to_field_name or "pk"
        for record in cleaned or ():
            if str(getattr(record, key)).lower() == value.lower():
                return str(record)
    elif isinstance(field, forms.ChoiceField):
        return dict(field.choices).get(value, value)
    return value


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """Any of several values of one of the record's own columns (category, kind).

    Without DISTINCT, which django-filter adds by default and which only a join
    can need: a DISTINCT over every column makes the list's COUNT and its facets
    sort the whole filtered table.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        kwargs.setdefault("widget", CheckboxGroup)
        super().__init__(*args, **kwargs)

    def option_counts(self, queryset):
        return count_by(queryset, self.field_name)


class RelatedRecordsFilter(django_filters.ModelMultipleChoiceFilter):
    """Related records named by a key other than the pk; any of several values."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", CheckboxGroup)
        super().__init__(*args, **kwargs)

    def option_counts(self, queryset):
        return count_by(queryset, f"{self.field_name}__{self.field.to_field_name or 'pk'}")

    def get_filter_predicate(self, v):
        # django-filter would filter on getattr(v, to_field_name), comparing a
        # slug with the primary key; filter on the record itself instead.
        return {self.field_name: v}


class SlugsFilter(RelatedRecordsFilter):
    """Related records by slug, published ones only.

    Read with the columns their options show only (`shown`, what the model's
    __str__ reads): a list page offers every published person and organization.
    """

    def __init__(self, *args, model, shown=("name",), **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        columns = (kwargs["to_field_name"], *shown)
        kwargs["queryset"] = lambda request: model.objects.published().only(*columns)
        super().__init__(*args, **kwargs)


class PickedRecordsFilter(SlugsFilter):
    """Records by slug or name, picked with a type-ahead (RecordPicker) from `source`."""

    field_class = NamedRecordsField

    def __init__(self, *args, source, shown=("name",), **kwargs):
        kwargs.setdefault("widget", RecordPicker(source))
        kwargs.setdefault("name_fields", shown)
        super().__init__(*args, shown=shown, **kwargs)


def _holds(field, word):
    holds = Q(**{f"{field}__icontains": word})
    if field.startswith("aliases__"):
        # Public aliases only, as Alias.objects.published() reads them, in the
        # same join (one filter() call).
        holds &= public_condition(Alias, "aliases__")
    return holds


class RecordFilterSet(django_filters.FilterSet):
    """Text search over `search_fields`, matched in any of them.

    Every FilterSet, for pages and API alike, reads each value once however often
    it was sent, and refuses more than MAX_VALUES values of one parameter (its
    form is a FilterForm). The request's query is left as sent: the links a page
    or the API builds carry each value once as they are built from
    history.caching.declared_query, which drops repeats the same way.
    """

    search_fields = ()
    # The names a record goes by, for a `name` filter (the pickers' suggestions).
    name_fields = ()

    q = django_filters.CharFilter(method="filter_text", label=_("Text"))

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(distinct_values(data), queryset, request=request, prefix=prefix)

    def get_form_class(self):
        # As django-filter's, on a FilterForm whatever form the Meta names (a
        # FilterSet's own `class Meta:` names none: a plain Form).
        fields = {name: filter_.field for name, filter_ in self.filters.items()}
        return type(f"{type(self).__name__}Form", (filter_form(self._meta.form),), fields)

    @functools.cached_property
    def chips(self):
        """[(label, value as shown, parameter, value as sent)] of every filter
        value applied, for links that remove just that one."""
        if not self.is_valid():
            return []
        return [
            (
                field.label or name,
                shown_value(field, self.form.cleaned_data.get(name), value),
                name,
                value,
            )
            for name, field in self.form.fields.items()
            if name != "ordering"  # a sort, shown in its select, narrows nothing
            for value in self.data.getlist(name)  # each value once, as the filter read it
            if value.strip()
        ]

    def count_options(self):
        """Give each checkbox group its counts: how many records each option would
        give, the other filters as they are (as facets count). One query a group."""
        if not self.is_valid():
            return
        for name, filter_ in self.filters.items():
            widget = self.form.fields[name].widget
            if isinstance(widget, CheckboxGroup) and hasattr(filter_, "option_counts"):
                widget.counts = filter_.option_counts(self._filtered(skipping=name))

    def _filtered(self, skipping):
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name != skipping:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_text(self, queryset, name, value):
        return self._containing(queryset, value, self.search_fields)

    def filter_name(self, queryset, name, value):
        return self._containing(queryset, value, self.name_fields)

    @staticmethod
    def _containing(queryset, value, fields):
        """The records holding every word of `value` in any of `fields`."""
        words = Q()
        for word in value.split():
            words &= Q(*(_holds(field, word) for field in fields), _connector=Q.OR)
        return queryset.filter(words).distinct()


class DatedFilterSet(RecordFilterSet):
    """Year ranges select every record whose date span overlaps them."""

    year_from = YearFilter(method="filter_year_from", label=_("From year"))
    year_to = YearFilter(method="filter_year_to", label=_("To year"))

    class Meta:
        form = YearRangeForm

    def filter_year_from(self, queryset, name, value):
        return queryset.overlapping(year_from=value)

    def filter_year_to(self, queryset, name, value):
        return queryset.overlapping(year_to=value)


class PeriodFilterSet(DatedFilterSet):
    search_fields = ("name", "summary", "aliases__name")
    kind = ChoicesFilter(choices=Period.Kind.choices, label=_("Kind"))
    ordering = OrderingFilter(
        fields={"position": "position", "date_lower": "date", "name": "name"}
    )

    class Meta(DatedFilterSet.Meta):
        model = Period
        fields = ["q", "year_from", "year_to", "kind"]


class PersonFilterSet(RecordFilterSet):
    search_fields = ("name", "role", "summary", "aliases__name")
    name_fields = ("name", "aliases__name")
    name = django_filters.CharFilter(method="filter_name", label=_("Name"))
    period = SlugsFilter(field_name="periods", model=Period, label=_("Periods"))
    ordering = OrderingFilter(fields={"name": "name"})

    class Meta:
        model = Person
        fields = ["q", "name", "period"]


class QuoteFilterSet(DatedFilterSet):
    search_fields = ("text", "occasion", "speaker__name")
    person = PickedRecordsFilter(
        field_name="speaker", model=Person, source="api:person-list", label=_("Speaker")
    )
    kind = ChoicesFilter(choices=Quote.Kind.choices, label=_("Kind"))
    ordering = OrderingFilter(fields={"date_lower": "date"})

    class Meta(DatedFilterSet.Meta):
        model = Quote
        fields = ["q", "year_from", "year_to", "person", "kind"]


class SourceFilterSet(RecordFilterSet):
    search_fields = ("title", "author", "description", "text")
    ordering = OrderingFilter(fields={"title": "title"})

    class Meta:
        model = Source
        fields = ["q"]
