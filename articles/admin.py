"""Django's admin discovery imports this module: the desk's model admins register here."""

from .desk import article, audit_log, author, front, partner_key, person, photo, section, topic  # noqa: F401  (registers the admins)
