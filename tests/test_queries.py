"""Query budgets: public pages cost the same whatever the archive holds.

The page cache is off here: these budgets are what a page costs when it is
rendered (tests/test_caching.py checks that a cached page costs none).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.derived.cache import NAV_SECTIONS_KEY, NEXT_CHANGE_KEY
from articles.models import Author, FrontSlot, Person
from articles.models.front import LEAD, TOP_SLOTS

from .crawl import story_sitemap_path
from .factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# Budgets from the performance issue: at most 5 for lists and people, 6 for a story;
# feeds, sitemaps and search measured when they were added, and held constant.
BUDGET = {
    # The front's pins are one query; the bylines of its cards and the list's are one more.
    "list": 5,
    "list page 2": 5,
    "list cursor": 5,
    "story": 6,
    "person": 5,
    "author": 5,
    "topic": 5,
    "section": 5,
    "search": 5,
    "ru search": 5,
    # One more each for bylines: a feed's authors (one query for all its items) and the
    # authors' sitemaps in the index (their highest primary key, an index probe).
    "feed": 5,
    "sitemap index": 5,
    # One more for the versions of the month's translated stories, all in one query (issue 18).
    "sitemap month": 3,
    "sitemap people": 2,
}


@pytest.fixture(autouse=True)
def render_every_page(settings):
    settings.PAGE_CACHE = False


def build_archive(stories, quotes_per_story):
    """Add `stories` published stories, all sharing one section, topic, person, author and photo."""
    section = SectionFactory(slug="world")
    topic = TopicFactory(slug="energy")
    person = Person.objects.filter(slug="irina-volkova").first() or PersonFactory(
        slug="irina-volkova", portrait=PhotoFactory()
    )
    author = Author.objects.filter(slug="mira-lund").first() or AuthorFactory(
        slug="mira-lund", portrait=PhotoFactory()
    )
    photo = PhotoFactory()
    for _ in range(stories):
        story = ArticleFactory(
            published=True,
            section=section,
            lead_photo=photo,
            topics=[topic, TopicFactory()],
            people=[person],
            authors=[author, AuthorFactory()],
        )
        for _ in range(quotes_per_story):
            QuoteFactory(article=story, speaker=person)
    return story


def count_queries(client, url):
    """Queries for one request in steady state: site-wide values (navigation, the next
    scheduled moment) are cached by the first request and shared by all after it."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def page_urls(last):
    cursor = f"{last.published_at.isoformat().replace('+00:00', 'Z')},{last.pk}"
    return {
        "list": "/",
        "list page 2": "/?page=2",
        "list cursor": f"/?before={cursor}",
        "story": last.get_absolute_url(),
        "person": "/people/irina-volkova/",
        "author": "/authors/mira-lund/",
        "topic": "/topics/energy/",
        "section": "/sections/world/",
        "search": "/search/?q=river+treaty",
        "ru search": "/ru/search/?q=river+treaty",
        "feed": "/feeds/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap month": story_sitemap_path(last),
        "sitemap people": "/sitemap-people-0.xml",
    }


def test_a_cold_cache_costs_at_most_three_more_queries(client):
    # The site's sections, and the next scheduled change as index probes (going live,
    # expiring, leaving the breaking strip) rather than aggregates over the archive;
    # all cached afterwards.
    story = build_archive(3, 1)
    client.get(story.get_absolute_url())  # renders and stores the story's page (next test)
    cache.delete_many([NAV_SECTIONS_KEY, NEXT_CHANGE_KEY])
    with CaptureQueriesContext(connection) as cold:
        client.get(story.get_absolute_url())
    assert len(cold) <= count_queries(client, story.get_absolute_url()) + 3


def first_render_queries(client, story):
    client.get("/")  # the site-wide values
    with CaptureQueriesContext(connection) as first:
        assert client.get(story.get_absolute_url()).status_code == 200
    return len(first)


def test_a_story_renders_once_in_a_bounded_number_of_queries(client):
    # The first reader after a change renders the page and the related stories' cards and
    # stores them (articles/public/story_page.py); every reader after pays the budget.
    small = first_render_queries(client, build_archive(6, 1))  # four related stories, as the larger
    large = first_render_queries(client, build_archive(57, 8))
    assert small == large <= 25


@pytest.mark.parametrize(("stories", "quotes"), [(3, 1), (60, 8)])
def test_page_budgets_hold_at_two_archive_sizes(client, stories, quotes):
    last = build_archive(stories, quotes)
    counts = {page: count_queries(client, url) for page, url in page_urls(last).items()}
    for page, count in counts.items():
        assert count <= BUDGET[page], f"{page} page ran {count} queries (budget {BUDGET[page]})"


def test_query_counts_do_not_grow_with_the_archive(client, settings):
    # Two numbered pages at most, so the larger archive reaches past them.
    settings.ARTICLES_MAX_PAGES = 2
    small = build_archive(3, 1)
    small_counts = {page: count_queries(client, url) for page, url in page_urls(small).items()}
    large = build_archive(57, 8)
    large_counts = {page: count_queries(client, url) for page, url in page_urls(large).items()}
    assert small_counts == large_counts


def add_stories(count, photo):
    """`count` more published stories, every other one with a photo, each older than the last."""
    return [ArticleFactory(published=True, lead_photo=photo if i % 2 else None) for i in range(count)]


def front_counts(client):
    return {url: count_queries(client, url) for url in ("/", "/?page=2")}


def test_the_arranged_front_costs_the_same_at_ten_and_three_hundred_stories(client):
    # The lead and the slots come in one query with the newest-with-photo fallback
    # (FrontSlot.objects.front()), on every page of the list, whatever the archive holds.
    photo = PhotoFactory()
    stories = add_stories(10, photo)
    automatic = front_counts(client)
    pin_lead = FrontSlot.objects.create(article=stories[7], position=LEAD)
    for place, story in enumerate(stories[2 : 2 + TOP_SLOTS], start=1):
        FrontSlot.objects.create(article=story, position=place)
    small = front_counts(client)
    add_stories(290, photo)
    large = front_counts(client)
    pin_lead.delete()  # slots only: the lead is automatic again
    large_slots_only = front_counts(client)
    assert small == large == large_slots_only == automatic
    assert large["/"] <= BUDGET["list"] and large["/?page=2"] <= BUDGET["list page 2"]


def test_alternates_cost_a_month_sitemap_one_query_whatever_it_holds(client):
    """Every story of the month with its versions' hreflang links: one query for all their
    translation groups, at 2 translated stories as at 40."""
    from articles.models.translation import article_translate

    def translated(count):
        for _ in range(count):
            version = article_translate(source=ArticleFactory(published=True), language="ru")
            version.headline = "Переговоры возобновились"
            version.standfirst = "Стороны встретились после паузы."
            version.save()
            version.publish()
        return version

    alone = count_queries(client, story_sitemap_path(ArticleFactory(published=True)))
    small = count_queries(client, story_sitemap_path(translated(2)))
    large = count_queries(client, story_sitemap_path(translated(38)))
    assert alone + 1 == small == large <= BUDGET["sitemap month"]
    assert (
        client.get(story_sitemap_path(ArticleFactory(published=True))).content.count(b"hreflang")
        == 40 * 2 * 3
    )
