"""Sitemaps for search engines: the index /sitemap.xml, the sitemaps it lists, and each
edition's Google News sitemap (/sitemap-news.xml, /ru/sitemap-news.xml).

One index for the whole site, at the root. A sitemap may only list URLs under its own
directory, and a story month or a people block lists every edition's pages (/news/… and
/ru/news/…) with their hreflang alternates (`xhtml:link`, each URL naming all its versions
and itself, plus x-default), so those sitemaps live at the root too and their /ru/ copies
redirect there. A news sitemap lists one edition's stories, all under its prefix, so the
Russian one can live at /ru/sitemap-news.xml; the index and robots.txt list both.

The index never counts or aggregates over the archive, so it costs the same at a thousand
stories as at millions: stories are split by calendar month (the months between the first
published story and now, found with one index probe), and people, topics and authors by blocks of
primary keys (the highest key is another index probe). Each listed sitemap then reads one
bounded range, and a story month one more query for the versions of all its stories.
Absolute URLs take their domain from the request: contrib.sites is not installed, so the
views fall back to RequestSite.
"""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import Article, Author, Person, Section, Topic
from ..models.language import current_edition, default_language, edition_codes
from .editions import alternates_of, group_versions, story_alternates
from .feeds import xml_text

# Google News reads only stories published in the last two days, at most 1,000 of them.
NEWS_WINDOW = datetime.timedelta(hours=48)
# Primary keys per people or topics sitemap: a small, quick file (the protocol allows 50,000 URLs).
BLOCK_SIZE = 1000
# contrib's template without changefreq and priority, which we never set: a month holds
# thousands of URLs and the template's work per URL is most of the response's time.
URLSET_TEMPLATE = "articles/sitemap.xml"
INDEX_TEMPLATE = "articles/sitemap_index.xml"


def _latest(*dates):
    return max((date for date in dates if date is not None), default=None)


def month_start(year, month):
    """Midnight on the first of the month in the site's time zone, where datelines live."""
    return timezone.make_aware(datetime.datetime(year, month, 1))


def next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def edition_paths(name, numbered, **fixed):
    """{edition: _path_format(…)} of route `name`: one reverse() per edition."""
    paths = {}
    for code in edition_codes():
        with translation.override(code):
            paths[code] = _path_format(name, numbered, **fixed)
    return paths


class _EditionsSitemap(Sitemap):
    """A sitemap whose URLs carry their versions in the other editions: `entries()` gives each
    URL's {location, lastmod, alternates (editions.Alternate), x_default} for the template."""

    def lastmod(self, item):
        return None

    def entries(self, items, origin):
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls = list(self.entries(list(self.paginator.page(page).object_list), origin))
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):  # the view's Last-Modified, as contrib's own sitemaps set it
            self.latest_lastmod = max(lastmods)
        return urls


class StoryMonthSitemap(_EditionsSitemap):
    """Every edition's stories published in one calendar month, each at its own address:
    a range scan of the live-stories index, then one query for the published versions of
    all their translation groups (none in a month of stories never translated)."""

    def __init__(self, year, month):
        self.start = month_start(year, month)
        self.end = month_start(*next_month(year, month))

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .only("slug", "language", "published_at", "updated_at", "translation_source")
            .order_by("published_at", "id")
        )

    def lastmod(self, article):
        return _latest(article.published_at, article.updated_at)

    def entries(self, stories, origin):
        paths = edition_paths("story", ["slug"])

        def path(code, slug):
            if code not in paths:  # a story of an edition the settings no longer list
                return Article(slug=slug, language=code).get_absolute_url()
            return paths[code](slug=slug)

        versions = group_versions(stories)
        for story in stories:
            alternates, x_default = story_alternates(story, origin, versions.get(story.pk, []), path=path)
            yield {
                "item": story,
                "location": origin + path(story.language, story.slug),
                "lastmod": self.lastmod(story),
                "alternates": alternates,
                "x_default": x_default,
            }


class _StoryListSitemap(_EditionsSitemap):
    """Pages listing stories (sections, topics, people, authors) in one block of primary keys,
    listed once they are public: for sections, a probe per row that stops at the first
    published story found; for the others, their on_record() querysets, built the same way.
    Each page exists in every edition, so each is listed once per edition, every listing
    naming all of them."""

    model = None
    route = None

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

    def entries(self, items, origin):
        paths = edition_paths(self.route, ["slug"])
        for item in items:
            urls = {code: origin + path(slug=item.slug) for code, path in paths.items()}
            alternates, x_default = alternates_of(urls, None, default_language())
            lastmod = self.lastmod(item)
            for location in urls.values():
                yield {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "alternates": alternates,
                    "x_default": x_default,
                }


