"""/sitemap.xml, each edition's Google News sitemap (/sitemap-news.xml, /ru/sitemap-news.xml),
and /robots.txt: hreflang alternates for every version of a page, and every document valid
against the protocols' schemas (tests/data/sitemaps/)."""

import datetime
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.sitemaps.views import SitemapIndexItem
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from lxml import etree

from .crawl import NS, sitemap_documents, sitemap_locations, sitemap_urls, story_sitemap_path
from .factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    SectionFactory,
    TopicFactory,
    put_in_state,
    translated,
)

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "data" / "sitemaps"
XHTML = "{http://www.w3.org/1999/xhtml}link"


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
        story = f"http://testserver{world['story'].get_absolute_url()}"
        pages = ["/sections/world/", "/topics/energy/", "/people/irina-volkova/"]
        # Each page in every edition; the story in its month's sitemap and its edition's news.
        assert Counter(url.find("sm:loc", NS).text for url in urls) == {
            story: 2,
            **{f"http://testserver{page}": 1 for page in pages},
            **{f"http://testserver/ru{page}": 1 for page in pages},
        }
        lastmod = {loc: url.find("sm:lastmod", NS) for loc, url in by_location(client).items()}
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
        with translation.override("en"):  # the request's edition, whatever a test before left active
            expected = [
                reverse("articles:sitemap-stories", kwargs={"year": year, "month": month})
                for year, month in sitemaps._story_months()
            ]
            for kind, sitemap in sitemaps.LIST_SITEMAPS.items():
                expected += [
                    reverse("articles:sitemap-list", kwargs={"kind": kind, "block": block})
                    for block in range(sitemap.block_count())
                ]
        expected += ["/sitemap-news.xml", "/ru/sitemap-news.xml"]
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
        everyone = [world["person"], *others]
        assert sorted(people) == sorted(
            f"http://testserver{prefix}/people/{p.slug}/" for p in everyone for prefix in ("", "/ru")
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


def test_robots_txt_points_at_the_index_and_every_editions_news(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/sitemap-news.xml",
        "Sitemap: http://testserver/ru/sitemap-news.xml",
    ]
    for path in ("/admin/", "/preview/", "/search/", "/ru/preview/", "/ru/search/"):
        assert f"Disallow: {path}" in lines


def translate(source, language="ru", *, headline="Переговоры о речном договоре возобновились", publish=True):
    return translated(source, language, headline=headline, publish=publish)


def links(url):
    """{hreflang: href} of a sitemap <url>."""
    return {link.get("hreflang"): link.get("href") for link in url.findall(XHTML)}


def by_location(client):
    """{loc: <url>} of every story and list sitemap the index lists (not the news sitemaps)."""
    return {
        url.find("sm:loc", NS).text: url
        for loc, root in sitemap_documents(client).items()
        if "/sitemap-news" not in loc
        for url in root.findall("sm:url", NS)
    }


class TestEditions:
    @pytest.fixture
    def pair(self):
        source = ArticleFactory(published=True, headline="Talks resume", slug="talks-resume")
        return source, translate(source)

    def test_each_version_at_its_own_address_naming_every_version_and_x_default(self, client, pair):
        urls = by_location(client)
        english, russian = (
            "http://testserver/news/talks-resume/",
            "http://testserver/ru/news/talks-resume-ru/",
        )
        expected = {"en": english, "ru": russian, "x-default": english}
        assert links(urls[english]) == links(urls[russian]) == expected

    def test_x_default_is_the_source_whichever_edition_it_is_in(self, client):
        source = ArticleFactory(published=True, language="ru", headline="Переговоры", slug="peregovory")
        translate(source, "en", headline="Talks")
        urls = by_location(client)
        assert links(urls["http://testserver/news/peregovory-en/"])["x-default"] == (
            "http://testserver/ru/news/peregovory/"
        )

    def test_a_story_never_translated_has_no_alternates(self, client):
        story = ArticleFactory(published=True, slug="alone")
        (url,) = [url for loc, url in by_location(client).items() if loc.endswith("/news/alone/")]
        assert url.findall(XHTML) == []
        assert story_sitemap_path(story) in {urlsplit(loc).path for loc in sitemap_documents(client)}

    def test_hreflang_pairs_are_reciprocal_across_every_sitemap(self, client, pair):
        # A second group, and list pages in both editions: every alternate links back.
        translate(ArticleFactory(published=True, people=[PersonFactory()], topics=[TopicFactory()]))
        urls = by_location(client)
        checked = 0
        for loc, url in urls.items():
            alternates = links(url)
            if not alternates:
                continue
            assert loc in alternates.values(), f"{loc} does not name itself"
            for code, href in alternates.items():
                assert links(urls[href]) == alternates, f"{href} ({code}) does not link back to {loc}"
                checked += 1
        assert checked >= 4 * 3

    @pytest.mark.parametrize("state", ["draft", "scheduled", "embargoed", "unpublished"])
    def test_a_version_not_public_is_neither_listed_nor_an_alternate(self, client, state):
        source = ArticleFactory(published=True, headline="Talks resume", slug="talks-resume")
        version = put_in_state(translate(source, publish=False), state)
        for path in ["/sitemap.xml", *(urlsplit(loc).path for loc in sitemap_documents(client))]:
            assert version.slug not in client.get(path).content.decode(), path
        (url,) = [url for loc, url in by_location(client).items() if "/news/" in loc]
        assert url.findall(XHTML) == []

    def test_each_edition_has_its_own_news_sitemap(self, client, pair):
        _, version = pair
        ArticleFactory(published=True, language="ru", slug="tolko-po-russki")
        english = urlset(client, "/sitemap-news.xml")
        russian = urlset(client, "/ru/sitemap-news.xml")
        assert locations(english) == ["http://testserver/news/talks-resume/"]
        assert sorted(locations(russian)) == [
            "http://testserver/ru/news/talks-resume-ru/",
            "http://testserver/ru/news/tolko-po-russki/",
        ]
        languages = {node.text for node in russian.iterfind(".//news:language", NS)}
        assert languages == {"ru"}
        assert {node.text for node in russian.iterfind(".//news:title", NS)} >= {version.headline}

    @pytest.mark.parametrize(
        "path", ["/ru/sitemap.xml", "/ru/sitemap-stories-2025-1.xml", "/ru/sitemap-people-0.xml"]
    )
    def test_the_site_wide_sitemaps_answer_at_the_root_only(self, client, path):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == path.removeprefix("/ru")


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="module")
def schemas():
    return {"urlset": schema("sitemap.xsd"), "sitemapindex": schema("siteindex.xsd")}


