"""Querysets compiled to SQL once per process, for the few queries every story request runs.

Django builds and compiles a queryset in about half a millisecond, more than PostgreSQL takes
to answer the story page's queries. A `Compiled` query is built once per database vendor and
shape (how many values an IN list holds) from a queryset made with placeholder values, and
each request puts its own values in the placeholders' positions. The SQL is Django's own, so
it stays right whatever the backend; only the parameters change.
"""

from django.db import connections, router


class Compiled:
    """`build(shape)` returns (queryset, placeholders, fields): a values_list queryset made
    with placeholder values, those values in order, and {index: model field} for the values
    the database holds in another form (a datetime). `rows(shape, values)` runs the query
    with `values` in the placeholders' positions.

    Placeholders must be distinct and occur in no other parameter of the query."""

    def __init__(self, model, build):
        self.model = model
        self.build = build
        self._cache = {}

    def _compile(self, connection, shape):
        found = self._cache.get((connection.alias, shape))
        if found is None:
            queryset, placeholders, fields = self.build(shape)
            sql, params = queryset.query.sql_with_params()
            prepared = [
                _db_value(connection, fields.get(index), value) for index, value in enumerate(placeholders)
            ]
            slots = []
            for position, param in enumerate(params):
                matches = [index for index, value in enumerate(prepared) if value == param]
                if len(matches) > 1:
                    raise ValueError(f"placeholder values must be distinct: {placeholders!r}")
                if matches:
                    slots.append((position, matches[0]))
            if {index for _, index in slots} != set(range(len(placeholders))):
                raise ValueError(f"placeholders {placeholders!r} not all found in {params!r}")
            found = self._cache[(connection.alias, shape)] = (sql, list(params), slots, fields)
        return found

    def rows(self, shape, values):
        """The query's rows with `values` in its placeholders' places."""
        connection = connections[router.db_for_read(self.model)]
        sql, params, slots, fields = self._compile(connection, shape)
        params = list(params)
        for position, index in slots:
            params[position] = _db_value(connection, fields.get(index), values[index])
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _db_value(connection, field, value):
    return field.get_db_prep_value(value, connection) if field is not None else value
