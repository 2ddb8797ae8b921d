"""Versions of content records: write one, restore one, recover a deleted record.

The history itself is django-simple-history's (see ContentHistory in models.py):
every save through the admin, the API or the shell writes a Historical<Model>
row with who and when, and a row per tracked many-to-many link. Fixture loads
(raw saves) write none; `load_content` then records one baseline version per
new or changed record with `record_baseline`, in a few bulk queries.
"""

import datetime
import difflib
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CASCADE, CharField, Count, F, Max, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import TruncMinute
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname
from simple_history.utils import get_m2m_field_name, get_m2m_reverse_field_name

from . import editorial, languages, text
from .models import ContentHistory, Record, Source, required_links

CREATED, CHANGED, DELETED = "+", "~", "-"
# The reasons of versions written in bulk: the review page sums each load up in one line.
LOADED, IMPORTED = "Loaded from fixtures.", "Imported."
# With the words versions written before these were sentences hold.
BULK_REASONS = (LOADED, IMPORTED, "Loaded from fixtures", "Imported")
# Records deleted by cascade get their deletion rows within this time of their parent's.
CASCADE_WINDOW = datetime.timedelta(seconds=10)


def tracked_models():
    return list(ContentHistory.tracked)


def tracker(model):
    return ContentHistory.tracked[model]


def versions(model, pk):
    """Every version of the record `pk` of `model`, newest first."""
    return model.history.filter(**{model._meta.pk.attname: pk}).order_by(
        "-history_date", "-history_id"
    )


