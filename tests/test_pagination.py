"""Story lists at any depth: numbered pages up to a bound, a cursor beyond it, never a full count."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.public.pagination import format_cursor, parse_cursor

from .factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(settings):
    """45 published stories a minute apart (newest is "Story 0"), 5 a page, 3 numbered pages."""
    settings.ARTICLES_PER_PAGE = 5
    settings.ARTICLES_MAX_PAGES = 3
    settings.PAGE_CACHE = False
    now = timezone.now()
    section = SectionFactory(slug="world")
    return [
        ArticleFactory(
            published=True,
            headline=f"Story {i}",
            section=section,
            published_at=now - datetime.timedelta(minutes=i + 1),
        )
        for i in range(45)
    ]


def headlines(response):
    return re.findall(r'<h2 class="card-headline"><a [^>]*>(Story \d+)</a>', response.content.decode())


def older_link(response):
    found = re.search(r'<a rel="next" href="([^"]+)">Older', response.content.decode())
    return found and found.group(1).replace("&amp;", "&")


def test_numbered_pages_stop_at_the_bound_and_say_there_is_more(client, archive):
    first = client.get("/")
    assert headlines(first) == [f"Story {i}" for i in range(5)]
    assert older_link(first) == "?page=2"
    assert "Page 1</span>" in first.content.decode()  # no "of N": the count stops at the bound
    last = client.get("/?page=3")
    assert headlines(last) == [f"Story {i}" for i in range(10, 15)]
    assert older_link(last).startswith("?before=")


def test_a_page_beyond_the_bound_is_the_last_numbered_page(client, archive):
    assert headlines(client.get("/?page=999")) == headlines(client.get("/?page=3"))


def test_the_cursor_goes_on_through_the_whole_archive(client, archive):
    seen, url = [], "/?page=3"
    while url:
        response = client.get(url if url.startswith("/") else f"/{url}")
        seen += headlines(response)
        url = older_link(response)
    assert seen == [f"Story {i}" for i in range(10, 45)]


def test_a_cursor_page_links_back_to_the_latest(client, archive):
    response = client.get(f"/?before={format_cursor(archive[20])}")
    assert headlines(response) == [f"Story {i}" for i in range(21, 26)]
    assert '<a href="?">← Latest</a>' in response.content.decode()


def test_stories_published_at_the_same_moment_are_neither_lost_nor_repeated(client, archive):
    moment = archive[30].published_at
    Article.objects.filter(pk__in=[s.pk for s in archive[28:33]]).update(published_at=moment)
    seen, url = [], f"/?before={format_cursor(archive[25])}"
    while url:
        response = client.get(url if url.startswith("/") else f"/{url}")
        seen += headlines(response)
        url = older_link(response)
    assert sorted(seen) == sorted(f"Story {i}" for i in range(26, 45))


def test_a_malformed_cursor_shows_the_first_page(client, archive):
    assert parse_cursor("yesterday,7") is None
    assert headlines(client.get("/?before=yesterday,7")) == [f"Story {i}" for i in range(5)]


def test_topic_and_section_lists_page_the_same_way(client, archive):
    response = client.get(f"/sections/world/?before={format_cursor(archive[40])}")
    assert headlines(response) == [f"Story {i}" for i in range(41, 45)]
    assert older_link(response) is None


def test_no_page_counts_the_whole_archive(client, archive):
    with CaptureQueriesContext(connection) as queries:
        client.get("/?page=2")
    (count,) = [q["sql"] for q in queries if "COUNT" in q["sql"].upper() or "LIMIT 16" in q["sql"]]
    # Ids of at most the numbered pages plus one, not COUNT(*) over every story.
    assert "COUNT(" not in count.upper() and "LIMIT 16" in count
