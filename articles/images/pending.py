"""Uploads kept across a photo form that did not validate, so nobody picks the file twice.

The file goes to private photo storage under `PENDING`, in a folder named after the day,
and the form carries a signed token naming it and its uploader. Only that token opens the
file again, only for the same user and only for `PENDING_MAX_AGE`; no reader or desk route
serves the folder otherwise. Keeping a file sweeps day folders older than that, so stale
uploads go without a cron job (`manage.py clear_pending_photos` does the same by hand).
"""

import contextlib
import datetime
import os
import secrets
from pathlib import PurePath

from django.core import signing
from django.core.files.base import File
from django.utils import timezone

from ..models.files import PENDING, photo_storage

PENDING_MAX_AGE = 24 * 60 * 60
SALT = "articles.pending-photo"


def pending_keep(*, upload, user_id):
    """Store `upload` for `user_id` and return the token that names it."""
    now = timezone.now()
    pending_sweep(now=now)
    upload.seek(0)
    name = f"{PENDING}{now:%Y-%m-%d}/{secrets.token_urlsafe(12)}/{PurePath(upload.name).name}"
    name = photo_storage().save(name, upload)
    upload.seek(0)
    return signing.dumps({"name": name, "user": user_id}, salt=SALT, compress=True)


def pending_name(token, *, user_id):
    """The stored name a token stands for, or None if it is forged, someone else's or stale."""
    try:
        value = signing.loads(token or "", salt=SALT, max_age=PENDING_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(value, dict) or value.get("user") != user_id:
        return None
    name = value.get("name", "")
    return name if name.startswith(PENDING) and photo_storage().exists(name) else None


def pending_open(name):
    """The kept file as an unsaved upload under its original file name."""
    handle = photo_storage().open(name, "rb")
    return File(handle, name=PurePath(name).name)


def pending_discard(name):
    if name:
        photo_storage().delete(name)


def pending_sweep(*, now=None):
    """Delete kept uploads from day folders older than PENDING_MAX_AGE; return how many files.

    One listing of `PENDING` per call when nothing is stale: cheap enough for every upload.
    """
    storage = photo_storage()
    cutoff = ((now or timezone.now()) - datetime.timedelta(seconds=PENDING_MAX_AGE)).date()
    try:
        days, _ = storage.listdir(PENDING)
    except FileNotFoundError:
        return 0
    removed = 0
    for day in days:
        try:
            stale = datetime.date.fromisoformat(day) < cutoff
        except ValueError:
            stale = False  # not a folder we made: leave it alone
        if stale:
            removed += _delete_tree(storage, f"{PENDING}{day}/")
    return removed


def _delete_tree(storage, folder):
    removed = 0
    folders, files = storage.listdir(folder)
    for name in files:
        storage.delete(f"{folder}{name}")
        removed += 1
    for sub in folders:
        removed += _delete_tree(storage, f"{folder}{sub}/")
    try:
        path = storage.path(folder)
    except NotImplementedError:  # object storage has no folders to remove
        return removed
    with contextlib.suppress(OSError):  # a local disk keeps empty folders otherwise
        os.rmdir(path)
    return removed
