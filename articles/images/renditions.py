"""Renditions: every size a page may ask for, made once when a photo is saved, stored through storage.

Pages never call Pillow: they read Photo.rendition_index, which only the functions here
write, in the same transaction as the Rendition rows it copies.
"""

import io
import math
from dataclasses import dataclass
from itertools import groupby

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, features

from ..derived.cache import new_generation
from ..derived.renders import photo_changed
from ..models import Photo, Rendition
from .decode import load_reduced, open_image, upright_rgb

# Story column and full-width phone layouts; never wider than the original.
FULL_WIDTHS = (320, 640, 960, 1280, 1920)
# Story cards: 12rem beside the text on wide screens, the full width on phones.
CARD_WIDTHS = (320, 640, 960)
CARD_RATIO = 3 / 2

# Best first. AVIF only where this Pillow was built with an encoder for it.
FORMATS = tuple(
    fmt
    for fmt in (Rendition.Format.AVIF, Rendition.Format.WEBP, Rendition.Format.JPEG)
    if fmt != Rendition.Format.AVIF or features.check("avif")
)
ENCODER_OPTIONS = {
    Rendition.Format.JPEG: {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
    Rendition.Format.WEBP: {"format": "WEBP", "quality": 80, "method": 4},
    # Quality 50 matches WebP's 80 in PSNR on the benchmark photo with a third fewer bytes;
    # speed 8 of 10 costs about 3% in size and saves two thirds of the encoding time.
    Rendition.Format.AVIF: {"format": "AVIF", "quality": 50, "speed": 8},
}


@dataclass(frozen=True)
class Spec:
    """One rendition to make: its size, format, and the part of the upright original it shows."""

    kind: str
    format: str
    width: int
    height: int
    box: tuple[float, float, float, float]  # left, top, right, bottom as fractions of the original
    name: str


def rendition_specs(photo):
    """Every rendition `photo` should have, from its stored size and focal point alone."""
    width, height = photo.width, photo.height
    if not (width and height):
        return []
    specs = [
        Spec(Rendition.Kind.FULL, fmt, w, max(1, round(height * w / width)), (0, 0, 1, 1), f"w{w}.{fmt}")
        for w in _widths(FULL_WIDTHS, width)
        for fmt in FORMATS
    ]
    left, top, right, bottom = card_crop(width, height, photo.focal_point)
    box = (left / width, top / height, right / width, bottom / height)
    # Named by where the crop sits, so moving the focal point remakes only crops that change.
    specs += [
        Spec(Rendition.Kind.CARD, fmt, w, max(1, round(w / CARD_RATIO)), box, f"card{w}-{left}x{top}.{fmt}")
        for w in _widths(CARD_WIDTHS, right - left)
        for fmt in FORMATS
    ]
    return specs


def card_crop(width, height, focal_point):
    """The largest 3:2 box inside width × height, centred on the focal point as far as the edges allow."""
    crop_width, crop_height = width, height
    if width / height > CARD_RATIO:
        crop_width = min(width, round(height * CARD_RATIO))
    else:
        crop_height = min(height, round(width / CARD_RATIO))
    focal_x, focal_y = focal_point
    left = min(max(round(focal_x * width - crop_width / 2), 0), width - crop_width)
    top = min(max(round(focal_y * height - crop_height / 2), 0), height - crop_height)
    return left, top, left + crop_width, top + crop_height


def _widths(candidates, available):
    # Never upscaled: the widths below the original's, plus the original's own if it is narrower.
    return sorted({w for w in candidates if w < available} | {min(available, candidates[-1])})


def photo_create_renditions(*, photo, replace=False):
    """Make the renditions `photo` lacks, store them, and return those this call made.

    Renditions already stored are kept: a second call makes nothing and does not even
    open the original. Ones no longer wanted (the focal point moved) are deleted.
    `replace=True` first throws all of them away, for a photo whose file was replaced.
    """
    if replace:
        photo_delete_renditions(photo=photo)
    wanted = {spec.name: spec for spec in rendition_specs(photo)}
    existing = dict(Rendition.objects.filter(photo=photo).values_list("spec", "pk"))
    stale = [pk for name, pk in existing.items() if name not in wanted]
    missing = [spec for name, spec in wanted.items() if name not in existing]
    if not (missing or stale):
        return []
    made = _render(photo, missing) if missing else []
    try:
        with transaction.atomic():
            Rendition.objects.filter(pk__in=stale).delete()  # their files go on commit
            # Another process may have stored the same spec meanwhile; its row wins.
            Rendition.objects.bulk_create(made, ignore_conflicts=True)
            stored = list(Rendition.objects.filter(photo=photo))
            _write_index(photo, stored)
    except BaseException:
        _delete_files(made)
        raise
    made_names = {rendition.file.name for rendition in made}
    stored_names = {rendition.file.name for rendition in stored}
    _delete_files(rendition for rendition in made if rendition.file.name not in stored_names)
    return [rendition for rendition in stored if rendition.file.name in made_names]


def photo_delete_renditions(*, photo):
    """Delete every rendition of `photo`; the files follow once the transaction commits."""
    with transaction.atomic():
        Rendition.objects.filter(photo=photo).delete()
        _write_index(photo, [])


def _write_index(photo, renditions):
    photo.rendition_index = [rendition.index_entry() for rendition in renditions]
    Photo.objects.filter(pk=photo.pk).update(rendition_index=photo.rendition_index)
    # An update() sends no signal: cached pages showing this photo are forgotten once it
    # commits, and the stored pages of the stories it leads at once.
    photo_changed(photo.pk)
    transaction.on_commit(new_generation)
    # The instance's pictures were built from the old index.
    for name in ("picture", "card_picture"):
        photo.__dict__.pop(name, None)


def _render(photo, specs):
    """Encode and store `specs` from one decode of the original; the unsaved Rendition rows."""
    # Decode just enough pixels for the most demanding spec (JPEG can skip the rest).
    needed = max(math.ceil(spec.width / (spec.box[2] - spec.box[0])) for spec in specs)
    made = []
    try:
        with photo.image.open("rb"), open_image(photo.image) as image:
            load_reduced(image, width=needed)
            source, icc_profile = upright_rgb(image)
            by_size = groupby(sorted(specs, key=_size_key), key=_size_key)
            for (width, height, box), same_size in by_size:
                pixels = source.resize(
                    (width, height),
                    Image.Resampling.LANCZOS,
                    box=(
                        box[0] * source.width,
                        box[1] * source.height,
                        box[2] * source.width,
                        box[3] * source.height,
                    ),
                    reducing_gap=3.0,
                )
                for spec in same_size:
                    data = _encode(pixels, spec.format, icc_profile)
                    rendition = Rendition(
                        photo=photo,
                        spec=spec.name,
                        kind=spec.kind,
                        format=spec.format,
                        width=width,
                        height=height,
                        size=len(data),
                    )
                    # Named by its spec alone, in the photo's keyed folder: nothing of the upload's name.
                    rendition.file.save(spec.name, ContentFile(data), save=False)
                    made.append(rendition)
    except BaseException:
        _delete_files(made)
        raise
    return made


def _size_key(spec):
    return (spec.width, spec.height, spec.box)


def _encode(image, fmt, icc_profile):
    buffer = io.BytesIO()
    options = dict(ENCODER_OPTIONS[fmt])
    if icc_profile:
        options["icc_profile"] = icc_profile
    image.save(buffer, **options)
    return buffer.getvalue()


def _delete_files(renditions):
    for rendition in renditions:
        rendition.file.storage.delete(rendition.file.name)
