"""What readers see: lists, the story page, people and topics."""

import datetime
import re

import pytest
from django.utils import timezone

from .factories import (
    ArticleFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TopicFactory,
    UserFactory,
)
from .test_structured_data import HeadParser, head

pytestmark = pytest.mark.django_db


def make_published(count):
    now = timezone.now()
    return [
        ArticleFactory(published=True, published_at=now - datetime.timedelta(minutes=i)) for i in range(count)
    ]


class TestNewsList:
    def test_newest_first(self, client):
        older, newer = make_published(2)[::-1]
        content = client.get("/").content.decode()
        assert content.index(newer.headline) < content.index(older.headline)

    def test_twenty_a_page_with_links_between_pages(self, client):
        stories = make_published(25)
        first = client.get("/").content.decode()
        second = client.get("/?page=2").content.decode()
        # Stories without a photo have text cards (class="card card--text").
        assert first.count('<article class="card') == 20
        assert second.count('<article class="card') == 5
        assert 'href="?page=2"' in first
        assert stories[-1].headline in second

    @pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "2.5", "", "%00", "1" * 400])
    def test_malformed_page_gives_a_page_not_an_error(self, client, page):
        make_published(25)
        response = client.get("/", {"page": page})
        assert response.status_code == 200
        assert response.content.count(b'<article class="card') in (20, 5)

    def test_card_shows_headline_standfirst_time_and_thumbnail(self, client):
        story = ArticleFactory(published=True, lead_photo=PhotoFactory(), standfirst="A vivid standfirst.")
        content = client.get("/").content.decode()
        assert story.headline in content
        assert "A vivid standfirst." in content
        assert f'datetime="{story.published_at.isoformat()}"' in content or "<time datetime=" in content
        assert story.lead_photo.image.url in content

    def test_empty_archive_says_so(self, client):
        assert b"No stories yet." in client.get("/").content


class TestStoryPage:
    @pytest.fixture
    def story(self):
        photo = PhotoFactory(caption="Irina Volkova arrives at the talks.", credit="NWS/Ana Ortiz")
        person = PersonFactory(name="Irina Volkova", slug="irina-volkova", role="Foreign Minister")
        story = ArticleFactory(
            published=True,
            headline="Volkova says river treaty is close",
            standfirst="The minister expects a deal within weeks.",
            body="<p>“We are close to an agreement,” Volkova said on Tuesday.</p><p>More talks follow.</p>",
            dateline_place="Moscow",
            agency="NWS",
            lead_photo=photo,
            section=SectionFactory(name="World", slug="world"),
            topics=[TopicFactory(name="Water", slug="water")],
            people=[person],
        )
        QuoteFactory(article=story, speaker=person, text="We are close to an agreement", verb="said")
        return story

    def test_one_h1_with_the_headline_and_the_standfirst(self, client, story):
        content = client.get(story.get_absolute_url()).content.decode()
        assert content.count("<h1") == 1
        assert "<h1>Volkova says river treaty is close</h1>" in content
        assert '<p class="standfirst">The minister expects a deal within weeks.</p>' in content

    def test_lead_photo_is_a_credited_figure(self, client, story):
        content = client.get(story.get_absolute_url()).content.decode()
        figure = re.search(r'<figure class="photo photo--lead">.*?</figure>', content, re.S).group(0)
        assert 'alt="Delegates walk into a conference hall"' in figure
        assert f'width="{story.lead_photo.width}" height="{story.lead_photo.height}"' in figure
        assert "loading=" not in figure  # the lead image must not be lazy
        assert "Irina Volkova arrives at the talks." in figure
        assert '<span class="credit">© NWS/Ana Ortiz</span>' in figure

    def test_dateline_opens_the_body(self, client, story):
        content = client.get(story.get_absolute_url()).content.decode()
        assert re.search(
            r'<p><span class="dateline">MOSCOW, \w+ \d{1,2}\. /NWS/\.</span> “We are close', content
        )

    def test_the_speaker_is_listed_with_a_link_and_role(self, client, story):
        content = client.get(story.get_absolute_url()).content.decode()
        speaker = '<a href="/people/irina-volkova/">Irina Volkova</a>'
        assert f'{speaker}<span class="quoted-role">, Foreign Minister, ' in content

    def test_people_topics_section_and_time_are_linked(self, client, story):
        content = client.get(story.get_absolute_url()).content.decode()
        assert 'href="/topics/water/">Water</a>' in content
        assert 'href="/sections/world/">World</a>' in content
        assert (
            f'<time datetime="{timezone.localtime(story.published_at).replace(microsecond=0).isoformat()}"'
            in content
        )

    def test_the_pull_quote_stands_inside_the_body_after_its_first_paragraph(self, client, story):
        story.quotes.update(is_pull_quote=True)
        content = client.get(story.get_absolute_url()).content.decode()
        assert content.index('class="story-body"') < content.index('class="quote quote--pull"')
        assert content.index("</p>", content.index('class="story-body"')) < content.index("quote--pull")

    def test_editor_typed_text_is_escaped(self, client):
        story = ArticleFactory(
            published=True,
            headline="<script>alert(1)</script>Headline",
            standfirst='<img src=x onerror="alert(2)">',
        )
        QuoteFactory(article=story, text="<b>bold</b>", speaker=PersonFactory(name="<i>Eve</i>"))
        content = client.get(story.get_absolute_url()).content.decode()
        assert "<script>alert(1)" not in content
        assert "<img src=x" not in content
        assert "<b>bold</b>" not in content and "<i>Eve</i>" not in content
        assert "&lt;script&gt;alert(1)&lt;/script&gt;Headline" in content

    def test_unknown_story_is_404(self, client):
        assert client.get("/news/no-such-story/").status_code == 404


