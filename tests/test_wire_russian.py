"""Russian agency copy (issue 18): the datelines `МОСКВА, 11 сентября. /ТАСС/.`, the page's
Russian furniture, and the language read from the copy, from the parser to a draft."""

from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Author
from articles.wire.datelines import match_dateline
from articles.wire.furniture import furniture_kind
from articles.wire.ingest import story_create_from_wire
from articles.wire.plain import decode_wire, parse_wire

from .factories import SectionFactory

WIRE_RU = Path(__file__).parent / "data" / "wire-ru"
SECTIONS = ["Политика", "Экономика", "Мир"]

# file: (headline start, place, date, agency, section, paragraphs, bylines, caption, credit)
PAGES = {
    "norda-ministry.txt": (
        "Москва готова принять переговоры", "Москва", "11 сентября", "ТАСС", "Политика", 3,
        ["Анна Петрова"], "Министр иностранных дел Игорь Веденеев", "Пресс-служба МИД/АГЕНТСТВО",
    ),
    "spb-correspondent.txt": (
        "В Петербурге построят", "Санкт-Петербург", "3 марта", "ТАСС", "Экономика", 3,
        ["Олег Смирнов"], "Терминал на рейде порта", "Пресс-служба порта",
    ),
    "ria-kiev.txt": (
        "В Киеве открыли подземную школу", "Киев", "2 декабря", "РИА Новости", "Мир", 3, [], "", "",
    ),
}  # fmt: skip
FURNITURE = {
    "norda-ministry.txt": [
        "Все новости",
        "11 сен 2026, 14:25",
        "Читайте также",
        "Теги",
        "Поделиться",
        "ВКонтакте",
    ],
    "spb-correspondent.txt": [
        "Обновлено 2 часа назад",
        "Текст: Олег Смирнов",
        "Источник:",
        "Фото:",
        "Telegram",
    ],
    "ria-kiev.txt": ["Читайте также: В Харькове", "Все права защищены"],  # the breadcrumb is the section
}


def read(name):
    return decode_wire((WIRE_RU / name).read_bytes())


@pytest.mark.parametrize(
    ("line", "place", "date", "agency"),
    [
        ("МОСКВА, 11 сентября. /ТАСС/. Текст.", "Москва", "11 сентября", "ТАСС"),
        ("САНКТ-ПЕТЕРБУРГ, 3 марта. /Корр. ТАСС/. Текст.", "Санкт-Петербург", "3 марта", "ТАСС"),
        ("КИЕВ, 2 декабря /РИА Новости/. Текст.", "Киев", "2 декабря", "РИА Новости"),
        ("ВЛАДИВОСТОК, 1 мая 2026 г. /НОРДА/. Текст.", "Владивосток", "1 мая 2026 г", "НОРДА"),
        ("MOSCOW, September 11. /TASS/. Text.", "Moscow", "September 11", "TASS"),
    ],
)
def test_russian_datelines_keep_their_own_date(line, place, date, agency):
    found = match_dateline(line)
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert line[found.end :] in ("Текст.", "Text.")


def test_a_sentence_with_a_month_is_no_dateline():
    assert match_dateline("Мэр сказал, что 11 сентября /в пятницу/ всё решится.") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Читайте также", "related story link"),
        ("Читайте также: В Харькове запустили метро", "related story link"),
        ("Источник: пресс-служба мэрии", "credits"),
        ("Автор: Анна Петрова", "byline"),
        ("Текст: Анна Петрова", "byline"),
        ("11 сен 2020, 14:25", "time stamp"),
        ("Обновлено 2 часа назад", "time stamp"),
        ("Поделиться", "share buttons"),
        ("Поделиться ВКонтакте Telegram", "share buttons"),
        ("Теги: экономика, транспорт", "tags"),
        ("Мэр сказал в 14:25, что всё в порядке.", None),
        ("Автор проекта рассказал о планах.", None),
    ],
)
def test_russian_page_furniture(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_russian_page_puts_each_part_in_its_field(name):
    headline, place, date, agency, section, paragraphs, bylines, caption, credit = PAGES[name]
    story = parse_wire(read(name), sections=SECTIONS)
    assert story.headline.startswith(headline)
    assert (story.place, story.date, story.agency, story.section) == (place, date, agency, section)
    assert len(story.paragraphs) == paragraphs, story.paragraphs
    assert [b.name for b in story.bylines] == bylines
    assert (story.caption, story.credit) == (caption, credit)
    assert story.language == "ru"
    noted = "\n".join(note.text for note in story.notes)
    copy = "\n".join([story.headline, story.standfirst, *story.paragraphs])
    for furniture in FURNITURE[name]:
        assert furniture in noted and furniture not in copy, furniture


def test_the_language_is_the_scripts_else_the_sites_default():
    english = "Headline here\nMOSCOW, September 11. /TASS/. Minister Igor Vedeneev, «Игорь Веденеев», spoke."
    assert parse_wire(english).language == "en"
    assert parse_wire(english, default_language="es").language == "es"
    assert parse_wire(read("ria-kiev.txt"), default_language="es").language == "ru"


@pytest.mark.django_db
def test_import_wire_makes_a_russian_draft_end_to_end(capsys):
    for name in SECTIONS:
        SectionFactory(name=name, slug={"Политика": "politika", "Экономика": "ekonomika", "Мир": "mir"}[name])
    call_command("import_wire", *(str(WIRE_RU / name) for name in sorted(PAGES)))
    out = capsys.readouterr().out
    assert out.count("created: ") == len(PAGES)
    story = Article.objects.get(dateline_place="Москва")
    assert (story.status, story.dateline_date, story.agency) == (Article.Status.DRAFT, "11 сентября", "ТАСС")
    assert story.section.name == "Политика"
    assert list(story.bylines.values_list("author__name", flat=True)) == ["Анна Петрова"]
    note = story.notes.get().text
    assert "line 1 (navigation): Все новости" in note and "(share buttons): ВКонтакте" in note
    assert "Поделиться" not in story.body and "Читайте также" not in story.body
    # The quotes the command suggests are read with the Russian rules, with no language passed.
    assert "Мы готовы к диалогу, и наша позиция не изменилась" in out and "Игорь Веденеев" in out
    assert Author.objects.filter(name="Олег Смирнов").exists()


@pytest.mark.django_db
def test_the_import_stores_the_copys_language_on_the_draft():
    result = story_create_from_wire(text=read("spb-correspondent.txt"))
    assert result.language == "ru" and result.article.language == "ru"
    result.article.refresh_from_db()
    assert result.article.language == "ru"
    english = story_create_from_wire(text="Port to expand\nBERLIN (Reuters) - The port will grow.")
    assert english.language == "en" and english.article.language == "en"
