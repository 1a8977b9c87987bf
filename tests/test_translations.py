"""Translations in the desk: "Translate" makes a linked draft, publication waits for the
translator, the lists say which versions exist and which are out of date (issue 18)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.models.translation import article_translate, group_of, is_out_of_date

from .desk import change_url, desk_user, story_post_data
from .factories import ArticleFactory, PersonFactory, PhotoFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

RU_BODY = "<p>Переговорщики встретились во вторник.</p><p>«Мы не позволим торопить нас», — сказала она.</p>"


@pytest.fixture
def source():
    minister = PersonFactory(name="Irina Volkova", slug="irina-volkova")
    story = ArticleFactory(
        published=True,
        headline="Talks on the river treaty resume",
        slug="talks-resume",
        section=SectionFactory(name="World", slug="world"),
        lead_photo=PhotoFactory(),
        people=[minister],
        topics=[TopicFactory(name="Water", slug="water")],
        urgency=3,
    )
    QuoteFactory(article=story, speaker=minister, text="We will not be rushed into a bad agreement")
    story.body = "<p>They met.</p><p>“We will not be rushed into a bad agreement,” she said.</p>"
    story.save()
    return story


def test_translate_makes_a_linked_draft_with_what_does_not_depend_on_the_language(source):
    draft = article_translate(source=source, language="ru")
    source.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and draft.published_at is None
    assert draft.language == "ru" and draft.slug == "talks-resume-ru"
    assert draft.translation_source == source and source.translation_source == source
    assert (draft.section, draft.lead_photo, draft.urgency) == (source.section, source.lead_photo, 3)
    assert set(draft.people.all()) == set(source.people.all())
    assert set(draft.topics.names()) == {"Water"}
    [quote] = draft.quotes.all()
    assert quote.translation_of == source.quotes.get() and quote.text == source.quotes.get().text
    assert [story.pk for story in group_of(draft)] == [source.pk, draft.pk]


def test_a_second_version_in_one_language_and_the_same_language_are_refused(source):
    article_translate(source=source, language="ru")
    with pytest.raises(ValidationError, match="version in Русский already"):
        article_translate(source=source, language="ru")
    with pytest.raises(ValidationError, match="already in English"):
        article_translate(source=source, language="en")
    with pytest.raises(ValidationError, match="not one of the site's editions"):
        article_translate(source=source, language="xx")


def test_publication_waits_until_headline_and_quotes_are_translated(source):
    draft = article_translate(source=source, language="ru")
    with pytest.raises(ValidationError) as refused:
        draft.publish()
    messages = " ".join(refused.value.messages)
    assert "headline is still the source story's" in messages
    assert "Irina Volkova still has the source's words" in messages
    assert "standfirst is still the source story's" in messages
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT

    draft.headline = "Переговоры о речном договоре возобновились"
    draft.standfirst = "Стороны встретились после месячной паузы."
    draft.body = RU_BODY
    draft.save()
    draft.quotes.update(text="Мы не позволим торопить нас")
    draft.publish()
    assert draft.is_published


def test_a_translation_is_out_of_date_when_its_source_is_saved_after_it(source):
    draft = article_translate(source=source, language="ru")
    assert not is_out_of_date(draft, source)
    later = timezone.now() + datetime.timedelta(minutes=5)
    Article.objects.filter(pk=source.pk).update(updated_at=later)
    source.refresh_from_db()
    assert is_out_of_date(draft, source)
    draft.save()  # the translator catches up
    Article.objects.filter(pk=draft.pk).update(updated_at=later + datetime.timedelta(minutes=1))
    draft.refresh_from_db()
    assert not is_out_of_date(draft, source)


def test_the_desk_translates_from_the_story_form_and_opens_the_draft(client, source):
    editor = desk_user("Editor")
    client.force_login(editor)
    page = client.get(change_url(source))
    assert "Translate into Русский" in page.content.decode()
    response = client.post(reverse("admin:articles_article_translate", args=[source.pk, "ru"]))
    draft = Article.objects.get(language="ru")
    assert response.status_code == 302 and response["Location"] == change_url(draft)
    assert draft.author == editor
    page = client.get(change_url(draft)).content.decode()
    assert "Translations" in page and "the source" in page
    # Translating twice says why it cannot, on the story, with no 500.
    again = client.post(reverse("admin:articles_article_translate", args=[source.pk, "ru"]), follow=True)
    assert "version in Русский already" in again.content.decode()


def test_a_get_cannot_translate_and_a_reporter_cannot_translate_anothers_story(client, source):
    client.force_login(desk_user("Editor"))
    assert client.get(reverse("admin:articles_article_translate", args=[source.pk, "ru"])).status_code == 405
    assert not Article.objects.filter(language="ru").exists()


def test_the_story_list_shows_each_storys_versions_and_which_are_out_of_date(client, source):
    draft = article_translate(source=source, language="ru")
    Article.objects.filter(pk=source.pk).update(updated_at=timezone.now() + datetime.timedelta(minutes=5))
    client.force_login(desk_user("Editor"))
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "<strong>en</strong> · ru (out of date)" in page
    assert "<strong>ru</strong> (out of date) · en" in page
    assert draft.headline in page


def test_the_story_lists_queries_do_not_grow_with_translated_rows(
    client, django_assert_max_num_queries, source
):
    client.force_login(desk_user("Editor"))
    client.get(reverse("admin:articles_article_changelist"))
    for story in ArticleFactory.create_batch(5, published=True):
        article_translate(source=story, language="ru")
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("admin:articles_article_changelist"))
    baseline = len(few.captured_queries)
    for story in ArticleFactory.create_batch(5, published=True):
        article_translate(source=story, language="ru")
    with django_assert_max_num_queries(baseline):
        client.get(reverse("admin:articles_article_changelist"))


def test_the_first_translated_headline_gives_the_draft_its_own_slug(client, source):
    draft = article_translate(source=source, language="ru")
    client.force_login(desk_user("Editor"))
    response = client.post(change_url(draft), story_post_data(draft, headline="Лавров готов к диалогу"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.slug == "lavrov-gotov-k-dialogu"
    # From then on the slug is the editor's: a new headline does not move it.
    client.post(change_url(draft), story_post_data(draft, headline="Лавров снова готов к диалогу"))
    draft.refresh_from_db()
    assert draft.slug == "lavrov-gotov-k-dialogu"


def test_changing_a_versions_language_to_one_its_group_has_is_refused_with_a_message(client, source):
    draft = article_translate(source=source, language="ru")
    client.force_login(desk_user("Editor"))
    response = client.post(change_url(draft), story_post_data(draft, language="en"))
    assert response.status_code == 200
    assert "already has a version in English" in response.content.decode()
    draft.refresh_from_db()
    assert draft.language == "ru"


def test_a_person_and_a_section_get_a_name_box_per_other_edition(client):
    from articles.models import Person

    client.force_login(desk_user("Editor"))
    response = client.post(
        reverse("admin:articles_person_add"),
        {"name": "Sergei Orlov", "name_ru": "Сергей  Орлов", "slug": "sergei-orlov", "kind": "person"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Person.objects.get(slug="sergei-orlov").names == {"ru": "Сергей Орлов"}
    person = Person.objects.get()
    page = client.get(reverse("admin:articles_person_change", args=[person.pk])).content.decode()
    assert 'lang="ru"' in page and "Сергей Орлов" in page
    section = SectionFactory(name="World", slug="world")
    response = client.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {"name": "World", "name_ru": "В мире", "slug": "world", "description": "", "position": 1},
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.names == {"ru": "В мире"}
    photo = PhotoFactory()
    client.force_login(desk_user("Photo editor", username="photos"))
    page = client.get(reverse("admin:articles_photo_change", args=[photo.pk])).content.decode()
    assert "Caption in Русский" in page and "Alt text in Русский" in page
