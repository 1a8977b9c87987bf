"""Tokens in the shared cache that every web process reads into its cache keys.

Renewing one makes everything keyed by the old value a miss at once, in every process. A
random value rather than a counter: if the cache loses the key (eviction, restart), the new
token still matches nothing stored before.
"""

import uuid

from django.core.cache import cache


def current(key):
    token = cache.get(key)
    if token is None:
        # add(), not set(): of two processes finding it missing, both end up with one value.
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    return token


def renew(key):
    cache.set(key, uuid.uuid4().hex, None)
