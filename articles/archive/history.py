"""Story history in the archive: django-reversion's Revision and Version rows, ids made portable.

A Version stores its object as Django-serialized JSON with database ids: its own pk and
the ids its foreign keys and many-to-many fields point to. The archive keeps that data
field for field but writes every id as the natural key of the row it names (formats.Refs),
and import writes the ids of the receiving database back in.

History may mention rows deleted since (a removed quote, a deleted story, which reversion
can still recover). Their ids mean nothing in another database, so they become
{"deleted": n} and are imported as the negative id -n: no live row ever has it, so no
story inherits a stranger's history, and reversion's "recover deleted" still lists them.
"""

import datetime
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from reversion.models import Revision, Version

from .formats import ArchiveError, Refs, canonical, thaw

KEY_FIELDS = ("date_created", "user", "comment", "objects")


def revision_key(record):
    """Revisions have no natural key; when, who, why and which objects together are one."""
    objects = sorted((version["model"], canonical(version["object"])) for version in record["versions"])
    return (record["date_created"], record["user"], record["comment"], tuple(objects))


def revision_records(refs: Refs):
    """{key: record} for every revision in this database."""
    revisions = Revision.objects.select_related("user").prefetch_related("version_set__content_type")
    records = {}
    for revision in revisions.order_by("date_created", "id").iterator(chunk_size=200):
        record = {
            "date_created": revision.date_created.isoformat(),
            "user": revision.user.get_username() if revision.user else None,
            "comment": revision.comment,
            "versions": sorted(
                (_portable(version, refs) for version in revision.version_set.all()),
                key=lambda version: (version["model"], canonical(version["object"])),
            ),
        }
        records[revision_key(record)] = record
    return records


def _portable(version, refs):
    model = version.content_type.model_class()
    if model is None:
        raise ArchiveError(f"Revision {version.revision_id} holds a model that no longer exists.")
    if version.format != "json":
        raise ArchiveError(f"Version {version.pk} is stored as {version.format!r}; only JSON is archived.")
    (stored,) = json.loads(version.serialized_data)
    return {
        "model": model._meta.label_lower,
        "object": refs.key(model, _pk(model, version.object_id)),
        "object_repr": version.object_repr,
        "fields": {
            name: _swap(model, name, value, refs.key, sort=True) for name, value in stored["fields"].items()
        },
    }


def _swap(model, name, value, convert, sort=False):
    """`value` of field `name` with every id (or key) passed through `convert(related_model, …)`.

    Many-to-many keys are sorted on export: the stored order of ids is the database's, not content.
    """
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value  # a field removed since: kept as it was, meaning nothing to this code
    if value is None or not model_field.is_relation:
        return value
    if model_field.many_to_many:
        converted = [convert(model_field.related_model, item) for item in value]
        return sorted(converted, key=canonical) if sort else converted
    return convert(model_field.related_model, value)


def _pk(model, object_id):
    return model._meta.pk.to_python(object_id)


def referenced_users(record):
    """Usernames a revision record names: its author and users inside the stored data."""
    names = {record["user"]} if record["user"] else set()
    for version in record["versions"]:
        model = _model(version)
        for name, value in version["fields"].items():
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if (
                model_field.is_relation
                and _is_user_model(model_field.related_model)
                and isinstance(value, str)
            ):
                names.add(value)
    return names


def touches(record, model, key):
    """Does the revision hold a version of the row `key` of `model`?"""
    label, ref = model._meta.label_lower, canonical(thaw(key))
    return any(v["model"] == label and canonical(v["object"]) == ref for v in record["versions"])


def revision_create(record, refs: Refs, users):
    """Write one archived revision and its versions, ids of this database swapped in."""
    user = users.get(record["user"]) if record["user"] else None
    revision = Revision.objects.create(
        date_created=datetime.datetime.fromisoformat(record["date_created"]),
        user=user,
        comment=record["comment"],
    )
    versions = []
    for version in record["versions"]:
        model = _model(version)
        resolve = _resolver(refs)
        pk = resolve(model, version["object"])
        fields = {name: _swap(model, name, value, resolve) for name, value in version["fields"].items()}
        data = [{"model": version["model"], "pk": pk, "fields": fields}]
        versions.append(
            Version(
                revision=revision,
                content_type=ContentType.objects.get_for_model(model),
                object_id=str(pk),
                db="default",
                format="json",
                serialized_data=json.dumps(data),
                object_repr=version["object_repr"],
            )
        )
    Version.objects.bulk_create(versions)
    return revision


def _resolver(refs):
    def resolve(model, ref):
        pk = refs.pk(model, ref)
        if pk is None:
            raise ArchiveError(
                f"A revision refers to {model._meta.verbose_name} {ref!r}, not in the archive."
            )
        return pk

    return resolve


def _model(version):
    try:
        return apps.get_model(version["model"])
    except (LookupError, ValueError) as error:
        raise ArchiveError(f"The archive's history names an unknown model {version['model']!r}.") from error


def _is_user_model(model):
    from django.contrib.auth import get_user_model

    return model is get_user_model()
