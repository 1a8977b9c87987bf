"""Wire copy as agencies send it, or as a browser copies their story page: parsed into a
story's parts, then a draft.

Top to bottom; blank lines anywhere and Windows line endings do not matter:

    All news                                     section or navigation labels (optional)
    Freight terminal to be rebuilt               the headline
    By Ana Ortiz  ·  11 SEP 2026, 14:25          bylines (the story's authors) and time stamps (to the note)
    Work on the site starts next spring.         the standfirst (optional)
    A crane at the terminal  Pictures/NWS        the photo's alt text (optional) …
    A crane at the terminal                      … its caption …
    © Newsroom Pictures/Ana Ortiz                … and its credit line
    MOSCOW, September 11. /NWS/. The board …     the dateline opening the first paragraph
    …                                            the body, with "Read also" links (to the note)
    Share  Telegram  VK / Tags: …                share buttons and tags (to the note)

`datelines` knows the agencies' datelines, `furniture` the page's own text and the photo
block, `body` the paragraphs below the dateline. Whatever is
clearly furniture goes to `notes`, never to the story; copy is refused only when no editor
could make a story of it (empty, no headline, no body), naming the line.

Pure: text in, WireStory out, no Django, so it can be tested without a database;
`articles.wire.ingest.story_create_from_wire()` is the step that writes.
"""

import html
import re
from dataclasses import dataclass, replace

from ..quotes.language import detect_language
from . import furniture
from .body import Body
from .bylines import BylineName, parse_byline
from .datelines import EXAMPLE as DATELINE_EXAMPLE
from .datelines import match_dateline
from .furniture import NoteLine

# Characters that never occur in text typed by a person: a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# How far below the headline a copy without a dateline may still carry its standfirst,
# byline and photo block.
_HEADER_REACH = 8


class WireFormatError(ValueError):
    """The copy cannot be imported; `part` names what was not found or not understood."""

    def __init__(self, part, message):
        super().__init__(message)
        self.part = part
        self.message = message


@dataclass(frozen=True)
class WireStory:
    headline: str
    place: str
    date: str  # as written in the dateline: "September 11", "Dec 2"; empty when it gives none
    agency: str
    paragraphs: tuple[str, ...]
    section: str = ""
    standfirst: str = ""
    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    notes: tuple[NoteLine, ...] = ()
    has_dateline: bool = True
    bylines: tuple[BylineName, ...] = ()  # from the "By …" lines above the body, in order
    language: str = ""  # BCP 47, read from the copy's script: "ru" when Cyrillic dominates

    @property
    def body_html(self):
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)

    @property
    def unplaced(self):
        """Lines the parser kept but could not place: an editor should look at them."""
        return tuple(note for note in self.notes if note.kind == "not placed")


def decode_wire(data: bytes) -> str:
    """Bytes as delivered: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WireFormatError("text", "This is not a text file; save the copy as UTF-8 text and try again.")


def parse_wire(text: str, *, sections=(), headline_max=250, default_language="en") -> WireStory:
    """Split wire copy into its parts. `sections` are the desk's section names and slugs,
    which tell a section label from a short headline; `headline_max` is the story's headline
    length, so an overlong first line is reported here. The story's `language` is "ru" when
    Cyrillic letters dominate its headline, standfirst and body, else `default_language` (the
    site's). Raises WireFormatError."""
    story = _parse(text, sections=sections, headline_max=headline_max)
    copy = " ".join([story.headline, story.standfirst, *story.paragraphs])
    return replace(story, language=detect_language(copy, default_language))


def _parse(text, *, sections, headline_max):
    if not text.strip():
        raise WireFormatError("text", "Nothing to import: the text is empty.")
    if _CONTROL.search(text):
        raise WireFormatError(
            "text", "This is not plain text (it contains control characters): paste the story as text."
        )
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)]
    known = frozenset(name.casefold() for name in sections)
    found = next(
        ((at, dateline) for at, (_, line) in enumerate(lines) if (dateline := match_dateline(line))), None
    )
    if found is None:
        return _without_dateline(lines, known, headline_max)
    at, dateline = found
    header = _Header([(n, line) for n, line in lines[:at] if line], known)
    header.read(dateline_line=lines[at], headline_max=headline_max)
    first = lines[at][1][dateline.end :].strip()
    body = Body([(lines[at][0], first), *lines[at + 1 :]])
    paragraphs = body.read()
    if not paragraphs:
        raise WireFormatError("body", _no_body(f"the dateline on line {lines[at][0]}", body.notes))
    return header.story(
        place=dateline.place, date=dateline.date, agency=dateline.agency, paragraphs=paragraphs, body=body
    )


