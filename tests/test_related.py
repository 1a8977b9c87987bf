"""Related stories on the story page: sharing people or topics, published, newest first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.public.related import related_stories

from .factories import ArticleFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def person():
    return PersonFactory(name="Irina Volkova")


@pytest.fixture
def topic():
    return TopicFactory(name="Water")


@pytest.fixture
def story(person, topic):
    return ArticleFactory(published=True, headline="The story", people=[person], topics=[topic])


def related_to(story):
    # As the story page loads it: people and topics prefetched.
    return related_stories(Article.objects.prefetch_related("people", "topics").get(pk=story.pk))


def test_stories_sharing_a_person_or_a_topic_newest_first(story, person, topic):
    by_topic = ArticleFactory(published=True, topics=[topic], published_at=ago(2))
    by_person = ArticleFactory(published=True, people=[person], published_at=ago(3))
    by_both = ArticleFactory(published=True, people=[person], topics=[topic], published_at=ago(4))
    ArticleFactory(published=True, people=[PersonFactory()], topics=[TopicFactory()])  # unrelated
    assert related_to(story) == [by_topic, by_person, by_both]


def test_at_most_four_and_never_itself(story, topic):
    stories = [
        ArticleFactory(published=True, topics=[topic], published_at=ago(hours)) for hours in range(2, 8)
    ]
    related = related_to(story)
    assert related == stories[:4]
    assert story not in related


def test_a_story_sharing_several_links_appears_once(story, person, topic):
    other_topic = TopicFactory()
    story.topics.add(other_topic)
    twin = ArticleFactory(published=True, people=[person], topics=[topic, other_topic])
    assert related_to(story) == [twin]


def test_drafts_and_scheduled_stories_are_never_related(story, topic):
    ArticleFactory(topics=[topic])
    ArticleFactory(scheduled=True, topics=[topic])
    assert related_to(story) == []


def test_a_story_without_people_or_topics_has_none(client):
    lonely = ArticleFactory(published=True)
    ArticleFactory(published=True)
    with CaptureQueriesContext(connection) as queries:
        assert related_to(lonely) == []
    assert len(queries) == 3  # the story and its two prefetches: no related query at all


def test_one_query(story, topic, person):
    for hours in range(2, 6):
        ArticleFactory(published=True, topics=[topic], people=[person], published_at=ago(hours))
    article = Article.objects.prefetch_related("people", "topics").get(pk=story.pk)
    with CaptureQueriesContext(connection) as queries:
        related = related_stories(article)
        for other in related:  # what the template reads
            str(other.section), other.lead_photo, other.get_absolute_url()
    assert len(related) == 4
    assert len(queries) == 1


def test_the_story_page_shows_them(client, story, topic):
    other = ArticleFactory(published=True, topics=[topic], headline="A related headline")
    content = client.get(story.get_absolute_url()).content.decode()
    assert '<h2 id="related-title">Related stories</h2>' in content
    assert f'<a href="{other.get_absolute_url()}">A related headline</a>' in content
