"""RSS and Atom feeds: well-formed, complete entries, published stories only, conditional GET."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article

from .factories import ArticleFactory, PersonFactory, PhotoFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/rss/", "/feeds/atom/"]
SCOPED_FEEDS = [
    f"/feeds/{kind}/{slug}/{fmt}/"
    for kind, slug in (("sections", "world"), ("topics", "energy"), ("people", "irina-volkova"))
    for fmt in ("rss", "atom")
]


def parse(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def scope():
    return {
        "section": SectionFactory(name="World", slug="world"),
        "topic": TopicFactory(name="Energy", slug="energy"),
        "person": PersonFactory(name="Irina Volkova", slug="irina-volkova"),
    }


@pytest.fixture
def story(scope):
    return ArticleFactory(
        published=True,
        headline="Pipeline talks resume",
        standfirst="Negotiators return to the table.",
        agency="NWS",
        section=scope["section"],
        topics=[scope["topic"], TopicFactory(name="Diplomacy", slug="diplomacy")],
        people=[scope["person"]],
        lead_photo=PhotoFactory(caption="Delegates arrive.", credit="NWS/Ana Ortiz"),
    )


@pytest.mark.parametrize("url", FEEDS)
def test_entries_carry_title_link_summary_dates_author_categories_and_image(client, story, url):
    response, feed = parse(client, url)
    assert response["Content-Type"].startswith(
        "application/rss+xml" if "rss" in url else "application/atom+xml"
    )
    assert feed.feed.title == "The Newsroom: latest stories"
    (entry,) = feed.entries
    assert entry.title == "Pipeline talks resume"
    assert entry.link == f"http://testserver{story.get_absolute_url()}"
    assert "Negotiators return to the table." in entry.summary
    assert "© NWS/Ana Ortiz" in entry.summary
    assert entry.published_parsed[:6] == story.published_at.utctimetuple()[:6]
    assert entry.updated_parsed is not None
    assert entry.author == "NWS"
    assert {tag.term for tag in entry.tags} == {"Energy", "Diplomacy"}
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://testserver{story.lead_photo.image.url}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == story.lead_photo.image.size > 0


def test_rss_adds_media_rss_with_the_photo_credit(client, story):
    _, feed = parse(client, "/feeds/rss/")
    (entry,) = feed.entries
    (media,) = entry.media_content
    assert media["url"] == f"http://testserver{story.lead_photo.image.url}"
    assert (int(media["width"]), int(media["height"])) == (story.lead_photo.width, story.lead_photo.height)
    assert entry.media_credit[0]["content"] == "© NWS/Ana Ortiz"


def test_own_copy_is_by_the_publication_and_a_story_without_photo_has_no_enclosure(client):
    ArticleFactory(published=True, agency="")
    _, feed = parse(client, "/feeds/atom/")
    (entry,) = feed.entries
    assert entry.author == "The Newsroom"
    assert entry.get("enclosures", []) == []


@pytest.mark.parametrize("url", FEEDS + SCOPED_FEEDS)
def test_drafts_and_scheduled_stories_stay_out(client, scope, story, url):
    for kind in ("draft", "scheduled"):
        ArticleFactory(
            headline=f"SECRET {kind}",
            scheduled=kind == "scheduled",
            section=scope["section"],
            topics=[scope["topic"]],
            people=[scope["person"]],
        )
    response, feed = parse(client, url)
    assert [entry.title for entry in feed.entries] == ["Pipeline talks resume"]
    assert b"SECRET" not in response.content


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/feeds/sections/world/rss/", "The Newsroom: World"),
        ("/feeds/topics/energy/atom/", "The Newsroom: Energy"),
        ("/feeds/people/irina-volkova/rss/", "The Newsroom: Irina Volkova"),
    ],
)
def test_scoped_feeds_hold_only_their_stories(client, story, url, title):
    ArticleFactory(published=True, headline="Elsewhere")
    _, feed = parse(client, url)
    assert feed.feed.title == title
    assert [entry.title for entry in feed.entries] == [story.headline]


@pytest.mark.parametrize(
    "url", ["/feeds/sections/nope/rss/", "/feeds/topics/nope/atom/", "/feeds/people/nope/rss/"]
)
def test_unknown_scope_is_404(client, url):
    assert client.get(url).status_code == 404


def test_newest_first_and_at_most_thirty(client):
    now = timezone.now()
    for i in range(35):
        ArticleFactory(
            published=True, headline=f"Story {i}", published_at=now - datetime.timedelta(minutes=i)
        )
    _, feed = parse(client, "/feeds/rss/")
    assert [entry.title for entry in feed.entries] == [f"Story {i}" for i in range(30)]


class TestConditionalGet:
    def test_etag_and_last_modified_give_304(self, client, story):
        response = client.get("/feeds/rss/")
        assert response["ETag"] and response["Last-Modified"]
        assert client.get("/feeds/rss/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        assert client.get("/feeds/rss/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304

    def test_a_new_story_changes_the_feed(self, client, story):
        response = client.get("/feeds/atom/")
        ArticleFactory(published=True, headline="Fresh")
        again = client.get("/feeds/atom/", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 200
        assert b"Fresh" in again.content

    def test_an_unpublished_story_changes_the_feed(self, client, story):
        ArticleFactory(published=True, published_at=story.published_at - datetime.timedelta(hours=1))
        response = client.get("/feeds/rss/")
        story.unpublish()
        again = client.get("/feeds/rss/", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 200
        assert story.headline.encode() not in again.content

    def test_the_etag_follows_the_feeds_own_items(self, client, story):
        ArticleFactory(published=True, headline="Elsewhere")  # in the main feed, not the section's
        assert client.get("/feeds/rss/")["ETag"] != client.get("/feeds/sections/world/rss/")["ETag"]


def test_pages_advertise_the_feeds(client, story):
    content = client.get("/sections/world/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in content
    assert 'href="/feeds/rss/"' in content and 'href="/feeds/atom/"' in content
    assert 'href="/feeds/sections/world/rss/"' in content
    assert '<link rel="alternate" type="application/atom+xml"' in content
    assert 'href="/feeds/sections/world/atom/"' in content


def test_shared_caches_keep_a_feed_no_longer_than_until_the_next_story_goes_live(client, story):
    soon = timezone.now() + datetime.timedelta(seconds=30)
    ArticleFactory(status=Article.Status.PUBLISHED, published_at=soon)
    cache_control = client.get("/feeds/rss/")["Cache-Control"]
    assert "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) <= 30


@pytest.mark.parametrize("url", [*FEEDS, "/sitemap-news.xml"])
def test_control_characters_typed_by_editors_do_not_break_the_xml(client, url):
    ArticleFactory(
        published=True, headline="Pasted\x0b from\x08 a wire", lead_photo=PhotoFactory(caption="a\x1fb")
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"Pasted from a wire" in response.content
    assert not feedparser.parse(response.content).bozo
