"""Reading an archive into a database that may already hold some of it.

Import checks the whole archive first (format, checksums, media hashes), then compares
every record with the row of the same natural key here:

- no such row: created;
- same content: left alone, so a second import of the same archive changes nothing;
- different content: a conflict. All conflicts are listed and nothing is written, unless
  `on_conflict="skip"`, which keeps our row, reports it, and also keeps out the archive's
  parts of a conflicting story (quotes, notes, topics, history…): they belong to the other
  version of it.

Everything is written in one transaction. Renditions are derived data: they are made from
the imported originals after the commit, by the photo module, never copied.
"""

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from ..derived.search import article_index
from ..images.renditions import photo_create_renditions
from ..images.validation import inspect_upload
from ..models import Article, Photo
from . import history
from .formats import (
    ADDED_LATER,
    FILE_NAMES,
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MEDIA,
    PHOTO_HASH,
    REVISIONS,
    ArchiveError,
    Refs,
    archived_fields,
    canonical,
    checksum,
    record_key,
    records_of,
)

ON_CONFLICT = ("stop", "skip")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Conflict:
    kind: str
    key: object
    fields: tuple

    def __str__(self):
        return f"{self.kind} {json.dumps(self.key, ensure_ascii=False)}: differs in {', '.join(self.fields)}"


class ImportConflict(ArchiveError):
    def __init__(self, conflicts):
        self.conflicts = conflicts
        listed = "\n".join(f"  {conflict}" for conflict in conflicts)
        super().__init__(
            f"Nothing was imported: {len(conflicts)} record(s) exist here with different content.\n"
            f"{listed}\nRun again with --on-conflict=skip to keep ours and import the rest."
        )


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    kept_ours: list = field(default_factory=list)
    left_with_story: Counter = field(default_factory=Counter)
    users_created: list = field(default_factory=list)
    renditions: int = 0

    def lines(self):
        for name in FILE_NAMES:
            yield f"{name}: {self.created[name]} created, {self.unchanged[name]} already here"
        for conflict in self.kept_ours:
            yield f"kept ours: {conflict}"
        for name, count in self.left_with_story.items():
            yield f"{name}: {count} left out with their conflicting story"
        if self.users_created:
            names = ", ".join(sorted(self.users_created))
            yield f"users created inactive, without a usable password: {names}"
        yield f"renditions made: {self.renditions}"


def archive_import(*, directory, on_conflict="stop"):
    """Import the archive in `directory`; returns an ImportReport, raises ArchiveError or ImportConflict."""
    if on_conflict not in ON_CONFLICT:
        raise ValueError(f"on_conflict must be one of {ON_CONFLICT}")
    directory = Path(directory)
    archive = read_archive(directory)
    report, refs = ImportReport(), Refs()
    stored_files, new_photos = [], []
    try:
        with transaction.atomic():
            plan = _plan(archive, refs, report, on_conflict)
            users = _users(plan, refs, report)
            for kind in KINDS:
                for record in sorted(plan[kind.name], key=lambda r: canonical(record_key(kind, r))):
                    obj = _create(kind, record, refs, directory, stored_files)
                    if kind.model is Photo:
                        new_photos.append(obj)
                report.created[kind.name] = len(plan[kind.name])
            for record in plan[REVISIONS]:
                history.revision_create(record, refs, users)
            report.created[REVISIONS] = len(plan[REVISIONS])
            # Topics were linked through their own rows, which the search index does not watch.
            for article in Article.objects.filter(pk__in=_touched_stories(plan, refs)).prefetch_related(
                "people", "topics"
            ):
                article_index(article=article)
    except BaseException:
        for name in stored_files:  # the rows are rolled back; their files must not linger
            Photo._meta.get_field("image").storage.delete(name)
        raise
    for photo in new_photos:
        report.renditions += len(photo_create_renditions(photo=photo))
    return report


