"""Keyset pagination: each page continues after the last row of the previous one.

An OFFSET walks past every skipped row and a COUNT reads the whole archive; a
keyset filter, `(published_at, id) < (last_published_at, last_id)`, starts right
where the index says, so page 5,000 costs what page 1 does. The cursor is the
last row's sort key, as opaque base64url JSON: clients pass it back unread.
"""

import base64
import binascii
import datetime
import json
import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q

from .errors import ApiError

MAX_ID = 2**63 - 1  # the largest id a BigAutoField holds; larger ones would fail in the database


@dataclass(frozen=True)
class Key:
    field: str  # a lookup path, e.g. "published_at" or "article__published_at"
    kind: type  # datetime.datetime, int or str
    descending: bool = False

    @property
    def ordering(self):
        return f"-{self.field}" if self.descending else self.field

    def value_of(self, obj):
        for part in self.field.split("__"):
            obj = getattr(obj, part)
        return obj


NEWEST_FIRST = (Key("published_at", datetime.datetime, True), Key("id", int, True))
BY_NAME = (Key("name", str), Key("id", int))


def encode_cursor(keys, obj):
    values = [key.value_of(obj) for key in keys]
    plain = [value.isoformat() if isinstance(value, datetime.datetime) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(keys, cursor):
    """The sort-key values in `cursor`; ApiError for anything this API did not hand out."""
    invalid = ApiError("invalid_cursor", "This cursor is not one the API handed out.", field="cursor")
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise invalid from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise invalid
    try:
        return [_typed(key.kind, value) for key, value in zip(keys, values, strict=True)]
    except (TypeError, ValueError, OverflowError):
        raise invalid from None


def _typed(kind, value):
    if kind is int:
        if type(value) is not int or not 0 <= value <= MAX_ID:
            raise ValueError(value)
        return value
    if not isinstance(value, str):
        raise TypeError(value)
    if kind is datetime.datetime:
        parsed = datetime.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(value)
        return parsed.astimezone(datetime.UTC)  # overflows here, not in the database, if out of range
    return value


def after(keys, values):
    """Rows that sort after `values`: (k1 > v1) or (k1 = v1 and k2 > v2) …, per direction."""
    alternatives = []
    for i, key in enumerate(keys):
        equal_so_far = {k.field: v for k, v in zip(keys[:i], values[:i], strict=True)}
        beyond = f"{key.field}__{'lt' if key.descending else 'gt'}"
        alternatives.append(Q(**equal_so_far, **{beyond: values[i]}))
    return reduce(operator.or_, alternatives)


def keyset_page(queryset, keys, *, cursor, limit):
    """(rows, next cursor or None): at most `limit` rows after `cursor`, in `keys` order."""
    queryset = queryset.order_by(*(key.ordering for key in keys))
    if cursor:
        queryset = queryset.filter(after(keys, decode_cursor(keys, cursor)))
    rows = list(queryset[: limit + 1])  # one more than asked tells whether another page exists
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], encode_cursor(keys, rows[limit - 1])


def next_url(request, cursor):
    """The request's own URL, same filters, continuing at `cursor`."""
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
