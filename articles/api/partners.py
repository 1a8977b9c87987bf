"""Partner keys on the API: optional, checked on every request, throttled and audited.

Without a key a request is the public's. With one (`Authorization: Bearer <key>`, or
`X-API-Key: <key>`) it is a partner's: embargoed stories of the key's sections show up in the
story endpoints and ninjs, marked with their embargo time, and the answer is private to that
client. A key that names nothing, or a revoked one, answers 401; a key past its rate answers
429 with Retry-After. Every request a key makes is recorded in the audit trail.
"""

import math
import time
from contextlib import nullcontext

from django.conf import settings
from django.core.cache import cache
from ninja.security.base import AuthBase

from ..models import PartnerKey, audit
from ..models.files import signed_photo_urls
from .errors import ApiError

HEADER = "X-API-Key"
THROTTLE_PREFIX = "articles:api-throttle:"


class Public:
    """request.auth of a request without a key: truthy, so ninja lets it through."""

    def __bool__(self):
        return True


PUBLIC = Public()


def presented_key(request):
    """The key the request carries, or None when it carries none (an empty header is one)."""
    # Other schemes (a staging proxy's Basic auth) are not ours to judge.
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if HEADER in request.headers:
        return request.headers[HEADER].strip()
    return None


class PartnerKeyAuth(AuthBase):
    """ninja's authentication hook, used as an optional one: no key is the public."""

    openapi_type = "http"
    openapi_scheme = "bearer"
    openapi_description = (
        "Optional. A partner key (also accepted in the X-API-Key header) adds embargoed stories, "
        "marked `embargoed`, to the story endpoints and ninjs. Without one you get the public's view."
    )

    def __call__(self, request):
        raw = presented_key(request)
        if raw is None:
            return PUBLIC
        key = PartnerKey.find(raw)
        if key is None:
            raise ApiError("invalid_key", "This API key is not valid.", status=401)
        target = f"partner key {key}: {request.method} {request.get_full_path()}"
        if not key.is_active:
            audit.record(
                audit.A.API_REFUSED, username=f"partner:{key.prefix}", target=target, request=request
            )
            raise ApiError(
                "revoked_key", "This API key has been revoked. Ask the desk for a new one.", status=401
            )
        throttle(key)
        audit.record(audit.A.API_USE, username=f"partner:{key.prefix}", target=target, request=request)
        return key


def throttle(key):
    """At most PARTNER_API_REQUESTS per PARTNER_API_WINDOW seconds per key, counted in the shared
    cache (fixed windows: every process and machine counts against the same number)."""
    window = settings.PARTNER_API_WINDOW
    now = time.time()
    slot = int(now // window)
    counter = f"{THROTTLE_PREFIX}{key.prefix}:{slot}"
    if cache.add(counter, 1, window + 1):
        count = 1
    else:
        try:
            count = cache.incr(counter)
        except ValueError:  # expired between add() and incr(): a new window
            cache.add(counter, 1, window + 1)
            count = 1
    if count > settings.PARTNER_API_REQUESTS:
        retry_after = max(1, math.ceil((slot + 1) * window - now))
        raise ApiError(
            "throttled",
            f"Too many requests with this key: {settings.PARTNER_API_REQUESTS} per {window} seconds. "
            f"Try again in {retry_after} seconds.",
            status=429,
            headers={"Retry-After": str(retry_after)},
        )


def partner_of(request):
    """The request's PartnerKey, or None for the public."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, PartnerKey) else None


def partner_photo_urls(request):
    """Photo URLs made inside this block: signed for a partner, since an embargoed story's photo
    is not public yet (the signature lets it through for as long as a preview link)."""
    return signed_photo_urls() if partner_of(request) is not None else nullcontext()
