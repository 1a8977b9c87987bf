"""Renditions: each responsive size of a photo, made once and stored (see articles/images/renditions.py)."""

import mimetypes
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .files import photo_storage, rendition_upload_to

MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
# Browsers take the first <source> whose type they support; JPEG is the <img> for the rest.
SOURCE_ORDER = ("avif", "webp")
FALLBACK_FORMAT = "jpeg"
# The plain src for browsers without srcset: wide enough for a story column.
FALLBACK_SRC_WIDTH = 960


class Rendition(models.Model):
    """One stored size and format of a photo, never regenerated per request."""

    class Kind(models.TextChoices):
        FULL = "full", "whole frame"
        CARD = "card", "3:2 card crop"

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    photo = models.ForeignKey("articles.Photo", on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(
        max_length=60, help_text="What was made: w640.webp, or card320-0x56.jpeg for a crop at (0, 56)."
    )
    kind = models.CharField(max_length=10, choices=Kind)
    format = models.CharField(max_length=10, choices=Format)
    file = models.FileField(
        upload_to=rendition_upload_to, storage=photo_storage, max_length=255, db_index=True
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField("bytes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["photo", "kind", "format", "width"]
        verbose_name = "rendition"
        verbose_name_plural = "renditions"
        constraints = [
            # Made once: a second process making the same size finds the row already there.
            models.UniqueConstraint(fields=["photo", "spec"], name="unique_rendition_per_photo_spec"),
        ]

    def __str__(self):
        return f"{self.spec} ({self.width} × {self.height})"

    @property
    def mime_type(self):
        return MIME_TYPES[self.format]

    def index_entry(self):
        """What Photo.rendition_index keeps of this row: all a page needs to link to it."""
        return {
            "spec": self.spec,
            "kind": self.kind,
            "format": self.format,
            "name": self.file.name,
            "width": self.width,
            "height": self.height,
            "size": self.size,
        }


@receiver(post_delete, sender=Rendition)
def delete_rendition_file(sender, instance, **kwargs):
    # A rendition's file is derived data: it goes with its row, once the deletion is committed.
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """Everything a <picture> element needs, built from stored renditions without Pillow or a query."""

    src: str
    width: int  # of the widest candidate, which `widest_src` is (for og:image and the like)
    height: int
    srcset: str = ""
    sources: tuple[Source, ...] = ()
    widest_src: str = ""


@dataclass(frozen=True)
class SharedImage:
    """One image file to hand to other sites (social cards, feeds, structured data, the API)."""

    url: str
    width: int
    height: int
    mime_type: str
    size: int


def share_image_for(photo):
    """The widest full-frame JPEG rendition: metadata stripped, its own true size. The original
    is used only until renditions exist (they are made when the photo is saved at the desk)."""
    entries = rendition_entries(photo, Rendition.Kind.FULL, FALLBACK_FORMAT)
    if not entries:
        mime = mimetypes.guess_type(photo.image.name)[0] or "image/jpeg"
        try:
            size = photo.image.size
        except (OSError, ValueError):
            size = 0
        return SharedImage(photo.image.url, photo.width, photo.height, mime, size)
    widest = entries[-1]
    mime = MIME_TYPES[FALLBACK_FORMAT]
    return SharedImage(rendition_url(widest), widest["width"], widest["height"], mime, widest["size"] or 0)


def rendition_entries(photo, kind, format=None):
    """`photo`'s stored renditions of `kind` (and `format`), narrowest first."""
    entries = [
        entry
        for entry in photo.rendition_index
        if entry["kind"] == kind and (format is None or entry["format"] == format)
    ]
    return sorted(entries, key=lambda entry: entry["width"])


def rendition_url(entry):
    return Rendition._meta.get_field("file").storage.url(entry["name"])


def picture_for(photo, kind):
    """The <picture> of `photo` for `kind`; the original file when no rendition is stored yet."""
    fallback = rendition_entries(photo, kind, FALLBACK_FORMAT)
    if not fallback:
        url = photo.image.url
        return Picture(src=url, width=photo.width, height=photo.height, widest_src=url)

    def srcset(entries):
        return ", ".join(f"{rendition_url(entry)} {entry['width']}w" for entry in entries)

    sources = tuple(
        Source(type=MIME_TYPES[format], srcset=srcset(entries))
        for format in SOURCE_ORDER
        if (entries := rendition_entries(photo, kind, format))
    )
    src = [entry for entry in fallback if entry["width"] <= FALLBACK_SRC_WIDTH] or fallback
    widest = fallback[-1]
    return Picture(
        src=rendition_url(src[-1]),
        width=widest["width"],
        height=widest["height"],
        srcset=srcset(fallback),
        sources=sources,
        widest_src=rendition_url(widest),
    )
