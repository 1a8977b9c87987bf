from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit, caching, revisions, search

        # The search index is derived data kept current by signals (see articles/search.py).
        search.connect_signals()
        # Cache lifetimes are bounded by the schedule; story saves reset that bound.
        caching.connect_signals()
        revisions.connect_signals()
        audit.connect_signals()
