"""Which public models have pages, read from the URLconf.

A model has a list page when `<app>:<model>-list` resolves, and record pages
when `<app>:<model>-detail` does; the sitemap and the navigation follow them,
so that a new model with pages is in both unasked.
"""

import functools

from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst

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


@functools.cache
def sections():
    """[(label, url name)] of every list page: the records, then the sources they cite."""
    models = sorted(
        (model for model in public_models() if has_page(model, "list")),
        key=lambda model: not issubclass(model, CitedRecord),
    )
    return [
        (
            capfirst(model._meta.verbose_name_plural),
            f"{model._meta.app_label}:{model._meta.model_name}-list",
        )
        for model in models
    ]