class SectionSitemap(_StoryListSitemap):
    """A handful of desks: each carries the time of its newest story (one index probe each).
    A scalar subquery rather than EXISTS, which PostgreSQL would turn into a semi-join."""

    model = Section
    route = "section"

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
    route = "topic"


class PersonSitemap(_StoryListSitemap):
    """People on record: mentioned in or quoted by a published story."""

    model = Person
    route = "person"


class AuthorSitemap(_StoryListSitemap):
    """Authors on record: carried by a published story's byline."""

    model = Author
    route = "author"


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


def _path_format(name, numbered, **fixed):
    """The path of route `name` in the active edition as a str.format with the `numbered`
    arguments as {fields}: reverse() once, with stand-in numbers (which a slug converter
    takes too), then formatting. reverse() and a template loop cost about 35 µs a URL,
    and the index lists one sitemap per month of the archive (hundreds of them), a story
    month thousands of stories."""
    stand_ins = {key: 900_000_001 + n for n, key in enumerate(numbered)}
    path = reverse(f"articles:{name}", kwargs={**fixed, **stand_ins})
    path = path.replace("{", "{{").replace("}", "}}")
    for key, number in stand_ins.items():
        path = path.replace(str(number), f"{{{key}}}")
    return path.format


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def site_wide(view):
    """A sitemap of the whole site answers at the root only: under another edition's prefix
    (/ru/sitemap.xml) it moves there for good."""

    @wraps(view)
    def at_the_root(request, *args, **kwargs):
        if current_edition() != default_language():
            return redirect(translate_url(request.get_full_path(), settings.LANGUAGE_CODE), permanent=True)
        return view(request, *args, **kwargs)

    return at_the_root


def news_sitemap_paths():
    """Each edition's news sitemap, default edition first."""
    codes = sorted(edition_codes(), key=lambda code: code != default_language())
    paths = []
    for code in codes:
        with translation.override(code):
            paths.append(reverse("articles:sitemap-news"))
    return paths


@site_wide
def sitemap_index(request):
    origin = _origin(request)
    month = _path_format("sitemap-stories", ["year", "month"])
    paths = [month(year=year, month=number) for year, number in _story_months()]
    for kind, sitemap in LIST_SITEMAPS.items():
        block = _path_format("sitemap-list", ["block"], kind=kind)
        paths += [block(block=number) for number in range(sitemap.block_count())]
    paths += news_sitemap_paths()
    # The bytes contrib's sitemap_index.xml writes (no lastmod is ever given), joined here
    # rather than looped over in the template (tests/test_sitemaps.py compares the two).
    entries = "".join(f"<sitemap><loc>{escape(origin + path)}</loc></sitemap>" for path in paths)
    return TemplateResponse(
        request, INDEX_TEMPLATE, {"entries": mark_safe(entries)}, content_type="application/xml"
    )


@site_wide
def story_month_sitemap(request, year, month):
    if not (1 <= month <= 12 and 1900 <= year <= 9998):
        raise Http404("No such month.")
    return sitemap_views.sitemap(
        request, {"stories": StoryMonthSitemap(year, month)}, template_name=URLSET_TEMPLATE
    )


@site_wide
def list_sitemap(request, kind, block):
    if kind not in LIST_SITEMAPS or block > 10**9:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(request, {kind: LIST_SITEMAPS[kind](block)}, template_name=URLSET_TEMPLATE)


def robots_txt(request):
    """robots.txt: what crawlers must leave alone in every edition, and every sitemap."""
    editions = []
    for code in edition_codes():
        with translation.override(code):
            editions.append({"front": reverse("articles:list"), "search": reverse("articles:search")})
    context = {
        "origin": _origin(request),
        "editions": editions,
        "sitemaps": [reverse("articles:sitemap"), *news_sitemap_paths()],
    }
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def news_language(code):
    """Google News's language for an edition: ISO 639 (`pt` for pt-BR), save for zh-cn and
    zh-tw, which it names so."""
    code = code.lower()
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]


class NewsSitemap(Sitemap):
    """The edition's stories of the last 48 hours with the news: extension (see
    templates/articles/sitemap_news.xml): /sitemap-news.xml the default edition's,
    /ru/sitemap-news.xml the Russian edition's."""

    limit = 1000

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .in_edition()
            .filter(published_at__gte=since)
            .order_by("-published_at", "-id")
        )

    def lastmod(self, article):
        # Whole seconds: the template writes ISO 8601, which would otherwise carry microseconds.
        return _latest(article.published_at, article.updated_at).replace(microsecond=0)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            article = url["item"]
            url["news"] = {
                "publication_name": settings.SITE_NAME,
                "language": news_language(article.language),
                "publication_date": article.published_at.replace(microsecond=0),
                "title": xml_text(article.headline),
            }
        return urls


NEWS_SITEMAPS = {"news": NewsSitemap}