def assert_valid(schemas, content, where):
    document = etree.fromstring(content)
    kind = etree.QName(document).localname
    validator = schemas[kind]
    assert validator.validate(document), f"{where}: {validator.error_log}"


class TestSchemas:
    """Every document a crawler reaches from the index, in both editions, is valid: the
    xhtml:link and news:news extensions are checked strictly (their namespaces must be
    declared and each element well formed)."""

    def test_every_sitemap_the_index_lists_is_valid(self, client, schemas, world):
        source = world["story"]
        translate(source)
        AuthorFactory()  # an author on file but on no byline: an empty block must not break the index
        ArticleFactory(published=True, language="ru", headline="Только по-русски", authors=[AuthorFactory()])
        index = client.get("/sitemap.xml")
        assert_valid(schemas, index.content, "/sitemap.xml")
        index_locs = ET.fromstring(index.content).iterfind("sm:sitemap/sm:loc", NS)
        listed = [urlsplit(loc.text).path for loc in index_locs]
        assert "/ru/sitemap-news.xml" in listed
        checked = Counter()
        for path in listed:
            content = client.get(path).content
            if not ET.fromstring(content).findall("sm:url", NS):
                # The protocol's schema wants at least one <url>; an empty block or month
                # (a gap in the archive) says nothing and crawlers skip it.
                continue
            assert_valid(schemas, content, path)
            checked["xhtml" if b"xhtml:link" in content else "plain"] += 1
            checked["news"] += b"news:news" in content
        assert checked["xhtml"] >= 4 and checked["news"] == 2, checked

    def test_the_schemas_catch_what_crawlers_would_refuse(self, schemas):
        head = (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        )
        good = '<url><loc>https://example.org/news/a/</loc><xhtml:link rel="alternate" hreflang="ru" href="https://example.org/ru/news/a/"/></url>'
        assert schemas["urlset"].validate(etree.fromstring(f"{head}{good}</urlset>"))
        bad = [
            good.replace('hreflang="ru"', 'hreflang="Русский"'),
            good.replace('href="https://example.org/ru/news/a/"', 'href="/ru/news/a/"'),
            good.replace("<xhtml:link", "<xhtml:a"),
            "<url><loc>https://example.org/a/</loc><news:news><news:title>A</news:title></news:news></url>",
            "<url><loc>https://example.org/a/</loc><lastmod>yesterday</lastmod></url>",
        ]
        for url in bad:
            assert not schemas["urlset"].validate(etree.fromstring(f"{head}{url}</urlset>")), url
        # An extension whose namespace is not declared is not even well-formed XML.
        with pytest.raises(etree.XMLSyntaxError):
            etree.fromstring(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{good}</urlset>')

    def test_the_russian_news_sitemap_is_valid(self, client, schemas):
        with translation.override("ru"):
            ArticleFactory(published=True, language="ru", headline="«Переговоры» & <итоги>")
        content = client.get("/ru/sitemap-news.xml").content
        assert_valid(schemas, content, "/ru/sitemap-news.xml")
        assert "«Переговоры» &amp; &lt;итоги&gt;" in content.decode()
