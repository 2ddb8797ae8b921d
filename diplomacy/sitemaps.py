"""The sitemap: the list pages, and every published record with a page of its own.

Built from the models and the URLconf (history.pages), so that a new public
model with a list or detail page is in it unasked; each page in every language.
"""

import functools

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from history.models import public_models
from history.pages import has_page, sections


class LanguagesSitemap(Sitemap):
    """Every page once in each language, naming its others (hreflang alternates)."""

    i18n = True
    alternates = True
    x_default = True


class RecordSitemap(LanguagesSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class PagesSitemap(LanguagesSitemap):
    def items(self):
        lists = [url_name for _, url_name in sections()]
        return ["diplomacy:home", "diplomacy:timeline", "diplomacy:map", *lists]

    def location(self, name):
        return reverse(name)


@functools.cache
def sitemaps():
    """{section: sitemap}: the pages, then one section per model with record pages."""
    sections = {"pages": PagesSitemap()}
    for model in public_models():
        if has_page(model, "detail"):
            sections[model._meta.model_name] = RecordSitemap(model)
    return sections


def sitemap(request):
    # Built at the first request, not at import: reverse() needs the URLconf loaded.
    return sitemap_views.sitemap(request, sitemaps=sitemaps())
