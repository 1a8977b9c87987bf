"""Wire copy as agencies send it in plain text: parsed into a story's parts, then a draft.

The layout, top to bottom; blank lines anywhere and Windows line endings do not matter:

    WORLD                                        optional section label
    Freight terminal to be rebuilt               the headline
    Work on the site starts next spring.         optional standfirst
    A crane at the terminal on Tuesday.          optional photo caption …
    © Newsroom Pictures/Ana Ortiz                … with its © credit line
    MOSCOW, September 11. /NWS/. The board …     the dateline opening the first paragraph
    …                                            the body

Pure: text in, WireStory out, no Django, so it can be tested without a database;
`articles.wire.ingest.story_create_from_wire()` is the step that writes.
"""

import html
import re
from dataclasses import dataclass

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# `MOSCOW, September 11. /NWS/.`, `NEW YORK, 3 March /A.N.-Wire/.`: a place, a day and month
# in either order (an optional year), and the agency between slashes.
DATELINE = re.compile(
    rf"""(?P<place>[^\W\d_][^,/\n]{{0,60}}?),[ \t]+
    (?P<date>(?i:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?)\.?[ \t]*
    /(?P<agency>[^/\n]{{1,60}})/\.?[ \t]*""",
    re.VERBOSE,
)
DATELINE_EXAMPLE = "MOSCOW, September 11. /AGENCY/."
# Short words kept lower case when an all-capitals place is title-cased: "Rio de Janeiro".
_PLACE_PARTICLES = {"de", "del", "da", "do", "dos", "la", "le", "les", "am", "an", "on", "upon", "sur"}
# Characters that never occur in text typed by a person: a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


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
    date: str  # as written; the story's own dateline is built from its publication time
    agency: str
    paragraphs: tuple[str, ...]
    section: str = ""
    standfirst: str = ""
    caption: str = ""
    credit: str = ""

    @property
    def body_html(self):
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs)


def decode_wire(data: bytes) -> str:
    """Bytes as delivered: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WireFormatError("text", "This is not a text file; save the copy as UTF-8 text and try again.")


def parse_wire(text: str, *, sections=(), headline_max=250) -> WireStory:
    """Split plain wire copy into its parts. `sections` are the desk's section names,
    which help tell a section label from a short headline; `headline_max` is the story's
    headline length, so an overlong first line is reported here. Raises WireFormatError."""
    if not text.strip():
        raise WireFormatError("text", "Nothing to import: the text is empty.")
    if _CONTROL.search(text):
        raise WireFormatError(
            "text", "This is not plain text (it contains control characters): paste the story as text."
        )
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    found = next(((at, match) for at, line in enumerate(lines) if (match := DATELINE.match(line))), None)
    if found is None:
        raise WireFormatError(
            "dateline", f"No dateline found: the first paragraph should open like `{DATELINE_EXAMPLE}`"
        )
    at, dateline = found
    paragraphs = _paragraphs([lines[at][dateline.end() :], *lines[at + 1 :]])
    if not paragraphs:
        raise WireFormatError("body", "No body found: the dateline is not followed by any text.")
    header = [line for line in lines[:at] if line]
    caption, credit, header = _photo(header)
    section, headline, standfirst = _titles(header, sections, headline_max)
    return WireStory(
        headline=headline,
        standfirst=standfirst,
        section=section,
        caption=caption,
        credit=credit,
        place=_place(dateline["place"]),
        date=" ".join(dateline["date"].split()).rstrip("."),
        agency=dateline["agency"].strip(),
        paragraphs=tuple(paragraphs),
    )


def _paragraphs(lines):
    """Paragraphs are separated by blank lines, the lines in between being wrapped text;
    copy with no blank line in its body has one paragraph a line."""
    lines = "\n".join(lines).strip("\n").split("\n")
    if "" not in lines:
        return [line for line in lines if line]
    blocks = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [" ".join(block) for block in blocks if block]


def _photo(header):
    """Take the caption and its © credit line out of the header lines."""
    for i, line in enumerate(header):
        if "©" not in line:
            continue
        before, _, credit = line.partition("©")
        credit = credit.strip()
        if before.strip():  # caption and credit on one line
            return before.strip(), credit, header[:i] + header[i + 1 :]
        if i < 2:  # the line above would be the headline
            raise WireFormatError(
                "caption", "A © credit line was found but no photo caption above it (below the headline)."
            )
        return header[i - 1], credit, header[: i - 1] + header[i + 1 :]
    return "", "", header


def _titles(header, sections, headline_max):
    """The section label (optional), the headline and the standfirst (optional)."""
    known = {name.casefold() for name in sections}
    if len(header) == 1 and header[0].casefold() in known:
        raise WireFormatError("headline", f"No headline found: only the section label “{header[0]}”.")
    section = ""
    if len(header) >= 2 and _is_label(header[0], known):
        section, header = header[0], header[1:]
    if not header:
        raise WireFormatError(
            "headline", "No headline found: the headline should be the first line, before the dateline."
        )
    if len(header) > 2:
        raise WireFormatError(
            "header",
            f"Found {len(header) - 1} lines between the headline and the dateline; expected at most a "
            "standfirst, and a photo caption followed by its © credit line.",
        )
    headline, standfirst = header[0], " ".join(header[1:])
    if len(headline) > headline_max:
        raise WireFormatError(
            "headline",
            f"No headline found: the first line is {len(headline)} characters long "
            f"(at most {headline_max}); does the first paragraph lack its dateline?",
        )
    return section, headline, standfirst


def _is_label(line, known):
    # A known section name, or a short line in capitals with no full stop: "WORLD", "BUSINESS NEWS".
    if line.casefold() in known:
        return True
    return line.isupper() and len(line.split()) <= 3 and not line.endswith((".", "!", "?"))


def _place(place):
    place = " ".join(place.split())
    if not place.isupper():
        return place  # already as the desk writes it
    words = place.title().split(" ")
    return " ".join(
        [words[0], *(word.lower() if word.lower() in _PLACE_PARTICLES else word for word in words[1:])]
    )
