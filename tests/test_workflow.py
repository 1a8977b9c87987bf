"""Statuses and their transitions, retractions, corrections, notes and old addresses."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction, Note

from .crawl import story_sitemap_path
from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

S = Article.Status


class TestTransitions:
    def test_draft_to_review_to_published_records_who_and_when(self):
        reporter, editor = desk_user("Reporter"), desk_user("Editor")
        story = ArticleFactory(author=reporter)
        story.submit_for_review(by=reporter)
        story.publish(by=editor)
        log = list(story.status_changes.order_by("at", "id").values_list("from_status", "to_status", "by"))
        assert log == [("draft", "in_review", reporter.pk), ("in_review", "published", editor.pk)]
        assert story.status_changes.first().at <= timezone.now()

    def test_editor_sends_a_story_back(self):
        editor = desk_user("Editor")
        story = ArticleFactory(status=S.IN_REVIEW)
        story.send_back(by=editor, note="Needs a second source")
        assert story.status == S.DRAFT
        assert story.status_changes.get().note == "Needs a second source"

    @pytest.mark.parametrize(
        ("status", "method"),
        [
            (S.RETRACTED, "publish"),
            (S.DRAFT, "unpublish"),
            (S.IN_REVIEW, "submit_for_review"),
            (S.DRAFT, "send_back"),
        ],
    )
    def test_impossible_transitions_are_refused(self, status, method):
        story = ArticleFactory(status=status, published_at=timezone.now())
        with pytest.raises(ValidationError, match="Cannot"):
            getattr(story, method)()
        story.refresh_from_db()
        assert story.status == status

    def test_a_reporter_cannot_publish_even_by_calling_the_model(self):
        reporter = desk_user("Reporter")
        story = ArticleFactory(author=reporter)
        with pytest.raises(PermissionDenied):
            story.publish(by=reporter)
        assert not story.status_changes.exists()

    def test_a_reporter_cannot_submit_someone_elses_draft(self):
        with pytest.raises(PermissionDenied):
            ArticleFactory().submit_for_review(by=desk_user("Reporter"))


class TestScheduling:
    def test_scheduled_story_appears_at_its_time_on_every_public_page(self, client):
        at = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=3)
        topic, person = TopicFactory(slug="budget"), PersonFactory(slug="finance-minister")
        section = SectionFactory(slug="business")
        story = ArticleFactory(headline="Embargoed budget", section=section, topics=[topic], people=[person])
        story.publish(at=at)
        pages = [
            "/",
            story.get_absolute_url(),
            "/topics/budget/",
            "/people/finance-minister/",
            "/sections/business/",
            "/feeds/rss/",
            "/feeds/atom/",
            "/feeds/topics/budget/rss/",
            "/sitemap.xml",
            story_sitemap_path(story),
            "/sitemap-news.xml",
            "/api/stories",
        ]
        marker = {url: (story.slug if "sitemap" in url else story.headline).encode() for url in pages}
        # The index lists months, not stories: it shows the story's month once that has a story.
        marker["/sitemap.xml"] = story_sitemap_path(story).encode()

        def visible(url):
            response = client.get(url)
            return response.status_code == 200 and marker[url] in response.content

        # Every page is fetched (and may be cached) before the moment, then again at it.
        with time_machine.travel(at - datetime.timedelta(seconds=1), tick=False):
            assert [url for url in pages if visible(url)] == []
        with time_machine.travel(at, tick=False):
            assert [url for url in pages if not visible(url)] == []
        with time_machine.travel(at + datetime.timedelta(days=1)):
            assert visible("/")

    def test_an_expiring_story_leaves_by_itself(self, client):
        ends = timezone.now() + datetime.timedelta(hours=1)
        story = ArticleFactory(published=True, expires_at=ends, headline="Road closed today")
        assert story.headline.encode() in client.get("/").content
        with time_machine.travel(ends):
            assert story.headline.encode() not in client.get("/").content
            assert client.get(story.get_absolute_url()).status_code == 404

    def test_public_pages_are_never_cached_past_the_next_scheduled_story(self, client):
        ArticleFactory(published=True)
        at = timezone.now() + datetime.timedelta(seconds=40)
        ArticleFactory(scheduled=True, published_at=at)
        max_age = int(client.get("/")["Cache-Control"].split("max-age=")[1].split(",")[0])
        assert 0 < max_age <= 40

    def test_public_pages_have_a_short_shared_lifetime_otherwise(self, client, settings):
        ArticleFactory(published=True)
        cache_control = client.get("/")["Cache-Control"]
        # Read from the first answer: a copy served later from the page cache carries what is
        # left of its lifetime, a second or so less.
        assert "public" in cache_control and f"max-age={settings.PUBLIC_CACHE_SECONDS}" in cache_control


class TestRetraction:
    def test_retracted_story_keeps_its_address_with_a_notice_instead_of_the_body(self, client):
        story = ArticleFactory(published=True, body="<p>Figures that were wrong.</p>")
        QuoteFactory(article=story, text="A quote that must go")
        story.retract(reason="The figures in this story were wrong.", by=desk_user("Editor"))
        response = client.get(story.get_absolute_url())
        assert response.status_code == 200
        content = response.content.decode()
        assert "This story has been retracted" in content
        assert "The figures in this story were wrong." in content
        assert "Figures that were wrong." not in content and "A quote that must go" not in content

    def test_retracted_story_leaves_lists(self, client):
        story = ArticleFactory(published=True)
        story.retract(reason="Withdrawn.")
        assert story.headline.encode() not in client.get("/").content
        assert not Article.objects.published().exists()

    def test_retraction_needs_a_reason(self):
        story = ArticleFactory(published=True)
        with pytest.raises(ValidationError, match="reason"):
            story.retract(reason="  ")

    def test_retract_page_in_the_desk(self, client):
        editor = desk_user("Editor")
        client.force_login(editor)
        story = ArticleFactory(published=True)
        url = reverse("admin:articles_article_retract", args=[story.pk])
        assert client.get(url).status_code == 200
        assert "This field is required" in client.post(url, {"reason": ""}).content.decode()
        client.post(url, {"reason": "Source withdrew the claim."})
        story.refresh_from_db()
        assert story.is_retracted and story.status_changes.get().by == editor


class TestCorrectionsAndNotes:
    def test_correction_shows_dated_at_the_end_and_updates_the_modified_time(self, client):
        editor = desk_user("Editor")
        client.force_login(editor)
        published_at = timezone.now() - datetime.timedelta(hours=2)
        story = ArticleFactory(published=True, published_at=published_at)
        Article.objects.filter(pk=story.pk).update(updated_at=published_at)
        client.get(change_url(story))
        story.refresh_from_db()
        data = story_post_data(
            story,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "correction",
                "corrections-0-text": "An earlier version misspelled the mayor's name.",
            },
        )
        assert client.post(change_url(story), data).status_code == 302
        correction = Correction.objects.get()
        assert correction.created_by == editor
        client.logout()
        content = client.get(story.get_absolute_url()).content.decode()
        assert "An earlier version misspelled the mayor&#x27;s name." in content
        assert content.index("Corrections and updates") > content.index('class="story-body"')
        assert "Updated <time" in content

    def test_corrections_are_kept_in_the_revision_history(self, client):
        from articles.desk.revisions import snapshot, versions_of

        client.force_login(desk_user("Editor"))
        story = ArticleFactory(published=True)
        client.get(change_url(story))
        story.refresh_from_db()
        data = story_post_data(
            story,
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "update",
                "corrections-0-text": "Adds vote.",
            },
        )
        client.post(change_url(story), data)
        assert "update: Adds vote." in snapshot(versions_of(story).first())["Corrections"]

    def test_internal_notes_never_reach_readers(self, client):
        story = ArticleFactory(published=True)
        Note.objects.create(article=story, text="SOURCE IS THE DEPUTY MAYOR")
        assert b"SOURCE IS THE DEPUTY MAYOR" not in client.get(story.get_absolute_url()).content
        assert b"SOURCE IS THE DEPUTY MAYOR" not in client.get("/").content

    def test_notes_are_added_in_the_desk_with_their_author(self, client):
        reporter = desk_user("Reporter")
        client.force_login(reporter)
        story = ArticleFactory(author=reporter)
        client.get(change_url(story))
        story.refresh_from_db()
        data = story_post_data(story, **{"notes-TOTAL_FORMS": "1", "notes-0-text": "Check the spelling."})
        assert client.post(change_url(story), data).status_code == 302
        assert Note.objects.get().author == reporter


class TestOldAddresses:
    def test_renaming_a_published_story_leaves_a_permanent_redirect(self, client):
        client.force_login(desk_user("Editor"))
        story = ArticleFactory(published=True, slug="old-slug")
        client.get(change_url(story))
        story.refresh_from_db()
        client.post(change_url(story), story_post_data(story, slug="new-slug"))
        response = client.get("/news/old-slug/")
        assert response.status_code == 301
        assert response["Location"] == "/news/new-slug/"

    def test_renaming_a_draft_leaves_nothing_behind(self, client):
        client.force_login(desk_user("Editor"))
        story = ArticleFactory(slug="draft-slug")
        client.get(change_url(story))
        story.refresh_from_db()
        client.post(change_url(story), story_post_data(story, slug="draft-slug-2"))
        client.logout()
        assert client.get("/news/draft-slug/").status_code == 404

    def test_old_address_of_an_unpublished_story_does_not_reveal_it(self, client):
        story = ArticleFactory(published=True, slug="first")
        story.slug = "second"
        story.save()
        story.keep_old_address("first")
        story.unpublish()
        assert client.get("/news/first/").status_code == 404

    def test_a_slug_taken_back_is_live_again(self, client):
        story = ArticleFactory(published=True, slug="a")
        story.slug = "b"
        story.save()
        story.keep_old_address("a")
        story.slug = "a"
        story.save()
        story.keep_old_address("b")
        assert client.get("/news/a/").status_code == 200
        assert client.get("/news/b/").status_code == 301
