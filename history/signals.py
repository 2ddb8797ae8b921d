"""Rules that hold on every save, fixture loads (raw saves) included."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import Dated, Passage


@receiver(pre_save, dispatch_uid="history.derive_date_bounds")
def derive_date_bounds(sender, instance, **kwargs):
    if isinstance(instance, Dated):
        instance.derive_date_bounds()


@receiver(pre_save, dispatch_uid="history.check_passage_in_source")
def check_passage_in_source(sender, instance, **kwargs):
    if isinstance(instance, Passage):
        instance.clean()
