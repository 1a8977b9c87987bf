"""The page cache: anonymous readers get stored pages, never stale ones; staff, previews and
errors are never stored; lifetimes never pass the next scheduled story."""

import datetime
import os
import re
import socket
import urllib.parse

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.derived.cache import GENERATION_KEY, invalidate_public_pages
from articles.models import Article, Correction
from newsroom.settings import cache_from_url

from .crawl import story_sitemap_path
from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/news/river-talks/",
    "/people/irina-volkova/",
    "/topics/energy/",
    "/sections/world/",
    "/search/?q=river",
    "/feeds/rss/",
    "/sitemap.xml",
    "/sitemap-people-0.xml",
]


@pytest.fixture
def story():
    person = PersonFactory(name="Irina Volkova", slug="irina-volkova")
    story = ArticleFactory(
        published=True,
        slug="river-talks",
        headline="River talks resume",
        body="<p>“We will not be rushed,” she said.</p>",
        section=SectionFactory(name="World", slug="world"),
        lead_photo=PhotoFactory(caption="Delegates arrive"),
        topics=[TopicFactory(name="Energy", slug="energy")],
        people=[person],
    )
    QuoteFactory(article=story, speaker=person, text="We will not be rushed")
    return story


def get(client, url, **extra):
    """The response and how many queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def max_age(response):
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


@pytest.mark.parametrize("url", PAGES)
def test_a_second_reader_gets_the_stored_page_without_a_query(client, story, url):
    first, queries = get(client, url)
    assert first.status_code == 200 and queries > 0
    second, queries = get(client, url)
    assert second.status_code == 200
    assert queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]


def test_the_page_cache_can_be_turned_off(client, story, settings):
    settings.PAGE_CACHE = False
    client.get("/")
    assert get(client, "/")[1] > 0


def change_headline(story):
    story.headline = "River talks collapse"
    story.save()


def change_person(story):
    person = story.people.get()
    person.name = "Irina Volkova-Smirnova"
    person.save()


def change_photo(story):
    photo = story.lead_photo
    photo.caption = "Delegates leave"
    photo.save()


def change_quote(story):
    quote = story.quotes.get()
    quote.text = "We will not be hurried"
    quote.save()


def add_correction(story):
    Correction.objects.create(article=story, text="An earlier version misspelt a name.")


def rename_section(story):
    story.section.name = "Global"
    story.section.save()


def rename_topic(story):
    topic = story.topics.get()
    topic.name = "Power"
    topic.save()


def mention_someone(story):
    story.people.add(PersonFactory(name="Oleg Markov"))


def tag_a_topic(story):
    story.topics.add(TopicFactory(name="Rivers"))


def unpublish(story):
    story.unpublish()


CHANGES = [
    # (change, page to watch, text that must appear after it, or vanish with a leading "-")
    (change_headline, "/", "River talks collapse"),
    (change_headline, "/news/river-talks/", "River talks collapse"),
    (change_headline, "/feeds/rss/", "River talks collapse"),
    (change_person, "/news/river-talks/", "Irina Volkova-Smirnova"),
    (change_person, "/people/irina-volkova/", "Irina Volkova-Smirnova"),
    (change_photo, "/news/river-talks/", "Delegates leave"),
    (change_quote, "/people/irina-volkova/", "We will not be hurried"),
    (add_correction, "/news/river-talks/", "misspelt a name"),
    (rename_section, "/", "Global"),
    (rename_section, "/sections/world/", "Global"),
    (rename_topic, "/news/river-talks/", "Power"),
    (rename_topic, "/topics/energy/", "Power"),
    (mention_someone, "/news/river-talks/", "Oleg Markov"),
    (tag_a_topic, "/news/river-talks/", "Rivers"),
    (unpublish, "/", "-River talks resume"),
    (unpublish, "{story_sitemap}", "-river-talks"),
]


@pytest.mark.parametrize(("change", "url", "expected"), CHANGES, ids=lambda v: getattr(v, "__name__", v))
def test_a_change_an_editor_makes_is_seen_at_once(client, story, change, url, expected):
    url = url.format(story_sitemap=story_sitemap_path(story))
    client.get(url)
    assert get(client, url)[1] == 0  # stored
    change(story)
    content = client.get(url).content.decode()
    if expected.startswith("-"):
        assert expected[1:] not in content
    else:
        assert expected in content


def test_writes_that_send_no_signal_say_so_themselves(client, story):
    client.get("/")
    Article.objects.filter(pk=story.pk).update(headline="Bulk-edited headline")
    assert "Bulk-edited headline" not in client.get("/").content.decode()  # still the stored page
    invalidate_public_pages()
    assert "Bulk-edited headline" in client.get("/").content.decode()


def test_losing_the_generation_loses_every_page(client, story):
    client.get("/")
    cache.delete(GENERATION_KEY)  # evicted, or Redis restarted
    assert get(client, "/")[1] > 0


def test_a_write_inside_a_transaction_forgets_pages_again_when_it_commits(
    client, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        story.headline = "River talks collapse"
        story.save()
        # Another reader renders before the commit and stores what it sees.
        client.get("/")
    assert get(client, "/")[1] == 0
    for callback in callbacks:
        callback()
    assert get(client, "/")[1] > 0


def test_a_scheduled_story_appears_on_time_in_stored_pages(client, story):
    at = timezone.now() + datetime.timedelta(seconds=30)
    ArticleFactory(status=Article.Status.PUBLISHED, published_at=at, headline="Scheduled scoop")
    first = client.get("/")
    assert "Scheduled scoop" not in first.content.decode()
    assert max_age(first) <= 30
    with time_machine.travel(at - datetime.timedelta(seconds=10)):
        hit, queries = get(client, "/")
        assert queries == 0
        # A stored copy is sent with the time left until the story goes live, not its original lifetime.
        assert max_age(hit) <= 10
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert "Scheduled scoop" in client.get("/").content.decode()


def test_staff_are_neither_served_nor_stored(client, editor, story):
    client.get("/news/river-talks/")  # a reader stores the page
    Article.objects.filter(pk=story.pk).update(headline="Edited quietly")
    client.force_login(editor)
    assert "Edited quietly" in client.get("/news/river-talks/").content.decode()
    client.logout()
    # What the editor saw was not stored: readers still get their copy.
    assert "Edited quietly" not in client.get("/news/river-talks/").content.decode()


def test_a_preview_is_never_stored(client, editor):
    ArticleFactory(slug="draft-story", headline="Draft scoop")
    client.force_login(editor)
    preview = client.get("/news/draft-story/")
    assert "no-store" in preview["Cache-Control"]
    client.logout()
    assert client.get("/news/draft-story/").status_code == 404


def test_errors_are_never_stored(client):
    draft = ArticleFactory(slug="coming-soon", headline="Coming soon")
    assert client.get("/news/coming-soon/").status_code == 404
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get("/news/coming-soon/").status_code == 200


def test_each_host_has_its_own_copy(client, story):
    # Canonical links and feeds carry the host the reader asked for.
    client.get("/", HTTP_HOST="localhost")
    assert "http://testserver/" in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/", "/news/river-talks/", "/feeds/rss/"])
def test_an_unchanged_page_answers_304(client, story, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # from the stored copy
    story.headline = "River talks collapse"
    story.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("url", ["/admin/", "/admin/articles/article/", "/admin/login/"])
def test_the_desk_is_private_and_never_cached(client, editor, url):
    if url != "/admin/login/":
        client.force_login(editor)
    cache_control = client.get(url)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_the_cache_setting_follows_redis_url():
    assert cache_from_url("")["BACKEND"].endswith("LocMemCache")
    redis = cache_from_url("redis://cache.internal:6379/1")
    assert redis["BACKEND"] == "newsroom.redis_cache.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/1"
    with pytest.raises(Exception, match="redis://"):
        cache_from_url("memcached://cache.internal:11211")


def test_collected_static_files_are_cached_forever(settings, tmp_path):
    # Production serving: `collectstatic` gives hash-named, compressed files that WhiteNoise
    # marks immutable, so a CDN and browsers keep each one until a deploy renames it.
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command
    from django.test import Client

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    url = staticfiles_storage.url("css/site.css")
    assert re.search(r"site\.[0-9a-f]{12}\.css$", url)
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")  # a new client loads WhiteNoise afresh
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] in {"gzip", "br"}


REDIS_URL = os.environ.get("NEWSROOM_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _redis_reachable():
    parts = urllib.parse.urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason=f"needs Redis at {REDIS_URL} (CI starts one)")
def test_the_redis_cache_keeps_one_client_and_still_works():
    # Django's own client builds a redis.Redis per call, which cost most of a story request's
    # cache read; ours keeps one per pool.
    from newsroom.redis_cache import RedisCache

    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": f"test-client-{os.getpid()}"})
    client = backend._cache
    assert client.get_client() is client.get_client() is client.get_client(write=True)
    backend.set("a", {"b": 1}, 30)
    backend.set_many({"c": 2, "d": 3}, 30)
    assert backend.get("a") == {"b": 1}
    assert backend.get_many(["a", "c", "d", "missing"]) == {"a": {"b": 1}, "c": 2, "d": 3}
    assert backend.incr("c") == 3
    backend.delete_many(["a", "c", "d"])
    assert backend.get_many(["a", "c", "d"]) == {}
