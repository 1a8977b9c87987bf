"""Where photo files live, and the only addresses they are ever given.

Every photo file, original and rendition, sits in private storage (`STORAGES["photos"]`):
a folder no web server serves, or a private bucket prefix. Its URL is never the file's
own: a rendition's is the reader route `/photos/<key>/<spec>`, which answers only while
something public uses the photo (articles/public/media.py); an original's is the desk
route, which answers only staff who may see photos (articles/desk/photo.py), and only for
files a photo owns; an upload kept across a failed form (`PENDING`) is no photo's yet. Readers
never get an original, which may still carry the photographer's location.

Rendition folders are keyed with the site secret, so their names cannot be guessed from
a photo's id or its upload's file name.
"""

import contextvars
import re
import secrets
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.functional import LazyObject, cached_property, empty

RENDITIONS = "photos/renditions/"
ORIGINALS = "photos/originals/"
# Uploads held for a photo form that failed validation (articles/images/pending.py):
# no route serves this folder except the uploader's own signed thumbnail on the desk.
PENDING = "photos/pending/"
SIGNING_SALT = "articles.photo-file"

# Set while a preview renders: its reader may not be logged in, and its photos are not yet
# public, so their reader URLs carry a signature that lets them through for a while.
_signing = contextvars.ContextVar("signed_photo_urls", default=False)


def original_upload_to(photo, filename):
    """A random folder per upload: the address says nothing about the photo."""
    return f"{ORIGINALS}{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}/{Path(filename).name}"


def rendition_key(photo_id):
    """The folder of a photo's renditions: stable for the photo, unguessable without the secret."""
    return salted_hmac("articles.rendition-folder", str(photo_id)).hexdigest()[:32]


def rendition_upload_to(rendition, filename):
    # The spec alone names the file (w640.webp): the upload's own name stays with the desk.
    return f"{RENDITIONS}{rendition_key(rendition.photo_id)}/{Path(filename).name}"


class _PhotoStorage(LazyObject):
    # A FileField calls its storage callable once, when the model class is made; a lazy
    # proxy lets STORAGES["photos"] still decide later (tests swap in object storage).
    def _setup(self):
        self._wrapped = storages["photos"]


_photo_storage = _PhotoStorage()


@receiver(setting_changed)
def _forget_photo_storage(setting, **kwargs):
    if setting == "STORAGES":
        _photo_storage._wrapped = empty


def photo_storage():
    """The storage every photo file goes through: STORAGES["photos"]."""
    return _photo_storage


@contextmanager
def signed_photo_urls():
    """Reader URLs made inside this block are signed, and valid as long as a preview link."""
    token = _signing.set(True)
    try:
        yield
    finally:
        _signing.reset(token)


# What the reader's photo route takes (its converters in articles/public/urls.py use these).
PHOTO_KEY_PATTERN = "[0-9a-f]{32}"
PHOTO_SPEC_PATTERN = r"[A-Za-z0-9_-]{1,80}\.(?:avif|webp|jpeg)"
_KEY_SHAPE, _SPEC_SHAPE = re.compile(PHOTO_KEY_PATTERN), re.compile(PHOTO_SPEC_PATTERN)
_KEY, _SPEC = "0" * 32, "spec.jpeg"
_url_shapes = {}


def _photo_url_shape():
    """The photo route reversed once per URLconf and script prefix, with placeholders: a list
    page names some 180 rendition URLs, and a reverse() each was a fifth of its time. One
    address per file in every edition (unprefixed), so caches hold it once."""
    shape_key = (get_urlconf(), get_script_prefix())
    shape = _url_shapes.get(shape_key)
    if shape is None:
        with translation.override(settings.LANGUAGE_CODE):
            url = reverse("articles:photo-file", kwargs={"key": _KEY, "spec": _SPEC})
        before, rest = url.split(_KEY, 1)
        between, after = rest.split(_SPEC, 1)
        shape = _url_shapes[shape_key] = (before, between, after)
    return shape


def reader_url(name):
    key, _, spec = name.removeprefix(RENDITIONS).partition("/")
    before, between, after = _photo_url_shape()
    if _KEY_SHAPE.fullmatch(key) and _SPEC_SHAPE.fullmatch(spec):
        url = f"{before}{key}{between}{spec}{after}"
    else:  # what the route would not take: reverse() refuses it, as it always did
        with translation.override(settings.LANGUAGE_CODE):
            url = reverse("articles:photo-file", kwargs={"key": key, "spec": spec})
    if _signing.get():
        url += f"?sig={signing.TimestampSigner(salt=SIGNING_SALT).sign(name).removeprefix(name + ':')}"
    return url


def signature_valid(name, signature):
    try:
        signing.TimestampSigner(salt=SIGNING_SALT).unsign(
            f"{name}:{signature}", max_age=settings.PREVIEW_LINK_MAX_AGE
        )
    except signing.BadSignature:  # includes SignatureExpired
        return False
    return True


def desk_url(name):
    return reverse("admin:articles_photo_file", kwargs={"name": name})


class RoutedURLs:
    """Storage whose url() is the app's route for the file, never the file itself.

    `direct_url()` is the storage's own address for the views behind those routes: None
    when the app streams the file, a short-lived signed URL on object storage.
    """

    def url(self, name):
        return reader_url(name) if name.startswith(RENDITIONS) else desk_url(name)

    def direct_url(self, name):
        return None


class PhotoFileSystemStorage(RoutedURLs, FileSystemStorage):
    """Photo files on a local disk outside MEDIA_ROOT (settings.PHOTO_ROOT)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PHOTO_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PHOTO_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def _s3_storage_class():
    from storages.backends.s3 import S3Storage  # boto3 is slow to import: only bucket deployments pay

    class PhotoS3Storage(RoutedURLs, S3Storage):
        """Photo files under a private bucket prefix; the app hands out short-lived signed URLs."""

        def direct_url(self, name):
            return S3Storage.url(self, name, expire=settings.PHOTO_SIGNED_URL_SECONDS)

    return PhotoS3Storage


def PhotoS3Storage(**options):
    return _s3_storage_class()(**options)
