"""Datelines as agencies write them, found at the start of a line of wire copy.

    MOSCOW, September 11. /TASS/.          place, date, agency between slashes
    LONDON, Dec. 2, 2026 /Newsline/ --     a press-release wire: the same, with a year and a dash
    BERLIN (Reuters) -                     place, agency in brackets, a dash
    NEW DELHI, Dec 2 (PTI)                 place, date, agency in brackets
    Kyiv, 3 March (AFP) -                  day before month
    New Delhi [India], Dec 2 (ANI):        a country in square brackets, a colon
    MOSCOW. Dec 2 (Interfax) -             a full stop after the place
    Madrid, Dec 2 (EFE).-                  the Spanish agencies' full stop and dash
    ODENBURG —                             a local paper: a place in capitals and a dash, no agency
    МОСКВА, 11 сентября. /ТАСС/.           Russian agencies: a day and a month in the genitive
    САНКТ-ПЕТЕРБУРГ, 3 марта. /Корр. ТАСС/.   a correspondent's credit: the agency is ТАСС
    КИЕВ, 2 декабря /РИА Новости/.         no full stop after the date

Pure: no Django.
"""

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Russian months in the genitive, as a date writes them ("11 сентября"), and the short forms
# of page time stamps ("11 сен 2020").
_MONTH_RU = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|дек)\.?"
)
DATE = (
    rf"(?i:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH}|\d{{1,2}}[ \t]+{_MONTH_RU}(?![а-яё]))"
    r"(?:,?[ \t]+\d{4}(?:[ \t]*г\.)?)?"
)
# A place: a letter first, no digits, brackets or slashes; a country may follow in [square brackets].
_PLACE = r"(?P<place>[^\W\d_][^\d,/()\[\]\n]{0,60}?(?:[ \t]*\[[^\]\n]{1,40}\])?)"
_DASH = r"(?:-{1,2}|–|—|:|\.-|\.–|\.)"

# `MOSCOW, September 11. /TASS/.` and the press-release wires' `LONDON, Dec. 2, 2026 /Newsline/ --`.
_SLASHED = re.compile(
    rf"""{_PLACE},[ \t]+(?P<date>{DATE})\.?[ \t]*
    /(?P<agency>[^/\n]{{1,60}})/\.?[ \t]*(?:{_DASH}[ \t]*)?""",
    re.VERBOSE,
)
# `BERLIN (Reuters) -`, `NEW DELHI, Dec 2 (PTI)`, `MOSCOW. Dec 2 (Interfax) -`, `Madrid, Dec 2 (EFE).-`.
_BRACKETED = re.compile(
    rf"""{_PLACE}(?:[,.][ \t]+(?P<date>{DATE}))?[ \t]+
    \((?P<agency>[^()\n]{{1,40}})\)[ \t]*(?:{_DASH}[ \t]*)?""",
    re.VERBOSE,
)
# A local paper's `ODENBURG —` or `ODENBURG, Dec. 2 —`: capitals and a real dash, so that a
# sentence with a dash in it is never taken for a dateline.
_PLACE_DASH = re.compile(
    rf"""(?P<place>[A-Z][A-Z .'-]{{1,40}}?)(?:,[ \t]+(?P<date>{DATE}))?[ \t]+(?:—|–|--)[ \t]*""",
    re.VERBOSE,
)
EXAMPLE = "`MOSCOW, September 11. /AGENCY/.` or `BERLIN (Reuters) -`"
# Short words kept lower case when an all-capitals place is title-cased: "Rio de Janeiro".
_PLACE_PARTICLES = {"de", "del", "da", "do", "dos", "la", "le", "les", "am", "an", "on", "upon", "sur"}
# Words in brackets after a place that are not an agency: "(file)", "(updated)".
_NOT_AGENCIES = {
    *("file", "updated", "update", "corrected", "correction", "video", "photos", "live"),
    *("left", "right", "centre", "center", "pictured", "top", "bottom", "archive"),
}
# Capitals and a dash that open a line but name no place.
_NOT_PLACES = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORS",
}


@dataclass(frozen=True)
class Dateline:
    place: str
    date: str  # as written, without a closing full stop: "September 11", "Dec 2"
    agency: str
    end: int  # where the first paragraph's text starts on the line


def match_dateline(line):
    """The dateline opening `line`, or None."""
    for pattern in (_SLASHED, _BRACKETED, _PLACE_DASH):
        found = pattern.match(line)
        if found is None or not _plausible(pattern, found, line):
            continue
        return Dateline(
            place=_place(found["place"]),
            date=" ".join((found["date"] or "").split()).rstrip("."),
            agency=_agency(found.groupdict().get("agency") or ""),
            end=found.end(),
        )
    return None


def _plausible(pattern, found, line):
    words = re.sub(r"\[[^\]]*\]", "", found["place"]).split()
    if pattern is _PLACE_DASH:
        return words[0] not in _NOT_PLACES
    if pattern is _SLASHED:
        return True
    agency = found["agency"].strip()
    if agency.casefold() in _NOT_AGENCIES or len(agency.split()) > 4:
        return False
    if found["date"]:
        return len(words) <= 6
    # "The minister (left) said" is no dateline: without a date the place is short, every word
    # capitalised, and a dash or colon follows the agency, as in "BERLIN (Reuters) -".
    dashed = bool(re.search(r"[-–—:.]\s*$", line[: found.end()])) or found.end() == len(line)
    return dashed and len(words) <= 4 and all(word[0].isupper() for word in words)


# "/Корр. ТАСС/": the agency's correspondent filed it; the agency is the credit.
_CORRESPONDENT = re.compile(r"^(?:корр\.|собкор\.?|спецкор\.?|корреспондент)\s*", re.IGNORECASE)


def _agency(agency):
    return _CORRESPONDENT.sub("", " ".join(agency.split()))


def _place(place):
    # "NEW DELHI [INDIA]": the country in brackets says where the city is, not where it was filed.
    place = " ".join(re.sub(r"\[[^\]]*\]", "", place).split())
    if not place.isupper():
        return place  # already as the desk writes it
    words = place.title().split(" ")
    return " ".join(
        [words[0], *(word.lower() if word.lower() in _PLACE_PARTICLES else word for word in words[1:])]
    )
