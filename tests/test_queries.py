"""Query budgets: public pages cost the same whatever the archive holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Person

from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Budgets from the performance issue: at most 5 for lists and people, 6 for a story.
BUDGET = {"list": 5, "story": 6, "person": 5, "topic": 5, "section": 5}


def build_archive(stories, quotes_per_story):
    """Add `stories` published stories, all sharing one section, topic, person and photo."""
    section = SectionFactory(slug="world")
    topic = TopicFactory(slug="energy")
    person = Person.objects.filter(slug="irina-volkova").first() or PersonFactory(
        slug="irina-volkova", portrait=PhotoFactory()
    )
    photo = PhotoFactory()
    for _ in range(stories):
        story = ArticleFactory(
            published=True, section=section, lead_photo=photo, topics=[topic, TopicFactory()], people=[person]
        )
        for _ in range(quotes_per_story):
            QuoteFactory(article=story, speaker=person)
    return story


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("stories", "quotes"), [(3, 1), (60, 8)])
def test_page_budgets_hold_at_two_archive_sizes(client, stories, quotes):
    last = build_archive(stories, quotes)
    counts = {
        "list": count_queries(client, "/"),
        "story": count_queries(client, last.get_absolute_url()),
        "person": count_queries(client, "/people/irina-volkova/"),
        "topic": count_queries(client, "/topics/energy/"),
        "section": count_queries(client, "/sections/world/"),
    }
    for page, count in counts.items():
        assert count <= BUDGET[page], f"{page} page ran {count} queries (budget {BUDGET[page]})"


def test_query_counts_do_not_grow_with_the_archive(client):
    small = build_archive(3, 1)
    small_counts = [count_queries(client, "/"), count_queries(client, small.get_absolute_url())]
    large = build_archive(57, 8)
    large_counts = [count_queries(client, "/"), count_queries(client, large.get_absolute_url())]
    assert small_counts == large_counts
