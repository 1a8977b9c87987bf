"""The one definition of published, and the sweep that nothing else leaks."""

import datetime
from urllib.parse import urlsplit

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Person, Quote, Topic

from .crawl import sitemap_locations, story_sitemap_path
from .factories import ArticleFactory, PersonFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_published_has_status_published_and_a_past_time():
    live = ArticleFactory(published=True)
    ArticleFactory()  # draft
    ArticleFactory(scheduled=True)
    ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert list(Article.objects.published()) == [live]


def test_a_scheduled_story_appears_by_itself_when_its_time_comes():
    at = timezone.now() + datetime.timedelta(hours=2)
    story = ArticleFactory(status=Article.Status.PUBLISHED, published_at=at)
    with time_machine.travel(at - datetime.timedelta(seconds=1)):
        assert not Article.objects.published().filter(pk=story.pk).exists()
    with time_machine.travel(at):
        assert Article.objects.published().filter(pk=story.pk).exists()


def test_quotes_of_unpublished_stories_are_not_published():
    speaker = PersonFactory()
    shown = QuoteFactory(article=ArticleFactory(published=True), speaker=speaker)
    QuoteFactory(article=ArticleFactory(), speaker=speaker)
    QuoteFactory(article=ArticleFactory(scheduled=True), speaker=speaker)
    assert list(Quote.objects.published()) == [shown]


@pytest.fixture
def hidden_stories():
    """A draft and a scheduled story, each carrying every link a public page follows."""
    section = SectionFactory(slug="world")
    topic = TopicFactory(slug="energy")
    person = PersonFactory(slug="irina-volkova")
    stories = []
    for kind in ("draft", "scheduled"):
        story = ArticleFactory(
            headline=f"SECRET {kind} headline",
            slug=f"secret-{kind}",
            section=section,
            scheduled=kind == "scheduled",
            topics=[topic],
            people=[person],
        )
        QuoteFactory(article=story, speaker=person, text=f"SECRET {kind} quote")
        stories.append(story)
    # One published story so every list has something to show.
    ArticleFactory(published=True, section=section, topics=[topic], people=[person])
    return stories


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?page=2",
        "/sections/world/",
        "/topics/energy/",
        "/people/irina-volkova/",
        "/search/?q=secret",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/sections/world/rss/",
        "/feeds/topics/energy/atom/",
        "/feeds/people/irina-volkova/rss/",
        "/sitemap.xml",
        "/sitemap-sections-0.xml",
        "/sitemap-topics-0.xml",
        "/sitemap-people-0.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/api/stories",
        "/api/stories?section=world&topic=energy&person=irina-volkova",
        "/api/people",
        "/api/people/irina-volkova",
        "/api/people/irina-volkova/quotes",
        "/api/topics",
        "/api/topics/energy",
    ],
)
def test_no_public_list_shows_a_draft_or_scheduled_story(client, hidden_stories, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b"SECRET" not in response.content
    assert b"secret-" not in response.content  # their slugs, which is all a sitemap would show


def test_no_month_sitemap_shows_a_draft_or_scheduled_story(client, hidden_stories):
    scheduled = hidden_stories[1]
    listed = sitemap_locations(client)
    assert listed  # the published story, its section, topic and person
    assert not [loc for loc in listed if "secret-" in loc]
    # Not even the month it is scheduled for, asked for directly.
    assert b"secret-" not in client.get(story_sitemap_path(scheduled)).content


@pytest.mark.parametrize("slug", ["secret-draft", "secret-scheduled"])
def test_unpublished_story_pages_are_404_for_readers(client, hidden_stories, slug):
    assert client.get(f"/news/{slug}/").status_code == 404


@pytest.mark.parametrize("path", ["/api/stories/{id}", "/api/stories/{id}/ninjs"])
def test_unpublished_stories_are_404_in_the_api(client, hidden_stories, path):
    for story in hidden_stories:
        assert client.get(path.format(id=story.pk)).status_code == 404


@pytest.fixture
def carried_only_by_unpublished():
    """A person and a topic that only a draft carries, and a person only a scheduled story quotes."""
    drafted, quoted = PersonFactory(name="Draft Only Person"), PersonFactory(name="Scheduled Quote Person")
    topic = TopicFactory(name="Draft only topic")
    ArticleFactory(people=[drafted], topics=[topic])
    QuoteFactory(article=ArticleFactory(scheduled=True), speaker=quoted, text="Not yet said")
    ArticleFactory(published=True)  # something public on every list
    return drafted, quoted, topic


def test_people_and_topics_only_unpublished_stories_carry_are_not_public(client, carried_only_by_unpublished):
    drafted, quoted, topic = carried_only_by_unpublished
    urls = [
        f"/people/{drafted.slug}/",
        f"/people/{quoted.slug}/",
        f"/feeds/people/{drafted.slug}/rss/",
        f"/feeds/people/{quoted.slug}/atom/",
        f"/topics/{topic.slug}/",
        f"/feeds/topics/{topic.slug}/rss/",
        f"/feeds/topics/{topic.slug}/atom/",
        f"/api/people/{drafted.slug}",
        f"/api/topics/{topic.slug}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        for name in (drafted.name, quoted.name, topic.name):
            assert name not in response.content.decode(), url
    for sitemap in ("/sitemap-people-0.xml", "/sitemap-topics-0.xml"):
        body = client.get(sitemap).content.decode()
        assert drafted.slug not in body and quoted.slug not in body and topic.slug not in body


def test_people_and_topics_become_public_with_their_story(client, carried_only_by_unpublished):
    drafted, _quoted, topic = carried_only_by_unpublished
    story = drafted.articles.get()
    story.publish()
    assert client.get(f"/people/{drafted.slug}/").status_code == 200
    assert client.get(f"/topics/{topic.slug}/").status_code == 200
    assert list(Person.objects.on_record()) == [drafted]
    assert list(Topic.objects.on_record().filter(pk=topic.pk)) == [topic]


def test_a_person_only_quoted_is_on_record_once_the_story_is_live(client, carried_only_by_unpublished):
    """The people sitemap used to count mentions only: a person quoted but not tagged was missing."""
    _, quoted, _ = carried_only_by_unpublished
    story = quoted.quotes.get().article
    with time_machine.travel(story.published_at + datetime.timedelta(seconds=1)):
        assert quoted in Person.objects.on_record()
        assert client.get(f"/people/{quoted.slug}/").status_code == 200
        locations = [urlsplit(loc).path for loc in sitemap_locations(client)]
        assert f"/people/{quoted.slug}/" in locations


def test_an_old_address_redirects_only_while_the_story_answers(client):
    """The redirect used a Python mirror of the rule: a retracted story whose publication time
    is still ahead answered 404 at its address but its old address still sent readers there."""
    from articles.models import SlugRedirect

    story = ArticleFactory(scheduled=True, slug="new-address")
    SlugRedirect.objects.create(old_slug="old-address", article=story)
    story.retract(reason="Withdrawn before it ran.")
    assert client.get("/news/new-address/").status_code == 404
    assert client.get("/news/old-address/").status_code == 404
    with time_machine.travel(story.published_at + datetime.timedelta(seconds=1)):
        response = client.get("/news/old-address/")
        assert response.status_code == 301 and response["Location"] == "/news/new-address/"
