"""Who said what: find quotations in a story, attribute them, and match the people named.

Pure Python and standard library only, so that it runs anywhere the text is: in the admin,
in a management command, or in a test without a database.

    extract_quotes(text) -> list[QuoteCandidate]
    find_people(text) -> list[PersonMention]
    match_people(found, known) -> list[PersonMatch]
    html_to_text(html) -> PlainText
"""

from .extract import extract_quotes
from .people import find_people, match_people
from .records import NearMiss, PersonMatch, PersonMention, QuoteCandidate
from .text import PlainText, html_to_text

__all__ = [
    "NearMiss",
    "PersonMatch",
    "PersonMention",
    "PlainText",
    "QuoteCandidate",
    "extract_quotes",
    "find_people",
    "html_to_text",
    "match_people",
]
