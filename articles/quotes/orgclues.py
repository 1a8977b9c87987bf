"""Clues that a capitalised name with no organisation word is an organisation's.

Companies and campaigns are often named bare (`Northgate Homes`, `Ashcombe Living`), so the
sentence has to say what they are: an organisation noun in apposition (`X, a chain of bicycle
shops`), in front (`budget airline X`), after (`the X hospital group`) or set off before the
name (`The developer, X,`); a relative `which` rather than `who`; an `its` in what it said; a
governing body it has (`the board of X`); an ambiguous role such as *owner* before a name with
no given name. Each clue returns the organisation's category ("company", "group"…), or ""
when the sentence says only that it is one.
"""

from __future__ import annotations

import re

from .givennames import gender_of_given_name
from .lexicon import CAPITALISED_STOPWORDS, ROLE_WORDS
from .orgwords import ORG_NOUNS
from .roles import Token, is_title

_NOUNS = "|".join(
    sorted((n for n in ORG_NOUNS if n not in ("family", "couple", "city")), key=len, reverse=True)
)
_ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w\-']+\s+){0,3}?(" + _NOUNS + r")"
    r"(?=\s*[,.;:)]|\s+(?:of|in|that|which|based|from|with|owned|known|whose|for|run)\b)"
)
_ORG_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(" + _NOUNS + r")\b")
# "The developer, Ashcombe Living, said": not after a preposition, where the name is usually a
# person working for it ("a spokeswoman for the council, Dana Whitcombe,").
_SET_OFF = re.compile(
    r"(?:^|[.!?]\s+|\n|(\w+)\s+)(?:the|its|their)\s+(?:[a-z][\w\-]*\s+){0,2}?(" + _NOUNS + r"),\s+$", re.I
)
_PREPOSITIONS = {"for", "of", "to", "at", "from", "with", "by", "told", "and"}
# "the board of Redmond Tools", "shareholders in Vance": bodies only an organisation has.
_GOVERNED = re.compile(
    r"\b(?:board|trustees|directors|shareholders|investors|creditors|management)\s+(?:of|in|at)\s+$"
)
_SPOKES_AFTER = re.compile(r"\s+(?:spokes(?:man|woman|person)|representative)\b")
# Offices held in a body, not for a person (a spokesman may speak for a person).
_HEAD_OF = re.compile(
    r"\b(?:chief executive|executive|director|chairman|chairwoman|chair|founder|head|ceo|"
    r"managing director|general manager|chief financial officer)\s+(?:of|at)\s+(?:the\s+)?$",
    re.I,
)
_SAYS_ITS = re.compile(
    r"(?:,[^,]{1,80},)?\s+(?:said|says|announced|confirmed|added|reported)\s+"
    r"(?:(?:on|in|late|early)\s+\w+\s+)?(?:that\s+)?its\b"
)
_WHICH = re.compile(
    r",\s+which\s+(?:[^,.;]{1,80},\s+(?:said|says|announced|added|confirmed)\b|"
    r"(?:owns|owned|operates|runs|employs|makes|sells|stores|supplies|manufactures|builds|bought|"
    r"acquired|manages|took over|has owned|has run|moves|ships|carries|provides|offers|develops|"
    r"produces|imports|exports|distributes|hires|trades|designs|publishes)\b)"
)
# First words of places named in two words: "New Zealand, which owns…" is no company.
_PLACE_STARTS = {"new", "south", "north", "east", "west", "saudi", "hong", "sri", "costa", "el", "puerto"}
_PLACE_STARTS |= {"san", "santa", "los", "las", "st", "saint", "united", "great", "upper", "lower"}
# Roles a firm holds as often as a person: "Owner Castell Tiles said".
_FIRM_ROLES = {"owner", "owners", "developer", "operator", "landlord", "employer", "buyer", "supplier"}
_FIRM_ROLES |= {"contractor", "publisher", "insurer", "lender", "sponsor", "bidder", "seller"}


def _personal(name: list[Token]) -> bool:
    return bool(gender_of_given_name(name[0].text)) or is_title(name[0].text)


def org_apposition(text: str, end: int) -> str | None:
    """`Cyclesmith, a chain of bicycle shops,` makes Cyclesmith an organisation."""
    match = _ORG_APPOSITION.match(text, end)
    return ORG_NOUNS[match.group(1)] if match else None


