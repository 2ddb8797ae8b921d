"""Which public models have pages, read from the URLconf.

A model has a list page when `<app>:<model>-list` resolves, and record pages
when `<app>:<model>-detail` does; the sitemap and the navigation follow them,
so that a new model with pages is in both unasked.
"""

import functools

from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import CitedRecord, public_models


def has_page(model, kind):
    opts = model._meta
    try:
        reverse(
            f"{opts.app_label}:{opts.model_name}-{kind}", args=["x"] if kind == "detail" else []
        )
    except NoReverseMatch:
        return False
    return True


# The navigation's name for each list page, marked for translation here: the
# models' own names are the admin's. A new model with a list page is in the
# navigation unasked, under its plural verbose name, until it is named here
# (tests/test_i18n.py asks for that).
SECTION_NAMES = {
    "history.period": _("Periods"),
    "history.person": _("People"),
    "history.quote": _("Quotes"),
    "history.source": _("Sources"),
    "diplomacy.country": _("Countries"),
    "diplomacy.organization": _("Organizations"),
    "diplomacy.project": _("Projects"),
    "diplomacy.event": _("Events"),
    "diplomacy.document": _("Documents"),
    "diplomacy.priority": _("Policy"),
}


def section_name(model):
    """The navigation's name for a model's list page: "Events"."""
    return SECTION_NAMES.get(model._meta.label_lower) or capfirst(model._meta.verbose_name_plural)


@functools.cache
def sections():
    """[(label, url name)] of every list page: the records, then the sources they cite."""
    models = sorted(
        (model for model in public_models() if has_page(model, "list")),
        key=lambda model: not issubclass(model, CitedRecord),
    )
    return [
        (
            section_name(model),
            f"{model._meta.app_label}:{model._meta.model_name}-list",
        )
        for model in models
    ]
