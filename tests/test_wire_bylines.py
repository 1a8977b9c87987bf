"""Wire copy's "By …" line becomes the draft's byline: its names, their outlet or role."""

from pathlib import Path

import pytest

from articles.models import Author
from articles.wire.bylines import BylineName, parse_byline
from articles.wire.ingest import story_create_from_wire
from articles.wire.plain import decode_wire, parse_wire

from .factories import AuthorFactory

WIRE = Path(__file__).parent / "data" / "wire"

COPY = """Harbour cranes to be replaced by 2028

By TOMAS REY and Ines Vale, Reuters

ROTTERDAM, March 3. /REUTERS/. The port authority will replace its oldest cranes, it said on Tuesday.

The first two arrive next year.
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Mira Lund", [BylineName("Mira Lund")]),
        (
            "By TOMAS REY and Ines Vale, Reuters",
            [BylineName("Tomas Rey", "Reuters"), BylineName("Ines Vale", "Reuters")],
        ),
        ("By Kofi Mensah, Staff writer", [BylineName("Kofi Mensah", role="Staff writer")]),
        ("By Li Ren | Xinhua", [BylineName("Li Ren", "Xinhua")]),
        (
            "By Ana Ortiz, Li Ren and Kofi Mensah",
            [BylineName(n) for n in ("Ana Ortiz", "Li Ren", "Kofi Mensah")],
        ),
        ("Written by Jean-Paul O'Neil", [BylineName("Jean-Paul O'Neil")]),
        ("By the river", []),
        ("Mira Lund", []),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


def test_the_parser_hands_the_header_bylines_on():
    story = parse_wire(decode_wire((WIRE / "tass-timestamp-byline.txt").read_bytes()))
    assert story.bylines == (BylineName("Anna Petrova"),)
    assert any(note.kind == "byline" for note in story.notes)  # still listed in the note


@pytest.mark.django_db
def test_import_makes_contributors_and_reuses_known_profiles():
    known = AuthorFactory(name="Ines Vale", slug="ines-vale", organisation="Reuters")
    result = story_create_from_wire(text=COPY)
    authors = result.article.byline_authors
    assert [a.credit for a in authors] == ["Tomas Rey, Reuters", "Ines Vale, Reuters"]
    assert authors[1] == known
    tomas = authors[0]
    assert tomas.user is None and tomas.slug == "tomas-rey"
    # A draft carries them: nobody new is public until it is published.
    assert not Author.objects.on_record().filter(pk=tomas.pk).exists()
    again = story_create_from_wire(text=COPY)
    assert again.article.byline_authors == authors  # the same profiles, not new ones
    assert Author.objects.count() == 2


@pytest.mark.django_db
def test_a_byline_without_an_outlet_takes_the_datelines_agency():
    story = story_create_from_wire(text=(WIRE / "tass-timestamp-byline.txt").read_text(encoding="utf-8"))
    (author,) = story.article.byline_authors
    assert (author.name, author.organisation) == ("Anna Petrova", "TASS")
