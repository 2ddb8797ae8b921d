"""Rules that hold on every save, fixture loads (raw saves) included."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import ContentHistory, Dated, Passage


@receiver(pre_save, dispatch_uid="history.derive_date_bounds")
def derive_date_bounds(sender, instance, **kwargs):
    if isinstance(instance, Dated):
        instance.derive_date_bounds()


@receiver(pre_save, dispatch_uid="history.check_passage_in_source")
def check_passage_in_source(sender, instance, **kwargs):
    if isinstance(instance, Passage):
        instance.clean()


@receiver(pre_save, dispatch_uid="history.no_versions_for_raw_saves")
def no_versions_for_raw_saves(sender, instance, raw=False, **kwargs):
    """Fixture loads and restores write no versions, not even for the links they set.

    simple-history skips raw saves but not the many-to-many changes that follow
    them; `load_content` records one baseline version per record instead.
    """
    if raw and sender in ContentHistory.tracked:
        instance.skip_history_when_saving = True
