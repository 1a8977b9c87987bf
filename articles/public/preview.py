"""Signed, expiring preview links: a draft shared with someone who has no account.

The token names the story and its current preview key, and is signed with the
site's secret and a salt of its own; it carries its creation time, so it expires
by itself. The key is the story's: publication, unpublication, retraction and
the desk's "revoke" empty it, so every link shared before answers 404.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"


def preview_token(article):
    return signing.TimestampSigner(salt=SALT).sign(f"{article.pk}.{article.current_preview_key()}")


def preview_url(article):
    return reverse("articles:preview", kwargs={"token": preview_token(article)})


def story_from_token(token, queryset):
    """The story from `queryset` a valid, unexpired, unrevoked token names, or None."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    article_id, _, key = value.partition(".")
    if not (article_id.isdigit() and key):
        return None
    return queryset.filter(pk=int(article_id), preview_key=key).first()
