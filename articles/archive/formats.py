"""The archive format, version 1: which records go in which file, how one is keyed and checksummed.

An archive is a directory (docs/backup.md):

    manifest.json              format name and version, and per file: model, key, count, sha256
    <name>.jsonl               one record per line, canonical JSON (sorted keys, UTF-8)
    media/<sha256>/<filename>  each photo's original file, under the SHA-256 of its bytes

Records carry natural keys instead of database ids: slugs for stories, people, sections
and topics, usernames for users, the SHA-256 of the file for photos, and for the parts of
a story (quotes, corrections, notes, status changes) the story's slug with the part's
position in it. A record is every concrete field of its row except the id and what is
derived (renditions, the lock version), so a field someone adds later is archived without
anyone remembering to. Times keep their stored values, created/updated times included.

A file's checksum is the SHA-256 of its records' canonical JSON lines, sorted: two
databases with the same content give the same checksums whatever their ids.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models

from ..models import (
    Article,
    Author,
    Byline,
    Correction,
    Note,
    Person,
    Photo,
    Quote,
    Section,
    SlugRedirect,
    StatusChange,
    TaggedArticle,
    TaggedPerson,
    Topic,
    WireItem,
)

FORMAT = "newsroom-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
REVISIONS = "revisions"
POSITION = "position"
PHOTO_HASH, PHOTO_COPY = "sha256", "copy"


class ArchiveError(Exception):
    """The archive is unreadable, damaged or of a format this code does not know."""


@dataclass(frozen=True)
class Kind:
    """One model's file. `parent` names the FK under which a part is keyed by its position,
    counted in `position_order`; `skip` lists fields that are not archived."""

    name: str
    model: type[models.Model]
    key: tuple[str, ...]
    parent: str = ""
    position_order: tuple[str, ...] = ()
    skip: frozenset = field(default_factory=frozenset)


# In import order: every record's references point to kinds listed before it.
KINDS = (
    Kind("sections", Section, ("slug",)),
    Kind("topics", Topic, ("slug",)),
    # The file itself is the photo's identity; `copy` tells apart two uploads of the same bytes.
    Kind("photos", Photo, (PHOTO_HASH, PHOTO_COPY), skip=frozenset({"image", "rendition_index"})),
    Kind("people", Person, ("slug",), skip=frozenset({"topics"})),
    Kind("authors", Author, ("slug",)),
    # Topics travel as taggings and authors as bylines (their order is the byline's);
    # the lock version belongs to this database's edit history.
    Kind("stories", Article, ("slug",), skip=frozenset({"topics", "authors", "version"})),
    Kind("bylines", Byline, ("article", "author")),
    Kind("quotes", Quote, ("article", POSITION), parent="article", position_order=("order", "id")),
    Kind("corrections", Correction, ("article", POSITION), "article", ("created_at", "id")),
    Kind("notes", Note, ("article", POSITION), "article", ("created_at", "id")),
    Kind("status_changes", StatusChange, ("article", POSITION), "article", ("at", "id")),
    Kind("old_slugs", SlugRedirect, ("old_slug",)),
    Kind("story_topics", TaggedArticle, ("content_object", "tag")),
    Kind("person_topics", TaggedPerson, ("content_object", "tag")),
    Kind("wire_items", WireItem, ("uri",)),
)
KIND_OF_MODEL = {kind.model: kind for kind in KINDS}
# Files version 1 gained later: an archive without them is still read (as having none).
ADDED_LATER = frozenset({"authors", "bylines"})
# The file names a manifest may list, revisions included.
FILE_NAMES = (*(kind.name for kind in KINDS), REVISIONS)


def canonical(record):
    """The one text of a record that checksums are computed over and files hold."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def checksum(lines):
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def file_sha256(fieldfile):
    digest = hashlib.sha256()
    with fieldfile.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def record_key(kind, record):
    """A record's natural key as a hashable value: the value itself, or a tuple for several fields."""
    values = tuple(_freeze(record.get(name)) for name in kind.key)
    return values[0] if len(values) == 1 else values


def _freeze(value):
    return tuple(_freeze(item) for item in value) if isinstance(value, list) else value


def thaw(key):
    """A key as it is written in records: tuples become lists, as JSON has them."""
    return [thaw(item) for item in key] if isinstance(key, tuple) else key


def archived_fields(kind):
    """The model fields a record of `kind` holds, in model order."""
    fields = [*kind.model._meta.concrete_fields, *kind.model._meta.many_to_many]
    return [f for f in fields if not f.primary_key and f.name not in kind.skip]


