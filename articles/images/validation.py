"""Upload validation: a file becomes a photo only if Pillow decodes it whole, within our limits.

The name and the browser's content type are never trusted: the bytes are. Each refusal
says what was wrong in words an editor can act on.
"""

import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image

from .decode import EXTENSIONS, MIME_TYPES, is_sideways, load_reduced, open_image
from .metadata import EmbeddedMetadata, read_metadata

# Validation decodes only as much detail as the widest rendition will use.
DECODE_WIDTH = 1920

TOO_LARGE = "“%(name)s” is %(size)s; a photo may be at most %(limit)s. Export a smaller file and upload that."
SVG = (
    "“%(name)s” is an SVG drawing. SVG files can carry scripts, so they are not accepted: "
    "export it as PNG or JPEG."
)
NOT_AN_IMAGE = (
    "Upload a valid image: “%(name)s” is not a JPEG, PNG or WebP file. "
    "Files are checked by what they contain, not by their names."
)
TOO_MANY_PIXELS = (
    "“%(name)s” is %(width)s × %(height)s pixels (%(megapixels)s megapixels); "
    "a photo may have at most %(limit)s megapixels."
)
BOMB = (
    "“%(name)s” declares far more pixels than the %(limit)s-megapixel limit, a sign of a "
    "“decompression bomb”, so it was not opened."
)
DAMAGED = (
    "“%(name)s” is damaged or incomplete: its picture could not be read to the end. "
    "Export or download it again and upload the new copy."
)


@dataclass(frozen=True)
class Inspection:
    """What decoding an accepted upload found out."""

    format: str
    width: int  # upright: EXIF orientation applied
    height: int
    metadata: EmbeddedMetadata

    @property
    def mime_type(self):
        return MIME_TYPES[self.format]

    def filename(self, name):
        """`name` with the extension its contents call for (a PNG named .jpg is stored as .png)."""
        return f"{PurePath(name or 'photo').stem or 'photo'}.{EXTENSIONS[self.format]}"


def inspect_upload(upload):
    """Decode `upload` (a Django File) and return what it is, or raise ValidationError saying why not.

    Leaves the file rewound for storage to read.
    """
    name = PurePath(upload.name or "upload").name
    params = {"name": name, "limit": _megapixels(settings.PHOTO_MAX_PIXELS)}
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={
                **params,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.PHOTO_MAX_BYTES),
            },
        )
    upload.seek(0)
    if _looks_like_svg(upload.read(2048)):
        raise ValidationError(SVG, code="svg", params=params)
    upload.seek(0)
    try:
        try:
            with warnings.catch_warnings():
                # Pillow only warns between its two bomb limits; here every bomb is refused.
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = open_image(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(BOMB, code="decompression_bomb", params=params) from error
        except Exception as error:  # Pillow reports unreadable headers with many exception types
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image", params=params) from error
        with image:
            return _inspect(image, params)
    finally:
        upload.seek(0)


def _inspect(image, params):
    width, height = image.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        # Checked on the header's numbers, before a single pixel is decoded.
        raise ValidationError(
            TOO_MANY_PIXELS,
            code="too_many_pixels",
            params={
                **params,
                "width": f"{width:,}",
                "height": f"{height:,}",
                "megapixels": _megapixels(width * height),
            },
        )
    try:
        load_reduced(image, width=DECODE_WIDTH)
    except Exception as error:  # truncated data, bad checksums, broken Huffman tables…
        raise ValidationError(DAMAGED, code="damaged", params=params) from error
    sideways = is_sideways(image)
    return Inspection(
        format=image.format,
        width=height if sideways else width,
        height=width if sideways else height,
        metadata=read_metadata(image),
    )


def _looks_like_svg(head):
    # An SVG is XML text; Pillow cannot open it, but it deserves its own explanation.
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")) and b"<svg" in head.lower()


def _megapixels(pixels):
    return f"{pixels / 1_000_000:,.1f}".removesuffix(".0")
