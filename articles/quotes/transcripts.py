"""Interview transcripts: answers written after the speaker's name and a colon, with no quote
marks (`Castellane: Honestly, it's not the big storm…`), each after a question paragraph."""

from __future__ import annotations

import re

from .mentions import Entity
from .phrases import Document

_LABEL = re.compile(r"([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}):[ \t]+(?=\S)")


def labelled_answers(doc: Document, entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    """(start, end, speaker) of every answer paragraph: a paragraph that opens with the name of
    a person the story names and a colon, right after a paragraph that asks a question."""
    found = []
    for index in range(1, len(doc.paragraphs)):
        lo, hi = doc.paragraphs[index]
        label = _LABEL.match(doc.text, lo, hi)
        p_lo, p_hi = doc.paragraphs[index - 1]
        if label is None or not doc.text[p_lo:p_hi].rstrip().endswith("?"):
            continue
        if any(lo <= span.open < hi for span in doc.spans):
            continue  # a quoted answer is read as a quotation already
        words = [w.casefold() for w in label.group(1).split()]
        speakers = [
            e for e in entities if e.kind == "person" and e.key_tokens[-len(words) :] == words and e.mentions
        ]
        if len(speakers) != 1:
            continue
        end = lo + len(doc.text[lo:hi].rstrip())
        found.append((label.end(), end, speakers[0]))
    return found
