from django.utils.html import format_html


def thumbnail(photo, width=96):
    """A small preview of `photo` for admin lists; empty when there is none."""
    if photo is None or not photo.image:
        return "—"
    height = round(photo.height * width / photo.width) if photo.width else width
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="lazy">', photo.image.url, width, height
    )