def read_archive(directory):
    """{file name: [records]} after checking format, counts, checksums and media; or ArchiveError."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArchiveError(f"No readable {MANIFEST} in {directory}: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{directory} is not a {FORMAT} archive.")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise ArchiveError(f"Archive format version {version!r}; this code reads version {FORMAT_VERSION}.")
    files = manifest.get("files") or {}
    # An archive made before bylines existed lacks their files: it restores without bylines.
    if not set(FILE_NAMES) - ADDED_LATER <= set(files) <= set(FILE_NAMES):
        raise ArchiveError(f"The manifest lists {sorted(files)}, expected {sorted(FILE_NAMES)}.")
    archive = {name: [] for name in ADDED_LATER}
    for name in (name for name in FILE_NAMES if name in files):
        # Our own fixed file names, never paths taken from the manifest.
        try:
            text = (directory / f"{name}.jsonl").read_text(encoding="utf-8")
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        except (OSError, ValueError) as error:
            raise ArchiveError(f"{name}.jsonl is unreadable: {error}") from error
        if not all(isinstance(record, dict) for record in records):
            raise ArchiveError(f"{name}.jsonl holds something other than one JSON object per line.")
        expected = files[name]
        # Re-canonicalised, so what is checked is the content, whatever the file's spacing.
        found = (len(records), checksum(map(canonical, records)))
        if found != (expected.get("count"), expected.get("sha256")):
            raise ArchiveError(f"{name}.jsonl does not match its count and checksum in the manifest.")
        archive[name] = records
    for kind in KINDS:
        _check_records(kind, archive[kind.name])
    for record in archive["photos"]:
        _media_file(directory, record[PHOTO_HASH])
    return archive


def _check_records(kind, records):
    allowed = {f.name for f in archived_fields(kind)} | set(kind.key)
    seen = set()
    for record in records:
        unknown = set(record) - allowed
        if unknown or any(name not in record for name in kind.key):
            raise ArchiveError(f"A {kind.name} record has unknown fields {sorted(unknown)} or lacks its key.")
        key = record_key(kind, record)
        if key in seen:
            raise ArchiveError(f"{kind.name} lists {key!r} twice.")
        seen.add(key)


def _media_file(directory, sha):
    """The one regular file under media/<sha>/, checked against its hash."""
    if not isinstance(sha, str) or not SHA256.match(sha):
        raise ArchiveError(f"{sha!r} is not a SHA-256 in hex.")
    folder = directory / MEDIA / sha
    if not folder.is_dir() or folder.is_symlink():
        raise ArchiveError(f"media/{sha}/ is missing.")
    # A symlink could point anywhere on the importing machine: only regular files count.
    found = [path for path in folder.iterdir() if path.is_file() and not path.is_symlink()]
    if len(found) != 1:
        raise ArchiveError(f"media/{sha}/ should hold exactly one image file.")
    if hashlib.sha256(found[0].read_bytes()).hexdigest() != sha:
        raise ArchiveError(f"media/{sha}/{found[0].name} does not match its SHA-256: damaged.")
    return found[0]


def _plan(archive, refs, report, on_conflict):
    """{file name: records to create}; raises ImportConflict before anything is written."""
    plan, conflicts, conflicting_stories = {}, [], set()
    for kind in KINDS:
        ours = records_of(kind, refs)
        plan[kind.name] = []
        for record in archive[kind.name]:
            key = record_key(kind, record)
            if _story_of(kind, record) in conflicting_stories:
                report.left_with_story[kind.name] += 1
            elif key not in ours:
                plan[kind.name].append(record)
            elif differing := tuple(name for name in record if ours[key].get(name) != record[name]):
                conflicts.append(Conflict(kind.name, record_key_json(kind, record), differing))
                if kind.model is Article:
                    conflicting_stories.add(record["slug"])
            else:
                report.unchanged[kind.name] += 1
    ours = history.revision_records(refs)
    plan[REVISIONS] = []
    for record in archive[REVISIONS]:
        key = history.revision_key(record)
        if any(history.touches(record, Article, slug) for slug in conflicting_stories):
            report.left_with_story[REVISIONS] += 1
        elif key not in ours:
            plan[REVISIONS].append(record)
        elif canonical(ours[key]) != canonical(record):
            conflicts.append(Conflict(REVISIONS, list(key[:3]), ("versions",)))
        else:
            report.unchanged[REVISIONS] += 1
    if conflicts and on_conflict == "stop":
        raise ImportConflict(conflicts)
    report.kept_ours = conflicts
    plan[REVISIONS].sort(key=lambda record: record["date_created"])
    return plan


def record_key_json(kind, record):
    return [record[name] for name in kind.key] if len(kind.key) > 1 else record[kind.key[0]]


def _story_of(kind, record):
    """The slug of the story a record belongs to, if it belongs to one."""
    for model_field in archived_fields(kind):
        if model_field.many_to_one and model_field.related_model is Article:
            return record.get(model_field.name)
    return None


def _users(plan, refs, report):
    """{username: user} for every user the records to create name; missing ones are created
    inactive with no usable password, so an archive can never hand anyone a login."""
    user_model = get_user_model()
    names = set()
    for kind in KINDS:
        user_fields = [
            f.name for f in archived_fields(kind) if f.is_relation and f.related_model is user_model
        ]
        names |= {record.get(name) for record in plan[kind.name] for name in user_fields}
    for record in plan[REVISIONS]:
        names |= history.referenced_users(record)
    names = {name for name in names if isinstance(name, str)}
    users = {user.get_username(): user for user in user_model._default_manager.filter(username__in=names)}
    for name in sorted(names - set(users)):
        user = user_model(**{user_model.USERNAME_FIELD: name, "is_active": False})
        user.set_unusable_password()
        user.save()
        users[name] = user
        refs.add(user_model, name, user.pk)
        report.users_created.append(name)
    return users


def _create(kind, record, refs, directory, stored_files):
    obj, many = kind.model(), {}
    key = record_key_json(kind, record)
    for model_field in archived_fields(kind):
        if model_field.name not in record:
            continue  # an archive older than a field: the model's default
        value = record[model_field.name]
        if model_field.many_to_many:
            many[model_field] = [_resolve(kind, key, model_field.related_model, ref, refs) for ref in value]
        elif model_field.is_relation:
            setattr(obj, model_field.attname, _resolve(kind, key, model_field.related_model, value, refs))
        else:
            setattr(obj, model_field.attname, model_field.to_python(value))
    if kind.model is Photo:
        obj.image = _photo_upload(directory, record, key)
    try:
        obj.clean_fields(exclude=[f.name for f in kind.model._meta.fields if f.is_relation] + ["image"])
        obj.save()
    except (ValidationError, IntegrityError) as error:
        raise ArchiveError(f"{kind.name} {key!r} cannot be imported: {error}") from error
    if kind.model is Photo:
        stored_files.append(obj.image.name)
    for model_field, pks in many.items():
        getattr(obj, model_field.name).set(pks)
    # save() stamps auto_now(_add) times with the clock; the archived ones are what happened.
    stamped = {
        f.name: f.to_python(record[f.name])
        for f in archived_fields(kind)
        if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)) and record.get(f.name)
    }
    if stamped:
        kind.model._default_manager.filter(pk=obj.pk).update(**stamped)
    refs.add(kind.model, record_key(kind, record), obj.pk)
    return obj


def _resolve(kind, key, model, ref, refs):
    if ref is None:
        return None
    pk = refs.pk(model, ref) if not isinstance(ref, dict) else None
    if pk is None:
        raise ArchiveError(
            f"{kind.name} {key!r} refers to {model._meta.verbose_name} {ref!r}, which is missing."
        )
    return pk


def _photo_upload(directory, record, key):
    """The archived original, decoded by the same checks as an editor's upload."""
    path = _media_file(directory, record[PHOTO_HASH])
    upload = ContentFile(path.read_bytes(), name=path.name)
    try:
        inspection = inspect_upload(upload)
    except ValidationError as error:
        raise ArchiveError(f"photos {key!r}: {' '.join(error.messages)}") from error
    upload.name = inspection.filename(path.name)
    return upload


def _touched_stories(plan, refs):
    slugs = {record["content_object"] for record in plan["story_topics"]}
    return [pk for slug in slugs if (pk := refs.pk(Article, slug)) is not None]
