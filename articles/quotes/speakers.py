"""Speaker of every quotation, read in story order.

The sentences and the quotations are walked as one sequence, so that each quote is resolved
against the story as a reader has it at that point: the subjects noted so far, the last
speaker, the statement last introduced. A quote with no cue of its own continues its
neighbour's or the attribution just before it.
"""

from __future__ import annotations

import re

from . import groups
from .attribution import Cue
from .mentions import Entity
from .phrases import Document
from .resolve import Salience, Speaker
from .scan import QuoteSpan
from .subjects import attribution_subject, find_verb, reports_speech, sentence_subject, subject_before


def resolve_speakers(doc: Document, entities: list[Entity], spans: list[QuoteSpan], cues: dict) -> dict:
    """Speaker of every kept quotation, keyed by id(span)."""
    salience = Salience(doc, entities)
    events: list[tuple[int, int, object]] = []
    for lo, hi in doc.sentences:
        subject = sentence_subject(doc, lo, hi)
        events.append((subject.start if subject else lo, 0, (subject, lo, hi)))
    for span in spans:
        cue: Cue | None = cues.get(id(span))
        at = cue.subject.start if cue and cue.subject else span.open
        events.append((at, 1, span))
    events.sort(key=lambda e: (e[0], e[1]))
    result: dict[int, Speaker] = {}
    previous: QuoteSpan | None = None
    for at, order, item in events:
        if order == 0:
            subject, lo, hi = item
            speaker = salience.resolve(at, subject)
            if speaker.entity is None:
                # "Hale's next role is…": the sentence is still about Hale.
                speaker = Speaker(None, _possessive_owner(doc, lo), 0.0)
            _learn_gender(doc, speaker.entity, lo, hi)
            salience.note_subject(at, speaker.entity)
            for mention in doc.mentions:
                # "The bakery won a prize, a title Wolska waves away.": when no person is the
                # sentence's subject, the person who is the subject of a clause in it takes the stage.
                if (
                    (speaker.entity is None or speaker.entity.kind != "person")
                    and at < mention.start < hi
                    and mention.kind == "person"
                    and mention.entity is not None
                    and not doc.in_quote(mention.start)
                    and _FINITE.match(doc.text, mention.end)
                ):
                    salience.note_subject(mention.start, mention.entity)
            salience.note_document(lo, hi, _issuer(doc, salience, lo, hi) or speaker)
            # "…, Zhakupov said on Wednesday after talks with Karimov": whoever the sentence
            # reports speaking is its most salient person, whatever it opened with.
            reported = attribution_subject(doc, lo, hi)
            if reported is not None and reported is not subject:
                found = salience.resolve(reported.start, reported)
                if found.entity is not None and found.entity.kind == "person":
                    salience.note_subject(max(at, reported.start), found.entity, speaker=True)
            continue
        span = item
        cue = cues.get(id(span))
        if cue is not None and cue.subject is not None:
            s_lo, s_hi = doc.sentence_at(cue.verb_at)
            signed = groups.signatory(doc, s_lo, cue.verb_at)
            speaker = salience.resolve(at, signed or cue.subject)
            speaker.behalf = groups.behalf_of(salience, at, speaker.entity)
            salience.note_document(s_lo, s_hi, speaker)
        elif cue is None:
            speaker = _inherit(doc, salience, span, previous, result)
        else:
            speaker = Speaker(None, None, 0.0)
        result[id(span)] = speaker
        if (
            cue is not None
            and cue.subject is not None
            and _WHO_ASIDE.match(doc.text, cue.subject.end, cue.verb_at)
        ):
            continue  # "criticism from X, who called it 'soft'": X spoke in an aside, off stage
        salience.note_subject(at, speaker.entity, speaker=True)
        previous = span
    return result


def _issuer(doc: Document, salience: Salience, lo: int, hi: int) -> Speaker | None:
    """`Profit fell, the company said in a statement.`: a statement is issued by whoever the
    sentence reports speaking, not by what the sentence opens with."""
    found = find_verb(doc, lo, hi, last=False)
    subject = subject_before(doc, lo, found[1]) if found else None
    if subject is None or subject.kind not in ("name", "org", "role"):
        return None
    speaker = salience.resolve(subject.start, subject)
    return speaker if speaker.name else None


_FINITE = re.compile(r"\s+(?:still\s+|also\s+|\w+ly\s+)?(?:is|was|has|had|will|would|[a-z]+s|[a-z]+ed)\b")
_WHO_ASIDE = re.compile(r",\s+who\s+(?:\w+\s+)?$")


