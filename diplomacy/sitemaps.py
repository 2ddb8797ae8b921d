from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from history.models import Period, Person, Quote, Source

from .models import Country, Event, Organization, Priority, Project


class RecordSitemap(Sitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class PagesSitemap(Sitemap):
    def items(self):
        return [
            "diplomacy:home",
            "history:period-list",
            "history:person-list",
            "diplomacy:event-list",
            "diplomacy:country-list",
            "diplomacy:organization-list",
            "diplomacy:project-list",
            "diplomacy:priority-list",
            "history:quote-list",
            "history:source-list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PagesSitemap(),
    **{
        model._meta.model_name: RecordSitemap(model)
        for model in (
            Period,
            Person,
            Quote,
            Source,
            Event,
            Country,
            Organization,
            Project,
            Priority,
        )
    },
}
