"""Rules that hold on every save, fixture loads (raw saves) included."""

from urllib.parse import urlsplit

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import ContentHistory, Dated, Passage, Record, Redirect


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


@receiver(pre_save, dispatch_uid="history.remember_old_address")
def remember_old_address(sender, instance, raw=False, **kwargs):
    """A public record whose slug changes: remember its old address (see below)."""
    instance._old_public_path = None
    if raw or not isinstance(instance, Record) or instance.pk is None:
        return
    before = sender._base_manager.filter(pk=instance.pk).first()
    if before is not None and before.slug != instance.slug and before.is_public:
        instance._old_public_path = urlsplit(before.get_absolute_url()).path


@receiver(post_save, dispatch_uid="history.redirect_old_address")
def redirect_old_address(sender, instance, raw=False, **kwargs):
    """A record whose address changes with its slug leaves a redirect behind.

    Only from a public address to a public one, asked of the door once saved: a
    redirect must never tell anyone the slug of a record they may not see.
    """
    old_path = getattr(instance, "_old_public_path", None)
    if old_path and instance.is_public:
        Redirect.moved(old_path, urlsplit(instance.get_absolute_url()).path)
