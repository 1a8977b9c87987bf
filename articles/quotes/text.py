"""From body HTML to the plain text the extractor reads, and the text's paragraphs and sentences."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from .lexicon import ABBREVIATIONS

# Tags that end a paragraph; everything else is inline and only contributes its text.
BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
}
SKIP_TAGS = {"script", "style", "template", "noscript"}


@dataclass(frozen=True)
class PlainText:
    """Plain text made from HTML, with the HTML offset of every character.

    Quote offsets refer to `text`; `html_span()` maps them back into the source HTML,
    which lets an editor's screen highlight the words where they were typed.
    """

    text: str
    html_offsets: tuple[int, ...]  # one per character of text, plus the end of the HTML

    def __str__(self) -> str:
        return self.text

    def html_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.html_offsets[start], self.html_offsets[start]
        # End just past the last character's source, which may be an entity like "&amp;".
        return self.html_offsets[start], self.html_offsets[end - 1] + 1


class _Flattener(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skipping = 0

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, char: str, offset: int) -> None:
        if char.isspace():
            # Collapse runs of whitespace, and never start a paragraph with a space.
            if not self.chars or self.chars[-1] in " \n":
                return
            char = " "
        self.chars.append(char)
        self.offsets.append(offset)

    def _break(self, newlines: str) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()
        if not self.chars or (self.chars[-1] == "\n" and newlines == "\n"):
            return
        if self.chars[-1] == "\n":
            newlines = newlines[: len(newlines) - sum(1 for c in self.chars[-2:] if c == "\n")]
        for char in newlines:
            self.chars.append(char)
            self.offsets.append(self._here())

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._break("\n")
        elif tag in BLOCK_TAGS:
            self._break("\n\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self._break("\n\n")

    def handle_data(self, data):
        if self.skipping:
            return
        start = self._here()
        for i, char in enumerate(data):
            self._emit(char, start + i)

    def _reference(self, source: str) -> None:
        if not self.skipping:
            for char in unescape(source):
                self._emit(char, self._here())

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")


def html_to_text(html: str) -> PlainText:
    """Flatten simple body HTML: each block becomes a paragraph, paragraphs are separated by
    a blank line, inline tags vanish and entities are decoded."""
    parser = _Flattener(html)
    parser.feed(html)
    parser.close()
    chars, offsets = parser.chars, parser.offsets
    while chars and chars[-1] in " \n":
        chars.pop()
        offsets.pop()
    return PlainText("".join(chars), (*offsets, len(html)))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs are separated by blank lines; text without any is taken a line at a time."""
    separator = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    spans, start = [], 0
    for match in re.finditer(separator, text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_BOUNDARY = re.compile(r"[.!?…]+(?=[\s\"'“”«»‘’)]*\s+[\"'“«‘(]?[A-Z0-9À-Ý])")


def sentence_spans(
    text: str, start: int, end: int, opaque: list[tuple[int, int]], extra_cuts: tuple[int, ...] = ()
) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences, never inside an `opaque` (quoted) region.

    A full stop after an abbreviation or an initial does not end a sentence; `extra_cuts`
    are boundaries the caller knows of, such as the end of a quote that closes a sentence.
    """
    cuts = [start, *(cut for cut in extra_cuts if start < cut < end)]
    for match in _BOUNDARY.finditer(text, start, end):
        pos = match.end()
        if any(s < pos <= e for s, e in opaque):
            continue
        word = re.search(r"([\w.]+)\.$", text[max(start, pos - 20) : pos])
        if word and match.group() == "." and _is_abbreviation(word.group(1)):
            continue
        # Swallow closing marks that belong to the sentence just ended.
        while pos < end and text[pos] in "\"'”»’)":
            pos += 1
        cuts.append(pos)
    cuts = [*sorted(set(cuts)), end]
    spans = [_strip(text, a, b) for a, b in itertools.pairwise(cuts)]
    return [(a, b) for a, b in spans if b > a]


def _is_abbreviation(word: str) -> bool:
    key = word.casefold()
    return (
        key in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or bool(re.fullmatch(r"(\w\.)+\w", key))
    )
