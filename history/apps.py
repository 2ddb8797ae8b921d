from django.apps import AppConfig, apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate


class HistoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "history"
    verbose_name = "History: sources, periods, people and quotes"

    def ready(self):
        from . import caching, editorial, signals  # noqa: F401 -- receivers
        from .viewsets import name_shared_enums

        name_shared_enums()
        name_links()
        check_versions_kept()

        # After contrib.auth's own receiver has made the permissions of new models.
        post_migrate.connect(editorial.grant_group_permissions, sender=self)


def check_versions_kept():
    """Every public record keeps its versions: its model is registered for them in
    its app's translation.py (history.models.keep_versions), which nothing else checks."""
    from .models import ContentHistory, Record

    untracked = [
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Record) and model not in ContentHistory.tracked
    ]
    if untracked:
        raise ImproperlyConfigured(
            f"No versions kept of {', '.join(untracked)}: call keep_versions() on them "
            "in their app's translation.py."
        )


def name_links():
    """A link (a row of a many-to-many table Django made) is named by what it links to.

    So that the admin's inline rows, change messages ("Added event-citation
    relationship “…”") and delete confirmations name the citation's words and
    source, or the country, and not "Event_citations object (45)".
    """
    for model in apps.get_models():
        if model._meta.app_label not in settings.CONTENT_APPS:
            continue
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                through.__str__ = _linked(field.m2m_reverse_field_name())


def _linked(target):
    def __str__(link):
        return str(getattr(link, target))

    return __str__
