"""The Russian pipeline: spans → names → cues → speakers, read in story order.

Salience is kept as the English reading keeps it, more simply: every sentence's subject and
every speaker is noted; a pronoun goes to the latest noted person of its gender (`она`), or
for `они` to the latest organisation or group; a role noun (`— подчеркнул министр`) to the
person introduced with that role, else to the latest person the verb agrees with; a generic
noun (`— говорится в заявлении министерства`, `в ведомстве`) to the latest organisation of
that noun or kind. An unnamed source (`одна из участниц схода`) takes the stage with no name,
so a later `она` stays unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import PersonMention, QuoteCandidate
from ..scan import find_quote_spans
from ..text import paragraph_spans
from . import lexicon as lx
from .cues import Cue, Piece, find_cue, read_spans
from .lexicon import fold
from .names import Cast, Entity
from .words import Word, is_role, org_head, sentence_spans, words_of

_KINDS = {"person": "person", "org": "organisation", "group": "group"}


@dataclass
class Ref:
    pos: int
    kind: str  # "mention", "pronoun", "role", "generic", "indefinite", "bare"
    entity: Entity | None = None
    value: str | None = None  # the pronoun's gender, the role or generic noun
    after_preposition: bool = False


class Story:
    def __init__(self, text: str):
        self.text = text
        self.paragraphs = paragraph_spans(text)
        self.spans = find_quote_spans(text, self.paragraphs)
        self.opaque = [(s.open, s.after) for s in self.spans]
        self.sentences = [s for lo, hi in self.paragraphs for s in sentence_spans(text, lo, hi, self.opaque)]
        self.pieces, names = read_spans(text, self.spans, self.sentence_at, self.opaque)
        # A split quote's own attribution (`— подчеркнул министр. —`) is read as the writer's words.
        self.clauses = sorted({p.clause for p in self.pieces if p.clause is not None})
        self.hidden = _holes([(s.start, s.end) for s in self.spans], self.clauses)
        self.cast = Cast(text, self.hidden)
        self.cast.build(names)
        self.notes: list[tuple[int, Entity]] = []

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return next(((lo, hi) for lo, hi in self.sentences if lo <= pos < hi), (pos, pos))

    # --- what a stretch of words names -----------------------------------------------------

    def refs(self, lo: int, hi: int) -> list[Ref]:
        found = [
            Ref(m.start, "mention", m.entity, after_preposition=m.after_preposition)
            for m in self.cast.mentions_in(lo, hi)
        ]
        covered = [(m.start, m.end) for m in self.cast.mentions_in(lo, hi)]
        words = list(words_of(self.text[lo:hi]))
        words = [Word(w.text, w.start + lo, w.end + lo) for w in words]
        for k, word in enumerate(words):
            if any(a <= word.start < b for a, b in covered) or any(
                a <= word.start < b for a, b in self.hidden
            ):
                continue
            prep = k > 0 and words[k - 1].low in lx.PREPOSITIONS
            low = word.low
            if low in lx.PRONOUNS and not prep:
                found.append(Ref(word.start, "pronoun", value=lx.PRONOUNS[low]))
            elif low in lx.INDEFINITE and not prep:
                found.append(Ref(word.start, "indefinite", value="f" if low == "одна" else "m"))
            elif (role := is_role(word)) and low == role and not prep:
                found.append(Ref(word.start, "role", value=role))
            elif ((head := org_head(word)) and not word.cap) or (head and word.text.isupper()):
                found.append(Ref(word.start, "generic", value=head, after_preposition=prep))
            elif word.cap and re.search(lx.SURNAME, low) and not prep and not lx.SPEECH_VERBS.get(low):
                found.append(Ref(word.start, "bare", value=word.text))
        return sorted(found, key=lambda r: r.pos)

    def subject_after(self, cue: Cue) -> Ref | None:
        """The speaker named after a dash: `— сказал Веденеев`, `— сказала она`, `— сообщили в
        пресс-службе министерства`, `— заявил министр`."""
        verb_end = cue.verb_at + len(cue.verb)
        comma = self.text.find(",", verb_end, cue.hi)
        after = self.refs(verb_end, comma if comma >= 0 else cue.hi)
        return _choose(after) or _choose(self.refs(cue.lo, cue.verb_at))

    def subject_before(self, cue: Cue) -> Ref | None:
        """`Дроздов сказал: «…»`, `По словам Дроздова, «…»`: the phrase nearest the verb."""
        if cue.verb == "по словам":
            refs = self.refs(cue.verb_at, cue.hi)
            possessive = re.match(
                r"(?i)по\s+(\w+)\s+(?:словам|мнению|данным)", self.text[cue.verb_at : cue.hi]
            )
            if possessive and fold(possessive.group(1)) in lx.POSSESSIVES:
                return Ref(cue.verb_at, "pronoun", value=lx.POSSESSIVES[fold(possessive.group(1))])
            return _choose(refs)
        refs = [r for r in self.refs(cue.lo, cue.hi) if not r.after_preposition and r.kind != "generic"]
        persons = [r for r in refs if r.kind in ("mention", "pronoun", "bare")]
        return (persons or refs or [None])[-1]

    # --- who it stands for -----------------------------------------------------------------

    def note(self, pos: int, entity: Entity | None) -> None:
        if entity is not None:
            self.notes.append((pos, entity))

    def resolve(self, ref: Ref | None, pos: int, agreement: str | None) -> Entity | None:
        if ref is None:
            return None
        if ref.kind == "mention":
            return ref.entity
        if ref.kind == "bare":
            return self.cast.bare_person(Word(ref.value, ref.pos, ref.pos + len(ref.value)))
        if ref.kind == "pronoun":
            return self._pronoun(pos, ref.value)
        if ref.kind == "role":
            return self._by_role(pos, ref.value, agreement)
        if ref.kind == "generic":
            return self._recent_org(pos, ref.value)
        if ref.kind == "indefinite":
            return Entity("anon", "", gender=ref.value)
        return None

    def _pronoun(self, pos: int, gender: str) -> Entity | None:
        for _at, entity in reversed([n for n in self.notes if n[0] < pos]):
            if gender in ("m", "f") and entity.kind in ("person", "anon"):
                if entity.gender in (None, gender):
                    return entity
            elif gender in ("pl", "n") and entity.kind in ("org", "group"):
                return entity
        return None

    def _by_role(self, pos: int, role: str, agreement: str | None) -> Entity | None:
        holders = [
            (max(m.start for m in e.mentions if m.start < pos), e)
            for e in self.cast.entities
            if e.kind == "person" and role in e.roles and any(m.start < pos for m in e.mentions)
        ]
        if holders:
            return max(holders, key=lambda item: item[0])[1]
        gender = agreement if agreement in ("m", "f") else lx.ROLES.get(role)
        for _at, entity in reversed([n for n in self.notes if n[0] < pos]):
            if entity.kind == "person" and (gender is None or entity.gender in (None, gender)):
                return entity
        return None

    def _recent_org(self, pos: int, head: str) -> Entity | None:
        orgs = [
            e
            for e in self.cast.entities
            if e.kind in ("org", "group") and any(m.start < pos for m in e.mentions)
        ]
        category = lx.ORG_HEADS.get(head, "state" if head in lx.ORG_ACRONYMS or head == "надзор" else None)
        for wanted in (lambda e: e.head == head, lambda e: category is not None and e.category == category):
            matching = [e for e in orgs if wanted(e)]
            if matching:
                return max(matching, key=lambda e: max(m.start for m in e.mentions if m.start < pos))
        return None

    def sentence_subject(self, lo: int, hi: int) -> Entity | None:
        refs = [r for r in self.refs(lo, hi) if not r.after_preposition or r.kind == "mention"]
        persons = [r for r in refs if r.kind == "mention" and r.entity.kind == "person"]
        first = refs[0] if refs else None
        if first is not None and first.kind in ("indefinite", "pronoun", "generic") and first.pos - lo < 4:
            return self.resolve(first, first.pos, None)
        if persons:
            return persons[0].entity
        mentions = [r for r in refs if r.kind == "mention" and not r.after_preposition]
        return mentions[0].entity if mentions else None

    # --- the story, in order ---------------------------------------------------------------

    def read(self) -> list[tuple[Piece, Cue | None, Entity | None]]:
        results = []
        pieces = sorted(self.pieces, key=lambda p: p.start)
        for lo, hi in self.sentences:
            inside = [p for p in pieces if lo <= p.span.open < hi]
            for piece in inside:
                later = [p.span.open for p in pieces if p.span.open >= piece.span.after]
                cue = find_cue(
                    self.text, piece, self.sentence_at, self.opaque, min(later, default=len(self.text))
                )
                speaker = None
                if cue is not None:
                    ref = self.subject_after(cue) if cue.where == "after" else self.subject_before(cue)
                    speaker = self.resolve(ref, piece.start, cue.agreement)
                self.note(piece.start, speaker)
                results.append(
                    (piece, cue, speaker if speaker is not None and speaker.kind != "anon" else None)
                )
            if not inside:
                self.note(lo, self.sentence_subject(lo, hi))
        return results


def _holes(spans: list[tuple[int, int]], clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quoted stretches with the split quotes' attributions cut out of them."""
    out = []
    for lo, hi in spans:
        for a, b in [c for c in clauses if lo <= c[0] < hi]:
            out.append((lo, a))
            lo = b
        out.append((lo, hi))
    return out


