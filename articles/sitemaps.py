"""Sitemaps for search engines: /sitemap.xml and the Google News sitemap /sitemap-news.xml.

Absolute URLs take their domain from the request: contrib.sites is not
installed, so the sitemap view falls back to RequestSite.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils import timezone

from .feeds import xml_text
from .models import Article, Person, Section, Topic, published_q

# Google News reads only stories published in the last two days, at most 1,000 of them.
NEWS_WINDOW = datetime.timedelta(hours=48)


def _latest(*dates):
    return max((date for date in dates if date is not None), default=None)


class StorySitemap(Sitemap):
    def items(self):
        return (
            Article.objects.published()
            .only("slug", "published_at", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, article):
        return _latest(article.published_at, article.updated_at)


class _StoryListSitemap(Sitemap):
    """Pages listing stories (sections, topics, people): listed once they have a published
    story, last modified when the newest of those was published or edited."""

    model = None
    stories = ""  # the relation from the model to its stories

    def items(self):
        story = f"{self.stories}__"
        return (
            self.model.objects.annotate(
                latest_published=Max(f"{story}published_at", filter=published_q(story)),
                latest_updated=Max(f"{story}updated_at", filter=published_q(story)),
            )
            .filter(latest_published__isnull=False)
            .order_by("slug")
        )

    def lastmod(self, obj):
        return _latest(obj.latest_published, obj.latest_updated, getattr(obj, "updated_at", None))


class SectionSitemap(_StoryListSitemap):
    model = Section
    stories = "articles"


class TopicSitemap(_StoryListSitemap):
    model = Topic
    stories = "article_items__content_object"


class PersonSitemap(_StoryListSitemap):
    model = Person
    stories = "articles"


class NewsSitemap(Sitemap):
    """Stories of the last 48 hours with the news: extension (see templates/articles/sitemap_news.xml)."""

    limit = 1000

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return Article.objects.published().filter(published_at__gte=since).order_by("-published_at", "-id")

    def lastmod(self, article):
        # Whole seconds: the template writes ISO 8601, which would otherwise carry microseconds.
        return _latest(article.published_at, article.updated_at).replace(microsecond=0)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            article = url["item"]
            url["news"] = {
                "publication_name": settings.SITE_NAME,
                "language": settings.NEWSROOM_PUBLICATION_LANGUAGE,
                "publication_date": article.published_at.replace(microsecond=0),
                "title": xml_text(article.headline),
            }
        return urls


SITEMAPS = {
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
}
NEWS_SITEMAPS = {"news": NewsSitemap}