def when(moment):
    """A moment as the admin writes it everywhere (DATETIME_FORMAT, config/formats)."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def word_diff(old, new):
    """`old` and `new` as one whole text, escaped, with the words that went marked
    <del> and those that came <ins>."""
    before, after = re.findall(r"\s+|\S+", old), re.findall(r"\s+|\S+", new)
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in _whole_phrases(matcher.get_opcodes(), before):
        if operation == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        gone, came = "".join(before[i1:i2]), "".join(after[j1:j2])
        if not (gone and came):  # words added or taken away: their spaces stay unmarked
            text = gone or came
            parts.append(escape(text[: len(text) - len(text.lstrip())]))
            gone, came = gone.strip(), came.strip()
        if gone:
            parts.append(format_html('<del class="diff">{}</del>', gone))
        if came:
            parts.append(format_html('<ins class="diff">{}</ins>', came))
        if not (i2 > i1 and j2 > j1):
            text = "".join(before[i1:i2]) or "".join(after[j1:j2])
            parts.append(escape(text[len(text.rstrip()) :]))
    return mark_safe("".join(parts))


def _whole_phrases(opcodes, words):
    """The changes, with two changes only a space apart made one ("foreign policy" →
    "foreign-policy course", not "foreign" → "foreign-policy", "policy" → "course")."""
    merged = []
    for opcode in opcodes:
        operation, _, i2, _, j2 = opcode
        if (
            len(merged) >= 2
            and operation != "equal"
            and merged[-2][0] != "equal"
            and merged[-1][0] == "equal"
            and not "".join(words[merged[-1][1] : merged[-1][2]]).strip()
        ):
            merged.pop()
            first = merged.pop()
            opcode = ("replace", first[1], i2, first[3], j2)
        merged.append(opcode)
    return merged


def saved_since(record, seen):
    """Who saved `record` after the version of `seen` (its updated_at then), and what changed."""
    model = type(record)
    history = versions(model, record.pk)
    latest = history.first()
    if latest and latest.updated_at != record.updated_at:
        # The current version's row is written when its request ends: until then
        # the newest row is an older version, whose author this was not.
        latest = None
    opened = history.filter(updated_at=seen).first()
    who = latest.history_user if latest and latest.history_user else "someone else"
    message = (
        f"{who} saved this record at {when(record.updated_at)}, "
        "after the version you started from."
    )
    if latest and opened:
        changed = []
        # A translated field's plain column repeats its English column ("title [en]").
        skipped = {"updated_at", *languages.translated_fields(model)}
        for change in latest.diff_against(opened).changes:
            field = model._meta.get_field(change.field)
            if field.name in skipped:
                continue
            if field.many_to_many:
                changed.append(f"{field.verbose_name} changed")
            else:
                old, new = (text.shorten(str(value), 80) for value in (change.old, change.new))
                changed.append(f"{field.verbose_name}: “{old}” → “{new}”")
        if changed:
            message += " What changed meanwhile: " + "; ".join(changed) + "."
    return message


def record_version(instance, user=None, reason="", history_type=CHANGED):
    """Write one history row for `instance` as it stands now, its links included."""
    if user is not None:
        instance._history_user = user
    if reason:
        instance._change_reason = reason
    tracker(type(instance)).create_historical_record(instance, history_type)


def links(version):
    """{field name: [target pks, sorted]} of the tracked many-to-many links `version` holds."""
    found = {}
    for field in version._history_m2m_fields:
        m2m_model = ContentHistory.m2m_models[field]
        target = get_m2m_reverse_field_name(field)
        found[field.name] = sorted(
            m2m_model.objects.filter(history=version).values_list(f"{target}_id", flat=True)
        )
    return found


@transaction.atomic
def restore_version(version, user=None, reason=None, links_from=None):
    """Make the record exactly as `version` holds it: every field and tracked link.

    Works on a deleted record too (it is created again with its old primary key).
    Links to records that no longer exist are left out and named in the change
    reason. Writes one new version; returns the record. A restore by a `user`
    follows the editorial rules: PermissionDenied if they may not make it.
    """
    model = version.instance_type
    instance = version.instance
    saved = model._base_manager.filter(pk=instance.pk)
    if user is not None and issubclass(model, Record):
        editorial.check_restore(user, instance, saved.values_list("status", flat=True).first())
    exists = saved.exists()
    instance._state.adding = not exists
    wanted = links(links_from or version)
    missing = []
    instance.skip_history_when_saving = True
    try:
        instance.save(force_insert=not exists)
        if not exists and hasattr(version, "created_at"):
            # Keep the record's first creation time, not the time of recovery.
            model._base_manager.filter(pk=instance.pk).update(created_at=version.created_at)
            instance.created_at = version.created_at
        for name, pks in wanted.items():
            target = model._meta.get_field(name).related_model
            present = set(target._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
            missing += [f"{name} #{pk}" for pk in pks if pk not in present]
            getattr(instance, name).set([pk for pk in pks if pk in present])
    finally:
        del instance.skip_history_when_saving
    then = when(version.history_date)
    note = reason or (
        f"Restored the version of {then}." if exists else f"Recovered as it was on {then}."
    )
    if missing:
        note = note.removesuffix(".") + "; gone and not restored: " + ", ".join(missing) + "."
    record_version(instance, user=user, reason=note, history_type=CHANGED)
    return instance


def deleted(model):
    """The last version of each deleted record of `model`, newest first."""
    pk = model._meta.pk.attname
    return (
        model.history.filter(history_type=DELETED)
        .exclude(**{f"{pk}__in": model._base_manager.values("pk")})
        .order_by("-history_date", "-history_id")
    )


def recover(model, pk, user=None):
    """Bring back the deleted record `pk` of `model` as it was, with its links."""
    if model._base_manager.filter(pk=pk).exists():
        raise ValidationError(f"{model._meta.verbose_name} #{pk} has not been deleted.")
    history = versions(model, pk)
    last = history.first()
    if last is None:
        raise ValidationError(f"{model._meta.verbose_name} #{pk} has no history.")
    # A deletion row is written after the links are gone: take them from the
    # version before it.
    before = history.exclude(history_type=DELETED).first()
    try:
        with transaction.atomic():
            record = restore_version(last, user=user, links_from=before)
            if last.history_type == DELETED:
                _recover_dependents(record, last.history_date, user)
            _relink(record, user)
    except IntegrityError as error:  # e.g. a record it points at was deleted too
        name = model._meta.verbose_name
        raise ValidationError(f"Cannot recover {name} #{pk}: {error}") from error
    return record


def _recover_dependents(record, deleted_at, user):
    """Recover the records deleted along with `record` (a project's participations)."""
    for relation in record._meta.related_objects:
        child = relation.related_model
        if (
            relation.many_to_many
            or child not in ContentHistory.tracked
            or relation.on_delete is not CASCADE
        ):
            continue
        window = (deleted_at - CASCADE_WINDOW, deleted_at + CASCADE_WINDOW)
        gone = deleted(child).filter(
            **{relation.field.attname: record.pk, "history_date__range": window}
        )
        for pk in set(gone.values_list(child._meta.pk.attname, flat=True)):
            recover(child, pk, user=user)


def _relink(record, user):
    """Give back the links other records had to `record` when it was deleted.

    Deleting a period drops it from its events without a change to the events;
    their last version still holds the link, and it comes back.
    """
    model = type(record)
    for other in ContentHistory.tracked:
        for field in other._meta.many_to_many:
            m2m_model = ContentHistory.m2m_models.get(field)
            if field.related_model is not model or m2m_model is None:
                continue
            target, source = get_m2m_reverse_field_name(field), get_m2m_field_name(field)
            holders = m2m_model.objects.filter(**{f"{target}_id": record.pk}).values(
                f"{source}_id"
            )
            for holder in other._base_manager.filter(pk__in=holders).exclude(
                **{field.name: record}
            ):
                latest = versions(other, holder.pk).first()
                if latest is not None and record.pk in links(latest)[field.name]:
                    if user is not None:
                        holder._history_user = user
                    holder._change_reason = f"Linked again to recovered {record}."
                    getattr(holder, field.name).add(record)


def record_baseline(model, user=None, reason=LOADED):
    """Write a version for each record of `model` that has none, or whose last
    version is older than the record (a fixture load changed it). Returns the count.
    """
    latest = versions(model, OuterRef("pk"))
    records = model._base_manager.all()
    if hasattr(model, "updated_at"):
        records = records.annotate(
            versioned_at=Subquery(latest.values("updated_at")[:1]),
            last_type=Subquery(latest.values("history_type")[:1]),
        ).filter(
            Q(versioned_at__isnull=True) | ~Q(versioned_at=F("updated_at")) | Q(last_type=DELETED)
        )
    else:
        records = records.exclude(pk__in=model.history.values(model._meta.pk.attname))
    records = list(records)
    if not records:
        return 0
    pk = model._meta.pk.attname
    known = set(
        model.history.filter(**{f"{pk}__in": [r.pk for r in records]}).values_list(pk, flat=True)
    )
    for update in (False, True):
        batch = [record for record in records if (record.pk in known) == update]
        if batch:
            rows = model.history.bulk_history_create(
                batch, update=update, default_user=user, default_change_reason=reason
            )
            _bulk_links(batch, rows)
    return len(records)


def _bulk_links(records, rows):
    """The many-to-many rows for versions written by bulk_history_create."""
    version_of = {record.pk: row for record, row in zip(records, rows, strict=True)}
    for field in rows[0]._history_m2m_fields if rows else []:
        m2m_model = ContentHistory.m2m_models[field]
        through = field.remote_field.through
        source = get_m2m_field_name(field)
        names = [f.attname for f in through._meta.fields]
        m2m_model.objects.bulk_create(
            m2m_model(history=version_of[values[f"{source}_id"]], **values)
            for values in through.objects.filter(**{f"{source}__in": records}).values(*names)
        )


# --- The review page's log: every change, newest first, bulk loads summed up ----------

# Versions written by one load at most this far apart are summed up as one.
LOAD_GAP = datetime.timedelta(minutes=5)


def _filtered(model, username="", day_from=None, day_to=None):
    history = model.history.all()
    if username:
        history = history.filter(history_user__username=username)
    if day_from:
        history = history.filter(history_date__date__gte=day_from)
    if day_to:
        history = history.filter(history_date__date__lte=day_to)
    return history


def change_log(models, **filters):
    """Every version of `models` written by a person's change (not a bulk load), newest
    first, as (model label, history_id, history_date) rows: one query however many
    models, to page through (versions_named fetches a page's versions)."""
    parts = [
        _filtered(model, **filters)
        .exclude(history_change_reason__in=BULK_REASONS)
        .annotate(model_label=Value(label, output_field=CharField()))
        .values_list("model_label", "history_id", "history_date")
        .order_by()
        for label, model in models.items()
    ]
    if not parts:
        return []
    return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-history_id")


def versions_named(models, rows):
    """The versions of `rows` (change_log's), in their order, each with `record_name`
    (the record as it is named now, or was when deleted) and `model`: a query a model."""
    wanted = {}
    for label, history_id, _ in rows:
        wanted.setdefault(label, []).append(history_id)
    found = {}
    for label, ids in wanted.items():
        model = models[label]
        history = model.history.filter(history_id__in=ids).select_related("history_user")
        history = {version.history_id: version for version in history}
        pk = model._meta.pk.attname
        current = model._base_manager.filter(
            pk__in=[getattr(version, pk) for version in history.values()]
        ).select_related(*(field.name for field in required_links(model)))
        if model is Source:
            current = current.defer("text")
        names = {record.pk: str(record) for record in current}
        for history_id, version in history.items():
            version.model = model
            version.record_name = names.get(getattr(version, pk)) or str(version.history_object)
            found[(label, history_id)] = version
    return [found[(label, history_id)] for label, history_id, _ in rows]


def bulk_loads(models, **filters):
    """The bulk loads (fixture loads, imports) among the versions of `models`, newest
    first, one each: {"reason", "user", "first", "last", "count", "kinds": {model: n}}."""
    groups = []
    for model in models.values():
        per_minute = (
            _filtered(model, **filters)
            .filter(history_change_reason__in=BULK_REASONS)
            .order_by()
            .values(
                "history_change_reason",
                "history_user__username",
                minute=TruncMinute("history_date"),
            )
            .annotate(
                count=Count("history_id"), first=Min("history_date"), last=Max("history_date")
            )
        )
        groups += [{**group, "model": model} for group in per_minute]
    groups.sort(key=lambda group: group["first"])
    loads = []
    for group in groups:
        key = (group["history_change_reason"], group["history_user__username"])
        load = loads[-1] if loads else None
        if load is None or load["key"] != key or group["first"] - load["last"] > LOAD_GAP:
            load = {"key": key, "reason": key[0], "user": key[1], "first": group["first"]}
            load.update(last=group["last"], count=0, kinds={})
            loads.append(load)
        load["last"] = max(load["last"], group["last"])
        load["count"] += group["count"]
        model = group["model"]
        load["kinds"][model] = load["kinds"].get(model, 0) + group["count"]
    return loads[::-1]


# --- Translations to review ------------------------------------------------------------

MISSING, OUTDATED = "missing", "outdated"


def translation_states(model):
    """{language: {pk: MISSING or OUTDATED}} of `model`'s records whose translation
    into a language needs an editor: OUTDATED when its English text changed in a
    version later than the last one that changed the translation (the English
    moved on; the translation may no longer say the same), else MISSING when a
    field has English text and no translation. Two queries, whatever the number
    of records, versions and languages."""
    fields = languages.translated_fields(model)
    others = languages.TRANSLATED
    states = {code: {} for code in others}
    if not fields:
        return states
    english = [languages.original_column(name) for name in fields]
    translated = {
        code: [build_localized_fieldname(name, code) for name in fields] for code in others
    }
    columns = [*english, *(column for code in others for column in translated[code])]

    def split(row):
        """A row's English texts, and its texts in each other language."""
        size = len(fields)
        parts = [tuple(row[start : start + size]) for start in range(1, len(row), size)]
        return parts[0], dict(zip(others, parts[1:], strict=True))

    present = set()
    for row in model.objects.values_list("pk", *columns):
        en, texts = split(row)
        present.add(row[0])
        for code, tr in texts.items():
            if any(text and not words for text, words in zip(en, tr, strict=True)):
                states[code][row[0]] = MISSING
    key = model._meta.pk.attname
    versions = (
        model.history.exclude(history_type=DELETED)
        .order_by(key, "history_date", "history_id")
        .values_list(key, *columns)
    )
    last = {}  # pk: (its last version's English, its translations, {language: stale})
    for row in versions:
        en, texts = split(row)
        before = last.get(row[0])
        stale = {}
        for code, tr in texts.items():
            if before is None or (tr != before[1][code] and any(tr)):
                stale[code] = False  # a first version, or the translation written anew
            else:
                stale[code] = before[2][code] or (en != before[0] and any(tr))
        last[row[0]] = (en, texts, stale)
    for pk, (_en, texts, stale) in last.items():
        for code in others:
            if stale[code] and any(texts[code]) and pk in present:
                states[code][pk] = OUTDATED
    return states
