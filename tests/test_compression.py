"""Pages, JSON, feeds and sitemaps go out compressed (brotli, else gzip), with Vary right, one
ETag for every encoding, 304s intact, and the page cache never handing one client's encoding
to another. The desk is never compressed (BREACH: its forms carry CSRF tokens)."""

import gzip

import brotli
import pytest
from django.http import HttpResponse, StreamingHttpResponse

from newsroom.compression import TEXT_TYPES, CompressionMiddleware, accepted

from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/news/harbour-reopens/",
    "/people/marta-kovac/",
    "/topics/ports/",
    "/sections/world/",
    "/search/?q=harbour",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/topics/ports/atom/",
    "/sitemap.xml",
    "/api/stories",
]


@pytest.fixture
def story():
    kovac = PersonFactory(name="Marta Kovac", slug="marta-kovac", role="Harbour Master")
    story = ArticleFactory(
        published=True,
        slug="harbour-reopens",
        headline="The harbour reopens after the storm",
        body="<p>“Ferries will no longer wait at sea,” said Marta Kovac.</p>" + "<p>More follows.</p>" * 30,
        section=SectionFactory(name="World", slug="world"),
        topics=[TopicFactory(name="Ports", slug="ports")],
        people=[kovac],
        lead_photo=PhotoFactory(),
    )
    QuoteFactory(article=story, speaker=kovac, text="Ferries will no longer wait at sea")
    return story


def decoded(response):
    coding = response.get("Content-Encoding")
    if coding == "br":
        return brotli.decompress(response.content)
    if coding == "gzip":
        return gzip.decompress(response.content)
    return response.content


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


@pytest.mark.parametrize("url", PAGES)
def test_brotli_when_accepted_gzip_otherwise_the_same_bytes(client, story, url):
    plain = client.get(url)
    assert plain.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert "accept-encoding" in vary(plain)
    br = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
    gz = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert br["Content-Encoding"] == "br" and gz["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(br) and "accept-encoding" in vary(gz)
    assert len(br.content) < len(plain.content) and int(br["Content-Length"]) == len(br.content)
    assert decoded(br) == decoded(gz) == plain.content


def test_a_refused_coding_is_not_used():
    assert accepted("br;q=0, gzip") == "gzip"
    assert accepted("gzip;q=0") is None
    assert accepted("*") == "br"
    assert accepted("identity") is None
    assert accepted("br;q=nonsense, gzip") == "gzip"


def test_only_text_is_compressed():
    for kind in ("text/html; charset=utf-8", "application/json", "application/rss+xml; charset=utf-8",
                 "application/atom+xml", "application/xml", "text/css", "image/svg+xml"):  # fmt: skip
        assert TEXT_TYPES.match(kind), kind
    for kind in ("image/jpeg", "image/avif", "image/webp", "application/octet-stream", "image/png"):
        assert not TEXT_TYPES.match(kind), kind


@pytest.mark.parametrize("url", ["/news/harbour-reopens/", "/feeds/rss/", "/"])
def test_one_etag_for_every_encoding_and_304s_answer(client, story, url):
    plain = client.get(url)
    br = client.get(url, HTTP_ACCEPT_ENCODING="br")
    # The ETag names the content; a compressed copy is the same content, weakly.
    assert br["ETag"] in (f"W/{plain['ETag']}", plain["ETag"]) and br["ETag"].startswith("W/")
    not_modified = client.get(url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=br["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == br["ETag"]
    assert "accept-encoding" in vary(not_modified)
    # A client that stored the uncompressed copy is answered 304 too.
    assert client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


def test_the_page_cache_keeps_the_page_not_an_encoding(client, story, settings):
    settings.PAGE_CACHE = True
    url = story.get_absolute_url()
    first = client.get(url, HTTP_ACCEPT_ENCODING="br")
    # Served from the page cache now, to clients that accept something else or nothing.
    gz = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(url)
    assert first["Content-Encoding"] == "br" and gz["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert decoded(first) == decoded(gz) == plain.content
    assert "public" in plain["Cache-Control"]


def test_the_desk_is_never_compressed(client, editor):
    client.force_login(editor)
    for url in ("/admin/", "/admin/articles/article/add/"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url
        assert b"csrfmiddlewaretoken" in response.content or url == "/admin/"


def test_short_and_streamed_answers_are_left_alone(rf):
    def middleware(response):
        return CompressionMiddleware(lambda request: response)(rf.get("/", HTTP_ACCEPT_ENCODING="br"))

    assert not middleware(HttpResponse("Short.", content_type="text/html")).has_header("Content-Encoding")
    streamed = StreamingHttpResponse(iter([b"x" * 5000]), content_type="text/html")
    assert not middleware(streamed).has_header("Content-Encoding")
    assert middleware(HttpResponse("x" * 5000, content_type="text/html"))["Content-Encoding"] == "br"
