"""The language switcher and the hreflang links, rendered from a hand-built `page_alternates`
(the views will give the real one): objects with .code, .name, .url and .current."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from articles.public.editions import Alternate

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

STORY_EN = "https://news.example.org/news/dam-talks-resume/"
STORY_RU = "https://news.example.org/ru/news/vozobnovleny-peregovory-o-plotine/"


def alternates(current="en"):
    return [
        Alternate(code="en", name="English", url=STORY_EN, current=current == "en", is_source=True),
        Alternate(code="ru", name="Русский", url=STORY_RU, current=current == "ru"),
    ]


class Elements(HTMLParser):
    """Every start tag as (tag, attributes, the tags it sits in), with each element's text."""

    VOID = {"meta", "link", "img", "input", "source", "br", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.found = [], []

    def handle_starttag(self, tag, attrs):
        element = {
            "tag": tag,
            "attrs": dict(attrs),
            "inside": [e["tag"] + "." + e["attrs"].get("class", "") for e in self.stack],
            "text": "",
        }
        self.found.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data


def parse(html):
    parser = Elements()
    parser.feed(html)
    return parser.found


def render(template, context, path="/"):
    return render_to_string(template, context, request=RequestFactory().get(path))


def list_page(**context):
    return render("articles/article_list.html", {"page_obj": [], "front": None, **context})


def switcher_links(elements):
    return [
        e
        for e in elements
        if e["tag"] == "a" and any(i.startswith("nav.language-switcher") for i in e["inside"])
    ]


def test_the_head_links_every_version_itself_included_and_x_default():
    elements = parse(list_page(page_alternates=alternates(), x_default_url=STORY_EN))
    links = [
        (e["attrs"]["hreflang"], e["attrs"]["href"])
        for e in elements
        if e["tag"] == "link" and "hreflang" in e["attrs"]
    ]
    assert links == [("en", STORY_EN), ("ru", STORY_RU), ("x-default", STORY_EN)]
    assert all("head." in e["inside"] for e in elements if e["tag"] == "link" and "hreflang" in e["attrs"])


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one():
    elements = parse(list_page(page_alternates=alternates(current="ru"), x_default_url=STORY_EN))
    nav = [e for e in elements if e["tag"] == "nav" and e["attrs"].get("class") == "language-switcher"]
    assert len(nav) == 1 and nav[0]["attrs"]["aria-label"] == "Language versions"
    # On a list page it is in the site header.
    assert "header.site-header" in nav[0]["inside"]
    links = switcher_links(elements)
    assert [(a["attrs"]["href"], a["attrs"]["lang"], a["attrs"]["hreflang"], a["text"]) for a in links] == [
        (STORY_EN, "en", "en", "English"),
        (STORY_RU, "ru", "ru", "Русский"),
    ]
    assert [a["attrs"].get("aria-current") for a in links] == [None, "page"]


@pytest.mark.parametrize("given", [{}, {"page_alternates": alternates()[:1], "x_default_url": STORY_EN}])
def test_a_page_in_one_language_has_neither_switcher_nor_hreflang(given):
    html = list_page(**given)
    assert "hreflang" not in html and "language-switcher" not in html
    # Nothing of it is left behind in the markup, not even a blank line.
    assert html == list_page()


def test_on_the_story_page_it_sits_with_the_headline_not_in_the_site_header():
    story = ArticleFactory(published=True, headline="Dam talks resume", slug="dam-talks-resume")
    context = {
        "article": story,
        "related_block": "",
        "page_alternates": alternates(),
        "x_default_url": STORY_EN,
    }
    elements = parse(render("articles/article_detail.html", context, path=story.get_absolute_url()))
    navs = [e for e in elements if e["tag"] == "nav" and e["attrs"].get("class") == "language-switcher"]
    assert len(navs) == 1
    assert "header.story-header" in navs[0]["inside"] and "header.site-header" not in navs[0]["inside"]
    assert [e["attrs"]["hreflang"] for e in elements if e["tag"] == "link" and "hreflang" in e["attrs"]] == [
        "en",
        "ru",
        "x-default",
    ]


def test_html_lang_follows_the_active_language():
    with translation.override("ru"):
        html = list_page(page_alternates=alternates(current="ru"), x_default_url=STORY_EN)
    assert re.search(r'<html lang="ru">', html)
    assert 'aria-label="Языковые версии"' in html
    assert list_page().count(f'<html lang="{translation.get_language()}">') == 1


def test_each_language_is_a_touch_target_of_at_least_24_px():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    rule = re.search(r"\.language-switcher a \{([^}]*)\}", css).group(1)
    sizes = dict(re.findall(r"(min-height|min-width):\s*([\d.]+)rem", rule))
    assert float(sizes["min-height"]) * 16 >= 24 and float(sizes["min-width"]) * 16 >= 24
