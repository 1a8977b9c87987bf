"""Finding the quoted stretches of a story: which marks open and close, and where a
quotation carries over into the next paragraph.

Double quotes and guillemets are read first. Single quotes open a quotation only outside
them (inside they are nested quotations): British, Indian and South African copy and
headlines quote with single marks. A closing ’ is also an apostrophe, so it closes only
before a space or punctuation, and not at a plural possessive (`the players’ union`)
when a later mark can close instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# An opening mark and the marks that may close it. „ is closed by “ in German, ” elsewhere.
FAMILIES = {"“": "”“", "„": "“”", "«": "»", '"': '"', "”": "”"}
DOUBLE_MARKS = '"“”„«»'
SINGLE_FAMILIES = {"‘": "’", "'": "'"}
_OPEN_BEFORE = " \t\n\u00a0\u202f([{—–-/‘'«“„:"
_CLOSE_AFTER = " \t\n\u00a0\u202f.,;:!?)]}—–-…'’»”\""


@dataclass
class QuoteSpan:
    """The quoted words between a pair of marks (marks excluded), possibly over several paragraphs."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None when the paragraph ended first
    start: int
    end: int
    paragraph: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    last_paragraph: int = -1

    @property
    def after(self) -> int:
        """Index just past the closing mark, or the end of the words when there is none."""
        return self.close + 1 if self.close is not None else self.end


def _can_open(text: str, i: int, lo: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # French typography puts a (thin) space inside guillemets.
    return (before in _OPEN_BEFORE or before in DOUBLE_MARKS) and (text[i] == "«" or not after.isspace())


def _can_close(text: str, i: int, hi: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    return (text[i] == "»" or not before.isspace()) and (after in _CLOSE_AFTER or after in DOUBLE_MARKS)


def _paragraph_spans(text: str, lo: int, hi: int, index: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opener: str | None = None
    open_at = 0
    for i in range(lo, hi):
        char = text[i]
        if char not in DOUBLE_MARKS:
            continue
        if opener is None:
            if char == '"' and i > lo and text[i - 1].isdigit():
                continue  # an inch mark: 6'2"
            if char in FAMILIES and char != "»" and _can_open(text, i, lo):
                opener, open_at = char, i
        elif char in FAMILIES[opener] and _can_close(text, i, hi):
            spans.append(_make(text, open_at, i, index))
            opener = None
    if opener is not None and open_at + 1 < hi:
        spans.append(_make(text, open_at, None, index, hi))
    return spans


def _make(text: str, open_at: int, close: int | None, index: int, hi: int | None = None) -> QuoteSpan:
    start, end = open_at + 1, close if close is not None else hi
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close, start, end, index, [(start, end)], index)


def _single_spans(text: str, lo: int, hi: int, index: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted stretches of one paragraph that no double-quoted one contains."""
    inside = [(s.open, s.after) for s in taken]
    spans: list[QuoteSpan] = []
    i = lo
    while i < hi:
        char = text[i]
        if char not in SINGLE_FAMILIES or any(a <= i < b for a, b in inside):
            i += 1
            continue
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        # ’90s, 'em: an elision, not a quotation; a letter before it is an apostrophe.
        if before not in _OPEN_BEFORE or not (after.isalpha() or after in '“"') or before == "'":
            i += 1
            continue
        closers = [
            j
            for j in range(i + 2, hi)
            if text[j] == SINGLE_FAMILIES[char]
            and not text[j - 1].isspace()
            and (j + 1 >= hi or text[j + 1] in _CLOSE_AFTER)
            and not any(a <= j < b for a, b in inside)
        ]
        # `the players’ union`: an s, a space and a lower-case word is a possessive.
        plain = [j for j in closers if not re.match(r"s[’'] [a-z]", text[j - 1 : j + 3])]
        close = plain[0] if plain else (closers[0] if closers else None)
        if close is None:
            # It carries on into the next paragraph (the wire convention): an opening ‘ at the
            # start, or after a colon (`told the Courier: 'I told them…`) when the next
            # paragraph opens with the same mark.
            introduced = i == lo or text[lo:i].rstrip().endswith(":")
            rest = text[hi:].lstrip()
            if introduced and ((char == "‘" and i == lo) or rest[:1] == char):
                spans.append(_make(text, i, None, index, hi))
            break
        spans.append(_make(text, i, close, index))
        i = close + 1
    return spans


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quoted stretch, in order. A paragraph that ends inside a quotation and a next
    paragraph that opens with a quote mark make one quotation (the wire convention of
    repeating the open mark, without a close, at each paragraph of a long quote)."""
    found: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    for index, (lo, hi) in enumerate(paragraphs):
        spans = _paragraph_spans(text, lo, hi, index)
        spans = sorted(spans + _single_spans(text, lo, hi, index, spans), key=lambda span: span.open)
        spans = [span for span in spans if span.end > span.start]
        if pending is not None and spans and spans[0].open == lo:
            first = spans.pop(0)
            pending.parts.append((first.start, first.end))
            pending.end, pending.close, pending.last_paragraph = first.end, first.close, index
            if first.close is not None:
                found.append(pending)
                pending = None
        elif pending is not None:
            found.append(pending)
            pending = None
        if spans and spans[-1].close is None:
            pending = spans.pop()
        found.extend(spans)
    if pending is not None:
        found.append(pending)
    found.sort(key=lambda span: span.open)
    return found
