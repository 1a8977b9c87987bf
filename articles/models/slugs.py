"""Slugs for records made by the system (wire imports, suggestions accepted in the desk)."""

from django.utils.text import slugify


def unique_slug(model, text):
    """A slug for `text` not yet used by `model`: "my-story", else "my-story-2", "my-story-3" …"""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or model._meta.model_name
    slug, n = base, 1
    # A model may reserve more than its own column (stories: their old addresses too).
    taken = getattr(model, "slug_taken", None) or (lambda slug: model.objects.filter(slug=slug).exists())
    while taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug
