"""Case-insensitive matching in every script, on every backend search runs on.

SQLite's LIKE and lower() fold ASCII letters only, so «Переговоры» would miss «переговоры»:
there both sides go through Python's casefold, registered on each SQLite connection (the
search signals wire it, articles/derived/search.py). PostgreSQL's UPPER() folds every
script, and `icontains` is what its trigram indexes serve.
"""

from django.db import connection
from django.db.models import F, Func, TextField
from django.db.models.lookups import Contains, IContains

CASEFOLD_FUNCTION = "newsroom_casefold"


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def register_casefold(sender, connection, **kwargs):
    """connection_created receiver: CASEFOLD_FUNCTION on a new SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(CASEFOLD_FUNCTION, 1, _casefold, deterministic=True)


class Casefold(Func):
    function = CASEFOLD_FUNCTION
    output_field = TextField()


def contains_text(expression, term):
    """`expression` (a field name or an expression) holds `term` whatever the case, in any
    script: a lookup usable in filter(), Q() and When()."""
    expression = F(expression) if isinstance(expression, str) else expression
    if connection.vendor == "sqlite":
        return Contains(Casefold(expression), term.casefold())
    return IContains(expression, term)
