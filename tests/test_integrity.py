"""Quote integrity: a quote on record must be in its story's body, checked when publishing,
and the desk's report of published stories whose quotes and body disagree."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.desk import suggestions
from articles.desk.quote_suggestions import unrecorded_quotations
from articles.models import Article
from articles.models.integrity import quote_problems

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db

S = Article.Status
REPORT_URL = "/admin/articles/article/quote-report/"

BODY = (
    "<p>The mayor opened the new bridge on Friday.</p>"
    "<p>“It took eleven years, and it was worth every one of them,” Mayor Clara Voss said.</p>"
)


def story_with_quote(text, body=BODY, **kwargs):
    story = ArticleFactory(body=body, **kwargs)
    QuoteFactory(article=story, text=text, speaker=PersonFactory(name="Clara Voss"))
    return story


class TestPublishing:
    def test_a_quote_not_in_the_body_blocks_publication_and_is_named(self):
        story = story_with_quote("It took twelve years")
        with pytest.raises(ValidationError) as refused:
            story.publish(by=desk_user("Editor"))
        assert "“It took twelve years” (Clara Voss) is not in the story's body" in " ".join(
            refused.value.messages
        )
        story.refresh_from_db()
        assert story.status == S.DRAFT and not story.status_changes.exists()

    @pytest.mark.parametrize(
        ("body", "quote"),
        [
            # Straight quotes in the body, the quote typed from a curly version and vice versa.
            ('<p>"It is a fine day," she said.</p>', "It is a fine day"),
            ("<p>“It’s a fine day,” she said.</p>", "It's a fine day"),
            ('<p>"It\'s a fine day," she said.</p>', "It’s a fine day"),
            # Guillemets, and the quote marks typed into the quote itself.
            ("<p>« Nous restons », dit-elle.</p>", "“Nous restons”"),
            # Whitespace: a line break in the body, double spaces in the quote.
            ("<p>“It took eleven\n years,” she said.</p>", "It took  eleven years"),
            # The first letter's case: a quote recorded as a sentence from mid-sentence words.
            ("<p>She called the delay “a scandal for the whole city”.</p>", "A scandal for the whole city"),
            # The wire's comma before "she said" recorded as a full stop.
            ("<p>“We are ready,” she said.</p>", "We are ready."),
            # Entities in the stored body.
            ("<p>“Bread &amp; butter issues,” she said.</p>", "Bread & butter issues"),
        ],
    )
    def test_typographic_variants_are_accepted(self, body, quote):
        story = story_with_quote(quote, body=body)
        story.publish()
        assert story.status == S.PUBLISHED

    def test_part_of_a_quotation_is_a_quote_too(self):
        story = story_with_quote("It took eleven years, and it was worth every one")
        story.publish()
        assert story.status == S.PUBLISHED

    @pytest.mark.parametrize(
        "quote",
        [
            "It took eleven years and it was worth every one of them",  # a comma dropped
            "it took eleven years, and It was worth every one of them",  # case inside the quote
            "It took eleven years, and it was worth every one of them!",  # different end
        ],
    )
    def test_changed_words_or_punctuation_inside_are_refused(self, quote):
        assert quote_problems(story_with_quote(quote))

    def test_every_failing_quote_is_listed_with_the_other_problems(self):
        story = story_with_quote("Words nobody said", headline=" ")
        QuoteFactory(article=story, text="Nor these", speaker=PersonFactory(name="Otto Lind"))
        with pytest.raises(ValidationError) as refused:
            story.publish()
        messages = refused.value.messages
        assert len(messages) == 3 and "needs a headline" in messages[0]
        assert "“Words nobody said”" in messages[1] and "“Nor these” (Otto Lind)" in messages[2]


class TestSaveAndPublishAtTheDesk:
    def test_the_edit_is_saved_but_the_story_stays_unpublished(self, client):
        client.force_login(desk_user("Editor"))
        story = story_with_quote("It took eleven years")
        quote = story.quotes.get()
        client.get(change_url(story))
        story.refresh_from_db()
        data = story_post_data(
            story,
            quotes=[quote],
            headline="Bridge opens after eleven years",
            **{"quotes-0-text": "It took twelve years", "_publish": "Save and publish"},
        )
        response = client.post(change_url(story), data, follow=True)
        story.refresh_from_db()
        assert story.headline == "Bridge opens after eleven years"
        assert story.quotes.get().text == "It took twelve years"
        assert story.status == S.DRAFT
        page = response.content.decode()
        assert "was saved but its status did not change" in page
        assert "“It took twelve years” (Clara Voss) is not in the story" in page

    def test_correcting_the_quote_in_the_same_save_publishes(self, client):
        client.force_login(desk_user("Editor"))
        story = story_with_quote("It took twelve years")
        quote = story.quotes.get()
        client.get(change_url(story))
        story.refresh_from_db()
        data = story_post_data(
            story, quotes=[quote], **{"quotes-0-text": "It took eleven years", "_publish": "Save and publish"}
        )
        client.post(change_url(story), data)
        story.refresh_from_db()
        assert story.status == S.PUBLISHED


class TestUnrecorded:
    def test_a_quotation_naming_its_speaker_without_a_quote_on_record(self):
        story = ArticleFactory(body=BODY)
        [found] = unrecorded_quotations(story)
        assert found.text == "It took eleven years, and it was worth every one of them"
        assert found.speaker == "Clara Voss"

    def test_a_quote_on_record_covers_the_quotation_it_is_part_of(self):
        assert unrecorded_quotations(story_with_quote("it was worth every one of them")) == []

    def test_quotations_with_no_speaker_and_fragments_are_not_reported(self):
        body = (
            "<p>Banners reading “Bridges not walls” hung from the railings.</p>"
            "<p>Mayor Clara Voss called the old ferry “a relic”.</p>"
        )
        assert unrecorded_quotations(ArticleFactory(body=body)) == []


class TestReport:
    def test_lists_published_stories_with_problems_and_not_the_clean_ones(self, client):
        client.force_login(desk_user("Editor"))
        missing = story_with_quote("It took twelve years", headline="Story with a misquote", published=True)
        unrecorded = ArticleFactory(body=BODY, headline="Story with an unrecorded quote", published=True)
        clean = story_with_quote("It took eleven years", headline="Clean story", published=True)
        draft = story_with_quote("Not in the body", headline="Draft with a misquote")
        page = client.get(REPORT_URL).content.decode()
        assert "latest 200 published stories" in page
        assert missing.headline in page and "“It took twelve years” (Clara Voss)" in page
        assert unrecorded.headline in page
        assert (
            "Not on record: “It took eleven years, and it was worth every one of them” (Clara Voss)" in page
        )
        assert reverse("admin:articles_article_suggestions", args=[unrecorded.pk]) in page
        assert clean.headline not in page and draft.headline not in page

    def test_checks_only_the_latest_stories(self, client, monkeypatch):
        monkeypatch.setattr(suggestions, "REPORT_LIMIT", 1)
        client.force_login(desk_user("Editor"))
        hour = datetime.timedelta(hours=1)
        old = story_with_quote("Old misquote", headline="Older story", published=True)
        Article.objects.filter(pk=old.pk).update(published_at=timezone.now() - 5 * hour)
        new = story_with_quote("New misquote", headline="Newer story", published=True)
        page = client.get(REPORT_URL).content.decode()
        assert new.headline in page and old.headline not in page
        assert "latest 1 published stories" in page

    def test_is_paginated(self, client, monkeypatch):
        monkeypatch.setattr(suggestions, "REPORT_PAGE", 2)
        client.force_login(desk_user("Editor"))
        for n in range(3):
            story_with_quote(f"Misquote {n}", published=True)
        assert client.get(REPORT_URL).content.decode().count("(Clara Voss) is not in") == 2
        assert client.get(REPORT_URL + "?page=2").content.decode().count("(Clara Voss) is not in") == 1

    def test_is_linked_from_the_story_list_which_keeps_recover_deleted(self, client):
        client.force_login(desk_user("Editor"))
        page = client.get(reverse("admin:articles_article_changelist")).content.decode()
        assert REPORT_URL in page
        assert reverse("admin:articles_article_recoverlist") in page

    def test_needs_permission_to_view_stories(self, client):
        client.force_login(UserFactory(username="clerk", is_staff=True))
        assert client.get(REPORT_URL).status_code == 403
        client.force_login(desk_user("Reporter"))
        assert client.get(REPORT_URL).status_code == 200
