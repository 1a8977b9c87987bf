from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here because Django loads the models before ready(): these modules read them.
        from .derived import cache, renders, search
        from .desk import signins

        # The search index is derived data kept current by signals (see articles/derived/search.py).
        search.connect_signals()
        # Cache lifetimes are bounded by the schedule; story saves reset that bound.
        cache.connect_signals()
        # Stored story pages and the newest stories per topic and person (articles/derived/renders.py).
        renders.connect_signals()
        signins.connect_signals()
