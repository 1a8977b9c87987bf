"""Local syntax around a quotation: the cue verb and the noun phrase that is its subject.

Only the words around one quote are read here; deciding which person a pronoun or a role
noun stands for is left to resolve.py, which sees the whole story.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import (
    COLLECTIVE,
    DOC_NOUNS,
    FRAGMENT_VERBS,
    INDEFINITE,
    INVERTIBLE,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    words,
)
from .mentions import Mention
from .roles import tokenize
from .scan import QuoteSpan
from .text import sentence_spans

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+(?:-year-old)?", re.UNICODE)
_DETERMINERS = {"the", "its", "his", "her", "their", "our"}
_INTRODUCTORY = re.compile(
    r"\s*(?:\w+ing|\w+ed|asked|in|on|at|after|before|during|since|for|with|without|despite|as|while|"
    r"when|if|although|though|because|unlike|like|under|over|earlier|later|meanwhile|however|"
    r"according|last|this|by|from|to|until|once|now|then|also|but|and|yet|so|still)\b",
    re.I,
)
_PARENTHETICAL = re.compile(r"\s*(?:who|which|whose|where|when|\w+ing|\w+ed|\d{1,3}\s*$)\b", re.I)


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


@dataclass
class Cue:
    verb: str
    verb_at: int
    subject: NounPhrase | None
    where: str  # "after" (the quote), "before" (colon or comma), "inside" (reported speech)
    adjacent: bool


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

    def _ends_sentence(self, span: QuoteSpan) -> bool:
        inner = self.text[span.start : span.end].rstrip()
        if not inner or inner[-1] not in ".!?…":
            return False
        rest = self.text[span.after : span.after + 80]
        if not re.match(r"\s+[\"“«„‘'A-Z0-9À-Ý]", rest):
            return False
        # `"Why now?" Smith asked.` goes on after a question or exclamation mark.
        return not (inner[-1] in "?!" and _verb_in(rest[:50], limit=5))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.opaque)


def _verb_in(region: str, limit: int) -> str | None:
    words = _WORD.findall(region)[:limit]
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
        head = word.removesuffix("s") if word.endswith("s") and word[:-1] in ROLE_WORDS else word
        if not (head in ROLE_WORDS or word in ORG_NOUNS or word in DOC_NOUNS or word in COLLECTIVE or age):
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
        elif head in ROLE_WORDS or age:
            kind = "role" if det else ("indefinite" if token.lower.endswith("s") else "role")
        elif word in ORG_NOUNS and det:
            kind = "org"
        else:
            continue
        found.append(
            NounPhrase(kind, start, token.end, words, age=int(age.group(1)) if age else None, det=det)
        )
    found.sort(key=lambda np: np.start)
    return found


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


def _not_in_pp(doc: Document, phrases: list[NounPhrase]) -> list[NounPhrase]:
    """Drop phrases governed by a preposition: "a spokesman for the mayor" is the spokesman."""
    kept = []
    for phrase in phrases:
        before = re.findall(r"[\w']+", doc.text[max(0, phrase.start - 25) : phrase.start])
        if not before or before[-1].casefold() not in _PREPOSITIONS or phrase.kind == "pronoun":
            kept.append(phrase)
    return kept or phrases[:1]


def _segments(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo] + [m.end() for m in re.finditer(",", doc.text[lo:hi]) if not doc.in_quote(lo + m.start())]
    cuts = [c if c == lo else lo + c for c in cuts]
    return list(zip(cuts, [*cuts[1:], hi], strict=False))


def subject_before(doc: Document, lo: int, verb_at: int) -> NounPhrase | None:
    """The subject of a verb at `verb_at`: the nearest phrase on its left that is not an
    apposition or an aside set off by commas (`Lind, flanked by Mayor Berg, said`)."""
    segments = [s for s in _segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
    for k in range(len(segments) - 1, -1, -1):
        seg_lo, seg_hi = segments[k]
        chunk = doc.text[seg_lo:seg_hi]
        phrases = noun_phrases(doc, seg_lo, seg_hi)
        if not phrases:
            continue
        if _PARENTHETICAL.match(chunk) and k > 0:
            continue
        # An apposition after a name: "Maria Lind, a spokeswoman for the port authority, said".
        if k > 0 and phrases[0].kind in ("role", "indefinite") and _ends_with_name(doc, segments[k - 1]):
            continue
        only_name = (
            len(phrases) == 1
            and phrases[0].kind == "name"
            and chunk.strip(" ,") == doc.text[phrases[0].start : phrases[0].end]
        )
        # A bare name just after an aside belongs to the aside: "flanked by the head of X, Anders Lie,".
        if only_name and k >= 2 and _PARENTHETICAL.match(doc.text[segments[k - 1][0] : segments[k - 1][1]]):
            continue
        if k > 0 and not only_name and _INTRODUCTORY.match(chunk) and phrases[0].kind != "pronoun":
            continue
        if k == 0 and len(segments) > 1 and _INTRODUCTORY.match(chunk):
            return None  # "Asked whether the yard in Ulsan…, a spokesman said": no subject in there
        # Within one segment the subject is the phrase nearest the verb that no preposition governs.
        return _not_in_pp(doc, phrases)[-1]
    return None


def _ends_with_name(doc: Document, segment: tuple[int, int]) -> bool:
    phrases = noun_phrases(doc, *segment)
    last = phrases[-1] if phrases else None
    return (
        last is not None
        and last.kind == "name"
        and last.mention is not None
        and last.mention.entity is not None
        and not doc.text[last.end : segment[1]].strip(" ,")
    )


def subject_after(doc: Document, lo: int, verb_at: int) -> NounPhrase | None:
    """The subject between a quote's end and the verb that follows it: the first phrase, or
    the name set off after it (`the company's chairman, Viktor Sedykh, said`)."""
    segments = [s for s in _segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
    for k, (seg_lo, seg_hi) in enumerate(segments):
        phrases = noun_phrases(doc, seg_lo, seg_hi)
        if not phrases:
            continue
        first = phrases[0]
        if first.kind == "role" and k + 1 < len(segments):
            following = noun_phrases(doc, *segments[k + 1])
            if following and following[0].kind == "name":
                return following[0]
        return first
    return None


def sentence_subject(doc: Document, lo: int, hi: int) -> NounPhrase | None:
    """The first phrase of a sentence, after any introductory clause."""
    segments = [s for s in _segments(doc, lo, hi) if doc.text[s[0] : s[1]].strip(" ,")]
    for k, (seg_lo, seg_hi) in enumerate(segments):
        chunk = doc.text[seg_lo:seg_hi]
        if doc.in_quote(seg_lo + len(chunk) - len(chunk.lstrip(' ,"“«‘'))):
            return None
        if (
            k + 1 < len(segments)
            and _INTRODUCTORY.match(chunk)
            and not re.match(r"\s*(?:he|she|it|they)\b", chunk, re.I)
        ):
            continue
        phrases = [p for p in noun_phrases(doc, seg_lo, seg_hi) if p.start - seg_lo < 80]
        if not phrases:
            return None
        if phrases[0].kind == "role" and k + 1 < len(segments):
            following = noun_phrases(doc, *segments[k + 1])
            if following and following[0].kind == "name":
                return following[0]  # "The airline's chief financial officer, Rajesh Menon, said"
        return phrases[0]
    return None


def _find_verb(doc: Document, lo: int, hi: int, last: bool) -> tuple[str, int] | None:
    hits = []
    words = [
        (m.group(), lo + m.start())
        for m in _WORD.finditer(doc.text[lo:hi])
        if not doc.in_quote(lo + m.start())
    ]
    for i, (word, at) in enumerate(words):
        key = word.casefold()
        pair = f"{key} {words[i + 1][0].casefold()}" if i + 1 < len(words) else ""
        if pair in SPEECH_VERBS:
            hits.append((pair, at))
        elif key in SPEECH_VERBS and key not in ("according",):
            # "Asked whether…," opening a sentence is a participle, not the speaker's verb.
            if key == "asked" and word[0].isupper():
                continue
            hits.append((key, at))
    if not hits:
        return None
    return hits[-1] if last else hits[0]


_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:of|on|in|at|after|before|during|when|while|from|as|who|to|with|yesterday|"
    r"today|tonight|earlier|later|recently|afterwards|adding)\b)"
)


def _clause_ends(text: str, pos: int) -> bool:
    return bool(_CLAUSE_GOES_ON.match(text, pos))


def find_cue(doc: Document, span: QuoteSpan) -> Cue | None:
    """The attribution of one quotation, from the words right after and right before it."""
    text = doc.text
    inner = text[span.start : span.end].rstrip()
    _s_lo, s_hi = doc.sentence_at(span.after if span.close is not None else span.end)
    next_open = min((s.open for s in doc.spans if s.open >= span.after), default=len(text))
    right_hi = min(s_hi, next_open)
    right = text[span.after : right_hi]
    trailing = inner[-1:] in ",?!…—–-" or right.startswith(",")
    found = _find_verb(doc, span.after, right_hi, last=False)
    if found and found[0] not in {v for v, lemma in SPEECH_VERBS.items() if lemma in FRAGMENT_VERBS}:
        verb, verb_at = found
        between = text[span.after : verb_at]
        n_words = len(_WORD.findall(between))
        if n_words <= 14 or (n_words <= 30 and "," in between):
            if not between.strip(" ,\u00a0"):
                if SPEECH_VERBS[verb] in INVERTIBLE or verb == "according to":
                    end = re.search(r"[,.;:!?]|$", text[verb_at + len(verb) : right_hi]).start()
                    phrases = noun_phrases(doc, verb_at + len(verb), verb_at + len(verb) + end)
                    # `"Salt", said he had…` is no attribution: the phrase must end the clause.
                    if not phrases or _clause_ends(text, phrases[0].end):
                        return Cue(verb, verb_at, phrases[0] if phrases else None, "after", trailing)
            else:
                subject = subject_after(doc, span.after, verb_at)
                if subject is not None or trailing:
                    return Cue(verb, verb_at, subject, "after", trailing)
    # Left side: from the sentence start, or the previous quote in the same sentence.
    o_lo, _ = doc.sentence_at(span.open)
    prev = [s for s in doc.spans if o_lo <= s.after <= span.open and s is not span]
    left_lo = max([o_lo] + [s.after for s in prev])
    found = _find_verb(doc, left_lo, span.open, last=True)
    if not found and not text[left_lo : span.open].strip() and span.paragraph > 0:
        # A quotation standing alone after "…, she told reporters:" closing the paragraph before.
        p_lo, p_hi = doc.paragraphs[span.paragraph - 1]
        if text[p_lo:p_hi].rstrip().endswith(":"):
            o_lo = left_lo = doc.sentence_at(p_hi - 1)[0]
            prev = []
            found = _find_verb(doc, left_lo, p_hi, last=True)
    if (
        not found
        and prev
        and re.fullmatch(r"\s*(?:,|,?\s*(?:and|or|nor))\s*(?:a|an|the)?\s*", text[left_lo : span.open])
    ):
        # `called the inquiry a "ruse" and a "scam"`: the second fragment shares the first's verb.
        first = find_cue(doc, max(prev, key=lambda s: s.after))
        return Cue(first.verb, first.verb_at, first.subject, "inside", False) if first else None
    if not found:
        return None
    verb, verb_at = found
    before = text[left_lo : span.open].rstrip()
    adjacent = before.endswith((":", ",")) and SPEECH_VERBS[verb] not in FRAGMENT_VERBS
    if verb.endswith("ing") and verb not in ("according to",):
        # "…, describing the report as "…"": the subject is the sentence's own.
        subject = sentence_subject(doc, o_lo, verb_at)
    else:
        subject = subject_before(doc, left_lo, verb_at)
        if subject is None and prev:
            subject = subject_before(doc, o_lo, verb_at)
    return Cue(verb, verb_at, subject, "before" if adjacent else "inside", adjacent)
