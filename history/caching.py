"""A shared cache of what the public reads, which never serves a stale answer.

Every cached page and API answer is filed under the current *generation* of
the content. Any save, delete or change of relations of a content record moves
the generation on once its transaction commits, so the next request, on any
app server sharing the cache, misses and reads the database again; what was
cached before simply expires. When the cache cannot be reached, requests are
served uncached: the cache is an accelerator, never a dependency.
"""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import set_response_etag

from .filters import distinct_values
from .models import is_public_model

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"


def _quietly(operation):
    """The result of a cache operation, or None when the cache is down."""
    try:
        return operation()
    except Exception as error:  # any backend failure: serve uncached
        logger.warning("cache unavailable: %s", error)
        return None


# Whether this process found the cache down since it last moved the generation.
# Changes made meanwhile, here or by another process, could not move it; a cache
# that comes back with its data (Redis restarted from disk, a network split
# healed) would still hold the old generation and everything filed under it.
_advance_missed = False


def generation():
    """The current content generation; None when the cache cannot be reached, or
    when PUBLIC_CACHE_SECONDS=0 turns the public cache off: then nothing is looked up.

    After an outage, the generation is moved on before the cache is read again:
    what it holds may predate a change made while it was down.
    """
    global _advance_missed
    if settings.PUBLIC_CACHE_SECONDS <= 0:
        return None
    if _advance_missed and not advance():
        return None
    # A clock value, not 1, so that a generation lost from the cache is never reused.
    current = _quietly(lambda: cache.get_or_set(GENERATION_KEY, time.time_ns(), timeout=None))
    if current is None:
        _advance_missed = True
    return current


def count(counter, per_seconds):
    """How often `counter` was counted in its window, this time included (a rate
    limit's tally); 0 when the cache is down, so that nothing is refused for it."""

    def bump():
        cache.add(counter, 0, timeout=per_seconds)
        return cache.incr(counter)

    return _quietly(bump) or 0


def advance():
    """Move to a new generation: everything cached before is no longer read.

    Whether it was moved; if not, this process moves it before it reads the cache again.
    """
    global _advance_missed

    def move():
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
        return True

    _advance_missed = not _quietly(move)
    return not _advance_missed


# Parameters read besides a list's filters: by the pages, and by the API's
# pagination, renderers and choice of fields; all one API record reads.
PAGE_PARAMS = ("page",)
API_PARAMS = ("page", "page_size", "format", "fields")
API_RECORD_PARAMS = ("format", "fields")


def reads(*params):
    """Name the query parameters a function view reads (see `known_params`)."""

    def declare(view):
        view.query_params = params
        return view

    return declare


@functools.lru_cache(maxsize=4096)  # asked twice a request, and the URLconf never changes
def known_params(path):
    """The query parameters that can change the public answer at `path` (see
    `_declared_params`); the API's language, too, is asked for in its query."""
    declared = _declared_params(path)
    if declared is not None and path.startswith("/api/"):
        return declared | {"lang"}
    return declared


def _declared_params(path):
    """The query parameters that can change the public answer at `path`.

    A view declares them (`query_params`, or `reads` on a function view), or
    they are its FilterSet's and pagination's (an API record, whose viewset has
    the list's FilterSet, reads only API_RECORD_PARAMS). None when the view says
    nothing: then every parameter counts, as a view may read any of them. The API
    refuses any other parameter (history.viewsets.refuse_unknown_params).
    """
    try:
        func = resolve(path).func
    except Resolver404:
        return None
    view = getattr(func, "view_class", None) or getattr(func, "cls", None)
    declared = getattr(func, "query_params", None)
    if declared is None:
        declared = getattr(view, "query_params", None)
    if declared is not None:
        return frozenset(declared)
    if "list" not in getattr(func, "actions", {"get": "list"}).values():  # an API record
        return frozenset(API_RECORD_PARAMS)
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is None:
        return None
    extra = API_PARAMS if getattr(func, "cls", None) else PAGE_PARAMS
    return frozenset(filterset_class.base_filters).union(extra)


