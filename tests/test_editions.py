"""The public editions: /ru/ for Russian, the default edition unprefixed; each list and feed
is one edition's, a story answers at one address in its own edition, and its page links
only its published versions (issue 18)."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.models.translation import article_translate
from articles.public.editions import story_alternates

from .factories import ArticleFactory, PersonFactory, SectionFactory, TopicFactory, put_in_state, translated

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def publish_translation(source, quotes=(), **fields):
    return translated(source, quotes=quotes, **fields)


@pytest.fixture
def pair():
    world = SectionFactory(name="World", slug="world")
    water = TopicFactory(name="Water", slug="water")
    source = ArticleFactory(
        published=True,
        headline="Talks on the river treaty resume",
        slug="talks-resume",
        section=world,
        topics=[water],
    )
    return source, publish_translation(source, slug="peregovory-vozobnovilis")


def test_each_edition_lists_its_own_stories(client, pair):
    source, translation = pair
    english = client.get("/").content.decode()
    russian = client.get("/ru/").content.decode()
    assert source.headline in english and translation.headline not in english
    assert translation.headline in russian and source.headline not in russian
    for path in ("/sections/world/", "/topics/water/"):
        assert translation.headline not in client.get(path).content.decode()
        assert translation.headline in client.get(f"/ru{path}").content.decode()


def test_a_story_answers_in_its_own_edition_and_moves_there_from_another(client, pair):
    _, translation = pair
    assert translation.get_absolute_url() == "/ru/news/peregovory-vozobnovilis/"
    assert client.get("/ru/news/peregovory-vozobnovilis/").status_code == 200
    moved = client.get("/news/peregovory-vozobnovilis/")
    assert moved.status_code == 301 and moved["Location"] == "/ru/news/peregovory-vozobnovilis/"
    moved = client.get("/ru/news/talks-resume/")
    assert moved.status_code == 301 and moved["Location"] == "/news/talks-resume/"


def test_pages_say_their_language(client, pair):
    assert client.get("/ru/")["Content-Language"] == "ru"
    assert client.get("/")["Content-Language"] == "en"
    # One page per address whoever asks: no Vary on the reader's browser language.
    assert "Accept-Language" not in client.get("/", HTTP_ACCEPT_LANGUAGE="ru").get("Vary", "")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru")["Content-Language"] == "en"


def test_feeds_are_per_edition_and_declare_their_language(client, pair):
    source, translation = pair
    russian = client.get("/ru/feeds/rss/").content.decode()
    assert "<language>ru</language>" in russian
    assert translation.headline in russian and source.headline not in russian
    english = client.get("/feeds/rss/").content.decode()
    assert "<language>en</language>" in english and translation.headline not in english


def test_alternates_are_the_published_versions_and_reciprocal(pair):
    source, translation = pair
    mine, x_default = story_alternates(source, ORIGIN)
    theirs, their_default = story_alternates(translation, ORIGIN)
    assert (
        {(a.code, a.url) for a in mine}
        == {(a.code, a.url) for a in theirs}
        == {
            ("en", f"{ORIGIN}/news/talks-resume/"),
            ("ru", f"{ORIGIN}/ru/news/peregovory-vozobnovilis/"),
        }
    )
    assert [a.code for a in mine if a.current] == ["en"] and [a.code for a in theirs if a.current] == ["ru"]
    assert x_default == their_default == f"{ORIGIN}/news/talks-resume/"


@pytest.mark.parametrize("state", ["draft", "scheduled", "embargoed", "unpublished"])
def test_a_translation_not_public_is_no_alternate(client, state):
    source = ArticleFactory(published=True, headline="Talks resume", slug="talks-resume")
    draft = put_in_state(translated(source, publish=False, headline="Переговоры возобновились"), state)
    assert story_alternates(source, ORIGIN) == ([], None)
    page = client.get(source.get_absolute_url()).content.decode()
    assert draft.slug not in page and draft.headline not in page
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_stored_page_follows_its_versions_by_the_clock(client):
    """A translation going live at 14:00 appears on its source's stored page at once."""
    source = ArticleFactory(published=True, headline="Talks resume", slug="talks-resume")
    draft = article_translate(source=source, language="ru")
    draft.headline = "Переговоры возобновились"
    draft.standfirst = "Стороны встретились после паузы."
    draft.save()
    draft.publish(at=timezone.now() + datetime.timedelta(seconds=30))
    client.get(source.get_absolute_url())  # stored without it
    Article.objects.filter(pk=draft.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    from django.core.cache import cache

    cache.clear()  # the page cache is bounded by that moment; the stored render must follow too
    assert story_alternates(source, ORIGIN)[0]
    page = client.get(source.get_absolute_url()).content.decode()
    assert "/ru/news/talks-resume-ru/" in page


def test_related_stories_are_of_the_storys_edition(client, pair):
    source, translation = pair
    water = source.topics.get()
    other_english = ArticleFactory(
        published=True, headline="Dam levels fall", slug="dam-levels", topics=[water]
    )
    page = client.get(source.get_absolute_url()).content.decode()
    assert other_english.headline in page and translation.headline not in page
    page = client.get(translation.get_absolute_url()).content.decode()
    assert other_english.headline not in page


def test_the_versions_cost_a_story_page_at_most_one_query(client):
    source = ArticleFactory(
        published=True, headline="Talks resume", slug="talks-resume", topics=[TopicFactory()]
    )

    def steady():
        client.get(source.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(source.get_absolute_url(), {"x": "1"}).status_code == 200
        return len(queries)

    alone = steady()
    publish_translation(source)
    assert steady() <= alone + 1


def test_a_persons_page_in_each_edition_lists_that_editions_quotes_and_name(client):
    person = PersonFactory(name="Sergei Orlov", slug="sergei-orlov", names={"ru": "Сергей Орлов"})
    english = ArticleFactory(published=True, headline="Orlov speaks", slug="orlov-speaks", people=[person])
    english.quotes.create(speaker=person, text="We are ready")
    english.body = "<p>“We are ready,” Orlov said.</p>"
    english.save()
    publish_translation(english, quotes=["Мы готовы"], body="<p>«Мы готовы», — сказал Орлов.</p>")
    assert "Сергей Орлов" in client.get("/ru/people/sergei-orlov/").content.decode()
    ru_page = client.get("/ru/people/sergei-orlov/").content.decode()
    en_page = client.get("/people/sergei-orlov/").content.decode()
    assert "Мы готовы" in ru_page and "We are ready" not in ru_page
    assert "We are ready" in en_page and "Мы готовы" not in en_page
    # The Russian quote links the words it translates, on their story's page.
    assert f'<a href="{english.get_absolute_url()}" hreflang="en">оригинал</a>' in ru_page
    Article.objects.filter(pk=english.pk).update(status=Article.Status.UNPUBLISHED)
    from django.core.cache import cache

    cache.clear()
    assert english.get_absolute_url() not in client.get("/ru/people/sergei-orlov/").content.decode()


def test_photo_addresses_are_the_same_in_every_edition(client, pair):
    from django.utils import translation

    from articles.models.files import RENDITIONS, reader_url

    with translation.override("ru"):
        assert urlsplit(reader_url(f"{RENDITIONS}{'a' * 32}/x.jpeg")).path.startswith("/photos/")


def test_a_request_leaves_its_thread_in_the_language_it_found(client, pair):
    """Under the test client (and a reused server thread) the request runs in the caller's
    thread: the Russian edition must not stay active after it."""
    from django.utils import translation

    client.get("/ru/")
    assert translation.get_language() == "en"
    assert pair[0].section.get_absolute_url() == "/sections/world/"


def test_the_json_ld_links_a_source_and_its_translation(client, pair):
    import json
    import re

    source, translation = pair

    def news_article(url):
        page = client.get(url).content.decode()
        blocks = [
            json.loads(b)
            for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        ]
        return next(block for block in blocks if block.get("@type") == "NewsArticle")

    english, russian = news_article(source.get_absolute_url()), news_article(translation.get_absolute_url())
    assert english["inLanguage"] == "en" and russian["inLanguage"] == "ru"
    assert [work["@id"] for work in english["workTranslation"]] == [
        f"{ORIGIN}{translation.get_absolute_url()}"
    ]
    assert russian["translationOfWork"]["@id"] == f"{ORIGIN}{source.get_absolute_url()}"
    assert "translationOfWork" not in english and "workTranslation" not in russian


def test_the_russian_feeds_speak_russian(client, pair):
    russian = client.get("/ru/feeds/rss/").content.decode()
    assert "последние новости" in russian and "latest stories" not in russian
    assert "Материалы по теме «Water»" in client.get("/ru/feeds/topics/water/rss/").content.decode()


def test_a_shared_photo_and_a_persons_role_speak_each_editions_words(client, pair):
    from .factories import PhotoFactory

    source, translation = pair
    photo = PhotoFactory(
        caption="The minister arrives for the talks.",
        alt_text="A man walks along an embankment",
        captions={"ru": "Министр прибывает на переговоры."},
        alt_texts={"ru": "Мужчина идёт по набережной"},
    )
    minister = PersonFactory(
        name="Sergei Orlov",
        slug="sergei-orlov",
        role="Foreign Minister",
        roles={"ru": "министр иностранных дел"},
    )
    Article.objects.filter(pk__in=[source.pk, translation.pk]).update(lead_photo=photo)
    for story in (source, translation):
        story.refresh_from_db()
        story.people.add(minister)
        story.save()
    russian = client.get(translation.get_absolute_url()).content.decode()
    english = client.get(source.get_absolute_url()).content.decode()
    assert "Министр прибывает на переговоры." in russian and "The minister arrives" not in russian
    assert "The minister arrives for the talks." in english and "Министр прибывает" not in english
    ru_person = client.get("/ru/people/sergei-orlov/").content.decode()
    assert "министр иностранных дел" in ru_person and "Minister" not in ru_person


@pytest.mark.parametrize(
    "path",
    ["/ru/feeds/rss/", "/ru/feeds/atom/", "/ru/feeds/sections/world/rss/", "/ru/feeds/topics/water/atom/"],
)
def test_the_russian_feeds_are_well_formed_and_say_ru(client, pair, path):
    import feedparser

    parsed = feedparser.parse(client.get(path).content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.get("language", "ru").startswith("ru")
    assert [entry.title for entry in parsed.entries] == [pair[1].headline]
