"""Russian words: case endings, given names, surnames, role and organisation nouns, sentences.

What `names.py` builds people and organisations from, one word at a time. Pure data lookups
and regular expressions; no reading of the story as a whole.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from . import lexicon as lx
from .lexicon import fold

WORD = re.compile(r"\w[\w\-]*")
_ENDINGS = sorted(
    {"а", "я", "у", "ю", "е", "ы", "и", "о", "ой", "ей", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях"}
    | {"ая", "ую", "ый", "ий", "ое", "ого", "ему", "ому", "ым", "им", "ых", "их", "ые", "ие", "ов", "ев"},
    key=len,
    reverse=True,
)
ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ой|ую|юю|ых|их|ских)$")
VERB = re.compile(r"(?:л|ла|ло|ли|ет|ит|ут|ют|ат|ят|ся|сь|ть)$")
GENITIVE = re.compile(r"(?:ы|и|а|я|ов|ев|ей|ий|ых|их|ого|ой|ства|ции)$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return fold(self.text)

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def stem(word: str) -> str:
    """A word without its case ending, for comparing inflected forms: звезды ~ звезда."""
    low = fold(word)
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def lemma_of(word: str, table: dict) -> str | None:
    """The nominative in `table` that `word` is a form of: `министра` → министр, `главе` → глава."""
    low = fold(word)
    if low in table:
        return low
    base = stem(low)
    for candidate in (base, base + "а", base + "я", base + "о", base + "е", base + "ь", base + "ия"):
        if candidate in table and len(low) - len(candidate) <= 3:
            return candidate
    return None


def given_name(word: str) -> tuple[str, str, bool] | None:
    """(nominative, gender, oblique) when `word` is a form of a known given name."""
    low = fold(word)
    if low in lx.GIVEN_NAMES:
        return low, lx.GIVEN_NAMES[low], False
    for ending in ("ой", "ей", "ем", "ом", "ии", "ию", "ия", "а", "я", "у", "ю", "е", "ы", "и"):
        if not low.endswith(ending):
            continue
        base = low[: -len(ending)]
        for nominative in (
            base,
            base + "а",
            base + "я",
            base + "й",
            base + "ий",
            base + "ия",
            base[:-1] + "ья",
        ):
            if nominative in lx.GIVEN_NAMES and nominative != low:
                return nominative, lx.GIVEN_NAMES[nominative], True
    return None


def surname_nominative(surname: str, gender: str) -> str:
    """Undo the case a declined given name shows: `Лапшина` after `Виктора` is Лапшин."""
    if gender == "f":
        for ending, nominative in lx.FEMININE_ENDINGS.items():
            if surname.endswith(ending) and re.search(r"(?:ов|ев|ин|ын|ск|цк)$", surname[: -len(ending)]):
                return surname[: -len(ending)] + nominative
        return surname
    for ending in lx.MASCULINE_ENDINGS:
        base = surname[: -len(ending)]
        if surname.endswith(ending) and len(base) >= 3:
            if ending in ("ого", "ому", "им", "ом") and re.search(r"(?:ск|цк)$", base):
                return base + "ий"
            if not base.endswith(("ск", "цк")) and not re.search(r"[аеиоуыэюя]$", base):
                return base
    return surname


def surname_forms(surname: str, gender: str | None) -> set[str]:
    """Every case of a nominative surname, folded: Дроздов → дроздова, дроздову, дроздовым…"""
    low = fold(surname)
    forms = {low}
    if re.search(r"(?:ова|ева|ина|ына)$", low):
        forms |= {low[:-1] + "ой", low[:-1] + "у"}
    elif re.search(r"(?:ская|цкая)$", low):
        forms |= {low[:-2] + e for e in ("ой", "ую")}
    elif re.search(r"(?:ский|цкий)$", low):
        forms |= {low[:-2] + e for e in ("ого", "ому", "им", "ом")}
    elif gender != "f" and not re.search(r"[аеиоуыэюя]$", low):
        forms |= {low + e for e in ("а", "у", "ом", "ым", "е")}
    return forms


def gender_of_surname(surname: str) -> str | None:
    low = fold(surname)
    if re.search(r"(?:ова|ева|ина|ына|ская|цкая)$", low):
        return "f"
    if re.search(r"(?:ов|ев|ин|ын|ский|цкий)$", low):
        return "m"
    return None


def words_of(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def sentence_spans(text: str, lo: int, hi: int, opaque: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of one paragraph: a full stop, ? ! or … before a capital, « „ or a dash ends one,
    except inside quoted words, after an initial or an abbreviation (`млн`, `г.`)."""
    cuts = [lo]
    for match in re.finditer(r"[.!?…]+(?=\s+[«„\"—–]?\s*[А-ЯЁA-Z0-9])", text[lo:hi]):
        pos = lo + match.end()
        if any(a < pos <= b for a, b in opaque):
            continue
        before = re.search(r"(\w+)\.$", text[max(lo, pos - 12) : pos])
        if (
            match.group() == "."
            and before
            and (len(before.group(1)) == 1 or fold(before.group(1)) in lx.ABBREVIATIONS)
        ):
            continue
        cuts.append(pos)
    cuts.append(hi)
    spans = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            spans.append((a, b))
    return spans


def preposition_before(words: list[Word], index: int) -> bool:
    return index > 0 and words[index - 1].low in lx.PREPOSITIONS


def is_role(word: Word) -> str | None:
    return lemma_of(word.text, lx.ROLES)


def org_head(word: Word) -> str | None:
    """The organisation noun `word` is a form of, or a name-like body (`Санэпиднадзора`)."""
    if word.low in lx.ORG_ACRONYMS or (word.text.isupper() and stem(word.low) in lx.ORG_ACRONYMS):
        return word.low
    head = lemma_of(word.text, lx.ORG_HEADS)
    if head:
        return head
    base = stem(word.low)
    if (
        word.cap
        and not word.text.isupper()
        and (
            base.endswith(lx.ORG_SUFFIXES)
            or (
                base.startswith(lx.ORG_PREFIXES)
                and len(base) <= 10
                and base[3:4].isalpha()
                and word.text[3:4].isupper()
            )
        )
    ):
        return "надзор"  # a state body known by its own name
    return None


def org_category(head: str) -> str:
    if head == "надзор" or head in lx.ORG_ACRONYMS:
        return "state"
    return lx.ORG_HEADS.get(head, "other")