class TestPreview:
    def test_staff_preview_a_draft_at_its_public_address(self, client, editor):
        draft = ArticleFactory(headline="Embargoed story")
        client.force_login(editor)
        response = client.get(draft.get_absolute_url())
        assert response.status_code == 200
        assert b"Preview" in response.content
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"

    def test_non_staff_users_cannot_preview(self, client):
        draft = ArticleFactory()
        client.force_login(UserFactory(username="reader"))
        assert client.get(draft.get_absolute_url()).status_code == 404

    def test_staff_without_story_permission_cannot_preview(self, client):
        draft = ArticleFactory()
        client.force_login(UserFactory(username="intern", is_staff=True))
        assert client.get(draft.get_absolute_url()).status_code == 404


class TestPersonPage:
    def test_role_bio_and_every_published_quote_with_its_story(self, client):
        person = PersonFactory(slug="oleg-petrov", name="Oleg Petrov", role="Mayor", bio="Mayor since 2019.")
        first = QuoteFactory(speaker=person, article=ArticleFactory(published=True), text="Buses run on time")
        second = QuoteFactory(speaker=person, article=ArticleFactory(published=True), text="Trams too")
        QuoteFactory(speaker=person, article=ArticleFactory(), text="Draft words")
        content = client.get("/people/oleg-petrov/").content.decode()
        assert "<h1>Oleg Petrov</h1>" in content
        assert "Mayor" in content and "Mayor since 2019." in content
        for quote in (first, second):
            assert quote.text in content
            assert quote.article.get_absolute_url() in content
        assert "Draft words" not in content

    def test_stories_mentioning_the_person(self, client):
        person = PersonFactory(slug="oleg-petrov")
        story = ArticleFactory(published=True, people=[person], headline="Petrov opens a bridge")
        content = client.get("/people/oleg-petrov/").content.decode()
        assert story.headline in content

    def test_unknown_person_is_404(self, client):
        assert client.get("/people/nobody/").status_code == 404

    def test_known_aliases_are_shown(self, client):
        person = PersonFactory(slug="pavel-lisitsyn", name="Pavel Lisitsyn", aliases="Lisitsin\n\nЛисицын\n")
        ArticleFactory(published=True, people=[person])
        content = client.get("/people/pavel-lisitsyn/").content.decode()
        assert '<p class="person-aliases">Also written: Lisitsin, Лисицын</p>' in content

    def test_a_person_pages_structured_data_is_a_profile_of_a_person(self, client):
        person = PersonFactory(slug="oleg-petrov", name="Oleg Petrov", role="Mayor", aliases="Oleg Petrow")
        ArticleFactory(published=True, people=[person])
        parsed = head(client, "/people/oleg-petrov/")
        (data,) = parsed.json_ld
        assert data["@type"] == "ProfilePage" and data["url"] == "http://testserver/people/oleg-petrov/"
        assert data["mainEntity"]["@type"] == "Person" and data["mainEntity"]["jobTitle"] == "Mayor"
        assert data["mainEntity"]["alternateName"] == ["Oleg Petrow"]
        assert parsed.meta["og:type"] == "profile"


