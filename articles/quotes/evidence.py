"""Evidence that a capitalised name is a person's: what the words around it say."""

from __future__ import annotations

import re

from .lexicon import SPEECH_VERBS


def relative_who(text: str, start: int, end: int) -> bool:
    """`Danie Louw, who called the Sharks…`: *who* is said of people (*which* of the rest);
    not `Kim So-yeon of South Korea, who led…`, where *who* goes back past the place."""
    before = text[max(0, start - 30) : start]
    if re.search(r"\b(?:of|in|at)\s+(?:[A-Z][\w\-]*\s+)?$", before):
        return False
    if " " not in text[start:end] and re.search(r"\b(?:from|for|to|with)\s+$", before):
        return False  # "a striker from Ghana, who…"
    return bool(re.match(r",\s+who\b", text[end : end + 8]))


def pronoun_follows(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """`Zsófia Balogh was unconvinced. "…," she said.`: a name opening a sentence and taken up
    by he or she soon after is a person, even with no role or given name we know."""
    if not re.search(r"(?:^|[.!?]\s|\n|/\.\s)\s*$", text[max(0, start - 4) : start]):
        return False
    for match in re.finditer(r"\b(?:he|she|his|her)\b", text[end : end + 200], re.I):
        at = end + match.start()
        if not any(lo <= at < hi for lo, hi in quoted):
            return True
    return False


def speech_next_to(text: str, start: int, end: int) -> bool:
    if re.search(r"\b(?:of|in|from|at)\s+(?:[A-Z][\w\-]*\s+)?$", text[max(0, start - 30) : start]):
        return False  # "Kim So-yeon of South Korea, who led…, said": the verb is Kim's
    after = re.match(r"(?:,[^,]{1,60},)?\s+(?:\w+ly\s+)?(\w+(?: to| out| on)?)", text[end : end + 90])
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    if not re.match(r"(?:$|[,.;:!?)]|\s+(?:of|from|at|in|on|who)\b)", text[end : end + 8]):
        before = None  # "said Norway's plan was sound": the name must end the clause
    return bool(after and after.group(1).casefold() in SPEECH_VERBS) or bool(
        before
        and before.group(1).casefold() in {"said", "says", "added", "to", "asked", "according"}
        and (before.group(1) != "to" or text[max(0, start - 15) : start].endswith("according to "))
    )
