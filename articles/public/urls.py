from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from ..derived.cache import public_page
from ..models.files import PHOTO_KEY_PATTERN, PHOTO_SPEC_PATTERN
from . import feeds, live, live_feeds, media, sitemaps, views

app_name = "articles"


class PhotoKey:
    """A rendition folder as articles/models/files.py names it; any other address is a 404 unread."""

    regex = PHOTO_KEY_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class PhotoSpec(PhotoKey):
    regex = PHOTO_SPEC_PATTERN


register_converter(PhotoKey, "photokey")
register_converter(PhotoSpec, "photospec")

urlpatterns = [
    path("", views.story_list, name="list"),
    path("news/<slug:slug>/", views.story_detail, name="story"),
    path("news/<slug:slug>/live/", live.entries, name="live-entries"),
    path("news/<slug:slug>/live/updates.json", live.updates, name="live-updates"),
    path(
        "news/<slug:slug>/live/rss/",
        live_feeds.conditional(live_feeds.LiveEntriesFeed()),
        name="live-feed-rss",
    ),
    path(
        "news/<slug:slug>/live/atom/",
        live_feeds.conditional(live_feeds.LiveEntriesAtomFeed()),
        name="live-feed-atom",
    ),
    path("preview/<str:token>/", views.story_preview, name="preview"),
    path("photos/<photokey:key>/<photospec:spec>", media.photo_file, name="photo-file"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("search/", views.search, name="search"),
    path("feeds/rss/", feeds.conditional(feeds.LatestStoriesFeed()), name="feed-rss"),
    path("feeds/atom/", feeds.conditional(feeds.LatestStoriesAtomFeed()), name="feed-atom"),
    path("feeds/sections/<slug:slug>/rss/", feeds.conditional(feeds.SectionFeed()), name="section-feed-rss"),
    path(
        "feeds/sections/<slug:slug>/atom/",
        feeds.conditional(feeds.SectionAtomFeed()),
        name="section-feed-atom",
    ),
    path("feeds/topics/<slug:slug>/rss/", feeds.conditional(feeds.TopicFeed()), name="topic-feed-rss"),
    path("feeds/topics/<slug:slug>/atom/", feeds.conditional(feeds.TopicAtomFeed()), name="topic-feed-atom"),
    path("feeds/people/<slug:slug>/rss/", feeds.conditional(feeds.PersonFeed()), name="person-feed-rss"),
    path(
        "feeds/people/<slug:slug>/atom/", feeds.conditional(feeds.PersonAtomFeed()), name="person-feed-atom"
    ),
    path("feeds/authors/<slug:slug>/rss/", feeds.conditional(feeds.AuthorFeed()), name="author-feed-rss"),
    path(
        "feeds/authors/<slug:slug>/atom/", feeds.conditional(feeds.AuthorAtomFeed()), name="author-feed-atom"
    ),
    path("sitemap.xml", public_page(sitemaps.sitemap_index), name="sitemap"),
    path(
        "sitemap-stories-<int:year>-<int:month>.xml",
        public_page(sitemaps.story_month_sitemap),
        name="sitemap-stories",
    ),
    path("sitemap-<str:kind>-<int:block>.xml", public_page(sitemaps.list_sitemap), name="sitemap-list"),
    path(
        "sitemap-news.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": sitemaps.NEWS_SITEMAPS, "template_name": "articles/sitemap_news.xml"},
        name="sitemap-news",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
