from django.apps import AppConfig


class DiplomacyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "diplomacy"
    verbose_name = "Diplomacy: countries, organizations, events and policy"

    def ready(self):
        from . import signals  # noqa: F401 -- keeps the search index in step
