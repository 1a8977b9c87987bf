"""Wire copy as agencies send it in plain text: parsed into a story's parts, then a draft.

The layout, top to bottom; blank lines anywhere and Windows line endings do not matter:

    WORLD                                        optional section label
    Freight terminal to be rebuilt               the headline
    Work on the site starts next spring.         optional standfirst
    A crane at the terminal on Tuesday.          optional photo caption …
    © Newsroom Pictures/Ana Ortiz                … with its © credit line
    MOSCOW, September 11. /NWS/. The board …     the dateline opening the first paragraph
    …                                            the body

The parsing functions are pure (text in, WireStory out) so they can be tested without a
database; story_create_from_wire() is the one step that writes.
"""

import html
import re
from dataclasses import dataclass

HEADLINE_MAX = 250  # Article.headline's max_length, checked here to give a useful message

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


def parse_wire(text: str, *, sections=()) -> WireStory:
    """Split plain wire copy into its parts. `sections` are the desk's section names,
    which help tell a section label from a short headline. Raises WireFormatError."""
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
    section, headline, standfirst = _titles(header, sections)
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


def _titles(header, sections):
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
    if len(headline) > HEADLINE_MAX:
        raise WireFormatError(
            "headline",
            f"No headline found: the first line is {len(headline)} characters long "
            f"(at most {HEADLINE_MAX}); does the first paragraph lack its dateline?",
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


def unique_slug(model, text):
    """A slug for `text` not yet used by `model`: "my-story", else "my-story-2", "my-story-3" …"""
    from django.utils.text import slugify

    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or model._meta.model_name
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def story_create_from_wire(*, text, user=None):
    """Create a DRAFT from plain wire copy, all or nothing; returns (article, warnings).

    Raises WireFormatError, before anything is written, when the copy cannot be parsed.
    """
    import reversion
    from django.conf import settings
    from django.db import transaction

    from .models import Article, Note, Photo, Section

    story = parse_wire(text, sections=Section.objects.values_list("name", flat=True))
    warnings = []
    section = Section.objects.filter(name__iexact=story.section).first() if story.section else None
    if story.section and section is None:
        warnings.append(f"No section is called “{story.section}”: the draft has none; choose one.")
    photo = Photo.objects.filter(caption__iexact=story.caption).first() if story.caption else None
    article = Article(
        status=Article.Status.DRAFT,
        headline=story.headline,
        slug=unique_slug(Article, story.headline),
        standfirst=story.standfirst,
        body=story.body_html,
        section=section,
        lead_photo=photo,
        dateline_place=story.place[:100],
        # Our own agency's name means our own copy, which a story stores as no agency.
        agency="" if story.agency.casefold() == settings.DEFAULT_AGENCY.casefold() else story.agency,
        author=user,
    )
    with transaction.atomic():
        with reversion.create_revision():
            article.save()
            reversion.set_user(user)
            reversion.set_comment("Imported from wire copy.")
        if story.caption and photo is None:
            # Plain text carries no image: the photo desk gets the caption and credit to find it.
            Note.objects.create(
                article=article,
                author=user,
                text=f"Wire photo to find (no image file came with the copy). Caption: {story.caption} "
                f"Credit: © {story.credit or 'not given'}",
            )
            warnings.append("The copy names a photo but carries no image; a note for the photo desk is kept.")
    return article, warnings
