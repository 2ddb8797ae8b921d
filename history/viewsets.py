"""The base of every API view: the schema that names its errors, conditional
requests (ETags and If-Match), the shared cache of answers, and RecordViewSet.

The settings (REST_FRAMEWORK) give every view its pagination, renderers,
throttle, permissions and schema; a view says so where it differs.
"""

import datetime
import hashlib
import re
from collections import defaultdict

import django_filters
import orjson
from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.http import parse_etags
from drf_orjson_renderer.renderers import ORJSONRenderer
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import (
    build_array_type,
    build_basic_type,
    build_parameter_type,
    force_instance,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from . import caching, filters, languages, serializers, versions
from .models import public_models
from .rest import ErrorBodySerializer

WRITE_ACTIONS = {"create", "update", "partial_update"}


def name_shared_enums():
    """Name `<Model><Field>Enum` the choices of a field whose name several public
    models use with other choices (a period's kind, a quote's kind …), for the
    schema and the clients built from it; drf-spectacular would otherwise name
    them by a hash and warn."""
    fields = [
        field
        for model in public_models()
        for field in model._meta.concrete_fields
        if field.choices and not field.is_relation
    ]
    choice_sets = defaultdict(set)  # field name: its different sets of choices
    for field in fields:
        choice_sets[field.name].add(tuple(field.choices))
    overrides = settings.SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
    for field in fields:
        if len(choice_sets[field.name]) > 1:
            name = f"{field.model.__name__}{field.name.title()}Enum"
            overrides.setdefault(name, [choice for choice in field.choices if choice[0]])


class FilterSetExtension(DjangoFilterExtension):
    """Filters the schema cannot read by itself: years, related records by slug or
    code, and the empty ordering (the default order, as a list page's form sends it)."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if isinstance(filter_field, filters.OrderingFilter):
            parameters = super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
            for parameter in parameters:
                parameter["schema"]["items"]["enum"].insert(0, "")
                parameter["description"] += "\n\nEmpty: the default order."
            return parameters
        if isinstance(filter_field, filters.YearFilter):
            schema = build_basic_type(OpenApiTypes.INT)
            schema.update(minimum=-filters.YEAR_LIMIT, maximum=filters.YEAR_LIMIT)
            edge = "or later" if field_name == "year_from" else "or earlier"
            description = f"Records whose date overlaps this year {edge}; negative years are BCE."
            explode = None
        elif isinstance(filter_field, django_filters.ModelMultipleChoiceFilter):
            related = model._meta.get_field(filter_field.field_name).related_model
            schema = build_basic_type(OpenApiTypes.STR)
            if filter_field.extra.get("to_field_name") == "code":
                schema["pattern"] = "^[A-Za-z]{2}$"
                description = "ISO 3166-1 alpha-2 code of a published country, in either case."
            elif filter_field.extra.get("name_fields"):
                kind = related._meta.verbose_name
                description = f"Slug of a published {kind}, or a name it goes by (case aside)."
            else:
                description = f"Slug of a published {related._meta.verbose_name}."
            description += (
                f" Repeat the parameter for any of several, at most {filters.MAX_VALUES}"
                " different ones; a value repeated counts once, an empty one not at all"
                " (as a form sends an empty field)."
            )
            schema = {**build_array_type(schema), "minItems": 1, "maxItems": filters.MAX_VALUES}
            explode = True
        else:
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        return [
            build_parameter_type(
                name=field_name,
                location=OpenApiParameter.QUERY,
                description=description,
                schema=schema,
                explode=explode,
                style="form" if explode else None,
            )
        ]


# What each status code an operation can answer means, beside its success. The
# first ones come in the API's error body.
ERRORS = {
    "400": "A parameter or field is wrong (an unknown parameter included): each error "
    "names it and says why.",
    "401": "Credentials sent that are not valid (a read needs none), or none for a write.",
    "403": "The user may not make this change.",
    "404": "No such record, or a page past the last.",
    "406": "A format (`?format=` or `Accept`) this address does not answer: the error "
    "names those it does.",
    "412": "The record changed after the version named in If-Match.",
    "415": "A body that is not JSON.",
    "428": "A change without If-Match.",
    "429": "Too many requests from this address: wait the seconds Retry-After says.",
}
# Answered without a body, or by the server before the API reads the request.
BODILESS = {
    "301": "The record was renamed: Location gives its address now.",
    "304": "The answer whose ETag If-None-Match names is still the current one.",
    "412": "If-Match names an ETag other than the current answer's.",
    "414": "The address is longer than the server reads (gunicorn: a request line of "
    "4,094 bytes; the development server: 65,536), answered by the server in its own words.",
    "431": "Headers larger than the server reads, answered by the server in its own words.",
}


class APISchema(AutoSchema):
    """Every operation names every status code it can answer; reads need no
    credentials; changes name the version they change."""

    def get_auth(self):
        auths = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})  # anyone reads
        return auths

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method == "GET" and isinstance(self.view, RecordViewSet):
            parameters.append(
                OpenApiParameter(
                    "fields",
                    {
                        "type": "array",
                        "items": {"type": "string", "enum": list(self._get_serializer().fields)},
                        "minItems": 1,
                    },
                    explode=False,
                    style="form",
                    description="Only these fields of each record, comma-separated: "
                    "slug,name. A name the record does not have answers 400.",
                )
            )
        if self.method == "GET":
            codes = languages.LANGUAGES
            parameters.append(
                OpenApiParameter(
                    "lang",
                    {"type": "string", "enum": codes},
                    description="The language of the answer's text; wins over "
                    "Accept-Language. A record's text not yet translated is given in English. "
                    "Content-Language names the language answered.",
                )
            )
            parameters.append(
                OpenApiParameter(
                    "Accept-Language",
                    location=OpenApiParameter.HEADER,
                    description="The languages you read, as browsers send them "
                    f"({', '.join(codes)}; English when none of them).",
                )
            )
            parameters.append(
                OpenApiParameter(
                    "If-None-Match",
                    location=OpenApiParameter.HEADER,
                    description="The ETag of an answer you hold: 304, without a body, "
                    "while it is still the current one.",
                )
            )
        if self.method in ("PUT", "PATCH"):
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    location=OpenApiParameter.HEADER,
                    required=True,
                    description="The ETag of the version read (from a GET of the record, or "
                    "the answer to the last write), or * to overwrite any version. A record "
                    "saved by someone else since answers 412; without the header, 428.",
                )
            )
        return parameters

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "response" and isinstance(
            force_instance(serializer), serializers.RecordSerializer
        ):
            # `?fields=` may leave out any field of a record: none is required.
            schema.pop("required", None)
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        codes = ["400", "401", "404", "406", "429"]
        bodiless = ["414", "431"]
        if self.method == "GET":
            bodiless += ["304", "412"]
            if isinstance(self.view, RecordViewSet) and not self._is_list_view():
                bodiless.append("301")
        else:
            codes += ["403", "415"]
        if self.method in ("PUT", "PATCH"):
            codes += ["412", "428"]
        for code in codes:
            responses.setdefault(code, self._get_response_for_code(ErrorBodySerializer, code))
            responses[code]["description"] = ERRORS[code]
        for code in bodiless:
            responses.setdefault(code, {"description": BODILESS[code]})
        content_language = {"schema": {"type": "string", "enum": languages.LANGUAGES}}
        for code, response in responses.items():
            if code.startswith("2") and self.method == "GET":
                response.setdefault("headers", {})["Content-Language"] = content_language
        if "301" in responses:
            location = {"schema": {"type": "string", "format": "uri"}}
            responses["301"]["headers"] = {"Location": location}
        return dict(sorted(responses.items()))


@extend_schema(exclude=True)
class NoSuchAddress(APIView):
    """Any other address under /api/: a 404 in the API's error body, whatever
    the method, format or parameters."""

    renderer_classes = [ORJSONRenderer]  # a 404 has no CSV form

    def initial(self, request, *args, **kwargs):
        raise NotFound("There is nothing at this address.")


# Parameters any address takes and none reads: the tags mail and social sites
# add to links they pass on, and jQuery's cache buster (`_`).
TRACKING = re.compile(
    r"utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_[ce]id|_ga|_gl|_"
)


def refuse_unknown_params(request):
    """A 400 naming each parameter the view at this address does not read
    (`caching.known_params`), and listing those it does: a mistyped filter
    (?contry=GE) would otherwise give every record."""
    known = caching.known_params(request.path_info)
    if known is None:  # a view that reads anything
        return
    unknown = sorted(
        name for name in request.query_params if name not in known and not TRACKING.fullmatch(name)
    )
    if unknown:
        message = f"No such parameter. This address takes: {', '.join(sorted(known))}."
        raise ValidationError({name: [message] for name in unknown}, code="unknown_parameter")


def refuse_unknown_language(request):
    """A 400 for a ?lang= the site does not speak (history.middleware.LocaleMiddleware
    answers in the one asked for, when it speaks it)."""
    codes = languages.LANGUAGES
    asked = request.query_params.getlist("lang")
    if asked and asked[-1] not in codes:
        message = f"No such language. This API answers in: {', '.join(codes)}."
        raise ValidationError({"lang": [message]}, code="invalid_choice")


class ChecksItsQuery:
    """A view whose reads refuse the parameters it does not read (a write's query
    string names nothing it reads: its body does)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in permissions.SAFE_METHODS:
            refuse_unknown_params(request)
            refuse_unknown_language(request)


class PreconditionFailed(APIException):
    status_code = 412
    default_detail = "The record changed after the version you read."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = (
        "Send If-Match with the ETag of the version you read (GET the record, or take "
        "it from your last write), or If-Match: * to overwrite whatever is there."
    )
    default_code = "precondition_required"


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def version_of(moment):
    """A record's version: the microsecond of its last save, in hex."""
    return format((moment - EPOCH) // datetime.timedelta(microseconds=1), "x")


def moment_of(version):
    """The inverse of version_of(); None for anything that is not a version."""
    try:
        return EPOCH + datetime.timedelta(microseconds=int(version, 16))
    except (ValueError, OverflowError):
        return None


def etag_for(body, version=None):
    """The ETag of an answer's bytes: "<version>-<digest>" for a record's, whose
    `version` is the moment of its last save; the plain digest for a list's.

    If-Match compares the version (a change by anyone refuses the write), and
    If-None-Match the whole tag (an embedded record's change alters the body
    but not the version).
    """
    digest = hashlib.md5(body, usedforsecurity=False).hexdigest()
    return f'"{version_of(version)}-{digest[:16]}"' if version else f'"{digest}"'


def tag_with_version(response, moment):
    """ETag a record's answer (etag_for) once it is rendered."""

    def tag(rendered):
        rendered["ETag"] = etag_for(rendered.content, moment)

    if hasattr(response, "add_post_render_callback"):  # a DRF Response, rendered later
        response.add_post_render_callback(tag)
    else:
        tag(response)
    return response


def refuse_a_lost_update(request, record):
    """A PUT or PATCH names the version it changes in If-Match (the ETag it read):
    428 without one, 412 if someone saved the record since, as the admin refuses it."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        return
    # Weak tags are taken too: a compressing proxy weakens them, the version is exact.
    read = {tag.removeprefix("W/").strip('"').split("-")[0] for tag in parse_etags(header)}
    if version_of(record.updated_at) in read:
        return
    seen = next(filter(None, map(moment_of, read)), None)
    meanwhile = versions.saved_since(record, seen) if seen else "This is not its current version."
    raise PreconditionFailed(
        f"“{record}” was not saved: {meanwhile} Read it again and redo your change."
    )


def cached_response(request, read):
    """A response from `read()` -> (data, version), kept in the shared cache.

    The answer is cached as rendered JSON: one value of bytes reads back faster
    than the objects of a page, and a JSON request (most of them) is answered
    with those very bytes. CSV and the browsable API render them again.
    Throttling and permissions have run before this. A record's answer has a
    `version` (the moment of its last save), which its ETag carries; a list's
    is None.

    No Last-Modified: a record's page embeds others, and a list loses records
    to unpublishing, neither of which moves a moment it could name. The ETag,
    a digest of the whole answer, is the validator that never lies.
    """
    current = caching.generation() if not request.user.is_authenticated else None
    cache_key = caching.key("api.json+etag", request, current) if current is not None else None
    found = caching.get(cache_key) if cache_key else None
    if found is None:
        data, version = read()
        body = ORJSONRenderer().render(data)
        found = body, version, etag_for(body, version)  # hashed once, not on every hit
        if cache_key:
            caching.put(cache_key, found)
    body, version, etag = found
    if isinstance(request.accepted_renderer, ORJSONRenderer):
        response = HttpResponse(body, content_type=request.accepted_media_type)
        response["ETag"] = etag
        return response
    response = Response(orjson.loads(body))  # CSV or the browsable API: other bytes
    return tag_with_version(response, version) if version else response


class RecordViewSet(
    ChecksItsQuery,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Published records for everyone; editors with model permissions write them.

    Subclasses name the `model`, its `filterset_class`, the `serializer_class`
    the public reads and the `write_serializer_class` editors send. A record
    comes as its page shows it (`for_detail()`); what the public may see is the
    model's `published()`, as everywhere else.
    """

    model = None
    write_serializer_class = None
    saved = None  # the record this request created or changed
    lookup_field = "slug"

    def get_queryset(self):
        if self.action in WRITE_ACTIONS:
            # Locked until the change commits (update() is atomic): of two
            # writers sending the same If-Match, the second waits, then sees the
            # first one's version and is refused.
            return self.model.objects.select_for_update(of=("self",))
        return self.model.objects.published().for_detail()

    def filter_queryset(self, queryset):
        # A write names its record by address; list filters in its query string
        # mean nothing to it (and their DISTINCT would refuse FOR UPDATE).
        if self.action in WRITE_ACTIONS:
            return queryset
        return super().filter_queryset(queryset)

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS:
            return self.write_serializer_class
        return self.serializer_class

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action in ("list", "retrieve") and "fields" in self.request.query_params:
            # slug,name or, as clients built from the schema send a list, fields=slug&fields=name
            values = self.request.query_params.getlist("fields")
            names = [name.strip() for value in values for name in value.split(",")]
            if not all(names):
                message = "Name each field, separated by single commas: slug,name."
                raise ValidationError({"fields": [message]}, code="invalid")
            context["fields"] = names
        return context

    def check_fields(self):
        """`?fields=` naming a field the records lack answers 400, an empty list's too."""
        if "fields" in self.request.query_params:
            self.get_serializer().fields  # noqa: B018 (RecordSerializer.get_fields checks them)

    def list(self, request, *args, **kwargs):
        self.check_fields()

        def read():
            return super(RecordViewSet, self).list(request, *args, **kwargs).data, None

        return cached_response(request, read)

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self.saved = serializer.instance

    def perform_update(self, serializer):
        # The record update() already fetched: no second lookup.
        refuse_a_lost_update(self.request, serializer.instance)
        fields = ", ".join(sorted(set(serializer.initial_data) & set(serializer.fields)))
        serializer.instance._change_reason = f"Changed through the API: {fields}."
        super().perform_update(serializer)
        self.saved = serializer.instance

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.saved is not None:  # the ETag to send with the next change
            tag_with_version(response, self.saved.updated_at)
        return response

    def retrieve(self, request, *args, **kwargs):
        self.check_fields()

        def read():
            record = self.get_object()
            return self.get_serializer(record).data, record.updated_at

        try:
            return cached_response(request, read)
        except Http404:
            moved_to = self.renamed(kwargs.get(self.lookup_field, ""))
            if moved_to is None:
                raise
            return HttpResponsePermanentRedirect(moved_to)

    def renamed(self, old_slug):
        """Where a record that once had `old_slug` is now, from its history; None if nowhere."""
        if self.lookup_field != "slug" or not hasattr(self.model, "history"):
            return None
        was = self.model.history.filter(slug=old_slug).values_list("id", flat=True).first()
        record = self.model.objects.published().filter(pk=was).exclude(slug=old_slug).first()
        if record is None:
            return None
        path = reverse(f"api:{self.basename}-detail", kwargs={"slug": record.slug})
        url = self.request.build_absolute_uri(path)
        query = caching.declared_query(self.request).urlencode()
        return f"{url}?{query}" if query else url
