"""RSS 2.0 and Atom feeds of one live blog's entries, on contrib's Feed like the site's others.

Each item is an entry: its headline (or its first words), the entry's sanitised text with its
quote and photo credit, the byline, posted and edited times, and its permalink as link and
guid. The feed answers 304 for a reader who has its current entries, by the same ETag rule
as the update endpoint: the story's version and render stamp.
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from ..derived.cache import public_page
from ..models import Article
from .feeds import AtomFeed, LatestStoriesFeed, MediaRssFeed
from .live import feed_entries, published_live_blog


class LiveEntriesFeed(LatestStoriesFeed):
    feed_type = MediaRssFeed
    size = 50

    def get_object(self, request, slug):
        return published_live_blog(slug)

    def title(self, article):
        return _("%(site)s live: %(headline)s") % {"site": settings.SITE_NAME, "headline": article.headline}

    def link(self, article):
        return article.get_absolute_url()

    def description(self, article):
        return article.standfirst or f"Live coverage from {settings.SITE_NAME}: {article.headline}."

    def items(self, article):
        return feed_entries(article, self.size)

    def item_title(self, entry):
        return entry.headline or entry.summary

    def item_link(self, entry):
        return entry.permalink

    def item_description(self, entry):
        # The body is sanitised on save (articles/models/sanitize.py); the rest is escaped.
        html = mark_safe(entry.body)
        quote = getattr(entry, "quote", None)
        if quote is not None:
            html += format_html(
                "<blockquote><p>{}</p></blockquote><p>— {}</p>", quote.text, quote.speaker.name
            )
        if entry.photo:
            html += format_html(
                "<p>Photo: {} {}</p>", entry.photo.caption or entry.photo.alt_text, entry.photo.credit_line
            )
        return html

    def item_pubdate(self, entry):
        return entry.posted_at

    def item_updateddate(self, entry):
        return entry.edited_at or entry.posted_at

    def item_author_name(self, entry):
        return entry.byline

    def item_categories(self, entry):
        return ["Key event"] if entry.is_key_event else []

    def item_enclosures(self, entry):
        return []

    def item_extra_kwargs(self, entry):
        return {}


class LiveEntriesAtomFeed(LiveEntriesFeed):
    feed_type = AtomFeed

    def subtitle(self, article):
        return self.description(article)


def _etag(request, slug):
    row = (
        Article.objects.published()
        .filter(slug=slug, is_live=True)
        .values_list("pk", "version", "render__stamp")
        .first()
    )
    return "-".join(map(str, row)) if row else None


def conditional(feed):
    """`feed` as a public view with an ETag from the blog's version and stamp."""
    return public_page(condition(etag_func=_etag)(feed))
