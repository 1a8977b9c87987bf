"""The content API at /api/: published content only, keyset pages, ETags, error objects, OpenAPI."""

import base64
import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from articles.images.renditions import photo_create_renditions
from articles.models import Article, Correction

from . import factories
from .factories import (
    ArticleFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
    put_in_state,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_file_roots")]

NOW = timezone.now()


@pytest.fixture
def story():
    """A published story with everything the detail shows."""
    person = PersonFactory(slug="irina-volkova", name="Irina Volkova", aliases="I. Volkova")
    story = ArticleFactory(
        published=True,
        headline="Talks resume on the river treaty",
        section=SectionFactory(slug="world", name="World"),
        lead_photo=PhotoFactory(credit="Newsroom Pictures/Ana Ortiz", copyright="CC BY 4.0"),
        topics=[TopicFactory(slug="energy", name="Energy")],
        people=[person],
        body="<p>Negotiators met on Tuesday.</p><p>We will not be rushed into a bad agreement.</p>",
    )
    QuoteFactory(article=story, speaker=person, text="We will not be rushed into a bad agreement")
    Correction.objects.create(article=story, text="An earlier version misspelt the river.")
    return story


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_index_links_every_list_and_the_docs(client):
    index = get_json(client, "/api/")
    assert index["stories"] == "http://testserver/api/stories"
    assert index["openapi"] == "http://testserver/api/openapi.json"
    for url in index.values():
        assert client.get(url).status_code == 200


def test_story_detail_has_body_dateline_photo_quotes_people_topics(client, story):
    photo_create_renditions(photo=story.lead_photo)
    data = get_json(client, f"/api/stories/{story.pk}")
    assert data["headline"] == "Talks resume on the river treaty"
    assert data["body"] == story.body
    assert data["url"] == f"http://testserver/news/{story.slug}/"
    assert data["dateline"] == {"place": "Moscow", "agency": "NWS", "text": story.dateline}
    assert data["section"] == {"slug": "world", "name": "World"}
    assert [t["slug"] for t in data["topics"]] == ["energy"]
    assert [p["name"] for p in data["people"]] == ["Irina Volkova"]
    [quote] = data["quotes"]
    assert quote["text"] == "We will not be rushed into a bad agreement"
    assert quote["speaker"]["api_url"] == "http://testserver/api/people/irina-volkova"
    assert data["corrections"][0]["text"] == "An earlier version misspelt the river."
    photo = data["lead_photo"]
    assert photo["credit"] == "© Newsroom Pictures/Ana Ortiz"  # never without its credit line
    assert photo["copyright"] == "CC BY 4.0"
    assert (photo["width"], photo["height"]) == (640, 427)
    assert photo["url"].startswith("http://testserver/photos/")
    assert {r["width"] for r in photo["renditions"] if r["kind"] == "full"} == {320, 640}
    assert {r["mime_type"] for r in photo["renditions"]} >= {"image/jpeg", "image/webp"}
    for rendition in photo["renditions"]:
        assert client.get(rendition["url"].removeprefix("http://testserver")).status_code == 200


def test_a_photo_without_renditions_gives_readers_no_file(client, story):
    # Until its renditions are made, the only file is the original, which is the desk's alone.
    photo = get_json(client, f"/api/stories/{story.pk}")["lead_photo"]
    assert photo["renditions"] == []
    response = client.get(photo["url"].removeprefix("http://testserver"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_story_list_is_newest_first_with_summaries(client, story):
    older = ArticleFactory(published=True, published_at=NOW - datetime.timedelta(days=2))
    data = get_json(client, "/api/stories")
    assert [item["id"] for item in data["items"]] == [story.pk, older.pk]
    assert data["next"] is None and data["next_cursor"] is None
    first = data["items"][0]
    assert first["ninjs_url"] == f"http://testserver/api/stories/{story.pk}/ninjs"
    assert first["lead_photo"]["credit"] == "© Newsroom Pictures/Ana Ortiz"
    assert "body" not in first  # the list stays light


def ids(client, url):
    return [item["id"] for item in get_json(client, url)["items"]]


def test_story_filters(client, story):
    other_section = ArticleFactory(published=True, section=SectionFactory(slug="business"))
    last_week = ArticleFactory(published=True, published_at=NOW - datetime.timedelta(days=7))
    Article.objects.filter(pk=last_week.pk).update(updated_at=NOW - datetime.timedelta(days=7))
    three_days_ago = (NOW - datetime.timedelta(days=3)).date().isoformat()
    assert ids(client, "/api/stories?section=world") == [story.pk]
    assert ids(client, "/api/stories?section=business") == [other_section.pk]
    assert ids(client, "/api/stories?topic=energy") == [story.pk]
    assert ids(client, "/api/stories?person=irina-volkova") == [story.pk]
    assert ids(client, f"/api/stories?published_before={three_days_ago}") == [last_week.pk]
    assert last_week.pk not in ids(client, f"/api/stories?published_after={three_days_ago}")
    assert last_week.pk not in ids(client, f"/api/stories?updated_since={three_days_ago}T00:00:00Z")
    assert ids(client, "/api/stories?section=world&topic=energy&person=irina-volkova") == [story.pk]


def test_people_topics_and_sections(client, story):
    person = get_json(client, "/api/people/irina-volkova")
    assert person["aliases"] == ["I. Volkova"] and person["kind"] == "person"
    assert [q["story"]["id"] for q in person["quotes"]] == [story.pk]
    assert person["all_quotes"] == "http://testserver/api/people/irina-volkova/quotes"
    assert [q["text"] for q in get_json(client, person["all_quotes"])["items"]] == [
        "We will not be rushed into a bad agreement"
    ]
    assert [p["slug"] for p in get_json(client, "/api/people")["items"]] == ["irina-volkova"]
    assert [t["slug"] for t in get_json(client, "/api/topics")["items"]] == ["energy"]
    assert get_json(client, "/api/topics/energy")["stories"] == "http://testserver/api/stories?topic=energy"
    assert [s["slug"] for s in get_json(client, "/api/sections")] == ["world"]
    assert get_json(client, "/api/sections/world")["url"] == "http://testserver/sections/world/"


# Keyset pagination on a few hundred stories.


def bulk_archive(count):
    """`count` published stories, several sharing a publication time so the id must break ties."""
    section = SectionFactory(slug="archive")
    stories = [
        Article(
            headline=f"Archive story {n}",
            slug=f"archive-{n}",
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=NOW - datetime.timedelta(hours=n // 3),
        )
        for n in range(count)
    ]
    Article.objects.bulk_create(stories)
    return list(Article.objects.published().order_by("-published_at", "-id").values_list("id", flat=True))


def walk(client, url):
    seen, pages = [], 0
    while url:
        data = get_json(client, url)
        seen += [item["id"] for item in data["items"]]
        pages += 1
        url = data["next"]
    return seen, pages


def test_keyset_pages_cover_the_archive_once_in_order(client):
    expected = bulk_archive(300)
    seen, pages = walk(client, "/api/stories?limit=70")
    assert seen == expected
    assert pages == 5


def test_pages_do_not_shift_when_a_story_is_published_meanwhile(client):
    expected = bulk_archive(30)
    first = get_json(client, "/api/stories?limit=10")
    ArticleFactory(published=True, published_at=NOW)  # newest: an offset would repeat a row
    second = get_json(client, first["next"])
    assert [item["id"] for item in first["items"] + second["items"]] == expected[:20]


def test_a_page_is_one_limited_keyset_query_without_offset_or_count(client):
    bulk_archive(300)
    cursor = get_json(client, "/api/stories?limit=50")["next_cursor"]
    client.get(f"/api/stories?limit=50&cursor={cursor}")  # warms the schedule cache
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/stories?limit=50&cursor={cursor}")
    sql = " ".join(q["sql"] for q in queries).upper()
    # The page, then its stories' bylines by their ids (ArticleQuerySet.with_bylines).
    assert len(queries) == 2
    assert "BYLINE" in queries[1]["sql"].upper()
    assert "LIMIT 51" in sql
    assert "OFFSET" not in sql and "COUNT(" not in sql


def test_filters_survive_in_next_links(client):
    bulk_archive(12)
    data = get_json(client, "/api/stories?section=archive&limit=5")
    assert "section=archive" in data["next"] and "limit=5" in data["next"]


QUERY_BUDGETS = {
    "/api/stories": 2,  # the page, and the bylines of its stories
    "/api/stories?section=world&topic=energy&person=irina-volkova": 5,  # + one lookup per filter
    "/api/people": 1,
    "/api/people/irina-volkova/quotes": 2,
    "/api/topics": 1,
    "/api/sections": 1,
    # + bylines with authors, quotes with speakers, people, whom it is about, topics, corrections
    "/api/stories/{id}": 7,
    "/api/authors": 1,
    "/api/people/irina-volkova": 2,
}


def test_queries_do_not_grow_with_the_archive(client, django_assert_max_num_queries):
    photo, section, topic = PhotoFactory(), SectionFactory(slug="world"), TopicFactory(slug="energy")
    person = PersonFactory(slug="irina-volkova")
    for _ in range(15):
        story = ArticleFactory(
            published=True, section=section, lead_photo=photo, topics=[topic, TopicFactory()], people=[person]
        )
        QuoteFactory(article=story, speaker=person)
        QuoteFactory(article=story, speaker=PersonFactory())
    client.get("/api/stories")  # the schedule's next moment is cached from here on, as on a live site
    for path, budget in QUERY_BUDGETS.items():
        url = path.format(id=story.pk)
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200, url


# Nothing unpublished, ever.


HIDDEN_KINDS = ["draft", "in_review", "scheduled", "retracted", "unpublished", "expired"]


def hidden_story(kind):
    past = NOW - datetime.timedelta(hours=3)
    fields = {
        "draft": {},
        "in_review": {"status": Article.Status.IN_REVIEW},
        "scheduled": {"status": Article.Status.PUBLISHED, "published_at": NOW + datetime.timedelta(hours=2)},
        "retracted": {"status": Article.Status.RETRACTED, "published_at": past},
        "unpublished": {"status": Article.Status.UNPUBLISHED, "published_at": past},
        "expired": {
            "status": Article.Status.PUBLISHED,
            "published_at": past,
            "expires_at": NOW - datetime.timedelta(hours=1),
        },
    }[kind]
    public_person = PersonFactory(slug="public-person")
    secret_person = PersonFactory(slug="secret-person", name="SECRET person")
    ArticleFactory(published=True, people=[public_person], topics=[TopicFactory(slug="public-topic")])
    story = ArticleFactory(
        headline="SECRET headline",
        section=SectionFactory(slug="world"),
        topics=[TopicFactory(slug="secret-topic", name="SECRET topic")],
        people=[public_person, secret_person],
        **fields,
    )
    QuoteFactory(article=story, speaker=public_person, text="SECRET quote")
    return story


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_unpublished_stories_appear_in_no_response(client, kind):
    story = hidden_story(kind)
    for url in [
        "/api/stories",
        "/api/stories?section=world",
        "/api/stories?person=public-person",
        "/api/people",
        "/api/people/public-person",
        "/api/people/public-person/quotes",
        "/api/topics",
        "/api/sections",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"SECRET" not in response.content, url
        assert b"secret-" not in response.content, url
    for url in [f"/api/stories/{story.pk}", f"/api/stories/{story.pk}/ninjs"]:
        assert client.get(url).status_code == 404, url
    for url in ["/api/people/secret-person", "/api/people/secret-person/quotes", "/api/topics/secret-topic"]:
        assert client.get(url).status_code == 404, url
    # A filter naming something only a hidden story has answers as if it did not exist.
    for url in ["/api/stories?topic=secret-topic", "/api/stories?person=secret-person"]:
        assert get_json(client, url, 400)["error"]["code"] == "unknown_value"


# ETags and conditional requests.


@pytest.mark.parametrize(
    "path", ["/api/stories", "/api/stories/{id}", "/api/stories/{id}/ninjs", "/api/people/irina-volkova"]
)
def test_etag_answers_304_until_the_content_changes(client, story, path):
    url = path.format(id=story.pk)
    first = client.get(url)
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert "public" in first["Cache-Control"]
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    story.headline = "Talks resume, and a deal is near"
    story.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_errors_are_not_marked_cacheable(client):
    # A 404 for a scheduled story must not be kept by a shared cache past its publication.
    response = client.get("/api/stories/12345")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


# Every bad parameter is a 400 with the error object, never a 500.


def cursor_of(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


BAD_REQUESTS = [
    ("/api/stories?published_after=2024-13-01", "invalid_parameter", "published_after"),
    ("/api/stories?published_before=yesterday", "invalid_parameter", "published_before"),
    ("/api/stories?updated_since=0001-01-01", "invalid_parameter", "updated_since"),
    (
        "/api/stories?published_after=2025-02-01&published_before=2025-01-01",
        "invalid_range",
        "published_after",
    ),
    ("/api/stories?cursor=not-a-cursor!", "invalid_cursor", "cursor"),
    (f"/api/stories?cursor={cursor_of(['2025-01-01T00:00:00+00:00'])}", "invalid_cursor", "cursor"),
    (f"/api/stories?cursor={cursor_of(['2025-01-01T00:00:00', 5])}", "invalid_cursor", "cursor"),
    (f"/api/stories?cursor={cursor_of(['2025-01-01T00:00:00+00:00', 2**70])}", "invalid_cursor", "cursor"),
    (f"/api/stories?cursor={cursor_of(['0001-01-01T00:00:00+05:00', 1])}", "invalid_cursor", "cursor"),
    (f"/api/stories?cursor={cursor_of({'id': 1})}", "invalid_cursor", "cursor"),
    (f"/api/people?cursor={cursor_of([1, 'x'])}", "invalid_cursor", "cursor"),
    ("/api/stories?limit=0", "invalid_parameter", "limit"),
    ("/api/stories?limit=101", "invalid_parameter", "limit"),
    ("/api/stories?limit=ten", "invalid_parameter", "limit"),
    ("/api/stories?section=no-such-section", "unknown_value", "section"),
    ("/api/stories?section=not%20a%20slug", "invalid_parameter", "section"),
    ("/api/stories?topic=no-such-topic", "unknown_value", "topic"),
    ("/api/stories?person=nobody", "unknown_value", "person"),
    ("/api/stories?sections=world", "unknown_parameter", "sections"),
    ("/api/stories/1?expand=all", "unknown_parameter", "expand"),
    ("/api/stories/abc", "invalid_parameter", "story_id"),
    ("/api/stories/0", "invalid_parameter", "story_id"),
    ("/api/stories/99999999999999999999999", "invalid_parameter", "story_id"),
    ("/api/stories/abc/ninjs", "invalid_parameter", "story_id"),
    ("/api/people/no%20slug", "invalid_parameter", "slug"),
    ("/api/topics?limit=-1", "invalid_parameter", "limit"),
]


@pytest.mark.parametrize(("url", "code", "field"), BAD_REQUESTS)
def test_bad_parameters_answer_400_with_an_error_object(client, story, url, code, field):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"}
    assert (error["code"], error["field"]) == (code, field)
    assert error["message"]


@pytest.mark.parametrize("url", ["/api/stories/987654", "/api/people/nobody", "/api/no/such/address"])
def test_missing_things_answer_404_with_an_error_object(client, url):
    assert get_json(client, url, 404) == {
        "error": {"code": "not_found", "message": "Nothing published at this address.", "field": None}
    }


# The OpenAPI document and its interactive docs.


@pytest.fixture
def openapi(client):
    return get_json(client, "/api/openapi.json")


def test_openapi_document_is_valid_and_lists_every_endpoint(openapi):
    validate_openapi(openapi)
    assert openapi["openapi"].startswith("3.")
    assert set(openapi["paths"]) == {
        "/api/",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/ninjs",
        "/api/authors",
        "/api/authors/{slug}",
        "/api/people",
        "/api/people/{slug}",
        "/api/people/{slug}/quotes",
        "/api/topics",
        "/api/topics/{slug}",
        "/api/sections",
        "/api/sections/{slug}",
    }
    story_params = {p["name"] for p in openapi["paths"]["/api/stories"]["get"]["parameters"]}
    assert story_params == {
        "language",
        "section",
        "topic",
        "person",
        "author",
        "published_after",
        "published_before",
        "updated_since",
        "urgency_max",
        "cursor",
        "limit",
    }


def response_validator(openapi, path, status="200"):
    schema = openapi["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    # OpenAPI 3.1 schemas are JSON Schema 2020-12; refs point into the document's components.
    return Draft202012Validator({**schema, "components": openapi["components"]})


def test_responses_match_the_openapi_schema(client, story, openapi):
    photo_create_renditions(photo=story.lead_photo)
    checks = [
        ("/api/stories", "/api/stories", "200"),
        (f"/api/stories/{story.pk}", "/api/stories/{story_id}", "200"),
        ("/api/people/irina-volkova", "/api/people/{slug}", "200"),
        ("/api/people/irina-volkova/quotes", "/api/people/{slug}/quotes", "200"),
        ("/api/topics", "/api/topics", "200"),
        ("/api/sections", "/api/sections", "200"),
        ("/api/stories?limit=0", "/api/stories", "400"),
        ("/api/stories/987654", "/api/stories/{story_id}", "404"),
    ]
    for url, path, status in checks:
        response = client.get(url)
        assert str(response.status_code) == status
        response_validator(openapi, path, status).validate(response.json())


def test_stories_carry_their_language_and_translations_in_the_schema(client, story, openapi):
    version = translated(story)
    summary = openapi["components"]["schemas"]["StorySummary"]
    assert {"language", "translations"} <= set(summary["required"])
    for url, path in [
        ("/api/stories?language=ru", "/api/stories"),
        (f"/api/stories/{version.pk}", "/api/stories/{story_id}"),
    ]:
        response = client.get(url)
        response_validator(openapi, path).validate(response.json())


def test_schema_validation_would_catch_a_wrong_shape(story, openapi):
    validator = response_validator(openapi, "/api/stories/{story_id}")
    assert not validator.is_valid({"id": "not a number"})


def test_docs_page_loads_everything_from_our_own_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets, "the docs page should load Swagger UI"
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert "cdn" not in page.lower()
    assert '"validatorUrl": null' in page  # no badge fetched from swagger.io
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


# Editions (issue 18).


def translated(source, *, publish=True, **fields):
    quotes = ["Нас не заставят спешить с плохим соглашением"] * source.quotes.count()
    body = "<p>Стороны встретились во вторник.</p><p>Нас не заставят спешить с плохим соглашением.</p>"
    return factories.translated(source, publish=publish, quotes=quotes, **{"body": body, **fields})


def test_stories_filter_by_edition_and_carry_their_language(client, story):
    version = translated(story)
    russian_only = ArticleFactory(published=True, language="ru", headline="Только по-русски")
    everything = get_json(client, "/api/stories")["items"]
    assert {item["id"]: item["language"] for item in everything} == {
        story.pk: "en",
        version.pk: "ru",
        russian_only.pk: "ru",
    }
    russian = get_json(client, "/api/stories?language=ru")["items"]
    assert sorted(item["id"] for item in russian) == sorted([version.pk, russian_only.pk])
    assert [item["id"] for item in get_json(client, "/api/stories?language=en")["items"]] == [story.pk]


def test_an_unknown_edition_is_the_clients_mistake(client, story):
    error = get_json(client, "/api/stories?language=xx", status=400)["error"]
    assert error["code"] == "unknown_value" and error["field"] == "language"


def test_each_story_links_its_other_published_versions(client, story):
    version = translated(story, slug="peregovory")
    items = {item["id"]: item for item in get_json(client, "/api/stories")["items"]}
    assert items[story.pk]["translations"] == [
        {"language": "ru", "url": "http://testserver/ru/news/peregovory/"}
    ]
    assert items[version.pk]["translations"] == [
        {"language": "en", "url": f"http://testserver{story.get_absolute_url()}"}
    ]
    detail = get_json(client, f"/api/stories/{version.pk}")
    assert detail["language"] == "ru" and detail["translations"] == items[version.pk]["translations"]


@pytest.mark.parametrize("state", ["draft", "scheduled", "embargoed"])
def test_a_version_not_public_is_no_translation(client, story, state):
    put_in_state(translated(story, publish=False, slug="peregovory"), state)
    for url in ("/api/stories", f"/api/stories/{story.pk}", "/api/stories?language=ru"):
        response = client.get(url)
        assert "peregovory" not in response.content.decode()
        assert "Переговоры" not in response.content.decode()
    assert get_json(client, f"/api/stories/{story.pk}")["translations"] == []


def test_the_versions_of_a_page_cost_one_query(client):
    for n in range(5):
        translated(ArticleFactory(published=True, slug=f"story-{n}"), slug=f"istoriya-{n}")
    client.get("/api/stories?limit=50")
    with CaptureQueriesContext(connection) as queries:
        items = get_json(client, "/api/stories?limit=50")["items"]
    assert all(item["translations"] for item in items) and len(items) == 10
    # The page, its bylines, and the versions of all its stories' groups.
    assert len(queries) == 3