def declared_query(request):
    """The request's query as its view reads it: only the parameters the view
    declares (`known_params`), each value once (`filters.distinct_values`);
    request.GET itself when the view does not say what it reads.

    The cache key is built from it, and so are the links a page or an API answer
    carries (chips, facets, pages, next and previous): an unknown parameter (a
    tracking tag, a cache buster) or a value sent 300 times neither makes a new
    cache entry nor shows up in the links of a page cached for others. The
    request itself stays as sent, for the view to read.
    """
    # Asked for by the cache key, the template links and the API's pages: worked
    # out once a request.
    if getattr(request, "_declared_query", None) is None:
        known = known_params(request.path_info)
        if known is None:
            return request.GET
        query = QueryDict(mutable=True)
        for name, values in request.GET.lists():
            if name in known:
                query.setlist(name, values)
        request._declared_query = distinct_values(query)
    return request._declared_query


def key(kind, request, current):
    """A cache key for one public answer: its kind, generation, address and parameters.

    The parameters are the `declared_query`, by name: ?a=1&b=2 and ?b=2&a=1
    share one entry, and so do ?a=1 and ?a=1&a=1. A parameter's values keep
    their order, as the last one sent is the one a single-valued parameter reads.
    """
    params = sorted(declared_query(request).lists())
    # The language too: the API answers one address in every language.
    language = translation.get_language()
    address = f"{request.scheme}://{request.get_host()}{request.path}?{params!r}#{language}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"public:{kind}:{current}:{digest}"


# How long a worker keeps its own copy of an answer. A copy is never read after
# a change seen by the signals (its key names the generation); for writes that
# bypass them it adds at most this to PUBLIC_CACHE_SECONDS.
LOCAL_SECONDS = 60


def _local():
    """This process's own copy of the shared cache (settings.CACHES["local"]), if any."""
    return caches["local"] if "local" in settings.CACHES else None


def _keep_locally(cache_key, value):
    if local := _local():
        timeout = min(LOCAL_SECONDS, settings.PUBLIC_CACHE_SECONDS)
        _quietly(lambda: local.set(cache_key, value, timeout=timeout))


def get(cache_key):
    local = _local()
    value = _quietly(lambda: local.get(cache_key)) if local else None
    if value is None:
        value = _quietly(lambda: cache.get(cache_key))
        if value is not None:
            _keep_locally(cache_key, value)
    return value


def put(cache_key, value):
    _keep_locally(cache_key, value)
    _quietly(lambda: cache.set(cache_key, value, timeout=settings.PUBLIC_CACHE_SECONDS))


def shows_content(model):
    """Whether the public reads this model (or it links records the public reads):
    not the history, the search index, redirects or reports."""
    if model._meta.auto_created:  # a many-to-many table
        return any(
            field.many_to_one and is_public_model(field.related_model)
            for field in model._meta.fields
        )
    return is_public_model(model)


@receiver(post_save, dispatch_uid="history.caching.saved")
@receiver(post_delete, dispatch_uid="history.caching.deleted")
@receiver(m2m_changed, dispatch_uid="history.caching.relations_changed")
def content_changed(sender, **kwargs):
    if shows_content(sender):
        # Now, and again after commit: a request that read the old rows in
        # between filed them under a generation no one looks at any more.
        advance()
        transaction.on_commit(advance)


class PublicPageCacheMiddleware:
    """Caches the public HTML pages for anonymous visitors (the API caches its own data).

    Never cached: the admin, the API, health checks, previews, signed-in staff,
    anything but a plain 200, and any answer that sets a cookie or asks not to be.
    """

    SKIPPED_PREFIXES = ("/api/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped = (*self.SKIPPED_PREFIXES, f"/{settings.ADMIN_URL}")

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        current = generation()
        if current is None:
            return self.get_response(request)
        cache_key = key("page", request, current)
        response = get(cache_key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            # Hashed once, here, not by ConditionalGetMiddleware on every hit.
            if not response.has_header("ETag"):
                set_response_etag(response)
            put(cache_key, response)
        return response

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.skipped)
            and "preview" not in request.GET
            and not request.user.is_authenticated
        )

    @staticmethod
    def is_cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-cache" not in cache_control
        )
