"""Datelines in the edition's language, as agencies print them in each:

    en  MOSCOW, September 11. /TASS/.
    ru  МОСКВА, 11 сентября. /ТАСС/.

The agency's name in each language comes from settings.NEWSROOM_AGENCY_NAMES; an agency the
setting does not name keeps its own name, so an edition without a table still gets a dateline.
"""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format, get_format

# How the day is written after the place. Russian wants the month in the genitive ("11 сентября"),
# which only Django's "E" gives; other languages use their locale's month-and-day format.
DAY_FORMATS = {"en": "F j", "ru": "j E", "uk": "j E", "be": "j E"}


def primary_language(language):
    """ "ru" for "ru", "ru-RU" or "ru_ru"; the site's language when `language` is empty."""
    code = (language or settings.LANGUAGE_CODE).replace("_", "-")
    return code.split("-")[0].lower()


def dateline_day(moment, language):
    """`moment` (an aware datetime, taken in the site's time zone, or a date) as a dateline's day:
    "September 11" in English, "11 сентября" in Russian."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    code = primary_language(language)
    with translation.override(code):
        return date_format(moment, DAY_FORMATS.get(code) or get_format("MONTH_DAY_FORMAT"))


def agency_name(agency, language):
    """The agency's name as the `language` edition prints it; matched ignoring case and spacing."""
    agency = agency or settings.DEFAULT_AGENCY
    names = getattr(settings, "NEWSROOM_AGENCY_NAMES", {}).get(primary_language(language), {})
    wanted = " ".join(agency.split()).casefold()
    return next((name for key, name in names.items() if " ".join(key.split()).casefold() == wanted), agency)


def format_dateline(*, place, day, agency, language):
    """`PLACE, day. /AGENCY/.` in `language`; `day` is already written ("September 11", see
    dateline_day) and an empty `agency` is our own. Place and agency are upper-cased in any script;
    without a place the dateline starts at the day."""
    agency = agency_name(agency, language).upper()
    place = (place or "").strip().upper()
    return f"{place}, {day}. /{agency}/." if place else f"{day}. /{agency}/."
