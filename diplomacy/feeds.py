from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from history import markup

from .models import Event


class EventFeed(Feed):
    """The latest published or changed events, newest change first."""

    feed_type = Atom1Feed
    title = _("Azerbaijan’s Diplomatic History: events")
    link = reverse_lazy("diplomacy:event-list")
    subtitle = _("Events in Azerbaijan’s diplomatic history, each with its source.")

    def items(self):
        return Event.objects.published().order_by("-updated_at", "-pk")[:50]

    def item_title(self, event):
        if not event.date:
            return event.title
        return _("%(date)s: %(title)s") % {"date": event.date_display, "title": event.title}

    def item_description(self, event):
        # Feed readers show it as HTML: the page's rendering, sanitised.
        return markup.to_html(event.summary)

    def item_updateddate(self, event):
        return event.updated_at

    def item_pubdate(self, event):
        return event.created_at
