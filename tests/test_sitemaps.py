"""/sitemap.xml, the Google News sitemap /sitemap-news.xml, and /robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .factories import ArticleFactory, PersonFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def urlset(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


@pytest.fixture
def world():
    section = SectionFactory(name="World", slug="world")
    topic = TopicFactory(name="Energy", slug="energy")
    person = PersonFactory(name="Irina Volkova", slug="irina-volkova")
    story = ArticleFactory(published=True, section=section, topics=[topic], people=[person])
    return {"section": section, "topic": topic, "person": person, "story": story}


class TestSitemap:
    def test_lists_stories_sections_topics_and_people_with_lastmod(self, client, world):
        root = urlset(client, "/sitemap.xml")
        assert set(locations(root)) == {
            f"http://testserver{world['story'].get_absolute_url()}",
            "http://testserver/sections/world/",
            "http://testserver/topics/energy/",
            "http://testserver/people/irina-volkova/",
        }
        for url in root.findall("sm:url", NS):
            assert url.find("sm:lastmod", NS).text == timezone.localdate().isoformat()

    def test_drafts_scheduled_and_what_only_they_mention_are_absent(self, client, world):
        hidden_section = SectionFactory(slug="embargo")
        hidden_topic = TopicFactory(slug="embargo-topic")
        hidden_person = PersonFactory(slug="embargo-person")
        for kind in ("draft", "scheduled"):
            ArticleFactory(
                slug=f"secret-{kind}",
                scheduled=kind == "scheduled",
                section=hidden_section,
                topics=[hidden_topic],
                people=[hidden_person],
            )
        content = client.get("/sitemap.xml").content.decode()
        assert "secret-" not in content
        assert "embargo" not in content

    def test_urls_follow_the_requests_scheme_and_host(self, client, world):
        root = ET.fromstring(client.get("/sitemap.xml", secure=True, HTTP_HOST="localhost").content)
        assert all(loc.startswith("https://localhost/") for loc in locations(root))


class TestNewsSitemap:
    def test_only_the_last_48_hours_with_the_news_tags(self, client):
        now = timezone.now()
        fresh = ArticleFactory(
            published=True, headline="Fresh <news>", published_at=now - datetime.timedelta(hours=47)
        )
        ArticleFactory(published=True, slug="stale", published_at=now - datetime.timedelta(hours=49))
        ArticleFactory(slug="secret-draft")
        ArticleFactory(slug="secret-scheduled", scheduled=True)
        root = urlset(client, "/sitemap-news.xml")
        (url,) = root.findall("sm:url", NS)
        assert url.find("sm:loc", NS).text == f"http://testserver{fresh.get_absolute_url()}"
        news = url.find("news:news", NS)
        assert news.find("news:publication/news:name", NS).text == "The Newsroom"
        assert news.find("news:publication/news:language", NS).text == "en"
        assert news.find("news:title", NS).text == "Fresh <news>"
        published = parse_datetime(news.find("news:publication_date", NS).text)
        assert published == fresh.published_at.replace(microsecond=0)

    def test_the_window_moves_with_the_clock(self, client):
        story = ArticleFactory(published=True)
        with time_machine.travel(story.published_at + datetime.timedelta(hours=47, minutes=59)):
            assert len(locations(urlset(client, "/sitemap-news.xml"))) == 1
        with time_machine.travel(story.published_at + datetime.timedelta(hours=48, minutes=1)):
            assert locations(urlset(client, "/sitemap-news.xml")) == []

    def test_a_scheduled_story_joins_when_it_goes_live(self, client):
        story = ArticleFactory(scheduled=True)
        assert locations(urlset(client, "/sitemap-news.xml")) == []
        with time_machine.travel(story.published_at + datetime.timedelta(minutes=1)):
            assert len(locations(urlset(client, "/sitemap-news.xml"))) == 1


def test_robots_txt_points_at_both_sitemaps(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
