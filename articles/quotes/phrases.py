"""The story as the attribution step reads it, and its noun phrases.

`Document` holds the paragraphs, quotations, sentences and mentions; `noun_phrases` finds the
candidate subjects in a stretch of it and types them: name, pronoun, role, organisation,
document, or indefinite.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import (
    COLLECTIVE,
    DOC_NOUNS,
    INDEFINITE,
    NATIONALITIES,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    words,
)
from .mentions import Mention
from .orgwords import ORG_NOUNS
from .roles import tokenize
from .scan import QuoteSpan
from .text import sentence_spans

WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+(?:-year-old)?", re.UNICODE)
_NUMBERS = set(words("one two three four five six seven eight nine ten"))
_DETERMINERS = {"the", "its", "his", "her", "their", "our"}
_VERB_AHEAD = "|".join(re.escape(v) for v in SPEECH_VERBS if " " not in v)


@dataclass
class NounPhrase:
    kind: str  # name, pronoun, role, org, indefinite, doc
    start: int
    end: int
    words: list[str]  # lower-case words, head last (for role and org nouns)
    mention: Mention | None = None
    age: int | None = None
    det: str | None = None

    @property
    def head(self) -> str:
        return self.words[-1] if self.words else ""


class Document:
    """The story as the attribution step reads it: paragraphs, quotes, sentences, mentions."""

    def __init__(self, text: str, paragraphs, spans: list[QuoteSpan], mentions: list[Mention]):
        self.text, self.paragraphs, self.spans, self.mentions = text, paragraphs, spans, mentions
        # Quote marks included, so that a sentence never ends inside a quotation.
        self.opaque = [(s.open, s.after) for s in spans]
        self.sentences: list[tuple[int, int]] = []
        for lo, hi in paragraphs:
            cuts = tuple(s.after for s in spans if lo <= s.after < hi and self._ends_sentence(s))
            self.sentences.extend(sentence_spans(text, lo, hi, self.opaque, cuts))
        self._starts = [s for s, _ in self.sentences]
        # "Harlan Creamery, which makes butter… the creamery said": an organisation's last word,
        # lower case after a determiner, stands for it.
        self.org_heads = {m.tokens[-1].casefold() for m in mentions if m.kind == "org" and len(m.tokens) > 1}

    def _ends_sentence(self, span: QuoteSpan) -> bool:
        inner = self.text[span.start : span.end].rstrip()
        if not inner or inner[-1] not in ".!?…":
            return False
        rest = self.text[span.after : span.after + 80]
        if not re.match(r"\s+[\"“«„‘'A-Z0-9À-Ý]", rest):
            return False
        # `"Why now?" Smith asked.` goes on after a question or exclamation mark.
        return not (inner[-1] in "?!" and verb_in(rest[:50], limit=5))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.opaque)


def verb_in(region: str, limit: int) -> str | None:
    words = WORD.findall(region)[:limit]
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}".casefold() if i + 1 < len(words) else ""
        if pair in SPEECH_VERBS:
            return pair
        if word.casefold() in SPEECH_VERBS:
            return word.casefold()
    return None


def noun_phrases(doc: Document, lo: int, hi: int) -> list[NounPhrase]:
    """Candidate subjects in text[lo:hi], outside quotations, in order."""
    found: list[NounPhrase] = []
    taken: list[tuple[int, int]] = []
    for mention in doc.mentions:
        if lo <= mention.start < hi and mention.end <= hi and not doc.in_quote(mention.start):
            if doc.text[mention.end : mention.end + 2] in ("'s", "’s"):
                continue  # "Vandamme's managing director": a possessive is not the subject
            if _modifies_role(doc, mention):
                continue  # "the Kessany leader": a country before a role, read as the role
            kind = "org" if mention.kind == "org" else "name"
            words = [t.casefold() for t in mention.tokens]
            found.append(NounPhrase(kind, mention.start, mention.end, words, mention))
            # A role written into the name ("Mayor Angela Ruiz") is part of the name's phrase.
            taken.append(
                (
                    min(mention.start, mention.role_start) if mention.role_start >= 0 else mention.start,
                    mention.end,
                )
            )
    tokens = [t for t in tokenize(doc.text, lo, hi) if not doc.in_quote(t.start)]
    for i, token in enumerate(tokens):
        word = token.lower
        if any(s <= token.start < e for s, e in taken):
            continue
        if word in PRONOUNS and not token.possessive:
            found.append(NounPhrase("pronoun", token.start, token.end, [word]))
            continue
        age = re.fullmatch(r"(\d+)-year-old", doc.text[token.start : token.start + 14].split()[0] or "")
        if token.possessive or _compound_continues(doc, tokens, i):
            continue  # "the airline's chief", "the commission head": the head comes later
        if age and _role_ahead(doc, tokens, i, token.start + len(age.group(0))):
            continue  # "the 24-year-old Dutch player": the age is a modifier of the role
        head = word.removesuffix("s") if word.endswith("s") and word[:-1] in ROLE_WORDS else word
        # "the world number three": a ranking names a player as a role does.
        ranked = i > 0 and tokens[i - 1].lower == "number" and (word in _NUMBERS or word.isdigit())
        org_head = word in doc.org_heads and not token.capitalised
        # "the Ukrainian said", "said the Dutchwoman,": a nationality standing for a person.
        demonym = (
            word in NATIONALITIES
            and i > 0
            and tokens[i - 1].lower == "the"
            and re.match(r"\s*(?:[,.;:]|(?:" + _VERB_AHEAD + r")\b)", doc.text[token.end : token.end + 20])
        )
        if not (
            demonym
            or head in ROLE_WORDS
            or word in ORG_NOUNS
            or org_head
            or word in DOC_NOUNS
            or word in COLLECTIVE
            or age
            or ranked
        ):
            continue
        # Walk back over modifiers to the determiner that says what kind of phrase this is.
        j, det = i - 1, None
        while (
            j >= 0
            and i - j <= 4
            and not re.search(r"[,;:.\"“”«»()]", doc.text[tokens[j].end : tokens[j + 1].start])
        ):
            if tokens[j].lower in _DETERMINERS | INDEFINITE:
                det = tokens[j].lower
                break
            if tokens[j].lower in SPEECH_VERBS or (tokens[j].possessive and tokens[j].capitalised):
                break
            j -= 1
        start = tokens[j].start if det else token.start
        words = [t.lower for t in tokens[(j + 1 if det else i) : i + 1]]
        if any(np.start <= start < np.end for np in found):
            continue
        if word in DOC_NOUNS:
            kind = "doc"
        elif det in INDEFINITE or (det is None and word in COLLECTIVE):
            kind = "indefinite"
        elif head in ROLE_WORDS or age or ranked or demonym:
            kind = "role" if det else ("indefinite" if token.lower.endswith("s") else "role")
        elif (word in ORG_NOUNS or org_head) and det:
            kind = "org"
        else:
            continue
        if not age and kind == "role":
            age = re.search(r"\b(\d+)-year-old\b", doc.text[start : token.end])
        found.append(
            NounPhrase(kind, start, token.end, words, age=int(age.group(1)) if age else None, det=det)
        )
    found.sort(key=lambda np: np.start)
    return found


def _modifies_role(doc: Document, mention: Mention) -> bool:
    after = re.match(r" ([a-z][\w\-]*)", doc.text[mention.end : mention.end + 30])
    return (
        mention.kind == "person"
        and len(mention.tokens) == 1
        and doc.text[max(0, mention.start - 4) : mention.start].casefold() == "the "
        and after is not None
        and after.group(1) in ROLE_WORDS
    )


def _role_ahead(doc: Document, tokens, i: int, end: int) -> bool:
    """A role noun one or two words after an age, with only spaces between: `24-year-old Dutch
    player`."""
    k = next((k for k in range(i + 1, len(tokens)) if tokens[k].start >= end), len(tokens))
    for step in range(2):
        if k + step >= len(tokens):
            return False
        left = end if step == 0 else tokens[k + step - 1].end
        if doc.text[left : tokens[k + step].start] != " ":
            return False
        if tokens[k + step].lower in ROLE_WORDS:
            return True
    return False


def _compound_continues(doc: Document, tokens, i: int) -> bool:
    if i + 1 >= len(tokens) or doc.text[tokens[i].end : tokens[i + 1].start] != " ":
        return False
    nxt = tokens[i + 1].lower
    return nxt in ROLE_WORDS or nxt in ORG_NOUNS or nxt in DOC_NOUNS


_PREPOSITIONS = set(
    words(
        """
        for of to with by from at in on about after before against alongside meeting between and
        than like toward towards
        """
    )
)


def not_in_pp(doc: Document, phrases: list[NounPhrase]) -> list[NounPhrase]:
    """Drop phrases governed by a preposition: "a spokesman for the mayor" is the spokesman."""
    kept = []
    for phrase in phrases:
        before = re.findall(r"[\w']+", doc.text[max(0, phrase.start - 40) : phrase.start])
        while before and before[-1][:1].isupper() and len(before) > 1:
            before.pop()  # "of South Korea": the mention may be "Korea" alone
        while len(before) > 1 and before[-1].casefold() in ("the", "a", "an", "nearby", "neighbouring"):
            before.pop()  # "Otis Kemp of the Green Future party": the article is inside the PP
        if not before or before[-1].casefold() not in _PREPOSITIONS or phrase.kind == "pronoun":
            kept.append(phrase)
    return kept or phrases[:1]
