"""Datelines in the edition's language: `MOSCOW, September 11. /TASS/.` beside
`МОСКВА, 11 сентября. /ТАСС/.`"""

import datetime

import pytest
from django.utils import translation

from articles.models.dateline import agency_name, dateline_day, format_dateline

from .factories import ArticleFactory

UTC = datetime.UTC
# 22:30 on 10 September in UTC is 01:30 on the 11th in Moscow, the site's time zone.
LATE_EVENING_UTC = datetime.datetime(2026, 9, 10, 22, 30, tzinfo=UTC)


def test_the_day_is_taken_in_the_sites_time_zone_in_either_language(settings):
    settings.TIME_ZONE = "Europe/Moscow"
    assert dateline_day(LATE_EVENING_UTC, "en") == "September 11"
    assert dateline_day(LATE_EVENING_UTC, "ru") == "11 сентября"
    assert dateline_day(LATE_EVENING_UTC, "ru-RU") == "11 сентября"
    assert dateline_day(datetime.date(2026, 3, 1), "ru") == "1 марта"


def test_russian_months_are_in_the_genitive_whatever_language_is_active():
    genitive = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
    with translation.override("en"):
        days = [dateline_day(datetime.date(2026, month, 5), "ru") for month in range(1, 13)]
    assert days == [f"5 {month}" for month in genitive]
    with translation.override("ru"):
        assert dateline_day(datetime.date(2026, 12, 5), "en") == "December 5"
        assert translation.get_language() == "ru"


def test_a_language_without_a_day_format_of_its_own_uses_its_locales():
    assert dateline_day(datetime.date(2026, 9, 11), "de") == "11. September"


def test_the_russian_dateline():
    dateline = format_dateline(place="Москва", day="11 сентября", agency="TASS", language="ru")
    assert dateline == "МОСКВА, 11 сентября. /ТАСС/."


def test_the_english_dateline():
    dateline = format_dateline(place="Moscow", day="September 11", agency="TASS", language="en")
    assert dateline == "MOSCOW, September 11. /TASS/."


def test_without_a_place_the_dateline_starts_at_the_day():
    dateline = format_dateline(place=" ", day="11 сентября", agency="TASS", language="ru")
    assert dateline == "11 сентября. /ТАСС/."


def test_our_own_copy_carries_our_agencys_name_in_each_language(settings):
    settings.DEFAULT_AGENCY = "NEWSROOM"
    settings.NEWSROOM_AGENCY_NAMES = {"ru": {"NEWSROOM": "Ньюсрум", "TASS": "ТАСС"}}
    assert format_dateline(place="Tver", day="September 11", agency="", language="en") == (
        "TVER, September 11. /NEWSROOM/."
    )
    assert format_dateline(place="Тверь", day="11 сентября", agency="", language="ru") == (
        "ТВЕРЬ, 11 сентября. /НЬЮСРУМ/."
    )


def test_agencies_are_matched_ignoring_case_and_spacing_and_unknown_ones_keep_their_name(settings):
    settings.NEWSROOM_AGENCY_NAMES = {"ru": {"Reuters": "Рейтер", "Northern Wire": "Северное агентство"}}
    assert agency_name("REUTERS", "ru") == "Рейтер"
    assert agency_name("northern  wire", "ru") == "Северное агентство"
    assert agency_name("Kestrel Post", "ru") == "Kestrel Post"
    # English has no table: every agency keeps the name the story stores.
    assert agency_name("Reuters", "en") == "Reuters"
    assert format_dateline(place="Берлин", day="2 декабря", agency="Reuters", language="ru") == (
        "БЕРЛИН, 2 декабря. /РЕЙТЕР/."
    )


def test_the_place_is_upper_cased_in_any_script():
    assert format_dateline(place="Йошкар-Ола", day="1 мая", agency="NWS", language="ru").startswith(
        "ЙОШКАР-ОЛА, "
    )
    assert format_dateline(place="Čakovec", day="May 1", agency="NWS", language="en").startswith("ČAKOVEC, ")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "published_at"),
    [
        ({"dateline_place": "Moscow", "agency": "TASS"}, LATE_EVENING_UTC),
        ({"dateline_place": "  Kestrel Bay ", "agency": ""}, datetime.datetime(2026, 1, 2, 9, 0, tzinfo=UTC)),
        ({"dateline_place": "", "agency": "Reuters"}, datetime.datetime(2026, 7, 4, 12, 0, tzinfo=UTC)),
        ({"dateline_place": "Oslo", "agency": "NWS", "dateline_date": "Dec. 2"}, LATE_EVENING_UTC),
    ],
)
def test_in_english_it_is_exactly_the_storys_dateline_today(fields, published_at):
    """Article.dateline will call format_dateline with the story's language: in English nothing changes."""
    story = ArticleFactory(published=True, published_at=published_at, **fields)
    day = story.dateline_date or dateline_day(story.published_at, "en")
    assert format_dateline(place=story.dateline_place, day=day, agency=story.agency, language="en") == (
        story.dateline
    )
