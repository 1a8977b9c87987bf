"""Sitemaps for search engines: the index /sitemap.xml, the sitemaps it lists, and the Google
News sitemap /sitemap-news.xml.

The index never counts or aggregates over the archive, so it costs the same at a thousand
stories as at millions: stories are split by calendar month (the months between the first
published story and now, found with one index probe), and people, topics and authors by blocks of
primary keys (the highest key is another index probe). Each listed sitemap then reads one
bounded range. Absolute URLs take their domain from the request: contrib.sites is not
installed, so the views fall back to RequestSite.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, OuterRef, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import Article, Author, Person, Section, Topic
from .feeds import xml_text

# Google News reads only stories published in the last two days, at most 1,000 of them.
NEWS_WINDOW = datetime.timedelta(hours=48)
# Primary keys per people or topics sitemap: a small, quick file (the protocol allows 50,000 URLs).
BLOCK_SIZE = 1000
# contrib's template without changefreq, priority and alternates, which we never set: a month
# holds thousands of URLs and the template's work per URL is most of the response's time.
URLSET_TEMPLATE = "articles/sitemap.xml"
INDEX_TEMPLATE = "articles/sitemap_index.xml"


def _latest(*dates):
    return max((date for date in dates if date is not None), default=None)


def month_start(year, month):
    """Midnight on the first of the month in the site's time zone, where datelines live."""
    return timezone.make_aware(datetime.datetime(year, month, 1))


def next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


class StoryMonthSitemap(Sitemap):
    """The stories published in one calendar month: a range scan of the live-stories index."""

    def __init__(self, year, month):
        self.start = month_start(year, month)
        self.end = month_start(*next_month(year, month))

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .only("slug", "language", "published_at", "updated_at")
            .order_by("published_at", "id")
        )

    def lastmod(self, article):
        return _latest(article.published_at, article.updated_at)


class _StoryListSitemap(Sitemap):
    """Pages listing stories (sections, topics, people, authors) in one block of primary keys,
    listed once they are public: for sections, a probe per row that stops at the first
    published story found; for the others, their on_record() querysets, built the same way."""

    model = None

    def __init__(self, block=0):
        self.block = block

    def public(self):
        return self.model.objects.on_record()

    def items(self):
        low = self.block * BLOCK_SIZE
        return self.public().filter(pk__gte=low, pk__lt=low + BLOCK_SIZE).order_by("pk")

    @classmethod
    def block_count(cls):
        highest = cls.model.objects.aggregate(highest=Max("pk"))["highest"]  # the primary key's index
        return 0 if highest is None else highest // BLOCK_SIZE + 1


class SectionSitemap(_StoryListSitemap):
    """A handful of desks: each carries the time of its newest story (one index probe each).
    A scalar subquery rather than EXISTS, which PostgreSQL would turn into a semi-join."""

    model = Section

    def stories_of(self, outer):
        return Article.objects.published().filter(section=outer)

    def public(self):
        any_story = Subquery(self.stories_of(OuterRef("pk")).order_by().values("pk")[:1])
        return Section.objects.alias(any_story=any_story).filter(any_story__isnull=False)

    def items(self):
        newest = self.stories_of(OuterRef("pk")).order_by("-published_at", "-id")
        return (
            super()
            .items()
            .annotate(
                latest_published=Subquery(newest.values("published_at")[:1]),
                latest_updated=Subquery(newest.values("updated_at")[:1]),
            )
        )

    def lastmod(self, section):
        return _latest(section.latest_published, section.latest_updated)


# Topics and people carry no lastmod: finding each one's newest story costs a read of all
# their stories (tens of thousands for a busy topic), and a page's change is already
# announced by the new story's own entry in its month's sitemap.


class TopicSitemap(_StoryListSitemap):
    model = Topic


class PersonSitemap(_StoryListSitemap):
    """People on record: mentioned in or quoted by a published story."""

    model = Person


class AuthorSitemap(_StoryListSitemap):
    """Authors on record: carried by a published story's byline."""

    model = Author


LIST_SITEMAPS = {
    "sections": SectionSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
    "authors": AuthorSitemap,
}


def _story_months():
    """(year, month) from the first published story's month to this one, newest first."""
    first = Article.objects.published().order_by("published_at", "id").values_list("published_at")[:1]
    if not first:
        return []
    start = timezone.localtime(first[0][0])
    now = timezone.localtime()
    months, cursor = [], (start.year, start.month)
    while cursor <= (now.year, now.month):
        months.append(cursor)
        cursor = next_month(*cursor)
    return months[::-1]


def _route(request, name, numbered, **fixed):
    """The absolute URL of route `name` as a str.format with the `numbered` arguments as
    {fields}, escaped for XML: reverse() once, with stand-in numbers, then formatting.
    reverse() and a template loop cost about 35 µs a URL, and the index lists one sitemap
    per month of the archive (hundreds of them)."""
    stand_ins = {key: 900_000_001 + n for n, key in enumerate(numbered)}
    path = reverse(f"articles:{name}", kwargs={**fixed, **stand_ins})
    absolute = request.build_absolute_uri(path)
    # Only the path is rewritten: the host comes from the request.
    origin, path = absolute[: len(absolute) - len(path)], escape(path)
    for key, number in stand_ins.items():
        path = path.replace(str(number), f"{{{key}}}")
    return (escape(origin).replace("{", "{{").replace("}", "}}") + path).format


def sitemap_index(request):
    month = _route(request, "sitemap-stories", ["year", "month"])
    locations = [month(year=year, month=number) for year, number in _story_months()]
    for kind, sitemap in LIST_SITEMAPS.items():
        block = _route(request, "sitemap-list", ["block"], kind=kind)
        locations += [block(block=number) for number in range(sitemap.block_count())]
    # The bytes contrib's sitemap_index.xml writes (no lastmod is ever given), joined here
    # rather than looped over in the template (tests/test_sitemaps.py compares the two).
    entries = "".join(f"<sitemap><loc>{location}</loc></sitemap>" for location in locations)
    return TemplateResponse(
        request, INDEX_TEMPLATE, {"entries": mark_safe(entries)}, content_type="application/xml"
    )


def story_month_sitemap(request, year, month):
    if not (1 <= month <= 12 and 1900 <= year <= 9998):
        raise Http404("No such month.")
    return sitemap_views.sitemap(
        request, {"stories": StoryMonthSitemap(year, month)}, template_name=URLSET_TEMPLATE
    )


def list_sitemap(request, kind, block):
    if kind not in LIST_SITEMAPS or block > 10**9:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(request, {kind: LIST_SITEMAPS[kind](block)}, template_name=URLSET_TEMPLATE)


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
                "language": article.language,
                "publication_date": article.published_at.replace(microsecond=0),
                "title": xml_text(article.headline),
            }
        return urls


NEWS_SITEMAPS = {"news": NewsSitemap}