class TestOrganisationAndGroupPages:
    def test_an_organisation_page_lists_its_statements_as_an_organization(self, client):
        ministry = PersonFactory(
            slug="ministry-of-transport",
            name="Ministry of Transport",
            kind="organisation",
            role="",
            organisation="Government of Estrava",
            aliases="Transport Ministry",
        )
        said = QuoteFactory(
            speaker=ministry, article=ArticleFactory(published=True), text="The money is there"
        )
        QuoteFactory(speaker=ministry, article=ArticleFactory(), text="Draft statement")
        response = client.get("/people/ministry-of-transport/")
        content = response.content.decode()
        assert '<p class="section-label">Organisation</p>' in content
        assert "Statements by Ministry of Transport" in content and "What Ministry" not in content
        assert said.text in content and "Draft statement" not in content
        parsed = HeadParser()
        parsed.feed(content)
        (data,) = parsed.json_ld
        entity = data["mainEntity"]
        assert entity["@type"] == "Organization" and entity["name"] == "Ministry of Transport"
        assert entity["parentOrganization"] == {"@type": "Organization", "name": "Government of Estrava"}
        assert entity["alternateName"] == ["Transport Ministry"] and "jobTitle" not in entity
        assert parsed.meta["og:type"] == "website"

    def test_a_group_page(self, client):
        family = PersonFactory(slug="williams-family", name="Williams family", kind="group", role="")
        QuoteFactory(speaker=family, article=ArticleFactory(published=True), text="We want answers")
        content = client.get("/people/williams-family/").content.decode()
        assert '<p class="section-label">Group</p>' in content and "Statements by Williams family" in content

    def test_stories_name_organisations_as_organizations(self, client):
        ministry = PersonFactory(
            slug="ministry-of-transport", name="Ministry of Transport", kind="organisation"
        )
        story = ArticleFactory(published=True, people=[ministry], about=[ministry])
        (data,) = head(client, story.get_absolute_url()).json_ld
        assert data["about"][0]["@type"] == "Organization" and "jobTitle" not in data["about"][0]

    def test_an_organisation_only_a_draft_quotes_is_not_public(self, client):
        ministry = PersonFactory(slug="ministry-of-secrets", name="Ministry of Secrets", kind="organisation")
        QuoteFactory(speaker=ministry, article=ArticleFactory(), text="Nothing to see")
        assert client.get("/people/ministry-of-secrets/").status_code == 404


class TestTopicAndSectionPages:
    def test_topic_lists_its_published_stories(self, client):
        topic = TopicFactory(name="Energy", slug="energy", description="Oil, gas and power.")
        on_topic = ArticleFactory(published=True, topics=[topic])
        off_topic = ArticleFactory(published=True)
        content = client.get("/topics/energy/").content.decode()
        assert on_topic.headline in content and off_topic.headline not in content
        assert "Oil, gas and power." in content

    def test_section_lists_its_published_stories(self, client):
        section = SectionFactory(name="Business", slug="business")
        inside = ArticleFactory(published=True, section=section)
        outside = ArticleFactory(published=True)
        content = client.get("/sections/business/").content.decode()
        assert inside.headline in content and outside.headline not in content

    def test_navigation_lists_sections(self, client):
        SectionFactory(name="Business", slug="business")
        assert b'href="/sections/business/">Business</a>' in client.get("/").content

    @pytest.mark.parametrize("url", ["/topics/nope/", "/sections/nope/"])
    def test_unknown_is_404(self, client, url):
        assert client.get(url).status_code == 404
