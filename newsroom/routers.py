"""Send readers' queries to a PostgreSQL read replica, and everything else to the primary.

Installed only when DATABASE_REPLICA_URL is set (see settings.py). Public views
(`articles.caching.public_page`) run inside `public_reads()` for anonymous
readers; only those reads go to the replica. Writes, the admin, previews and
anything a signed-in editor requests stay on the primary, so staff always read
their own writes. A replica lags by its replication delay: readers may see a
change that much later, never staff.
"""

from contextlib import contextmanager
from contextvars import ContextVar

PRIMARY = "default"
REPLICA = "replica"

# A context variable, not a thread-local: correct under threads and under ASGI tasks.
_public_reads = ContextVar("newsroom_public_reads", default=False)


@contextmanager
def public_reads():
    """Within this block, reads may be served by the replica."""
    token = _public_reads.set(True)
    try:
        yield
    finally:
        _public_reads.reset(token)


def reading_publicly():
    return _public_reads.get()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _public_reads.get() else PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data: an object read from the replica may be
        # related to (and saved through) the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's schema by replication, never by migrate.
        return db == PRIMARY