def _inherit(doc: Document, salience: Salience, span: QuoteSpan, previous, result) -> Speaker:
    """A quotation with no cue of its own continues its neighbour's: the second half of a
    split quote, or a paragraph of quotation after the speaker's last one."""
    s_lo, _ = doc.sentence_at(span.open)
    if doc.text[s_lo : span.open].strip():
        return Speaker(None, None, 0.0)  # mid-sentence with no verb: a slogan, a sign…
    if _answers_a_question(doc, span):
        # An interview's answer: the one who gave the last answer, or else the person the
        # piece is about, as a reader has them now (names in a question do not answer it).
        last = result.get(id(previous)) if previous is not None else None
        if last is not None and last.entity is not None and _answers_a_question(doc, previous):
            return Speaker(last.name, last.entity, last.confidence, last.behalf)
        entity, confidence = salience.pronoun(span.open, None)
        if entity is not None and entity.kind == "person":
            return Speaker(entity.name, entity, confidence * 0.8)
    if previous is not None and id(previous) in result and result[id(previous)].entity is not None:
        same = previous.last_paragraph == span.paragraph
        follows = (
            previous.last_paragraph == span.paragraph - 1 and doc.paragraphs[span.paragraph][0] == span.open
        )
        # Another person made the subject of a sentence in between breaks the chain; people
        # named in passing inside the attribution ("said after meeting Solberg") do not.
        between = [s for s in doc.sentences if previous.after <= s[0] and s[1] <= span.open]
        others = [
            sub
            for sub in (sentence_subject(doc, *s) for s in between)
            if sub is not None and sub.kind in ("name", "role", "pronoun")
        ]
        if (same or follows) and not others:
            base = result[id(previous)]
            return Speaker(base.name, base.entity, base.confidence * (0.9 if same else 0.7), base.behalf)
    # Otherwise the subject of the sentence just before, in the same paragraph.
    p_lo = doc.paragraphs[span.paragraph][0]
    before = [s for s in doc.sentences if p_lo <= s[0] and s[1] <= span.open]
    if before:
        subject = sentence_subject(doc, *before[-1])
        if subject is not None and subject.kind in ("name", "pronoun", "role"):
            speaker = salience.resolve(subject.start, subject)
            return Speaker(speaker.name, speaker.entity, speaker.confidence * 0.65)
    elif span.paragraph > 0 and doc.paragraphs[span.paragraph][0] == span.open:
        # A quotation paragraph after one whose last sentence reports someone's words
        # ("…, Marquez told the European Parliament on Tuesday that…"): theirs.
        lo, hi = doc.sentence_at(doc.paragraphs[span.paragraph - 1][1] - 1)
        subject = sentence_subject(doc, lo, hi)
        if (
            subject is not None
            and subject.kind in ("name", "pronoun", "role")
            and reports_speech(doc, lo, hi)
        ):
            speaker = salience.resolve(subject.start, subject)
            return Speaker(speaker.name, speaker.entity, speaker.confidence * 0.6, speaker.behalf)
    return Speaker(None, None, 0.0)


def _answers_a_question(doc: Document, span: QuoteSpan) -> bool:
    """A quotation paragraph after an unquoted paragraph that asks a question (a Q&A)."""
    if span.paragraph == 0 or doc.paragraphs[span.paragraph][0] != span.open:
        return False
    lo, hi = doc.paragraphs[span.paragraph - 1]
    asked = doc.text[lo:hi].strip()
    return asked.endswith("?") and not any(lo <= s.open < hi for s in doc.spans)


def _possessive_owner(doc: Document, lo: int) -> Entity | None:
    start = lo + len(doc.text[lo:]) - len(doc.text[lo:].lstrip())
    for mention in doc.mentions:
        if mention.start == start and mention.kind == "person" and mention.entity is not None:
            return mention.entity if doc.text[mention.end : mention.end + 2] in ("'s", "’s") else None
    return None


def _learn_gender(doc: Document, entity: Entity | None, lo: int, hi: int) -> None:
    """`Mokoena broke her own record`: a sentence about one person tells us their pronoun."""
    if entity is None or entity.kind not in ("person", "anon") or entity.gender is not None:
        return
    people = {m.entity.name for m in doc.mentions if lo <= m.start < hi and m.entity and m.kind == "person"}
    if len(people) != (0 if entity.kind == "anon" else 1):
        return
    # Only pronouns after the name: "Her business partner, Dan Reilly," says nothing of Reilly.
    named = [m.end for m in doc.mentions if lo <= m.start < hi and m.entity is entity]
    lo = named[0] if named else lo
    words = [
        m.group().casefold()
        for m in re.finditer(r"\b\w+\b", doc.text[lo:hi])
        if not doc.in_quote(lo + m.start())
    ]
    male = {"he", "his", "him", "himself"} & set(words)
    female = {"she", "her", "hers", "herself"} & set(words)
    if bool(male) != bool(female):
        entity.gender = "m" if male else "f"
