from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import ErrorReport

# The public pages are the content apps' own; these two hold no content to report on.
NOT_REPORTABLE = {"report-error", "report-error-sent"}


def is_reportable(page):
    """Whether `page` is the path of one of the site's public content pages, in
    any language (/az/events/… is reported from the English form too)."""
    language = translation.get_language_from_path(page) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            match = resolve(page) if page.startswith("/") else None
    except Resolver404:
        return False
    return (
        match is not None
        and match.namespace in settings.CONTENT_APPS
        and match.url_name not in NOT_REPORTABLE
    )


class ErrorReportForm(forms.ModelForm):
    """A reader's report; `website` is a trap only robots fill in."""

    website = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ErrorReport
        fields = ["page", "message", "email"]
        widgets = {"page": forms.HiddenInput, "message": forms.Textarea(attrs={"rows": 6})}
        # The label names the field; the help says what makes a report one the
        # editors can act on (the model's help texts are the editors').
        labels = {"message": _("The error"), "email": _("Your email (optional)")}
        help_texts = {
            "message": _(
                "Quote the words that are wrong and say what is right, and where you "
                "read it: a source and its page, if you know one. Such a report can be checked "
                "against the source at once."
            ),
            "email": _("Only if you want an answer. It is not shown on the site."),
        }
        error_messages = {
            "message": {
                "required": _("Say what is wrong, and where the page says it."),
                "max_length": _(
                    "A report can be at most %(limit_value)d characters long "
                    "(this one has %(show_value)d)."
                ),
            },
        }

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not is_reportable(page):
            raise forms.ValidationError(_("That is not a page of this site."))
        return page

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""
