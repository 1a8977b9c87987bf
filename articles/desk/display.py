from django.utils.html import format_html

from ..models.rendition import Rendition, rendition_entries, rendition_url


def thumbnail(photo, width=96, kind=Rendition.Kind.FULL):
    """A small preview of `photo` for the desk; "—" when there is none.

    Uses the smallest stored rendition sharp on a high-density screen, read from the
    photo's rendition index (no query per row); the original only while there is none.
    """
    if photo is None or not photo.image:
        return "—"
    entries = rendition_entries(photo, kind, Rendition.Format.WEBP) or rendition_entries(photo, kind)
    sharp = [entry for entry in entries if entry["width"] >= 2 * width]
    if entries:
        entry = (sharp or entries)[0 if sharp else -1]
        url, ratio = rendition_url(entry), entry["height"] / entry["width"]
    else:
        url, ratio = photo.image.url, (photo.height / photo.width if photo.width else 1)
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="lazy">', url, width, round(width * ratio)
    )
