"""Keyset pagination and the one check of moments that come from outside.

An OFFSET walks past every skipped row and a COUNT reads the whole archive; a keyset
filter, `(published_at, id) < (last_published_at, last_id)`, starts right where the
index says, so page 5,000 costs what page 1 does. The cursor is the last row's sort
key as opaque base64url JSON: clients pass it back unread. The public pages (`?before=`)
and the API (`?cursor=`) hand out and read the same cursors through this module.

`clean_moment()` is where every date from outside (cursors, API filters) is checked: a
parser accepts offsets up to ±23:59 and years 1–9999, but PostgreSQL refuses offsets
beyond ±15:59 and a year that normalising to UTC pushes out of range, with a 500.
"""

import base64
import binascii
import datetime
import json
import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q
from django.utils import timezone

MAX_ID = 2**63 - 1  # the largest id a BigAutoField holds; larger ones would fail in the database
# Real time zones run from UTC−12:00 to UTC+14:00; anything beyond is not a place on Earth.
MAX_OFFSET = datetime.timedelta(hours=14)


class InvalidCursor(ValueError):
    """A cursor this site did not hand out (or one that no longer decodes)."""


def clean_moment(value):
    """`value` (a datetime) as an aware UTC datetime, or ValueError with a reader's message.

    A time without an offset is read in the site's time zone, as the desk writes times."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    offset = value.utcoffset()
    if offset is None or abs(offset) > MAX_OFFSET:
        raise ValueError("the time zone offset must be within ±14:00 of UTC")
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        raise ValueError("the date is out of range") from None


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
    plain = [
        value.astimezone(datetime.UTC).isoformat() if isinstance(value, datetime.datetime) else value
        for value in values
    ]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(keys, cursor):
    """The sort-key values in `cursor`; InvalidCursor for anything this site did not hand out."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidCursor(cursor) from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise InvalidCursor(cursor)
    try:
        return [_typed(key.kind, value) for key, value in zip(keys, values, strict=True)]
    except (TypeError, ValueError, OverflowError):
        raise InvalidCursor(cursor) from None


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
        return clean_moment(parsed)
    if "\x00" in value:  # no name we hand out has one, and PostgreSQL refuses it in a query
        raise ValueError(value)
    return value


def after(keys, values):
    """Rows that sort after `values`: (k1 > v1) or (k1 = v1 and k2 > v2) …, per direction.

    The first key is also bounded on its own (k1 >= v1), which lets the database start an
    index range scan there instead of reading the OR from the top."""
    alternatives = []
    for i, key in enumerate(keys):
        equal_so_far = {k.field: v for k, v in zip(keys[:i], values[:i], strict=True)}
        beyond = f"{key.field}__{'lt' if key.descending else 'gt'}"
        alternatives.append(Q(**equal_so_far, **{beyond: values[i]}))
    first = keys[0]
    bound = Q(**{f"{first.field}__{'lte' if first.descending else 'gte'}": values[0]})
    return bound & reduce(operator.or_, alternatives)


def keyset_page(queryset, keys, *, cursor, limit):
    """(rows, next cursor or None): at most `limit` rows after `cursor`, in `keys` order.

    Raises InvalidCursor for a cursor this site did not hand out."""
    queryset = queryset.order_by(*(key.ordering for key in keys))
    if cursor:
        queryset = queryset.filter(after(keys, decode_cursor(keys, cursor)))
    rows = list(queryset[: limit + 1])  # one more than asked tells whether another page exists
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], encode_cursor(keys, rows[limit - 1])
