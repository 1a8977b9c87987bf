"""The extraction pipeline: spans → mentions → cues → which spans are quotations → speakers."""

from __future__ import annotations

import re

from .attribution import Cue, find_cue
from .entities import build_entities
from .language import is_russian
from .lexicon import FRAGMENT_VERBS, SCARE_MARKERS, SPEECH_VERBS, WORK_NOUNS, WORK_VERBS
from .mentions import find_mentions
from .phrases import Document
from .records import QuoteCandidate
from .scan import QuoteSpan, find_quote_spans
from .speakers import resolve_speakers
from .text import paragraph_spans
from .transcripts import labelled_answers

_TIME_AFTER = re.compile(
    r"\s+(?:on|at|last|this|after|before|during|when|while|since|yesterday|today|earlier|later)\b"
)
_PHRASE_AFTER = re.compile(
    r"\s+(?:in|with|over|for|at|from|to|about|against|between|during|of|on|under|into|within|across)\b"
)
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|his|her|its|their|our|this|these|those)\s")
# A verb phrase follows these: `would "regroup"`, `could "collapse"`.
_MODALS = {"would", "will", "could", "should", "might", "must", "can", "may"}
_PREPOSITIONS = {"within", "in", "on", "at", "by", "for", "from", "under", "without", "against", "of"}
_COPULAS = {"was", "were", "is", "are", "be", "been", "being", "remain", "remains", "remained", "seemed"}
_DETERMINERS = {"the", "a", "an", "this", "its", "their", "his", "her"}
# Nouns and names that end in -ly: not the adverbs that mark an evaluation.
_NOT_ADVERBS = {"family", "assembly", "supply", "reply", "rally", "ally", "belly", "bully", "jelly", "july"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "or", "with", "from", "by"}


def extract_quotes(text, *, language: str | None = None) -> list[QuoteCandidate]:
    """Every direct quotation in a story's plain text, attributed where the text allows.

    `language` (BCP 47: "en", "ru", "ru-RU"…) chooses the rules; None reads it from the script,
    so Russian copy gets the Russian rules whoever calls. Anything but Russian is read as English.
    """
    text = str(text)
    if is_russian(language, text):
        from .russian import extract_quotes_ru  # the Russian rules import this package's parts

        return extract_quotes_ru(text)
    paragraphs = paragraph_spans(text)
    spans = find_quote_spans(text, paragraphs)
    mentions = find_mentions(text, [part for span in spans for part in span.parts])
    entities = build_entities(mentions)
    doc = Document(text, paragraphs, spans, mentions)
    cues = {id(span): find_cue(doc, span) for span in spans}
    kept = [span for span in spans if _is_quotation(doc, span, cues[id(span)])]
    speakers = resolve_speakers(doc, entities, kept, cues)
    candidates = []
    for span in kept:
        cue, speaker = cues[id(span)], speakers[id(span)]
        quoteness = _quoteness(doc, span, cue)
        confidence = quoteness * (speaker.confidence if speaker.name else 0.7)
        candidates.append(
            QuoteCandidate(
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                speaker=speaker.name,
                verb=cue.verb if cue else None,
                confidence=round(confidence, 2),
                parts=tuple(span.parts),
                partial=_is_fragment(doc, span),
                speaker_kind=speaker.kind if speaker.name else None,
                on_behalf_of=speaker.behalf,
            )
        )
    for start, end, entity in labelled_answers(doc, entities):
        candidates.append(
            QuoteCandidate(
                text=text[start:end],
                start=start,
                end=end,
                speaker=entity.name,
                verb=None,
                confidence=0.7,
                parts=((start, end),),
                speaker_kind="person",
            )
        )
    return sorted(candidates, key=lambda candidate: candidate.start)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", text)


def _is_fragment(doc: Document, span: QuoteSpan) -> bool:
    """Quoted words running on inside the writer's own sentence, not a sentence of their own."""
    before = doc.text[doc.sentence_at(span.open)[0] : span.open].rstrip()
    return bool(before) and not before.endswith((":", ",")) and not doc.text[span.start].isupper()


def _looks_like_title(words: list[str], inner: str) -> bool:
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return (
        bool(content)
        and all(w[0].isupper() or w[0].isdigit() for w in content)
        and len(words) <= 8
        and not re.search(r"[.!?,;:]$", inner.strip())
    )


