"""The admin site: the site's own tool, under the site's name.

INSTALLED_APPS has SiteAdminConfig where it would have django.contrib.admin, which
makes SiteAdmin the default site (`admin.site`), as Django's docs say to.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class WholeWordsAutocomplete(AutocompleteJsonView):
    """A passage's choice reads in full (a citation's words, source and locator), so
    that the one chosen shows all its words, not the first line of them."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        return {**result, "text": getattr(obj, "in_full", result["text"])}


class SiteAdmin(admin.AdminSite):
    site_header = site_title = settings.SITE_NAME
    index_title = "Editing the content"
    # Every page has the width of the window: the home page and the breadcrumbs lead
    # everywhere the sidebar did, and a phone's or a tablet's screen is not halved.
    enable_nav_sidebar = False

    def autocomplete_view(self, request):
        return WholeWordsAutocomplete.as_view(admin_site=self)(request)


class SiteAdminConfig(AdminConfig):
    default_site = "history.sites.SiteAdmin"
