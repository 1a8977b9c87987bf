"""A new photo from a file, for every path that is not the admin's form (imports, scripts, benchmarks)."""

from django.db import transaction

from ..models import Photo
from .renditions import photo_create_renditions
from .validation import inspect_upload


def photo_create_from_upload(*, upload, alt_text, credit="", caption="", copyright="", focal_point=None):
    """Validate `upload`, store it with its renditions, and return the saved Photo.

    Caption, credit and copyright left empty are filled from the file's IPTC/XMP/EXIF.
    Raises ValidationError with the admin's messages (an unusable file, or no credit
    or alt text even after that); nothing is stored then.
    """
    inspection = inspect_upload(upload)
    upload.name = inspection.filename(upload.name)
    fields = inspection.metadata.prefill({"caption": caption, "credit": credit, "copyright": copyright})
    focal_x, focal_y = focal_point or (None, None)
    photo = Photo(image=upload, alt_text=alt_text, focal_x=focal_x, focal_y=focal_y, **fields)
    photo.full_clean()
    try:
        with transaction.atomic():
            photo.save()
            photo_create_renditions(photo=photo)
    except BaseException:
        # The row is rolled back; the original file, if it was stored, must not linger either.
        if photo.image._committed:
            photo.image.delete(save=False)
        raise
    return photo
