"""The sitemap: the list pages, and every published record with a page of its own.

Built from the models and the URLconf, so that a new public model with a list
or detail page (`<app>:<model>-list`, `<app>:<model>-detail`) is in it unasked.
"""

import functools

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import NoReverseMatch, reverse

from history.models import public_models


def _has_page(model, kind):
    opts = model._meta
    try:
        reverse(
            f"{opts.app_label}:{opts.model_name}-{kind}", args=["x"] if kind == "detail" else []
        )
    except NoReverseMatch:
        return False
    return True


class RecordSitemap(Sitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class PagesSitemap(Sitemap):
    def items(self):
        lists = [
            f"{model._meta.app_label}:{model._meta.model_name}-list"
            for model in public_models()
            if _has_page(model, "list")
        ]
        return ["diplomacy:home", "diplomacy:timeline", "diplomacy:map", *lists]

    def location(self, name):
        return reverse(name)


@functools.cache
def sitemaps():
    """{section: sitemap}: the pages, then one section per model with record pages."""
    sections = {"pages": PagesSitemap()}
    for model in public_models():
        if _has_page(model, "detail"):
            sections[model._meta.model_name] = RecordSitemap(model)
    return sections


def sitemap(request):
    # Built at the first request, not at import: reverse() needs the URLconf loaded.
    return sitemap_views.sitemap(request, sitemaps=sitemaps())
