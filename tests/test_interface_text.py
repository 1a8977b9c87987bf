"""The public site's interface in Russian: the catalogue is complete and compiled, and pages
rendered in Russian read as Russian, dates in the genitive and counts in the right plural."""

import ast
import datetime
import gettext
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from .factories import ArticleFactory, AuthorFactory

LOCALES = Path(settings.BASE_DIR) / "locale"
CATALOGUES = sorted(LOCALES.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def po_entries(path):
    """The catalogue's entries as dicts: context, id, plural id, strings, flags, obsolete."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {
            "ctxt": None,
            "id": None,
            "plural": None,
            "str": {},
            "flags": set(),
            "obsolete": False,
        }
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = field, line
        value = ast.literal_eval(rest)
        field = keyword
        if keyword == "msgctxt":
            entry["ctxt"] = (entry["ctxt"] or "") + value
        elif keyword == "msgid":
            entry["id"] = (entry["id"] or "") + value
        elif keyword == "msgid_plural":
            entry["plural"] = (entry["plural"] or "") + value
        else:
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry["str"][index] = entry["str"].get(index, "") + value
    return entries


def messages(path):
    return [e for e in po_entries(path) if e["id"]]


def test_there_is_a_russian_catalogue():
    assert LOCALES / "ru" / "LC_MESSAGES" / "django.po" in CATALOGUES
    assert settings.LOCALE_PATHS == [LOCALES]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_entry_is_translated_none_fuzzy_none_obsolete(po):
    entries = po_entries(po)
    assert not [e["id"] for e in entries if e["obsolete"]]
    assert not [e["id"] for e in entries if "fuzzy" in e["flags"]]
    assert not [e["id"] for e in messages(po) if not all(e["str"].values())]
    header = next(e for e in entries if e["id"] == "")["str"][0]
    plurals = int(re.search(r"nplurals=(\d+)", header).group(1))
    assert not [e["id"] for e in messages(po) if e["plural"] and sorted(e["str"]) != list(range(plurals))]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_every_placeholder(po):
    for entry in messages(po):
        wanted = set(PLACEHOLDER.findall(entry["id"]))
        for text in entry["str"].values():
            assert set(PLACEHOLDER.findall(text)) == wanted, entry["id"]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_compiled_catalogue_has_every_string_of_the_po(po):
    """Django reads the .mo: a .po edited and not compiled would show readers English."""
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    for entry in messages(po):
        key = f"{entry['ctxt']}\x04{entry['id']}" if entry["ctxt"] else entry["id"]
        if entry["plural"]:
            assert [compiled.get((key, n)) for n in sorted(entry["str"])] == [
                entry["str"][n] for n in sorted(entry["str"])
            ]
        else:
            assert compiled.get(key) == entry["str"][0], entry["id"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parts[-3])
def test_msgfmt_finds_nothing_wrong(po):
    checked = subprocess.run(
        ["msgfmt", "--check", "--check-accelerators", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


# Pages in Russian: rendered with the language active, as LocaleMiddleware will make it.


def render_ru(template, context, path="/"):
    with translation.override("ru"):
        return render_to_string(template, context, request=RequestFactory().get(path))


@pytest.mark.django_db
def test_a_story_page_in_russian(settings):
    settings.TIME_ZONE = "Europe/Moscow"
    published = datetime.datetime(2026, 9, 11, 11, 32, tzinfo=datetime.UTC)
    story = ArticleFactory(
        published=True,
        published_at=published,
        headline="Лавров готов к диалогу",
        language="ru",
        authors=[AuthorFactory(name="Анна Петрова"), AuthorFactory(name="Олег Смирнов")],
    )
    html = render_ru(
        "articles/article_detail.html", {"article": story, "related_block": ""}, story.get_absolute_url()
    )
    assert '<html lang="ru">' in html
    assert "Опубликовано <time" in html and ">11 сентября 2026, 14:32 MSK</time>" in html
    assert re.search(
        r'<p class="byline">Авторы: <a [^>]*>Анна Петрова</a> и <a [^>]*>Олег Смирнов</a></p>', html
    )
    assert "Поделиться материалом" in html and ">Все новости</a>" in html
    page = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert "September" not in page and "Published" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "summary"),
    [
        (1, "найден 1 материал."),
        (3, "найдено 3 материала."),
        (5, "найдено 5 материалов."),
        (11, "найдено 11 материалов."),
        (21, "найден 21 материал."),
        (24, "найдено 24 материала."),
    ],
)
def test_search_counts_take_the_russian_plural(count, summary):
    paginator = SimpleNamespace(count=count, truncated=False, num_pages=1)
    page = SimpleNamespace(paginator=paginator, object_list=[], number=1, start_index=1)
    html = render_ru("articles/search.html", {"query": "плотина", "page_obj": page, "people": []})
    assert f"По запросу «плотина» {summary}" in html