def _choose(refs: list[Ref]) -> Ref | None:
    """A person named beats a pronoun, which beats a role noun or an organisation; of a chain
    of organisation nouns (`в пресс-службе министерства`) the last one owns the words."""
    for kind in ("mention", "pronoun", "bare"):
        hit = [r for r in refs if r.kind == kind and (kind != "mention" or r.entity.kind == "person")]
        if hit:
            return hit[0]
    rest = [r for r in refs if r.kind in ("role", "indefinite", "generic") or r.kind == "mention"]
    if not rest:
        return None
    first = rest[0]
    if first.kind in ("generic", "mention"):
        chain = [first]
        for r in rest[1:]:
            if r.kind not in ("generic", "mention"):
                break
            chain.append(r)
        named = [r for r in chain if r.kind == "mention"]
        return named[-1] if named else chain[-1]
    return first


def extract_quotes_ru(text) -> list[QuoteCandidate]:
    """Every direct quotation in a Russian story's plain text, attributed where the text allows."""
    text = str(text)
    story = Story(text)
    candidates = []
    for piece, cue, speaker in story.read():
        named = speaker is not None and speaker.name
        confidence = (0.9 if named else 0.6) * (0.9 if piece.fragment else 1.0)
        candidates.append(
            QuoteCandidate(
                text=text[piece.start : piece.end],
                start=piece.start,
                end=piece.end,
                speaker=speaker.name if named else None,
                verb=cue.verb if cue else None,
                confidence=round(confidence, 2),
                parts=((piece.start, piece.end),),
                partial=piece.fragment,
                speaker_kind=_KINDS.get(speaker.kind) if named else None,
            )
        )
    return candidates


def find_people_ru(text) -> list[PersonMention]:
    """Everyone a Russian story names, nominative, with the role written before the name."""
    story = Story(str(text))
    people = []
    for entity in story.cast.entities:
        if entity.kind != "person":
            continue
        spans = tuple((m.start, m.end) for m in entity.mentions)
        forms = tuple(dict.fromkeys(story.text[a:b] for a, b in spans))
        people.append(PersonMention(entity.name, entity.role, entity.gender, spans, forms))
    return sorted(people, key=lambda p: p.spans[0] if p.spans else (0, 0))