def to_plain(model_field, value):
    """A field's Python value as JSON; times in ISO 8601 with their offset."""
    if value is None:
        return None
    if isinstance(model_field, models.DateTimeField | models.DateField | models.TimeField):
        return value.isoformat()
    if isinstance(model_field, models.DecimalField | models.UUIDField):
        return str(value)
    return value


class Refs:
    """Natural keys of one database's rows, both ways, loaded per model on first use.

    A reference to a row that no longer exists (history can mention deleted rows) is
    written {"deleted": n}, n being its old id without sign (see history.py).
    """

    def __init__(self):
        self._keys = {}  # model -> {pk: key}
        self._pks = {}  # model -> {key: pk}
        self.photo_files = {}  # photo pk -> (sha256, file name), for export

    def key(self, model, pk):
        if pk is None:
            return None
        keys = self._load(model)[0]
        if pk in keys:
            return thaw(keys[pk])
        return {"deleted": abs(int(pk))}

    def pk(self, model, ref):
        """This database's id for `ref`, or None if it has no such row."""
        if ref is None:
            return None
        if isinstance(ref, dict):
            return -abs(int(ref["deleted"]))
        return self._load(model)[1].get(_freeze(ref))

    def add(self, model, key, pk):
        keys, pks = self._load(model)
        keys[pk], pks[key] = key, pk

    def _load(self, model):
        model = model._meta.concrete_model
        if model not in self._keys:
            keys = dict(self._keys_of(model))
            self._keys[model] = keys
            self._pks[model] = {key: pk for pk, key in keys.items()}
        return self._keys[model], self._pks[model]

    def _keys_of(self, model):
        if model is get_user_model():
            yield from model._default_manager.values_list("pk", model.USERNAME_FIELD)
            return
        kind = KIND_OF_MODEL.get(model)
        if kind is None:
            raise ArchiveError(f"The archive format has no natural key for {model._meta.label}.")
        if kind.model is Photo:
            yield from self._photo_keys()
            return
        if kind.parent:
            yield from self._position_keys(kind)
            return
        related = [kind.model._meta.get_field(name) for name in kind.key]
        for row in kind.model._default_manager.values_list("pk", *(f.attname for f in related)):
            values = tuple(
                _freeze(self.key(f.related_model, value)) if f.is_relation else value
                for f, value in zip(related, row[1:], strict=True)
            )
            yield row[0], values[0] if len(values) == 1 else values

    def _position_keys(self, kind):
        parent = kind.model._meta.get_field(kind.parent)
        rows = kind.model._default_manager.order_by(parent.attname, *kind.position_order)
        positions = defaultdict(int)
        for pk, parent_id in rows.values_list("pk", parent.attname):
            positions[parent_id] += 1
            yield pk, (_freeze(self.key(parent.related_model, parent_id)), positions[parent_id])

    def _photo_keys(self):
        copies = defaultdict(int)
        for photo in Photo.objects.order_by("created_at", "id").only("pk", "image"):
            try:
                sha = file_sha256(photo.image)
            except (OSError, ValueError) as error:
                raise ArchiveError(
                    f"Photo {photo.pk} has no readable image file ({photo.image.name!r}): {error}"
                ) from error
            copies[sha] += 1
            self.photo_files[photo.pk] = (sha, photo.image.name)
            yield photo.pk, (sha, copies[sha])


def record_of(kind, obj, refs):
    """The archive record of one row, references as natural keys."""
    record = {}
    for model_field in archived_fields(kind):
        if model_field.many_to_many:
            ids = [related.pk for related in getattr(obj, model_field.name).all()]
            record[model_field.name] = sorted(
                (refs.key(model_field.related_model, pk) for pk in ids), key=canonical
            )
        elif model_field.is_relation:
            record[model_field.name] = refs.key(model_field.related_model, getattr(obj, model_field.attname))
        else:
            record[model_field.name] = to_plain(model_field, model_field.value_from_object(obj))
    own_key = refs.key(kind.model, obj.pk)
    if kind.parent:
        record[POSITION] = own_key[1]
    if kind.model is Photo:
        record[PHOTO_HASH], record[PHOTO_COPY] = own_key
    return record


def records_of(kind, refs):
    """{key: record} for every row of `kind` in this database."""
    queryset = kind.model._default_manager.all()
    m2m = [f.name for f in archived_fields(kind) if f.many_to_many]
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    records = (record_of(kind, obj, refs) for obj in queryset.iterator(chunk_size=500))
    return {record_key(kind, record): record for record in records}
