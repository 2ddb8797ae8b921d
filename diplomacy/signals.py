"""Keep the search index in step with the published content (see diplomacy/search.py).

Fixture loads (raw saves) are left alone: related rows may not be loaded yet, so
`load_content` rebuilds the whole index once everything is in.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from history.models import Alias

from . import search

SKIP = "_search_index_skip"  # set on instances saved raw, so their m2m changes are skipped too


@receiver(post_save, dispatch_uid="diplomacy.search.index_on_save")
def index_on_save(sender, instance, raw=False, **kwargs):
    if raw:
        setattr(instance, SKIP, True)
        return
    if sender in search.KIND_OF_MODEL:
        search.index_record(instance)
    elif sender is Alias:
        for record in search.records_with_alias(instance):
            search.index_record(record)


@receiver(post_delete, dispatch_uid="diplomacy.search.unindex_on_delete")
def unindex_on_delete(sender, instance, **kwargs):
    if sender in search.KIND_OF_MODEL:
        search.unindex_record(instance)
    elif sender is Alias:
        for record in getattr(instance, "_search_records", []):
            search.index_record(record)


@receiver(pre_delete, sender=Alias, dispatch_uid="diplomacy.search.remember_alias_records")
def remember_alias_records(sender, instance, **kwargs):
    # Deleting an alias removes its links without an m2m_changed signal.
    instance._search_records = list(search.records_with_alias(instance))


@receiver(m2m_changed, dispatch_uid="diplomacy.search.index_on_aliases_changed")
def index_on_aliases_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if getattr(instance, SKIP, False):
        return
    if not reverse:
        if (
            model is Alias
            and type(instance) in search.KIND_OF_MODEL
            and action.startswith("post_")
        ):
            search.index_record(instance)
        return
    if not isinstance(instance, Alias) or model not in search.KIND_OF_MODEL:
        return
    if action == "pre_clear":
        instance._search_records = list(search.records_with_alias(instance))
    elif action == "post_clear":
        for record in getattr(instance, "_search_records", []):
            search.index_record(record)
    elif action in ("post_add", "post_remove"):
        for record in model.objects.filter(pk__in=pk_set or []):
            search.index_record(record)
