"""Bylines and author pages: who a story is by, on the page, the cards, the feeds, the
sitemaps and the API, and an author public only through a published story."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article, Author, Byline

from .factories import ArticleFactory, AuthorFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def writers():
    return {
        "mira": AuthorFactory(
            name="Mira Lund",
            slug="mira-lund",
            role="Diplomatic correspondent",
            bio="Covers the river commission.",
            email="mira.lund@newsroom.example",
            links="https://social.example/@miralund\nhttps://miralund.example",
            portrait=PhotoFactory(caption="Mira Lund.", alt_text="Portrait of Mira Lund"),
        ),
        "oren": AuthorFactory(name="Oren Vale", slug="oren-vale", role="", organisation="Baltic Wire"),
    }


@pytest.fixture
def story(writers):
    return ArticleFactory(
        published=True,
        headline="Dam talks reopen after a month",
        slug="dam-talks-reopen",
        authors=[writers["mira"], writers["oren"]],
    )


class TestOnRecord:
    def test_an_author_is_public_only_through_a_published_story(self, writers):
        draft_only = AuthorFactory(slug="draft-only")
        ArticleFactory(authors=[draft_only])  # a draft
        ArticleFactory(scheduled=True, authors=[draft_only])
        published = AuthorFactory(slug="published")
        ArticleFactory(published=True, authors=[published])
        assert set(Author.objects.on_record().values_list("slug", flat=True)) == {"published"}
        assert published.is_on_record and not draft_only.is_on_record

    def test_a_retracted_story_puts_nobody_on_record(self):
        author = AuthorFactory(slug="withdrawn-writer")
        ArticleFactory(published=True, authors=[author]).retract(reason="Wrong figures.")
        assert not Author.objects.on_record().filter(pk=author.pk).exists()

    def test_the_byline_keeps_its_order(self, story, writers):
        story = Article.objects.with_bylines().get(pk=story.pk)
        assert story.byline_authors == [writers["mira"], writers["oren"]]
        assert story.byline_text == "Mira Lund and Oren Vale, Baltic Wire"

    def test_an_author_with_published_copy_cannot_be_deleted(self, story, writers):
        from django.db.models import ProtectedError

        with pytest.raises(ProtectedError):
            writers["mira"].delete()

    def test_a_link_that_is_no_address_is_refused_by_name(self):
        from django.core.exceptions import ValidationError

        author = Author(name="Ana Mirt", slug="ana-mirt", links="https://ok.example\nnot a link")
        with pytest.raises(ValidationError) as error:
            author.full_clean()
        assert "“not a link” is not a web address" in str(error.value)


class TestPages:
    def test_the_story_page_carries_the_byline_with_links(self, client, story):
        html = client.get(story.get_absolute_url()).content.decode()
        assert (
            '<p class="byline">By <a href="/authors/mira-lund/">Mira Lund</a> and '
            '<a href="/authors/oren-vale/">Oren Vale</a>, Baltic Wire</p>'
        ) in html

    def test_list_cards_carry_the_byline(self, client, story):
        html = client.get("/").content.decode()
        assert 'By <a href="/authors/mira-lund/">Mira Lund</a>' in html

    def test_a_story_without_a_byline_shows_none(self, client):
        story = ArticleFactory(published=True)
        assert 'class="byline"' not in client.get(story.get_absolute_url()).content.decode()

    def test_the_author_page_shows_profile_links_and_stories(self, client, story, writers):
        response = client.get("/authors/mira-lund/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1>Mira Lund</h1>" in html and "Diplomatic correspondent" in html
        assert "Covers the river commission." in html
        assert 'href="mailto:mira.lund@newsroom.example"' in html
        assert 'href="https://social.example/@miralund" rel="me noopener"' in html
        assert "Dam talks reopen after a month" in html
        assert (
            'href="/feeds/authors/mira-lund/rss/"' in html and 'href="/feeds/authors/mira-lund/atom/"' in html
        )
        # The portrait is the page's main image: loaded first, never lazily.
        portrait = html[html.index('<figure class="photo') : html.index("</figure>")]
        assert 'fetchpriority="high"' in portrait and 'loading="lazy"' not in portrait

    def test_a_contributor_is_labelled_with_their_outlet(self, client, story):
        html = client.get("/authors/oren-vale/").content.decode()
        assert "Contributor" in html and "Baltic Wire" in html

    def test_stories_are_paginated_newest_first(self, client, settings, writers):
        settings.ARTICLES_PER_PAGE = 2
        now = timezone.now()
        for hours in range(5):
            ArticleFactory(
                published=True,
                published_at=now - datetime.timedelta(hours=hours + 1),
                headline=f"Column number {hours}",
                authors=[writers["oren"]],
            )
        first = client.get("/authors/oren-vale/").content.decode()
        assert "Column number 0" in first and "Column number 2" not in first
        assert "Page 1 of 3" in first
        third = client.get("/authors/oren-vale/?page=3").content.decode()
        assert "Column number 4" in third

    def test_unknown_and_draft_only_authors_are_404(self, client):
        ArticleFactory(authors=[AuthorFactory(slug="only-in-a-draft")])
        assert client.get("/authors/only-in-a-draft/").status_code == 404
        assert client.get("/authors/nobody/").status_code == 404

    def test_the_author_page_has_profile_page_json_ld(self, client, story):
        from .test_structured_data import head

        (data,) = head(client, "/authors/mira-lund/").json_ld
        assert data["@type"] == "ProfilePage"
        entity = data["mainEntity"]
        assert entity["@type"] == "Person" and entity["name"] == "Mira Lund"
        assert entity["url"] == "http://testserver/authors/mira-lund/"
        assert entity["sameAs"] == ["https://social.example/@miralund", "https://miralund.example"]
        assert entity["image"]["creditText"]


@pytest.mark.usefixtures("own_file_roots")
def test_a_portrait_is_served_only_while_its_author_is_on_record(client):
    import re

    from articles.images.renditions import photo_create_renditions

    portrait = PhotoFactory()
    photo_create_renditions(photo=portrait)
    author = AuthorFactory(slug="kai-moro", portrait=portrait)
    story = ArticleFactory(published=True, authors=[author])
    html = client.get("/authors/kai-moro/").content.decode()
    src = re.search(r'<img src="([^"]+)"', html[html.index('<figure class="photo') :]).group(1)
    assert client.get(src).status_code == 200
    story.unpublish()
    assert client.get(src).status_code == 404


class TestFeeds:
    def test_rss_has_a_dc_creator_per_author(self, client, story):
        root = ET.fromstring(client.get("/feeds/rss/").content)
        creators = [e.text for e in root.iter("{http://purl.org/dc/elements/1.1/}creator")]
        assert creators == ["Mira Lund", "Oren Vale, Baltic Wire"]

    def test_atom_has_an_author_per_byline_with_their_page(self, client, story):
        feed = feedparser.parse(client.get("/feeds/atom/").content)
        assert not feed.bozo
        (entry,) = feed.entries
        assert [(a["name"], a.get("href")) for a in entry.authors] == [
            ("Mira Lund", "http://testserver/authors/mira-lund/"),
            ("Oren Vale, Baltic Wire", "http://testserver/authors/oren-vale/"),
        ]

    def test_a_story_without_a_byline_is_credited_to_its_agency(self, client):
        ArticleFactory(published=True, agency="Baltic Wire")
        (entry,) = feedparser.parse(client.get("/feeds/rss/").content).entries
        assert entry.author == "Baltic Wire"

    @pytest.mark.parametrize("fmt", ["rss", "atom"])
    def test_an_authors_feed_lists_only_their_published_stories(self, client, story, writers, fmt):
        ArticleFactory(published=True, headline="Someone else's story")
        ArticleFactory(headline="Their draft", authors=[writers["mira"]])
        feed = feedparser.parse(client.get(f"/feeds/authors/mira-lund/{fmt}/").content)
        assert not feed.bozo
        assert [e.title for e in feed.entries] == ["Dam talks reopen after a month"]
        assert "Mira Lund" in feed.feed.title

    def test_a_draft_only_authors_feed_is_404(self, client):
        ArticleFactory(authors=[AuthorFactory(slug="draft-writer")])
        assert client.get("/feeds/authors/draft-writer/rss/").status_code == 404


def test_the_sitemaps_list_authors_on_record_only(client, story):
    ArticleFactory(authors=[AuthorFactory(slug="hidden-writer")])
    index = ET.fromstring(client.get("/sitemap.xml").content)
    listed = [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert "http://testserver/sitemap-authors-0.xml" in listed
    urlset = ET.fromstring(client.get("/sitemap-authors-0.xml").content)
    urls = {loc.text for loc in urlset.findall("sm:url/sm:loc", SITEMAP_NS)}
    # Each author page in every edition (docs/languages.md), the hidden writer in none.
    slugs = ("mira-lund", "oren-vale")
    assert urls == {f"http://testserver{prefix}/authors/{slug}/" for prefix in ("", "/ru") for slug in slugs}


class TestApi:
    def test_stories_carry_their_byline(self, client, story):
        (item,) = client.get("/api/stories").json()["items"]
        assert [(a["name"], a["organisation"]) for a in item["authors"]] == [
            ("Mira Lund", ""),
            ("Oren Vale", "Baltic Wire"),
        ]
        assert item["authors"][0]["url"] == "http://testserver/authors/mira-lund/"
        assert item["authors"][0]["api_url"] == "http://testserver/api/authors/mira-lund"
        detail = client.get(f"/api/stories/{story.pk}").json()
        assert [a["slug"] for a in detail["authors"]] == ["mira-lund", "oren-vale"]

    def test_authors_list_profile_and_filter(self, client, story):
        ArticleFactory(authors=[AuthorFactory(name="Aaron Hidden", slug="aaron-hidden")])
        names = [a["name"] for a in client.get("/api/authors").json()["items"]]
        assert names == ["Mira Lund", "Oren Vale"]
        profile = client.get("/api/authors/mira-lund").json()
        assert profile["links"] == ["https://social.example/@miralund", "https://miralund.example"]
        assert profile["portrait"]["credit"]
        assert profile["stories"] == "http://testserver/api/stories?author=mira-lund"
        assert [s["id"] for s in client.get(profile["stories"]).json()["items"]] == [story.pk]
        assert client.get("/api/authors/aaron-hidden").status_code == 404
        refused = client.get("/api/stories?author=aaron-hidden")
        assert refused.status_code == 400 and refused.json()["error"]["field"] == "author"

    def test_responses_match_the_openapi_schema(self, client, story):
        from .test_api import response_validator

        openapi = client.get("/api/openapi.json").json()
        for url, path in (
            ("/api/authors", "/api/authors"),
            ("/api/authors/mira-lund", "/api/authors/{slug}"),
        ):
            response_validator(openapi, path).validate(client.get(url).json())


class TestStoredPages:
    def test_changing_an_authors_profile_refreshes_the_stored_story_page(self, client, story, writers):
        assert "Mira Lund" in client.get(story.get_absolute_url()).content.decode()  # rendered, stored
        writers["mira"].name = "Mira Lund-Berg"
        writers["mira"].save()
        assert "Mira Lund-Berg" in client.get(story.get_absolute_url()).content.decode()

    def test_a_byline_added_or_removed_refreshes_it(self, client, story, writers):
        client.get(story.get_absolute_url())
        extra = AuthorFactory(name="Tilde Marr", slug="tilde-marr")
        story.authors.add(extra, through_defaults={"order": 5})
        assert "Tilde Marr" in client.get(story.get_absolute_url()).content.decode()
        Byline.objects.get(article=story, author=extra).delete()
        assert "Tilde Marr" not in client.get(story.get_absolute_url()).content.decode()


def test_the_data_migration_bylines_own_copy_of_named_owners_only():
    """0026's data step, run against today's models: own copy of an owner with a full name gets
    a byline (and the owner a profile); agency copy and owners without a name get none."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0026_authors")
    named = UserFactory(username="reporter1", first_name="Kai", last_name="Moro")
    nameless = UserFactory(username="reporter2")
    own = ArticleFactory(agency="", author=named)
    wire = ArticleFactory(agency="Baltic Wire", author=named)
    anonymous = ArticleFactory(agency="", author=nameless)

    migration.byline_from_desk_owners(apps, None)

    kai = Author.objects.get(user=named)
    assert (kai.name, kai.slug) == ("Kai Moro", "kai-moro")
    assert list(own.authors.all()) == [kai]
    assert not wire.authors.exists() and not anonymous.authors.exists()
    migration.byline_from_desk_owners(apps, None)  # running again adds nothing
    assert Byline.objects.count() == 1 and Author.objects.count() == 1
