"""Query budgets of a live blog: its page and its update endpoint cost the same at 20 entries
as at 2,000 (older entries are paged by cursor, never counted or offset)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.derived.renders import bump
from articles.models import LiveEntry, Quote
from articles.models.keyset import encode_cursor
from articles.models.live import NEWEST_FIRST

from .factories import ArticleFactory, PersonFactory, PhotoFactory

pytestmark = pytest.mark.django_db

# The story page's own budget (tests/test_queries.py) holds for a live blog read from its
# stored render; a first render adds the two stream queries (entries, pinned and key events).
BUDGET = {
    "page": 6,
    "page first render": 25,
    "updates 200": 4,
    "updates 200 again": 1,
    "updates 304": 1,
    "older": 5,
}


@pytest.fixture(autouse=True)
def render_every_page(settings):
    settings.PAGE_CACHE = False


def live_blog(entries):
    """A published live blog with `entries` entries: every tenth with a photo, a quote, a
    pin or a key-event flag, so each kind of entry is on its first page."""
    blog = ArticleFactory(published=True, is_live=True)
    photo, speaker = PhotoFactory(), PersonFactory()
    start = timezone.now() - datetime.timedelta(days=2)
    rows = [
        LiveEntry(
            article=blog,
            body=f"<p>“Still closed,” entry {n} said.</p>",
            posted_at=start + datetime.timedelta(seconds=30 * n),
            photo=photo if n % 10 == 3 else None,
            is_pinned=n % 500 == 7,
            is_key_event=n % 10 == 5,
        )
        for n in range(entries)
    ]
    LiveEntry.objects.bulk_create(rows)
    quoted = LiveEntry.objects.filter(article=blog).order_by("-posted_at")[:20:4]
    Quote.objects.bulk_create(
        [Quote(article=blog, entry=entry, speaker=speaker, text="Still closed") for entry in quoted]
    )
    bump([blog.pk])  # bulk writes send no signals
    return blog


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304)
    return len(captured), response


def counts(client, blog):
    page = blog.get_absolute_url()
    updates = f"/news/{blog.slug}/live/updates.json"
    client.get("/")  # site-wide values, cached for every page after
    found = {"page first render": queries(client, page)[0], "page": queries(client, page)[0]}
    found["updates 200"], response = queries(client, updates)
    # Any other reader's poll after it is answered from the shared cache.
    found["updates 200 again"], again = queries(client, updates)
    assert again.content == response.content
    found["updates 304"], _ = queries(client, updates, HTTP_IF_NONE_MATCH=response["ETag"])
    tenth = LiveEntry.objects.filter(article=blog).order_by("-posted_at", "-id")[9]
    found["older"], _ = queries(
        client, f"/news/{blog.slug}/live/?before={encode_cursor(NEWEST_FIRST, tenth)}"
    )
    return found


def test_the_live_page_and_its_updates_cost_the_same_at_20_and_2000_entries(client):
    small = counts(client, live_blog(20))
    large = counts(client, live_blog(2000))
    assert small == large
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"
