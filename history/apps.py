from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HistoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "history"
    verbose_name = "History: sources, periods, people and quotes"

    def ready(self):
        from . import caching, editorial, signals  # noqa: F401 -- receivers
        from .viewsets import name_shared_enums

        name_shared_enums()

        # After contrib.auth's own receiver has made the permissions of new models.
        post_migrate.connect(editorial.grant_group_permissions, sender=self)
