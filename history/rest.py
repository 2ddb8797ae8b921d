"""What every view of the JSON API shares, as settings name it (REST_FRAMEWORK):
pagination, content negotiation, the CSV renderer, the throttle, the permissions
and the error body.

DRF reads its settings while it defines its own views, so nothing here imports
rest_framework.views (or what imports it) when the module loads.
"""

import csv
import io
import json
import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import negotiation, pagination, permissions, renderers, throttling
from rest_framework import serializers as drf_serializers
from rest_framework.exceptions import ErrorDetail, NotAcceptable, NotFound, ValidationError
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param

logger = logging.getLogger(__name__)


class Pagination(pagination.PageNumberPagination):
    """Pages of PAGE_SIZE records; `page_size` asks for 1 to 200.

    `page` and `page_size` are whole numbers of at least 1 (`page_size` at most
    200): anything else (abc, null, 1.5, 0, 201, nothing) answers 400 naming the
    parameter, where DRF's would quietly give PAGE_SIZE, or 200, or a 404. A
    page past the last answers 404.
    """

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        size = self._whole_number(request, self.page_size_query_param, most=self.max_page_size)
        return size or self.page_size

    def get_page_number(self, request, paginator):
        return self._whole_number(request, self.page_query_param) or 1

    @staticmethod
    def _whole_number(request, name, most=None):
        """The whole number from 1 (to `most`) sent as `name`; None when not sent."""
        if name not in request.query_params:
            return None
        from history.filters import WholeNumberField  # see the module's doc

        field = WholeNumberField(min_value=1, max_value=most)
        field.error_messages["required"] = field.error_messages["invalid"]
        try:
            return field.clean(request.query_params[name])
        except DjangoValidationError as error:
            details = [
                ErrorDetail(message, code=each.code)
                for message, each in zip(error.messages, error.error_list, strict=True)
            ]
            raise ValidationError({name: details}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
                parameter["description"] = (
                    "Which page, from 1. Anything but a whole number of at least 1 answers "
                    "400; a page past the last, 404."
                )
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = (
                    f"Records per page: {self.page_size} unless asked, at most "
                    f"{self.max_page_size}. Anything but a whole number from 1 to "
                    f"{self.max_page_size} answers 400."
                )
        return parameters

    def get_next_link(self):
        if not self.page.has_next():
            return None
        number = self.page.next_page_number()
        return replace_query_param(self._address(), self.page_query_param, number)

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        if number == 1:
            return remove_query_param(self._address(), self.page_query_param)
        return replace_query_param(self._address(), self.page_query_param, number)

    def _address(self):
        """This list's address with the declared query, not the one sent (as DRF's
        links are): a cached answer's next and previous are everyone's."""
        from history.caching import declared_query  # see the module's doc

        query = declared_query(self.request).urlencode()
        return self.request.build_absolute_uri(f"{self.request.path}?{query}")

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound({self.page_query_param: error.detail}) from None


def _cell(value):
    """One CSV cell. A related record is named (its title or name); several values
    are a JSON array, which holds any character (a semicolon in a quote included)
    and which a program reads back with one json.loads. A citation is its words with
    its source and locator."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps([_item(item) for item in value], ensure_ascii=False)
    item = _item(value)
    return item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)


def _item(value):
    if not isinstance(value, dict):
        return value
    if "quote" in value:  # a citation
        return {
            "quote": value["quote"],
            "source": _item(value.get("source")),
            "locator": value.get("locator", ""),
        }
    for key in ("title", "name", "message", "code", "slug"):
        if value.get(key):
            return str(value[key])
    return value


class CSVRenderer(renderers.BaseRenderer):
    """A list as CSV: one row per record, related records named in one cell."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        rows = data
        if isinstance(data, dict):
            rows = data.get("results", data.get("errors", [data]))
        columns = list(dict.fromkeys(key for row in rows for key in row))
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in columns])
        return out.getvalue().encode(self.charset)


class ContentNegotiation(negotiation.DefaultContentNegotiation):
    """`?format=` picks the format whatever Accept says (the override DRF names
    it for; DRF's still asks Accept to agree). A format nobody here writes
    answers 406 naming those there are, whether it was asked for with `?format=`
    or with `Accept` (DRF's answers a 404 to the one and a bare 406 to the other).

    406 is HTTP's word for it (the address exists; it has no such
    representation), and what DRF gives an Accept header it cannot satisfy.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        asked = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if asked is None:
            try:
                return super().select_renderer(request, renderers, format_suffix)
            except NotAcceptable:
                types = ", ".join(renderer.media_type for renderer in renderers)
                message = f"No media type accepted is answered here; this address answers {types}."
                raise NotAcceptable({"Accept": message}) from None
        for renderer in renderers:
            if renderer.format == asked:
                return renderer, renderer.media_type
        formats = ", ".join(renderer.format for renderer in renderers)
        message = f"No such format: {asked!r}. This address answers in {formats}."
        raise NotAcceptable({self.settings.URL_FORMAT_OVERRIDE: message})


class AnonRateThrottle(throttling.AnonRateThrottle):
    """Anonymous requests per IP, at the rate settings give now (tests lower it)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        # The counts live in the cache; without it, serve rather than fail.
        try:
            return super().allow_request(request, view)
        except Exception as error:
            logger.warning("throttle skipped, cache unavailable: %s", error)
            return True


class ReadOrModelPermissions(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads; writing takes the model's add or change permission.

    A read is allowed before the view's queryset is built: DRF's class builds it
    for every request only to learn the model, and a read needs no permission
    whatever the model. That queryset (five prefetches for an event) was most
    of the cost of an answer served from the cache.
    """

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)


# --- Errors, and the schema that names them ----------------------------------------


class ErrorSerializer(drf_serializers.Serializer):
    field = drf_serializers.CharField(
        allow_null=True, help_text="The parameter or field at fault; null for the request."
    )
    message = drf_serializers.CharField(help_text="What is wrong, in words.")
    code = drf_serializers.CharField(help_text="A short name for the reason, e.g. invalid.")


class ErrorBodySerializer(drf_serializers.Serializer):
    """The body of every error response: 400, 401, 403, 404, 405, 406, 429."""

    errors = ErrorSerializer(many=True)
    status = drf_serializers.IntegerField(help_text="The HTTP status code.")


def _errors(detail, field=None):
    if isinstance(detail, dict):
        for key, value in detail.items():
            if key in ("detail", api_settings.NON_FIELD_ERRORS_KEY):
                yield from _errors(value, field)
            else:
                yield from _errors(value, f"{field}.{key}" if field else str(key))
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                yield from _errors(item, f"{field}.{index}" if field else str(index))
            else:
                yield from _errors(item, field)
    else:
        yield {
            "field": field,
            "message": str(detail),
            "code": getattr(detail, "code", None) or "invalid",
        }


def exception_handler(exc, context):
    """DRF's handler, with every error in one shape: {"errors": [...], "status": N}."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(drf_serializers.as_serializer_error(exc))
    from rest_framework.views import exception_handler as drf_handler  # see the module's doc

    response = drf_handler(exc, context)
    if response is not None:
        response.data = {
            "errors": [error for error in _errors(response.data) if error["message"]],
            "status": response.status_code,
        }
    return response
