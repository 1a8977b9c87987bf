"""Slugs for records made by the system (wire imports, suggestions accepted in the desk)."""

from django.utils.text import slugify


def unique_slug(model, text):
    """A slug for `text` not yet used by `model`: "my-story", else "my-story-2", "my-story-3" …"""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or model._meta.model_name
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