def _without_dateline(lines, known, headline_max):
    """Copy with no dateline an editor can still use: the headline, whatever header lines sit
    just below it (byline, time, standfirst, photo), then the body. The story gets no place."""
    content = [(n, line) for n, line in lines if line]
    header = _Header(content, known)
    headline_at = header.find_headline(headline_max, dateline_line=None)
    reach = content[headline_at + 1 : headline_at + 1 + _HEADER_REACH]
    # The header ends at its last byline, time stamp or photo line; without one, after the headline.
    ends = [i for i, (_, line) in enumerate(reach) if _is_header_furniture(line)]
    header_end = headline_at + 1 + (ends[-1] + 1 if ends else 0)
    header = _Header(content[:header_end], known)
    header.read(dateline_line=None, headline_max=headline_max)
    last = content[header_end - 1][0]
    body = Body([(n, line) for n, line in lines if n > last])
    paragraphs = body.read()
    if not paragraphs:
        raise WireFormatError(
            "body",
            _no_body(f"the headline on line {header.headline_line} (“{header.headline}”)", body.notes)
            + f" No dateline was found either (it opens the first paragraph, like {DATELINE_EXAMPLE}).",
        )
    return header.story(place="", date="", agency="", paragraphs=paragraphs, body=body, has_dateline=False)


def _is_header_furniture(line):
    return bool(
        furniture.furniture_kind(line) in ("byline", "time stamp")
        or furniture.credit_of(line)
        or furniture.split_alt_text(line)
    )


def _no_body(after, notes):
    if notes:
        shown = "; ".join(str(note) for note in notes[:3])
        return f"No body found: after {after} there is only page furniture ({shown})."
    return f"No body found: {after} is followed by no text."