def org_before(text: str, tokens: list[Token], index: int) -> str | None:
    """`budget airline Rheinair`, `the carmaker Volta`: a lower-case organisation noun in front
    (not `property developer Susan Grey`: a given name says it is a person)."""
    if index == 0:
        return None
    before = tokens[index - 1]
    if before.capitalised or text[before.stop : tokens[index].start] != " ":
        return None
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    two_words = nxt is not None and nxt.capitalised and text[tokens[index].stop : nxt.start] == " "
    if two_words and gender_of_given_name(tokens[index].text):
        return None
    return ORG_NOUNS.get(before.lower)


def org_after(text: str, start: int, end: int, name: list[Token]) -> str | None:
    """`the Region Midt hospital group`: a name the article takes as a modifier of an
    organisation noun, and no given name to say it is a person."""
    if not re.search(r"\b[Tt]he\s+$", text[max(0, start - 5) : start]) or gender_of_given_name(name[0].text):
        return None
    match = _ORG_AFTER.match(text, end)
    return ORG_NOUNS[match.group(1)] if match else None


def org_set_off(text: str, start: int, end: int, name: list[Token]) -> str | None:
    """`The developer, Ashcombe Living, said`: an organisation noun set off before the name."""
    if _personal(name) or not re.match(r"\s*[,.;:)]", text[end : end + 3]):
        return None
    match = _SET_OFF.search(text[max(0, start - 70) : start])
    if not match or (match.group(1) or "").casefold() in _PREPOSITIONS:
        return None
    return ORG_NOUNS[match.group(2).casefold()]


def org_by_clause(text: str, start: int, end: int, name: list[Token]) -> str | None:
    """A name that only an organisation fits: `X, which owns the arcade, said`, `X said its…`,
    `the board of X`."""
    if _personal(name):
        return None
    two_words = len(name) > 1 and name[0].lower not in _PLACE_STARTS
    if two_words and (_WHICH.match(text, end) or _SAYS_ITS.match(text, end)) and not _taken_up(text, end):
        return ""
    if _GOVERNED.search(text[max(0, start - 30) : start]):
        return "company"
    if re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4) : start]) and _SPOKES_AFTER.match(text, end):
        return ""  # "a Kvitfjord spokeswoman said": a body's spokeswoman, not a person's
    if len(name) > 1 and _HEAD_OF.search(text[max(0, start - 40) : start]):
        return ""  # "The chief executive of Norland Water": a body a person heads
    return None


def firm_role(text: str, role: str, name: list[Token]) -> bool:
    """`Owner Castell Tiles`, `mine owner Carbon del Norte`: a role a firm holds, before a
    name with no given name, and no he or she taking it up (`Owner Ng Ka-wai… he said`)."""
    words = role.casefold().split()
    if not words or words[-1] not in _FIRM_ROLES or len(name) < 2 or _personal(name):
        return False
    if any(w in ROLE_WORDS and w not in _FIRM_ROLES for w in words):
        return False  # "company owner and chief executive"
    return not _taken_up(text, name[-1].end)


def _taken_up(text: str, end: int) -> bool:
    """A he or she soon after the name: a person, whatever else the sentence suggests."""
    outside = _QUOTED.sub(" ", text[end : end + 300])  # "…see him," it said: not the name's
    return bool(re.search(r"\b(?:he|she|his|her|him)\b", outside[:150], re.I))


_QUOTED = re.compile(r"[“\"«„][^”\"»“]*(?:[”\"»]|$)|‘[^’]*(?:’(?=[\s,.;:!?])|$)")


def owners_of(text: str, start: int) -> int:
    """`Supporters of Harlow Baths, a campaign group`: where a name an organisation noun
    vouches for really starts, when capitalised words and *of* come before it."""
    match = re.search(r"(?:^|(?<=[\s(]))((?:[A-Z][\w'’\-]+\s+){1,2})of\s+$", text[max(0, start - 40) : start])
    if not match:
        return start
    first = match.group(1).split()
    if any(w.casefold() in ROLE_WORDS or w.casefold() in CAPITALISED_STOPWORDS or is_title(w) for w in first):
        return start
    if gender_of_given_name(first[0]):
        return start
    return max(0, start - 40) + match.start(1)
