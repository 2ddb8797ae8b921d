from urllib.parse import unquote

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect, JsonResponse
from django.middleware import locale
from django.utils import translation
from django.utils.translation import gettext

from .models import Redirect, one_version_each

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class OneVersionPerRequestMiddleware:
    """Each request that writes leaves one version per record it changed.

    Goes after simple-history's HistoryRequestMiddleware, which supplies the user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with one_version_each():
            return self.get_response(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, which takes a page's language from its address; the API, which
    has one address for every language, takes ?lang= and then Accept-Language.
    A ?lang= the site does not speak is refused by the API (history.viewsets)."""

    def process_request(self, request):
        if not request.path_info.startswith("/api/"):
            return super().process_request(request)
        asked = request.GET.get("lang")
        if asked in dict(settings.LANGUAGES):
            language = asked
        else:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return super().process_response(request, response)  # Vary: Accept-Language
        # A page's language is its address's: the page varies with nothing the reader sends.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RedirectMiddleware:
    """Answers a 404 at an address a record moved from with a 301 to where it is now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        # Moves are stored at the English address; /az/… and /ru/… follow them.
        language = translation.get_language_from_path(request.path)
        prefix = f"/{language}" if language else ""
        moved = Redirect.objects.filter(old_path=request.path.removeprefix(prefix))
        new_path = moved.values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        new_path = prefix + new_path
        query = request.META.get("QUERY_STRING", "")  # as sent
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)


class RefuseNulCharactersMiddleware:
    """An address holding a NUL character is a bad request, answered before any view.

    No text can hold one (PostgreSQL refuses it), so every lookup would fail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            # xgettext:no-python-format
            message = gettext("An address may not contain NUL characters (%00).")
            if request.path.startswith("/api/"):
                # The API's one error body.
                error = {"field": None, "message": message, "code": "invalid"}
                return JsonResponse({"errors": [error], "status": 400}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain")
        return self.get_response(request)
