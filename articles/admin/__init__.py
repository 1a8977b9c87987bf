"""The editors' desk: Django's admin, extended one model at a time."""

from . import article, audit, person, photo, section, topic  # noqa: F401  (registers the admins)
