"""Slugs the system makes from text: Cyrillic headlines and names are transliterated (ICAO 9303)."""

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article, Person
from articles.models.slugs import CYRILLIC, slugify, transliterate, unique_slug
from articles.wire.ingest import story_create_from_wire

from .factories import ArticleFactory

URLIFY_ICAO = Path(settings.BASE_DIR) / "static" / "articles" / "urlify_icao.js"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Лавров готов к диалогу", "lavrov-gotov-k-dialogu"),
        # The letters where schemes differ: ICAO writes х kh, ц ts, щ shch, ъ ie, ю iu, я ia.
        ("Хабаровск: цены на щебень", "khabarovsk-tseny-na-shcheben"),
        ("Объявлен сбор юных яхтсменов", "obieiavlen-sbor-iunykh-iakhtsmenov"),
        # й and ё are i and e even when the text arrives decomposed (и + breve, е + diaeresis).
        ("Йошкар-Ола встречает ёлку", "ioshkar-ola-vstrechaet-elku"),
        (unicodedata.normalize("NFD", "Йошкар-Ола встречает ёлку"), "ioshkar-ola-vstrechaet-elku"),
        ("Мягкий знак пропадает: соль", "miagkii-znak-propadaet-sol"),
        ("СРОЧНО: ВЫБОРЫ В ТВЕРИ", "srochno-vybory-v-tveri"),
        # Latin copy comes out as Django's slugify makes it.
        ("Dam talks — stalled, again", "dam-talks-stalled-again"),
        ("Café owners “relieved”", "cafe-owners-relieved"),
        ("Визит в Paris-Nord 2026", "vizit-v-paris-nord-2026"),
    ],
)
def test_slugs_from_headlines(text, slug):
    assert slugify(text) == slug


def test_ukrainian_and_belarusian_letters_and_their_language_rules():
    assert slugify("Київ і Дніпро: ґанок, євро") == "kiiv-i-dnipro-ganok-ievro"
    # The table's two language rules: Ukrainian и is y; Belarusian г is h and ё io.
    assert slugify("Київ, Житомир", "uk") == "kyiv-zhytomyr"
    assert slugify("Гомель, Мёры, Ўзгорак", "be") == "homel-miory-uzhorak"
    assert slugify("Гомель, Мёры", "ru") == "gomel-mery"


def test_every_cyrillic_letter_of_the_table_is_covered_in_both_cases():
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґў"
    assert set(CYRILLIC) == set(letters)
    assert transliterate(letters.upper()) == transliterate(letters)
    assert re.fullmatch(r"[a-z]*", transliterate(letters))


@pytest.mark.django_db
def test_unique_slugs_from_cyrillic_count_on_as_latin_ones_do():
    ArticleFactory(slug="lavrov-gotov-k-dialogu")
    assert unique_slug(Article, "Лавров готов к диалогу") == "lavrov-gotov-k-dialogu-2"
    assert unique_slug(Person, "Мария Ковальчук") == "mariia-kovalchuk"
    # Nothing left to make a slug of: the model's name, as before.
    assert unique_slug(Person, "«—»") == "person"


@pytest.mark.django_db
def test_a_wire_story_with_a_russian_headline_gets_a_transliterated_slug():
    copy = (
        "Паромщики спишут старые суда\n\n"
        "KESTREL BAY, October 14. /NWS/. Компания спишет четыре старых парома до 2029 года.\n"
    )
    story = story_create_from_wire(text=copy).article
    assert story.headline == "Паромщики спишут старые суда"
    assert story.slug == "paromshchiki-spishut-starye-suda"


def _desk_table():
    source = URLIFY_ICAO.read_text(encoding="utf-8")
    body = re.search(r"const CYRILLIC = (\{.*?\});", source, re.S).group(1)
    return json.loads(re.sub(r",\s*}", "}", body.replace("'", '"')))


def test_the_desks_prepopulated_slug_uses_the_same_table():
    assert _desk_table() == CYRILLIC


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_desks_urlify_gives_the_servers_slug():
    """Django's urlify.js wrapped by ours, run in Node as the desk's browser runs them."""
    admin_js = Path(__import__("django.contrib.admin", fromlist=["x"]).__file__).parent / "static/admin/js"
    headlines = ["Лавров готов к диалогу", "Хабаровск: цены на щебень", "Объявлен сбор юных яхтсменов"]
    script = (
        "globalThis.window = globalThis;\n"
        f"{(admin_js / 'urlify.js').read_text(encoding='utf-8')}\n"
        f"{URLIFY_ICAO.read_text(encoding='utf-8')}\n"
        f"console.log(JSON.stringify({json.dumps(headlines)}.map((h) => URLify(h, 250, false))));"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True, timeout=30)
    assert json.loads(out.stdout) == [slugify(h) for h in headlines]
