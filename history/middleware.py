from urllib.parse import unquote

from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect, JsonResponse
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


class RedirectMiddleware:
    """Answers a 404 at an address a record moved from with a 301 to where it is now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        moved = Redirect.objects.filter(old_path=request.path)
        new_path = moved.values_list("new_path", flat=True).first()
        if new_path is None:
            return response
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
