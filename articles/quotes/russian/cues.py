"""Which quoted spans of Russian copy are quotations, where a split quote is cut, and the words
that attribute each one.

Quote marks in Russian also enclose names (`компания «ЭкоЛиния»`, `фильм «Ночной поезд»`): a
short capitalised span with no punctuation that no dash or colon attributes is a name. A span
opening in lower case is a fragment (`назвал решение «чрезмерно жёстким»`), a quotation only
when a verb of saying comes before it in the sentence; otherwise it is a scare quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..scan import QuoteSpan
from . import lexicon as lx
from .lexicon import fold
from .words import WORD

# `», — сказал`, `?» — спросил`: the attribution after the closing mark.
DASH_AFTER = re.compile(r"\s*[,!?…]?\s*[—–]\s+")
# `«…, — подчеркнул министр. — …»`: an attribution inside the marks, between two dashes.
_SPLIT = re.compile(r"(?P<cut>[,!?…]*)\s+[—–]\s+(?P<clause>[^—–«»„“”\"\n]{2,120}?)[,.]\s+[—–]\s+")
_SO_CALLED = re.compile(r"так\s+называем\w*\s*$|т\.\s*н\.\s*$", re.IGNORECASE)


@dataclass
class Piece:
    """One quotation to report: a whole span, or one side of a split quote."""

    start: int
    end: int
    span: QuoteSpan
    fragment: bool = False
    clause: tuple[int, int] | None = None  # a split quote's attribution between its dashes


@dataclass
class Cue:
    verb: str  # as written: "сказала", "говорится"
    verb_at: int
    agreement: str | None  # "m", "f", "n", "pl", "sg"
    lo: int  # where the words naming the speaker are looked for
    hi: int
    where: str  # "after" (dash), "before" (colon, по словам), "inside" (a fragment's verb)


def speech_verb(word: str) -> str | None:
    return fold(word) if fold(word) in lx.SPEECH_VERBS else None


def verbs_in(text: str, lo: int, hi: int, opaque) -> list[tuple[str, int]]:
    return [
        (m.group(), lo + m.start())
        for m in WORD.finditer(text[lo:hi])
        if speech_verb(m.group()) and not any(a <= lo + m.start() < b for a, b in opaque)
    ]


def read_spans(text, spans, sentence_at, opaque):
    """(pieces, names): the quotations, split where the attribution sits inside the marks, and
    the (open mark, start, end) of the spans that are names."""
    pieces, names = [], []
    for span in spans:
        inner = text[span.start : span.end]
        lo, _hi = sentence_at(span.open)
        before = text[lo : span.open]
        words = WORD.findall(inner)
        previous = WORD.findall(text[max(0, span.open - 30) : span.open])
        if not words or (inner[:1].isupper() and previous and fold(previous[-1]) in lx.WORK_NOUNS):
            continue  # `фильм «Ночной поезд»`; but `назвала проект «безопасным»` is a fragment
        attributed = DASH_AFTER.match(text, span.after) or before.rstrip().endswith(":")
        name_like = inner[:1].isupper() and len(words) <= 6 and not re.search(r"[.!?…,:;]", inner)
        if name_like and not attributed:
            names.append((span.open, span.start, span.end))
            continue
        if inner[:1].islower() and not attributed:
            if _SO_CALLED.search(before) or not verbs_in(text, lo, span.open, opaque):
                continue  # a scare quote
            pieces.append(Piece(span.start, span.end, span, fragment=True))
            continue
        pieces.extend(_split(text, span))
    return pieces, names


def _split(text: str, span: QuoteSpan) -> list[Piece]:
    pieces, start = [], span.start
    for match in _SPLIT.finditer(text, span.start, span.end):
        if not any(speech_verb(w) for w in WORD.findall(match["clause"])):
            continue
        clause = (match.start("clause"), match.end("clause"))
        end = match.start() + len(match["cut"].rstrip(","))
        pieces.append(Piece(start, end, span, clause=clause))
        start = match.end()
    if not pieces:
        return [Piece(span.start, span.end, span)]
    pieces.append(Piece(start, span.end, span, clause=pieces[-1].clause))
    return pieces


def find_cue(text: str, piece: Piece, sentence_at, opaque, next_open: int) -> Cue | None:
    """The verb of saying that attributes `piece`, and the stretch where its speaker is named."""
    if piece.clause is not None:
        lo, hi = piece.clause
        found = verbs_in(text, lo, hi, [])
        return _cue(found[0], lo, hi, "after") if found else None
    span = piece.span
    s_lo, s_hi = sentence_at(span.open)
    dash = DASH_AFTER.match(text, span.after)
    if dash:
        hi = min(s_hi, next_open)
        cut = re.search(r"[;]|\.\s|\.$", text[dash.end() : hi])
        hi = dash.end() + cut.start() if cut else hi
        found = verbs_in(text, dash.end(), hi, opaque)
        if found:
            return _cue(found[0], dash.end(), hi, "after")
    before = text[s_lo : span.open]
    left = max([s_lo] + [b for a, b in opaque if s_lo <= b <= span.open and a < span.open])
    words = re.search(r"(?i)\bпо\s+(?:\w+\s+)?(?:словам|мнению|данным)\b", text[left : span.open])
    if words:
        return Cue("по словам", left + words.start(), "sg", left + words.start(), span.open, "before")
    # `Как сообщила пресс-секретарь Алина Мороз, «…»`: the speaker follows the verb.
    as_said = re.match(r"\s*[Кк]ак\s+(\w+)\s+[^,«„]+,\s*$", text[left : span.open])
    if as_said and speech_verb(as_said.group(1)):
        at = left + as_said.start(1)
        verb = as_said.group(1)
        return Cue(verb, at, lx.SPEECH_VERBS[fold(verb)], at, span.open, "after")
    if before.rstrip().endswith(":") or piece.fragment:
        found = verbs_in(text, left, span.open, opaque) or verbs_in(text, s_lo, span.open, opaque)
        if found:
            verb, at = found[-1] if not piece.fragment else found[0]
            return Cue(
                verb, at, lx.SPEECH_VERBS[fold(verb)], s_lo, at, "before" if not piece.fragment else "inside"
            )
    return None


def _cue(found: tuple[str, int], lo: int, hi: int, where: str) -> Cue:
    verb, at = found
    return Cue(verb, at, lx.SPEECH_VERBS[fold(verb)], lo, hi, where)
