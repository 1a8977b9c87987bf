"""Slugs for records made by the system (wire imports, suggestions accepted in the desk, the demo).

Cyrillic is transliterated, not dropped: «Лавров готов к диалогу» → `lavrov-gotov-k-dialogu`.
The scheme is ICAO Doc 9303 (Machine Readable Travel Documents, part 3), the one Russian
passports have used since 2013: х kh, ц ts, щ shch, ъ ie, ю iu, я ia, й and ё as i and e,
ь dropped. Ukrainian and Belarusian letters follow the same table (є ie, і i, ї i, ґ g, ў u), with
its two language rules when the text's language is known: Ukrainian и is y; Belarusian г is h
and ё io.

Django's admin (urlify.js, the desk's prepopulated slug) writes Russian differently for eight
letters (ё yo, й j, х h, ц c, щ sh, ъ dropped, ю yu, я ya); static/articles/urlify_icao.js gives
the desk this table instead.
"""

import unicodedata

from django.utils.text import slugify as django_slugify

# ICAO 9303's table, lower case (text is lower-cased before it is looked up).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    # Ukrainian and Belarusian letters Russian lacks.
    "є": "ie", "і": "i", "ї": "i", "ґ": "g", "ў": "u",
}  # fmt: skip
LANGUAGE_RULES = {"uk": {"и": "y"}, "be": {"г": "h", "ё": "io"}}


def transliterate(text, language=""):
    """`text` lower-cased with its Cyrillic letters in Latin ones (ICAO 9303); anything else as it is."""
    table = CYRILLIC | LANGUAGE_RULES.get((language or "").split("-")[0].lower(), {})
    # Composed first: "й" and "ё" must not reach the table as и and е plus an accent.
    return unicodedata.normalize("NFC", str(text)).lower().translate(str.maketrans(table))


def slugify(text, language=""):
    """An ASCII slug of `text` in any script Django's slugify reads, plus Cyrillic."""
    return django_slugify(transliterate(text, language))


def unique_slug(model, text, language=""):
    """A slug for `text` not yet used by `model`: "my-story", else "my-story-2", "my-story-3" …"""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text, language)[: max_length - 6].strip("-") or model._meta.model_name
    slug, n = base, 1
    # A model may reserve more than its own column (stories: their old addresses too).
    taken = getattr(model, "slug_taken", None) or (lambda slug: model.objects.filter(slug=slug).exists())
    while taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug
