"""The search index: one row per story, kept apart from Article like Wagtail's index table.

Rows are derived data, rebuilt by `articles.search.article_index()`; deleting one
loses nothing. Every story is indexed whatever its status: search filters with
`Article.objects.published()` at query time, so a scheduled story is found the
moment it goes live, with no re-indexing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    # Plain text of standfirst, body, people and topics: the source of highlighted
    # snippets, and what the SQLite fallback matches against.
    text = models.TextField(blank=True, default="")
    # The names of the story's people (mentioned or quoted) with their aliases, each word
    # also romanised and as its transliteration key: one line per person. Never shown.
    names = models.TextField(blank=True, default="")
    # Weighted tsvector (headline A; standfirst, people and their names, topics B; body C),
    # PostgreSQL only.
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        # Created on PostgreSQL only, by migration 0003 (SQLite has no GIN).
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector_gin")]

    def __str__(self):
        return f"Search entry for story {self.article_id}"
