import json

from django import forms, template
from django.utils.safestring import mark_safe

from history import markup
from history.filters import NamedRecordsField, goes_by

register = template.Library()


@register.filter
def markdown(text):
    """Editors' Markdown as HTML, sanitised (the feed renders it the same way)."""
    return mark_safe(markup.to_html(text))


@register.simple_tag(takes_context=True)
def toggle_filter(context, key, value):
    """The page's query string with one filter value added, or removed if present.

    From the declared query, never request.GET: a page cached for everyone
    links with the parameters it reads only, each value once.
    """
    query = context["declared_query"].copy()
    query.pop("page", None)
    for name in list(query):  # fields left empty by the form say nothing
        if not any(query.getlist(name)):
            del query[name]
    values = query.getlist(key)
    value = str(value)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    query.setlist(key, values)
    return f"?{query.urlencode()}" if query else "?"


@register.inclusion_tag("includes/active_filters.html", takes_context=True)
def active_filters(context, filterset):
    """Each applied filter value, with a link that removes just that one."""
    active = []
    if filterset.is_valid():
        for name, field in filterset.form.fields.items():
            for value in filterset.data.getlist(name):  # each value once, as the filter read it
                if value.strip():
                    shown = _shown_value(field, filterset.form.cleaned_data.get(name), value)
                    active.append((field.label or name, shown, name, value))
    return {
        "active": active,
        "request": context["request"],
        "declared_query": context["declared_query"],
    }


def _shown_value(field, cleaned, value):
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


@register.filter
def jsonld(data):
    """A dict as JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
