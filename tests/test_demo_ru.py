"""The demo's Russian edition (issue 18): four English demo stories translated and published
the way the desk does it, two stories written in Russian only, and Russian names for the people
and sections. Loading, a second run and a bad Russian quote are in test_demo.py."""

import datetime
import re

import pytest
from django.db import transaction
from django.utils import translation
from django.utils.html import escape

from articles.demo import content_ru
from articles.models import Article, Person, Section
from articles.models.integrity import normalise, quote_in_body, quote_problems
from articles.models.translation import is_out_of_date, translation_problems

from .test_demo import load

pytestmark = pytest.mark.django_db

# The slug scheme of the brief (ICAO 9303), to check the slugs written by hand in the content.
ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# A first name and a surname (either may be hyphenated) in Cyrillic: "Ингрид Сольберг-Ауне".
CYRILLIC_NAME = re.compile(r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: |$)){2,}")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module's tests, which only read it (see test_demo.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def russian_stories():
    return Article.objects.published().in_edition("ru").prefetch_related("quotes__translation_of")


def test_four_demo_stories_are_published_in_english_and_in_russian_as_one_group(demo):
    for spec in content_ru.TRANSLATIONS:
        source, version = Article.objects.get(slug=spec["source"]), Article.objects.get(slug=spec["slug"])
        assert source.is_published and version.is_published, spec["slug"]
        assert (source.language, version.language) == ("en", "ru")
        assert source.translation_source == source and version.translation_source == source
        delay = version.published_at - source.published_at
        assert datetime.timedelta(0) < delay < datetime.timedelta(hours=1)
        assert not is_out_of_date(version, source), spec["slug"]
        assert (version.lead_photo, version.section) == (source.lead_photo, source.section)
        assert set(version.people.all()) == set(source.people.all())
        assert version.headline != source.headline and "Geneva" not in version.body
    groups = Article.objects.published().in_edition("ru").filter(translation_source__language="en")
    assert groups.count() == len(content_ru.TRANSLATIONS) >= 4 == demo["ru_translations"]
    assert "estrava-and-karvonia-agree-to-reopen-velna-dam-talks" in {
        spec["source"] for spec in content_ru.TRANSLATIONS
    }


def test_two_stories_are_published_in_russian_only(demo):
    only = Article.objects.published().in_edition("ru").filter(translation_source__isnull=True)
    assert sorted(only.values_list("slug", flat=True)) == sorted(spec["slug"] for spec in content_ru.STORIES)
    assert len(content_ru.STORIES) == 2 and demo["ru"] == 6
    for story in only:
        assert story.lead_photo and story.people.exists() and story.topics.exists() and story.quotes.exists()
        assert story.lead_photo.alt_text and story.bylines.exists()


def test_every_russian_quote_is_in_russian_in_its_body_and_not_the_english_words(demo):
    quotes = [quote for story in russian_stories() for quote in story.quotes.all()]
    assert len(quotes) >= 14
    for quote in quotes:
        body = normalise(quote.article.body_text)
        assert quote_in_body(quote.text, body) and re.search("[а-яё]", quote.text), quote.text
        # Opened with «ёлочки» in the body, as Russian copy prints a quotation.
        assert normalise(f"«{quote.text}") in body, quote.text
        if quote.translation_of is not None:
            assert quote.text != quote.translation_of.text
            assert quote.translation_of.article_id == quote.article.translation_source_id
            assert quote.speaker_id == quote.translation_of.speaker_id
    bodies = " ".join(story.body for story in russian_stories())
    # The forms of Russian agency copy: dash attribution, the colon form and nested „лапки“.
    assert "», — сказал" in bodies and "», — отметила она." in bodies and "Марш заявила: «" in bodies
    assert "«" in bodies and "„" in bodies and "“" in bodies


def test_russian_slugs_are_their_headlines_transliterated(demo):
    for story in russian_stories():
        words = re.findall(r"[\w]+", story.headline.lower())
        assert story.slug == "-".join("".join(ICAO.get(c, c) for c in word) for word in words)


def test_each_edition_front_page_lists_only_its_own_stories(demo, client, settings):
    settings.PAGE_CACHE = False
    russian = client.get("/ru/").content.decode()
    english = client.get("/").content.decode()
    ru_headlines = list(russian_stories().values_list("headline", flat=True))
    en_headlines = list(Article.objects.published().in_edition("en").values_list("headline", flat=True))
    assert len(ru_headlines) == 6
    for headline in ru_headlines:
        assert escape(headline) in russian and escape(headline) not in english
    for headline in en_headlines:
        assert escape(headline) not in russian
    flash = Article.objects.get(slug=content_ru.TRANSLATIONS[0]["slug"])
    assert 'class="breaking"' in russian and flash.urgency == 1 and flash.revised_at
    page = client.get(flash.get_absolute_url())
    assert page.status_code == 200 and flash.get_absolute_url().startswith("/ru/")
    assert "ЖЕНЕВА" in page.content.decode()


def test_the_russian_stories_went_through_the_publication_gate(demo):
    for story in russian_stories():
        story.validate_for_publication()  # raises what publishing would refuse
        assert translation_problems(story) == [] and quote_problems(story) == []
        assert story.status_changes.filter(to_status=Article.Status.PUBLISHED).exists(), story.slug


def test_people_and_sections_have_russian_names(demo):
    people = Person.objects.filter(articles__in=russian_stories()).distinct()
    assert people.count() >= 6
    for person in people:
        assert CYRILLIC_NAME.fullmatch(person.names["ru"]), person.slug
    assert {section.slug: section.names["ru"] for section in Section.objects.all()} == {
        "world": "В мире",
        "politics": "Политика",
        "business": "Экономика",
        "science": "Наука",
        "culture": "Культура",
    }
    with translation.override("ru"):
        assert Person.objects.get(slug="arkady-voronin").local_name == "Аркадий Воронин"
