"""/sitemap.xml, the Google News sitemap /sitemap-news.xml, and /robots.txt."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.sitemaps.views import SitemapIndexItem
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .crawl import NS, sitemap_documents, sitemap_locations, sitemap_urls, story_sitemap_path
from .factories import ArticleFactory, PersonFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


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
    def test_lists_stories_sections_topics_and_people(self, client, world):
        urls = sitemap_urls(client)
        assert {url.find("sm:loc", NS).text for url in urls} == {
            f"http://testserver{world['story'].get_absolute_url()}",
            "http://testserver/sections/world/",
            "http://testserver/topics/energy/",
            "http://testserver/people/irina-volkova/",
        }
        assert len(urls) == 4
        lastmod = {url.find("sm:loc", NS).text: url.find("sm:lastmod", NS) for url in urls}
        # Stories and sections say when they last changed; topics and people do not (finding
        # each one's newest story would read all of their stories).
        for loc, element in lastmod.items():
            if "/topics/" in loc or "/people/" in loc:
                assert element is None, loc
            else:
                assert element.text == timezone.localdate().isoformat(), loc

    def test_the_index_lists_one_sitemap_per_month_since_the_first_story(self, client, world):
        with time_machine.travel(timezone.make_aware(datetime.datetime(2024, 11, 20, 12)), tick=False):
            ArticleFactory(published=True, slug="oldest", published_at=timezone.now())
        documents = sitemap_documents(client)
        months = [loc for loc in documents if "/sitemap-stories-" in loc]
        today = timezone.localdate()
        assert months[0] == f"http://testserver/sitemap-stories-{today.year}-{today.month}.xml"
        assert months[-1] == "http://testserver/sitemap-stories-2024-11.xml"
        assert len(months) == (today.year - 2024) * 12 + today.month - 11 + 1
        assert locations(documents["http://testserver/sitemap-stories-2024-11.xml"]) == [
            "http://testserver/news/oldest/"
        ]

    def test_the_index_is_byte_for_byte_what_contribs_template_writes(self, client, world, monkeypatch):
        # The index formats its URLs from one reverse() per route and joins its entries
        # (hundreds at a large archive); the document must not change for it.
        from articles.public import sitemaps

        monkeypatch.setattr(sitemaps, "BLOCK_SIZE", 2)
        PersonFactory.create_batch(5)
        with time_machine.travel(timezone.make_aware(datetime.datetime(2023, 2, 3, 12)), tick=False):
            ArticleFactory(published=True, published_at=timezone.now())
        request = RequestFactory().get("/sitemap.xml", secure=True, HTTP_HOST="localhost")
        expected = [
            reverse("articles:sitemap-stories", kwargs={"year": year, "month": month})
            for year, month in sitemaps._story_months()
        ]
        for kind, sitemap in sitemaps.LIST_SITEMAPS.items():
            expected += [
                reverse("articles:sitemap-list", kwargs={"kind": kind, "block": block})
                for block in range(sitemap.block_count())
            ]
        items = [SitemapIndexItem(request.build_absolute_uri(path)) for path in expected]
        response = client.get("/sitemap.xml", secure=True, HTTP_HOST="localhost")
        assert len(items) > 30
        assert response.content.decode() == render_to_string("sitemap_index.xml", {"sitemaps": items})

    def test_months_follow_the_site_time_zone(self, client, settings):
        # 23:30 UTC on 31 January is already 1 February in Moscow, where the dateline is.
        settings.TIME_ZONE = "Europe/Moscow"
        story = ArticleFactory(
            published=True, published_at=datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC)
        )
        assert story_sitemap_path(story) == "/sitemap-stories-2025-2.xml"
        assert locations(urlset(client, "/sitemap-stories-2025-2.xml")) == [
            f"http://testserver{story.get_absolute_url()}"
        ]
        assert locations(urlset(client, "/sitemap-stories-2025-1.xml")) == []

    def test_people_are_split_into_blocks_of_primary_keys(self, client, world, monkeypatch):
        from articles.public import sitemaps

        monkeypatch.setattr(sitemaps, "BLOCK_SIZE", 2)
        others = PersonFactory.create_batch(3)
        ArticleFactory(published=True, people=others)
        blocks = [loc for loc in sitemap_documents(client) if "/sitemap-people-" in loc]
        assert len(blocks) == max(p.pk for p in others) // 2 + 1
        people = [loc for loc in sitemap_locations(client) if "/people/" in loc]
        assert sorted(people) == sorted(
            f"http://testserver{p.get_absolute_url()}" for p in [world["person"], *others]
        )

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
        for path in ["/sitemap.xml", *(urlsplit(loc).path for loc in sitemap_documents(client))]:
            content = client.get(path).content.decode()
            assert "secret-" not in content
            assert "embargo" not in content

    def test_urls_follow_the_requests_scheme_and_host(self, client, world):
        extra = {"secure": True, "HTTP_HOST": "localhost"}
        assert all(loc.startswith("https://localhost/") for loc in sitemap_documents(client, **extra))
        assert all(loc.startswith("https://localhost/") for loc in sitemap_locations(client, **extra))

    @pytest.mark.parametrize(
        "path", ["/sitemap-stories-2025-13.xml", "/sitemap-stories-0-1.xml", "/sitemap-nobody-0.xml"]
    )
    def test_impossible_sitemaps_are_404(self, client, path):
        assert client.get(path).status_code == 404

    @pytest.mark.parametrize("block", [999_999_999, 10**9 + 1, 10**30])
    def test_a_block_past_the_last_key_is_empty_or_404_never_an_error(self, client, world, block):
        response = client.get(f"/sitemap-people-{block}.xml")
        assert response.status_code in (200, 404)
        if response.status_code == 200:
            assert locations(ET.fromstring(response.content)) == []


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
