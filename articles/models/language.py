"""Editions: the languages the site publishes in, and which one a request reads.

`settings.LANGUAGES` lists the editions (BCP 47 codes); the first-listed is not special,
`settings.LANGUAGE_CODE` is the default edition, served without a prefix (/news/…), and
every other edition under its code (/ru/news/…). Adding an edition is configuration:
an entry in NEWSROOM_LANGUAGES and a translation of the interface (docs/languages.md).
"""

from django.conf import settings
from django.utils import translation


def edition_codes():
    return [code for code, _ in settings.LANGUAGES]


def default_language():
    """The default edition's code, e.g. "en" (also every story's language until set)."""
    return normalize(settings.LANGUAGE_CODE, fallback=False)


def normalize(code, *, fallback=True):
    """The edition `code` names ("ru-RU" → "ru"), or the default edition's when it names none."""
    code = (code or "").strip().replace("_", "-").lower()
    codes = edition_codes()
    if code in codes:
        return code
    primary = code.split("-")[0]
    if primary in codes:
        return primary
    if fallback:
        return default_language()
    return codes[0] if codes else primary or "en"


def current_edition():
    """The edition of the request being served: the active language, which LocaleMiddleware
    sets from the URL's prefix (and to the default edition without one)."""
    return normalize(translation.get_language())


def language_name(code):
    """The edition's name in its own language ("Русский"), as a switcher shows it."""
    return dict(settings.LANGUAGES).get(code, code)


def language_choices():
    return list(settings.LANGUAGES)


def localized(names, default):
    """`names[edition]` for the active edition, else `default` (the default edition's form)."""
    if names:
        return names.get(current_edition()) or default
    return default
