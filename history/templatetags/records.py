import json

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def markdown(text):
    """Markdown rendered to HTML, then sanitised: editors' text is never trusted."""
    return mark_safe(nh3.clean(markdown_lib.markdown(text or "")))


@register.simple_tag(takes_context=True)
def toggle_filter(context, key, value):
    """The current query string with one filter value added, or removed if present."""
    query = context["request"].GET.copy()
    query.pop("page", None)
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
    request = context["request"]
    active = []
    if filterset.is_valid():
        for name, field in filterset.form.fields.items():
            for value in request.GET.getlist(name):
                if value:
                    active.append((field.label or name, value, name))
    return {"active": active, "request": request}


@register.filter
def jsonld(data):
    """A dict as JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