def _is_quotation(doc: Document, span: QuoteSpan, cue: Cue | None) -> bool:
    """Tell quotations from scare quotes and titles, which share their marks."""
    inner = doc.text[span.start : span.end]
    words = _words(inner)
    if not words:
        return False
    before = doc.text[max(0, span.open - 40) : span.open].casefold()
    preceding = _words(before)[-3:]
    if any(marker in before[-15:] for marker in SCARE_MARKERS):
        return False
    title_like = _looks_like_title(words, inner)
    if title_like and any(w.casefold() in WORK_NOUNS or w.casefold() in WORK_VERBS for w in preceding):
        return False  # `her previous film, "Salt",`, `they release "Paper Moons"`
    clause = re.split(r"[.;:!?\"“”«»]", doc.text[max(0, span.open - 80) : span.open])[-1]
    if (
        title_like
        and clause.rstrip().endswith(",")
        and any(w.casefold() in WORK_NOUNS for w in _words(clause))
    ):
        return False  # `the first song they wrote after the funeral, "Harbour Lights",`
    if cue is not None and cue.adjacent:
        return True  # `"No," he said.` is a quotation however short
    if title_like and (cue is None or len(words) <= 4):
        return False
    sentence_lo = doc.sentence_at(span.open)[0]
    if len(words) <= 2 and not doc.text[sentence_lo : span.open].strip() and inner.rstrip()[-1:] in ".!?…":
        return True  # a whole sentence in quote marks ("We stay.") is speech, never a scare quote
    if len(words) <= 2:
        after = doc.text[span.after : span.after + 20]
        lemma = SPEECH_VERBS.get(cue.verb) if cue is not None and cue.where == "inside" else None
        gap = _words(doc.text[cue.verb_at : span.open]) if lemma else []
        governed = lemma in FRAGMENT_VERBS and len(gap) <= 12
        last = preceding[-1].casefold() if preceding else ""
        copula = last in _COPULAS or (last in ("a", "an") and preceding[-2:-1] and preceding[-2] in _COPULAS)
        predicative = lemma is not None and (last == "as" or copula)
        # `saying violations would invite "strict action".`: the fragment closes the reported clause.
        closes = re.match(r"[.;!?]|,\s+[a-z]|\s*(?:\n|$)", after)
        # `called the squad "soft" on Monday`: the clause ends after the fragment.
        # `was "deeply concerned" about`: a predicate, which the words after it complete.
        continues = re.match(r"\s+(?!and\b|but\b|or\b|nor\b)[a-z]", after)
        # `had "close ties" to the party`, `claimed "significant progress" in talks`: a phrase
        # follows, so the fragment is no modifier of a noun; `the "surprise" of the year` is.
        phrase = _PHRASE_AFTER.match(after) and last not in _DETERMINERS
        # `had "ducked" a vote`, `"materially undervalues" the company`: a verb and its object.
        verb_object = _OBJECT_AFTER.match(after) and last not in _DETERMINERS
        # `said a deal was "within reach"`, `would "regroup"`: a prepositional phrase or a verb
        # is the speaker's wording; a scare quote holds a term, a noun or an adjective.
        wording = words[0].casefold() in _PREPOSITIONS or last in _MODALS
        if lemma is not None and (phrase or verb_object or wording or any(_is_adverb(w) for w in words)):
            # Inside reported speech: an evaluation (`"extremely difficult"`, `"only"`) or a
            # predicate is the speaker's wording; a term held at arm's length is a bare noun.
            return True
        if _joins_a_kept_fragment(doc, span):
            return True  # `as a "ruse" and a "scam" designed to…`
        if continues and not (governed and _TIME_AFTER.match(after)) and not predicative:
            return False  # `the "surprise" of the year`, `its "temporary" measures`
        # One or two words count only when a verb of saying governs them: "called it "reckless"",
        # `called the inquiry a "ruse"`, `claimed "significant progress"`, `warned of "chaos"`.
        if lemma is None:
            return False
        if governed:
            return True
        if predicative and copula and (not continues or _PHRASE_AFTER.match(after)):
            return True  # `the cuts were a "hammer blow" for the town`
        if last in _DETERMINERS:
            # `warned against a "panic reaction".`: the object of the verb's own preposition.
            governs = len(gap) == 3 and gap[1].casefold() in _PREPOSITIONS | {"against", "about"}
            return governs and bool(closes)
        # The gap counts the verb itself: a reported clause that the fragment closes.
        return len(gap) <= 2 or predicative or (len(gap) <= 20 and bool(closes))
    return True


def _is_adverb(word: str) -> bool:
    word = word.casefold()
    return word in ("very", "too") or (len(word) > 3 and word.endswith("ly") and word not in _NOT_ADVERBS)


def _joins_a_kept_fragment(doc: Document, span: QuoteSpan) -> bool:
    """A fragment coordinated with one kept as a quotation in its sentence is one too."""
    lo = doc.sentence_at(span.open)[0]
    earlier = [s for s in doc.spans if lo <= s.after <= span.open and s is not span]
    if not earlier:
        return False
    first = max(earlier, key=lambda s: s.after)
    if not re.fullmatch(r"\s*,?\s*(?:and|or)\s+(?:a|an|the)?\s*", doc.text[first.after : span.open]):
        return False
    return _is_quotation(doc, first, find_cue(doc, first))


def _quoteness(doc: Document, span: QuoteSpan, cue: Cue | None) -> float:
    score = 1.0 if cue is not None and cue.adjacent else 0.9 if cue is not None else 0.8
    if span.close is None:
        score -= 0.2  # the paragraph ended before any closing mark
    return score