class _Header:
    """The lines above the dateline: labels, headline, standfirst, photo block, furniture."""

    def __init__(self, lines, known):
        self.lines, self.known = lines, known
        self.notes, self.section = [], ""
        self.headline = self.standfirst = self.caption = self.credit = self.alt_text = ""
        self.headline_line = 0

    def find_headline(self, headline_max, dateline_line):
        """The index of the headline among the lines: the first that is neither furniture nor a
        label with more copy below it. Raises WireFormatError naming the lines when there is none."""
        candidates = [i for i, (_, line) in enumerate(self.lines) if not furniture.furniture_kind(line)]
        for position, i in enumerate(candidates):
            line = self.lines[i][1]
            last = position == len(candidates) - 1
            kind = furniture.label_kind(line, self.known) or self._short_label(
                line, candidates[position + 1 :]
            )
            # A label with copy below it is a label; alone, only capitals may still be a headline.
            if kind and (not last or kind != "capitals"):
                if last:
                    where = f" above the dateline on line {dateline_line[0]}" if dateline_line else ""
                    raise WireFormatError(
                        "headline",
                        f"No headline found: only the {'section' if kind == 'section' else 'navigation'} "
                        f"label “{line}” (line {self.lines[i][0]}){where}.",
                    )
                continue
            if len(line) > headline_max:
                raise WireFormatError(
                    "headline",
                    f"No headline found: line {self.lines[i][0]} is {len(line)} characters long "
                    f"(at most {headline_max}); does the first paragraph lack its dateline?",
                )
            return i
        raise WireFormatError("headline", self._no_headline(dateline_line))

    def _short_label(self, line, below):
        # "Türkiye" or a paper's name above "Ankara hosts summit": one or two words with a longer
        # line below that is no sentence either (a standfirst is one) make a label, not a headline.
        if not below or len(line.split()) > 2 or furniture.is_sentence(line):
            return None
        following = self.lines[below[0]][1]
        longer = len(following.split()) > len(line.split()) + 1
        return "navigation" if longer and not furniture.is_sentence(following) else None

    def _no_headline(self, dateline_line):
        where = f"the dateline on line {dateline_line[0]}" if dateline_line else "the end"
        if not self.lines:
            return f"No headline found: nothing stands above {where}; the headline should be the first line."
        shown = "; ".join(
            f"line {n} “{line}” is {furniture.furniture_kind(line) or 'a navigation label'}"
            for n, line in self.lines[:4]
        )
        return f"No headline found: every line above {where} is page furniture ({shown})."

    def read(self, *, dateline_line, headline_max):
        at = self.find_headline(headline_max, dateline_line)
        for n, line in self.lines[:at]:
            self._label(n, line)
        self.headline_line, self.headline = self.lines[at]
        rest, below = [], None
        for n, line in self.lines[at + 1 :]:
            kind = furniture.furniture_kind(line) or (below if not furniture.is_sentence(line) else None)
            if kind:
                self.notes.append(NoteLine(n, kind, line))
                below = furniture.furniture_below(line)
            else:
                rest.append((n, line))
                below = None
        rest = self._photo(rest)
        if rest:
            self.standfirst = rest[0][1]
            self.notes += [NoteLine(n, "not placed", line) for n, line in rest[1:]]

    def _label(self, n, line):
        kind = furniture.furniture_kind(line)
        if kind:
            self.notes.append(NoteLine(n, kind, line))
            return
        # The most specific part of a breadcrumb that names a section: "News › World" → World.
        named = [part for part in furniture.label_parts(line) if part.casefold() in self.known]
        if named:
            self.section = named[-1]
        elif line.isupper() and not self.section:
            self.section = line  # the agencies' own desk label; the ingest says if we have no such section
        else:
            self.notes.append(NoteLine(n, "navigation", line))

    def _photo(self, rest):
        """Take the photo block (alt text, caption, credit) out of the lines below the headline."""
        for i, (_, line) in enumerate(rest):
            credit = furniture.credit_of(line)
            if credit is None:
                continue
            used = {i}
            if i >= 1:  # the line above a credit is its caption
                self.caption = rest[i - 1][1]
                used.add(i - 1)
                if i >= 2 and furniture.is_alt_text(rest[i - 2][1], self.caption, credit):
                    self._alt_text(*rest[i - 2])
                    used.add(i - 2)
            self.credit = credit
            return [entry for j, entry in enumerate(rest) if j not in used]
        for i, (n, line) in enumerate(rest):
            both = furniture.caption_with_credit(line) or furniture.split_alt_text(line)
            if both is None:
                continue
            self.caption, self.credit = both
            used = {i}
            if i >= 1 and furniture.is_alt_text(rest[i - 1][1], self.caption, self.credit):
                self._alt_text(*rest[i - 1])
                used.add(i - 1)
            elif furniture.split_alt_text(line):
                self._alt_text(n, line)
            return [entry for j, entry in enumerate(rest) if j not in used]
        return rest

    def _alt_text(self, n, line):
        # The page's alt text runs the credit on after two spaces; the photo has its own credit
        # field, so the description alone is proposed, and the line as copied goes to the note.
        self.alt_text = " ".join(line.partition("  ")[0].split())
        self.notes.append(NoteLine(n, "photo alt text", line))

    def story(self, *, place, date, agency, paragraphs, body, has_dateline=True):
        if not self.credit and body.photos:
            # No picture above the dateline: the first inside the body is the one to propose.
            self.caption, self.credit = body.photos[0]
        return WireStory(
            headline=self.headline,
            standfirst=self.standfirst,
            section=self.section,
            caption=self.caption,
            credit=self.credit,
            alt_text=self.alt_text,
            place=place,
            date=date,
            agency=agency,
            paragraphs=tuple(paragraphs),
            notes=tuple(sorted([*self.notes, *body.notes], key=lambda note: note.line)),
            has_dateline=has_dateline,
            bylines=self.bylines(),
        )

    def bylines(self):
        # The header's own bylines only: a "By …" line inside the body belongs to another story
        # ("Read also") or credits a photo.
        found = [name for note in self.notes if note.kind == "byline" for name in parse_byline(note.text)]
        return tuple(dict.fromkeys(found))
