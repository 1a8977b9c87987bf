"""Metadata on pages: canonical link, Open Graph and Twitter cards, and NewsArticle JSON-LD."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and JSON-LD from a page, the way crawlers read them."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.html_lang = {}, [], [], None
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json_ld = False


def head(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def canonical(parsed):
    return next(link["href"] for link in parsed.links if link["rel"] == "canonical")


@pytest.fixture
def story():
    return ArticleFactory(
        published=True,
        headline="Volkova says river treaty is close",
        standfirst="The minister expects a deal within weeks.",
        agency="NWS",
        dateline_place="Moscow",
        section=SectionFactory(name="World", slug="world"),
        lead_photo=PhotoFactory(caption="Volkova arrives.", credit="NWS/Ana Ortiz", copyright="NWS 2026"),
        people=[PersonFactory(name="Irina Volkova", slug="irina-volkova", role="Foreign Minister")],
        topics=[TopicFactory(name="Water", slug="water")],
    )


class TestNewsArticleJsonLd:
    def test_properties_google_asks_for(self, client, story):
        (data,) = head(client, story.get_absolute_url()).json_ld
        url = f"http://testserver{story.get_absolute_url()}"
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["url"] == data["mainEntityOfPage"] == url
        assert data["headline"] == "Volkova says river treaty is close"
        assert data["description"] == "The minister expects a deal within weeks."
        assert parse_datetime(data["datePublished"]) == story.published_at.replace(microsecond=0)
        assert parse_datetime(data["dateModified"]) >= parse_datetime(data["datePublished"])
        assert data["inLanguage"] == "en"
        (image,) = data["image"]
        photo = story.lead_photo
        assert image["url"] == f"http://testserver{photo.image.url}"
        assert (image["width"], image["height"]) == (photo.width, photo.height)
        assert image["creditText"] == "NWS/Ana Ortiz"
        assert image["copyrightNotice"] == "NWS 2026"

    def test_author_publisher_place_and_subjects(self, client, story):
        (data,) = head(client, story.get_absolute_url()).json_ld
        assert data["author"] == [{"@type": "Organization", "name": "NWS"}]
        publisher = data["publisher"]
        assert publisher["name"] == "The Newsroom"
        assert publisher["logo"]["url"] == "http://testserver/static/img/logo.png"
        assert client.get("/static/img/logo.png").status_code == 200
        assert data["dateline"].startswith("MOSCOW, ")
        assert data["locationCreated"] == {"@type": "Place", "name": "Moscow"}
        assert data["articleSection"] == "World"
        # Mentioned, not chosen as whom the story is about: the topic alone is its subject.
        assert {"@type": "Person", "name": "Irina Volkova", "jobTitle": "Foreign Minister"}.items() <= data[
            "mentions"
        ][0].items()
        assert data["about"] == [
            {"@type": "Thing", "name": "Water", "url": "http://testserver/topics/water/"}
        ]

    def test_own_copy_is_authored_by_the_publication(self, client):
        story = ArticleFactory(published=True, agency="", dateline_place="")
        (data,) = head(client, story.get_absolute_url()).json_ld
        assert data["author"][0]["name"] == "The Newsroom"
        assert "image" not in data and "locationCreated" not in data and "about" not in data

    def test_script_cannot_be_closed_from_inside(self, client):
        headline = "Fake </script><script>alert(1)</script> <!-- news"
        story = ArticleFactory(published=True, headline=headline)
        content = client.get(story.get_absolute_url()).content.decode()
        assert "</script><script>alert(1)" not in content
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
        assert json.loads(ld)["headline"] == headline


class TestPeopleAndQuotesJsonLd:
    """Who wrote it, whom it is about, whom it only mentions, and what they said."""

    @pytest.fixture
    def quoted(self):
        volkova = PersonFactory(name="Irina Volkova", slug="irina-volkova", role="Foreign Minister")
        kovac = PersonFactory(name="Marta Kovac", slug="marta-kovac", role="Harbour Master")
        ministry = PersonFactory(name="Ministry of Water", slug="ministry-of-water", kind="organisation")
        aide = PersonFactory(name="Tarik Osei", slug="tarik-osei", role="Aide")  # quoted, never listed
        story = ArticleFactory(
            published=True,
            agency="",
            body=(
                "<p>“We are close to an agreement,” Volkova said.</p>"
                "<p>“Ferries will no longer wait at sea,” said Kovac.</p>"
                "<p>“The figures are final,” the ministry said.</p>"
                "<p>“No comment yet,” Osei said.</p>"
            ),
            people=[volkova, kovac, ministry],
            about=[volkova],
            topics=[TopicFactory(name="Water", slug="water")],
            authors=[
                AuthorFactory(name="Mira Lund", slug="mira-lund", role="Diplomatic correspondent"),
                AuthorFactory(name="Oren Vale", slug="oren-vale", role="", organisation="Baltic Wire"),
            ],
        )
        for speaker, text in (
            (volkova, "We are close to an agreement"),
            (kovac, "Ferries will no longer wait at sea"),
            (ministry, "The figures are final"),
            (aide, "No comment yet"),
        ):
            QuoteFactory(article=story, speaker=speaker, text=text)
        return story

    def test_authors_are_people_with_the_url_of_their_page(self, client, quoted):
        (data,) = head(client, quoted.get_absolute_url()).json_ld
        assert data["author"] == [
            {
                "@type": "Person",
                "name": "Mira Lund",
                "url": "http://testserver/authors/mira-lund/",
                "jobTitle": "Diplomatic correspondent",
            },
            {
                "@type": "Person",
                "name": "Oren Vale",
                "url": "http://testserver/authors/oren-vale/",
                "affiliation": {"@type": "Organization", "name": "Baltic Wire"},
            },
        ]
        assert data["publisher"]["@type"] == "NewsMediaOrganization"  # the publication stays publisher
        assert client.get("/authors/mira-lund/").status_code == 200  # the url answers

    def test_about_is_the_editors_choice_and_everyone_else_is_mentioned(self, client, quoted):
        (data,) = head(client, quoted.get_absolute_url()).json_ld
        assert [(t["@type"], t["name"]) for t in data["about"]] == [
            ("Person", "Irina Volkova"),
            ("Thing", "Water"),
        ]
        assert [(t["@type"], t["name"]) for t in data["mentions"]] == [
            ("Person", "Marta Kovac"),
            ("Organization", "Ministry of Water"),
            ("Person", "Tarik Osei"),  # quoted only: mentioned too
        ]
        assert data["about"][0]["url"] == "http://testserver/people/irina-volkova/"

    def test_each_quote_is_a_quotation_part_of_the_story(self, client, quoted):
        (data,) = head(client, quoted.get_absolute_url()).json_ld
        url = f"http://testserver{quoted.get_absolute_url()}"
        assert data["@id"] == url
        assert [part["@type"] for part in data["hasPart"]] == ["Quotation"] * 4
        first = data["hasPart"][0]
        assert first == {
            "@type": "Quotation",
            "text": "We are close to an agreement",
            "spokenByCharacter": {
                "@type": "Person",
                "name": "Irina Volkova",
                "url": "http://testserver/people/irina-volkova/",
            },
            "isPartOf": {"@id": url},
        }
        assert data["hasPart"][2]["spokenByCharacter"]["@type"] == "Organization"
        for part in data["hasPart"]:
            assert client.get(part["spokenByCharacter"]["url"]).status_code == 200

    def test_ninjs_agrees_on_about_and_mentioned(self, client, quoted):
        (data,) = head(client, quoted.get_absolute_url()).json_ld
        item = client.get(f"/api/stories/{quoted.pk}/ninjs").json()
        json_ld = {(p["name"], "about") for p in data["about"] if p["@type"] != "Thing"}
        json_ld |= {(p["name"], "mentions") for p in data["mentions"]}
        ninjs = {
            (p["name"], p["rel"]) for p in item["people"] + item["organisations"] if p["rel"] != "author"
        }
        assert ninjs == json_ld

    def test_a_retracted_story_names_no_author(self, client, quoted):
        quoted.retract(reason="The figures were wrong.")
        html = client.get(quoted.get_absolute_url()).content.decode()
        assert "Mira Lund" not in html and "Oren Vale" not in html


class TestSocialCards:
    def test_story_is_an_article_card_with_its_photo(self, client, story):
        meta = head(client, story.get_absolute_url()).meta
        photo = story.lead_photo
        assert meta["og:type"] == "article"
        assert meta["og:title"] == meta["twitter:title"] == story.headline
        assert meta["og:description"] == meta["description"] == story.standfirst
        assert meta["og:url"] == f"http://testserver{story.get_absolute_url()}"
        assert meta["og:image"] == meta["twitter:image"] == f"http://testserver{photo.image.url}"
        assert (meta["og:image:width"], meta["og:image:height"]) == (str(photo.width), str(photo.height))
        assert meta["og:image:alt"] == photo.alt_text
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["article:section"] == "World"
        assert parse_datetime(meta["article:published_time"]) == story.published_at.replace(microsecond=0)

    @pytest.mark.parametrize(
        "url", ["/", "/sections/world/", "/topics/water/", "/people/irina-volkova/", "/search/"]
    )
    def test_every_page_has_title_description_and_a_card(self, client, story, url):
        parsed = head(client, url)
        assert parsed.html_lang == "en"
        for key in ("description", "og:title", "og:description", "og:image", "og:url", "twitter:card"):
            assert parsed.meta.get(key), f"{key} missing on {url}"
        assert parsed.meta["og:image"].startswith("http://testserver/")
        assert parsed.meta["og:url"] == canonical(parsed)


class TestCanonical:
    def test_query_strings_are_dropped(self, client, story):
        parsed = head(client, story.get_absolute_url(), utm_source="x", ref="y")
        assert canonical(parsed) == f"http://testserver{story.get_absolute_url()}"

    def test_later_pages_keep_their_page_number(self, client):
        now = timezone.now()
        for minutes in range(25):
            ArticleFactory(published=True, published_at=now - datetime.timedelta(minutes=minutes))
        assert canonical(head(client, "/", page="2", utm_source="x")) == "http://testserver/?page=2"
        assert canonical(head(client, "/", page="1")) == "http://testserver/"
        assert canonical(head(client, "/", page="junk")) == "http://testserver/"


def test_a_retracted_story_exposes_nothing_of_what_was_withdrawn(client):
    photo = PhotoFactory(caption="Withdrawn caption", credit="NWS/Withdrawn Credit", alt_text="Withdrawn alt")
    person = PersonFactory(name="Withdrawn Person")
    story = ArticleFactory(
        published=True,
        headline="Story that was wrong",
        standfirst="Withdrawn standfirst",
        body="<p>Withdrawn body text.</p>",
        lead_photo=photo,
        people=[person],
        topics=[TopicFactory(name="Withdrawn Topic")],
    )
    story.retract(reason="The figures were wrong.")
    response = client.get(story.get_absolute_url())
    html = response.content.decode()
    head = HeadParser()
    head.feed(html)

    assert "Story that was wrong" in html and "The figures were wrong." in html
    for withdrawn in ("Withdrawn", photo.share_image.url, photo.image.name.rsplit("/", 1)[-1].split(".")[0]):
        assert withdrawn not in html, withdrawn
    assert head.meta["og:image"].endswith("social-card.png")
    assert head.meta["twitter:image"].endswith("social-card.png")
    (article,) = [item for item in head.json_ld if item.get("@type") == "NewsArticle"]
    assert "image" not in article and "about" not in article
    assert article["headline"] == "Story that was wrong"
    assert "The figures were wrong." in article["description"]

    # Nor do feeds and the API carry it.
    for url in ("/feeds/rss/", "/feeds/atom/", f"/api/stories/{story.pk}", f"/api/stories/{story.pk}/ninjs"):
        other = client.get(url)
        assert b"Withdrawn" not in other.content, url
