"""Models and their validation: what the domain refuses and how it renders."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article, Photo
from articles.models.sanitize import sanitize_body

from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory
from .images import uploaded_image

pytestmark = pytest.mark.django_db


class TestPhoto:
    def test_photo_without_credit_is_refused_with_a_clear_message(self):
        photo = Photo(image=uploaded_image(), alt_text="A harbour at dawn", credit="")
        with pytest.raises(ValidationError) as error:
            photo.full_clean()
        assert "credit" in error.value.message_dict
        assert "Every photo needs a credit" in error.value.message_dict["credit"][0]

    def test_photo_without_alt_text_is_refused_with_a_clear_message(self):
        photo = Photo(image=uploaded_image(), alt_text="   ", credit="NWS/Ana Ortiz")
        with pytest.raises(ValidationError) as error:
            photo.full_clean()
        assert "alt_text" in error.value.message_dict

    def test_database_refuses_an_uncredited_photo_that_skipped_validation(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            PhotoFactory(credit="")

    def test_width_and_height_are_stored_from_the_file(self):
        photo = PhotoFactory()
        assert (photo.width, photo.height) == (640, 427)

    @pytest.mark.parametrize(
        ("credit", "line"),
        [("NWS/Ana Ortiz", "© NWS/Ana Ortiz"), ("© NWS/Ana Ortiz", "© NWS/Ana Ortiz")],
    )
    def test_credit_line_carries_exactly_one_copyright_sign(self, credit, line):
        assert PhotoFactory.build(credit=credit).credit_line == line


class TestBodySanitising:
    @pytest.mark.parametrize(
        "dirty",
        [
            '<p>Hello</p><script>alert("x")</script>',
            '<p onclick="alert(1)">Hello</p>',
            '<img src="x" onerror="alert(1)">',
            '<p><a href="javascript:alert(1)">link</a></p>',
            '<svg onload="alert(1)"><circle r="4"/></svg>',
            '<p style="background:url(javascript:alert(1))">styled</p>',
            "<iframe src='https://evil.example'></iframe>",
        ],
    )
    def test_dangerous_markup_is_removed_on_save(self, dirty):
        article = ArticleFactory(body=dirty)
        article.refresh_from_db()
        lowered = article.body.lower()
        for banned in ("<script", "onerror", "onclick", "onload", "javascript:", "<svg", "<iframe", "style="):
            assert banned not in lowered

    def test_editorial_markup_survives(self):
        html = (
            "<p><strong>Bold</strong> and <em>italic</em> with "
            '<a href="https://example.org/x">a link</a>.</p>'
            "<h2>Sub</h2><ul><li>one</li></ul><blockquote><p>quoted</p></blockquote>"
        )
        cleaned = sanitize_body(html)
        for kept in (
            "<strong>Bold</strong>",
            "<em>italic</em>",
            'href="https://example.org/x"',
            "<h2>",
            "<li>",
        ):
            assert kept in cleaned

    def test_links_open_safely(self):
        assert 'rel="noopener noreferrer"' in sanitize_body('<p><a href="https://example.org">x</a></p>')

    def test_empty_editor_document_is_stored_empty(self):
        assert sanitize_body("<p></p>") == ""


class TestArticle:
    def test_dateline_uses_the_publication_date_in_the_site_time_zone(self, settings):
        settings.TIME_ZONE = "Europe/Moscow"
        # 22:30 UTC on 10 September is already 11 September in Moscow.
        when = datetime.datetime(2025, 9, 10, 22, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
        article = ArticleFactory.build(dateline_place="Moscow", agency="nws", published_at=when)
        assert article.dateline == "MOSCOW, September 11. /NWS/."

    def test_dateline_falls_back_to_the_house_agency(self, settings):
        settings.DEFAULT_AGENCY = "HOUSE"
        when = datetime.datetime(2025, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
        article = ArticleFactory.build(dateline_place="Tbilisi", agency="", published_at=when)
        assert article.dateline == "TBILISI, March 2. /HOUSE/."

    def test_dateline_opens_the_first_paragraph(self):
        article = ArticleFactory(body="<p>First paragraph.</p><p>Second.</p>")
        html = str(article.body_with_dateline)
        assert html.startswith('<p><span class="dateline">')
        assert html.count("<p>") == 2
        assert "First paragraph." in html

    def test_publish_sets_status_time_and_who(self, editor):
        article = ArticleFactory()
        article.publish(by=editor)
        article.refresh_from_db()
        assert article.status == Article.Status.PUBLISHED
        assert article.published_at is not None
        assert article.status_changes.get().by == editor
        assert article.is_published

    def test_publish_refuses_an_empty_story(self):
        article = ArticleFactory(body="")
        with pytest.raises(ValidationError, match="needs a body"):
            article.publish()
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

    def test_publish_refuses_a_lead_photo_without_credit(self):
        # A photo that slipped past validation (e.g. a legacy import) blocks publication.
        photo = PhotoFactory.build(credit="")
        article = ArticleFactory.build(lead_photo=photo)
        with pytest.raises(ValidationError, match="credit"):
            article.validate_for_publication()

    def test_unpublish_returns_the_story_to_drafts(self):
        article = ArticleFactory(published=True)
        article.unpublish()
        assert not Article.objects.published().filter(pk=article.pk).exists()

    def test_a_photo_in_use_cannot_be_deleted(self):
        from django.db.models import ProtectedError

        article = ArticleFactory(lead_photo=PhotoFactory())
        with pytest.raises(ProtectedError):
            article.lead_photo.delete()

    def test_a_quoted_person_cannot_be_deleted(self):
        from django.db.models import ProtectedError

        quote = QuoteFactory()
        with pytest.raises(ProtectedError):
            quote.speaker.delete()

    def test_deleting_a_portrait_leaves_the_person(self):
        person = PersonFactory(portrait=PhotoFactory())
        person.portrait.delete()
        person.refresh_from_db()
        assert person.portrait is None


def test_people_aliases_are_one_per_line():
    person = PersonFactory.build(aliases="Sergei Petrov\n  Sergey Petrov \n\n")
    assert person.alias_list == ["Sergei Petrov", "Sergey Petrov"]


def test_every_public_model_links_to_its_page():
    from .factories import SectionFactory, TopicFactory

    assert ArticleFactory(slug="a-story").get_absolute_url() == "/news/a-story/"
    assert PersonFactory(slug="ana").get_absolute_url() == "/people/ana/"
    assert TopicFactory(slug="energy").get_absolute_url() == "/topics/energy/"
    assert SectionFactory(slug="world").get_absolute_url() == "/sections/world/"
