from .models import one_version_each

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
