"""The search index: one row per story, kept apart from Article like Wagtail's index table.

Rows are derived data, rebuilt by `articles.search.article_index()`; deleting one
loses nothing. Every story is indexed whatever its status: search filters with
`Article.objects.published()` at query time, so a scheduled story is found the
moment it goes live, with no re-indexing.

Each row is indexed in its story's language, with the PostgreSQL text-search
configuration that language calls for (`search_config`), and says which: the vector
is only comparable with a query parsed the same way, so each edition's search
parses its readers' words with its own configuration.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .language import default_language

# PostgreSQL text-search configurations by primary language subtag (those PostgreSQL ships).
SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
# No stemming, no stop words: every word as written, lower-cased.
FALLBACK_CONFIG = "simple"


def search_config(language=None):
    """The text-search configuration for an edition's language (`simple` for one it lacks)."""
    return SEARCH_CONFIGS.get((language or default_language()).split("-")[0].lower(), FALLBACK_CONFIG)


class SearchEntry(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    # The story's language when it was indexed, and the configuration its vector was built
    # with: a row whose config is not search_config(language) any more (a mapping added for
    # an edition that had `simple`) is stale until `manage.py update_search_index`.
    language = models.CharField(max_length=12, default=default_language)
    config = models.CharField(max_length=63, default=FALLBACK_CONFIG)
    # Plain text of standfirst, body, people and topics: the source of highlighted
    # snippets, and what the SQLite fallback matches against.
    text = models.TextField(blank=True, default="")
    # The names of the story's people (mentioned or quoted) with their aliases and their
    # names in other scripts, each word also romanised and as its transliteration key: one
    # line per person. Never shown.
    names = models.TextField(blank=True, default="")
    # Weighted tsvector (headline A; standfirst, people and their names, topics B; body C),
    # PostgreSQL only.
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        # Created on PostgreSQL only, by migration 0003 (SQLite has no GIN). One index serves
        # every edition: a tsvector holds lexemes, whichever configuration made them.
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector_gin")]

    def __str__(self):
        return f"Search entry for story {self.article_id} ({self.language}, {self.config})"
