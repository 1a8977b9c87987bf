"""Writing an archive: every kind's records, the photos' files, the history, then the manifest."""

import shutil
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.db import connection, transaction
from django.utils import timezone

from ..models import Photo
from . import history
from .formats import (
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MEDIA,
    REVISIONS,
    ArchiveError,
    Refs,
    canonical,
    checksum,
    records_of,
)


@dataclass
class ExportSummary:
    counts: dict
    media_files: int

    def lines(self):
        yield from (f"{name}: {count}" for name, count in self.counts.items())
        yield f"media files: {self.media_files}"


def archive_export(*, directory):
    """Write everything the newsroom holds to `directory` (new or empty) and return what was written.

    Reads one consistent snapshot: on PostgreSQL the whole export is a REPEATABLE READ
    transaction, so stories saved meanwhile are either wholly in or wholly out. The
    manifest is written last; a directory without one is an interrupted export.
    """
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise ArchiveError(f"{directory} is not empty; export into a new directory.")
    (directory / MEDIA).mkdir(parents=True, exist_ok=True)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # Must be the transaction's first statement; makes every query below see one snapshot.
            # (Inside a caller's transaction, as in tests, that transaction's isolation holds.)
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        refs = Refs()
        files = {}
        for kind in KINDS:
            records = records_of(kind, refs)
            files[kind.name] = _write(directory, kind.name, records.values(), kind.model._meta.label_lower)
            files[kind.name]["key"] = list(kind.key)
        media = _copy_media(directory / MEDIA, refs)
        files[REVISIONS] = _write(
            directory, REVISIONS, history.revision_records(refs).values(), "reversion.revision"
        )
        files[REVISIONS]["key"] = list(history.KEY_FIELDS)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "media_files": media,
        "files": files,
    }
    (directory / MANIFEST).write_text(canonical(manifest) + "\n", encoding="utf-8")
    return ExportSummary(counts={name: entry["count"] for name, entry in files.items()}, media_files=media)


def _write(directory, name, records, label):
    lines = sorted(canonical(record) for record in records)
    with open(directory / f"{name}.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(f"{line}\n" for line in lines)
    return {"file": f"{name}.jsonl", "model": label, "count": len(lines), "sha256": checksum(lines)}


def _copy_media(media_dir, refs):
    """One file per distinct image, at media/<sha256>/<its file name>; returns how many."""
    refs.key(Photo, 0)  # loads the photos' hashes if no record needed them yet
    written = set()
    for sha, name in refs.photo_files.values():
        if sha in written:
            continue  # the same bytes uploaded twice are archived once
        target = media_dir / sha
        target.mkdir()
        storage = Photo._meta.get_field("image").storage
        with storage.open(name, "rb") as source, open(target / PurePath(name).name, "wb") as out:
            shutil.copyfileobj(source, out)
        written.add(sha)
    return len(written)
