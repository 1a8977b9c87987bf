"""Signed, expiring preview links: a draft shared with someone who has no account.

The token names the story and is signed with the site's secret and a salt of
its own; it carries its creation time, so it expires without any stored state.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"


def preview_token(article):
    return signing.TimestampSigner(salt=SALT).sign(str(article.pk))


def preview_url(article):
    return reverse("articles:preview", kwargs={"token": preview_token(article)})


def article_id_from_token(token):
    """The story id a valid, unexpired token names; None for forged or expired tokens."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return int(value) if value.isdigit() else None
