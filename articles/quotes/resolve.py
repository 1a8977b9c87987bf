"""Who a cue's subject stands for, read across the whole story.

The story is walked in order while keeping track of salience: who was the subject of
each sentence and who spoke last. A pronoun goes to the most salient person whose gender
agrees; a role noun to the person the story introduced with that role; a surname to the
full name. Names inside quotations and people mentioned only in passing count for little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import groups, subjects
from .lexicon import CAPITALISED_STOPWORDS, COLLECTIVE, NATIONALITIES, PRONOUNS, ROLE_WORDS, words
from .mentions import Entity
from .orgwords import ORG_NOUNS, PUBLICATION_WORDS
from .phrases import Document, NounPhrase, noun_phrases

_COMPANY = set(
    words(
        """
        corp corporation inc ltd plc holdings group shipping motors energy securities capital
        partners company airlines airways railways
        """
    )
)


_KIN = set(words("wife husband son daughter mother father brother sister widow widower"))
_KINDS = {"person": "person", "org": "organisation", "group": "group"}
# Categories a story names one organisation by in turn: the Commission is "the agency" too.
_RELATED = (
    {"agency", "authority", "commission", "regulator", "bureau", "service", "directorate"},
    {"company", "group", "airline"},
    {"foundation", "group", "association"},
    {"zoo", "museum", "library", "theatre"},
)
# Nouns general enough to stand for an organisation the story never typed.
_GENERIC = {"company", "group", "foundation"}


@dataclass
class Speaker:
    name: str | None
    entity: Entity | None
    confidence: float
    behalf: str | None = None  # the person a spokesperson speaks for

    @property
    def kind(self) -> str:
        entity = self.entity.speaks_for or self.entity if self.entity else None
        if entity is not None and entity.kind == "org" and "band" in entity.categories:
            return "group"  # "The Grey Herons, a folk band": a band speaks as a group
        return _KINDS.get(entity.kind, "person") if entity else "person"


def org_category(entity: Entity) -> set[str]:
    words = {t.casefold() for t in entity.tokens}
    kinds = {ORG_NOUNS[w] for w in words if w in ORG_NOUNS}
    if words & _COMPANY:
        kinds |= {"company", "group", "airline"}
    if words & {"water", "power", "electric", "electricity", "gas", "energy"}:
        kinds |= {"utility"}
    if words & PUBLICATION_WORDS:
        kinds |= {"publication"}
    if words & {"fc", "united", "athletic", "wanderers", "rovers", "hotspur"}:
        kinds |= {"club"}
    return kinds | entity.categories


def display_name(entity: Entity) -> str:
    return re.sub(r"^(?:the|The)\s+", "", entity.name)


class Salience:
    """Who the story is about at each point, as it is read."""

    def __init__(self, doc: Document, entities: list[Entity]):
        self.doc, self.entities = doc, entities
        self.subjects: list[tuple[int, Entity]] = []  # sentence subjects and speakers
        self.speakers: list[tuple[int, Entity]] = []
        lead_hi = doc.paragraphs[0][1] if doc.paragraphs else 0
        self.lead = {m.entity.name for m in doc.mentions if m.entity and m.start < lead_hi}
        self.last_author: Speaker | None = None  # who issued the statement last written about

    def note_subject(self, pos: int, entity: Entity | None, speaker: bool = False) -> None:
        if entity is not None:
            self.subjects.append((pos, entity))
            if speaker:
                self.speakers.append((pos, entity))

    def mentioned_before(self, entity: Entity, pos: int) -> int:
        if entity.kind == "anon":
            return max((p for p, e in self.subjects if e is entity and p < pos), default=-1)
        return max((m.start for m in entity.mentions if m.start < pos and not m.in_quote), default=-1)

    def pronoun(
        self, pos: int, gender: str | None, exclude: Entity | None = None
    ) -> tuple[Entity | None, float]:
        persons = [e for e in self.entities if e.kind == "person" and self.mentioned_before(e, pos) >= 0]
        persons += [e for p, e in self.subjects if e.kind == "anon" and p < pos and e not in persons]
        persons = [e for e in persons if e is not exclude and "plural" not in e.categories]
        if not persons:
            return None, 0.0
        order = []
        for _p, entity in reversed([s for s in self.subjects if s[0] < pos]):
            if entity not in order:
                order.append(entity)
        by_mention = sorted(persons, key=lambda e: -self.mentioned_before(e, pos))
        last_speaker = next((e for p, e in reversed(self.speakers) if p < pos), None)
        scored = []
        for entity in persons:
            if gender and entity.gender and entity.gender != gender:
                continue
            score = 2.0 / (1 + order.index(entity)) if entity in order else 0.0
            score += 0.5 / (1 + by_mention.index(entity))
            score += 0.3 if entity is last_speaker else 0.0
            score += 0.2 if entity.name in self.lead else 0.0
            # An unknown gender costs less than being the sentence's subject earns: "Tamsin Hale
            # has played Lady Macbeth" keeps "she" for Hale, though only Lady tells a gender.
            # A known match earns less than being the subject just before: the given-name list
            # is short, and "Millbrook boss Ken Arnott was less happy. '…,' he said" is Arnott's
            # even after a listed Leon spoke.
            score += 0.6 if gender and entity.gender == gender else (-0.1 if gender else 0.0)
            scored.append((score, entity))
        if not scored:
            return None, 0.0
        scored.sort(key=lambda item: -item[0])
        best_score, best = scored[0]
        margin = best_score - (scored[1][0] if len(scored) > 1 else 0.0)
        if best.kind == "anon" and best.speaks_for is not None and best_score >= 0.5:
            return best, 0.7
        if best_score < 0.5 or best.kind == "anon":
            if best.kind == "anon" and best.gender is None and gender:
                best.gender = gender
            return None, 0.0
        confidence = 0.9 if margin >= 1.0 else 0.75 if margin >= 0.4 else 0.6
        if best.gender is None and gender and margin >= 0.4:
            best.gender = gender  # the story's own pronoun tells us
        return best, confidence

    def recent_org(self, pos: int, kinds: set[str] | None, loose: bool = True) -> Entity | None:
        """The organisation last named of one of these categories; failing that, of a related
        category (`the agency said` for a Commission), or one named with no category at all
        (`Grange Estates, which…` … `the company said`)."""
        found = self._recent_org(pos, lambda e: kinds is None or bool(org_category(e) & kinds))
        if found is not None or not kinds or not loose:
            return found
        related = set().union(*(family for family in _RELATED if kinds & family))
        if related:
            found = self._recent_org(pos, lambda e: bool(org_category(e) & related))
        if found is None and kinds & _GENERIC:
            found = self._recent_org(pos, lambda e: not org_category(e))
        return found

    def _recent_org(self, pos: int, wanted) -> Entity | None:
        orgs = [(self.mentioned_before(e, pos), e) for e in self.entities if e.kind == "org" and wanted(e)]
        orgs = [item for item in orgs if item[0] >= 0]
        return max(orgs, key=lambda item: item[0])[1] if orgs else None

    def by_role(self, pos: int, phrase: NounPhrase) -> Entity | None:
        best, best_score = None, 0.0
        for entity in self.entities:
            if entity.kind != "person" or self.mentioned_before(entity, pos) < 0:
                continue
            if phrase.age is not None:
                score = 2.0 if entity.age == phrase.age else 0.0
            else:
                # Every role the story gave them: "Incumbent Mayor X" … "the incumbent".
                held = dict.fromkeys([entity.role or "", *(m.role or "" for m in entity.mentions)])
                role = " ; ".join(held).casefold()
                words = [w.removesuffix("'s") for w in phrase.words]
                # "his Uzbek counterpart" holds the other's office: "the Uzbek minister".
                head = bool(role) and re.search(rf"\b(?:{re.escape(words[-1])}|counterpart)\b", role)
                if not head or _nationality_clash(words, role):
                    continue
                score = 1.0 + sum(0.5 for w in words[:-1] if re.search(rf"\b{re.escape(w)}\b", role))
                # The one who holds the office beats the counterpart it is compared with.
                score += 0.25 if re.search(rf"\b{re.escape(words[-1])}\b", role) else 0.0
            score += self.mentioned_before(entity, pos) / 1e7  # later beats earlier on a tie
            if score > best_score:
                best, best_score = entity, score
        return best if best_score >= 1.0 else None

    def resolve(self, pos: int, phrase: NounPhrase | None) -> Speaker:
        if phrase is None:
            return Speaker(None, None, 0.0)
        if phrase.kind == "name":
            entity = phrase.mention.entity if phrase.mention else None
            if entity is None:
                return (
                    Speaker(" ".join(phrase.mention.tokens), None, 0.6)
                    if phrase.mention
                    else Speaker(None, None, 0)
                )
            return Speaker(display_name(entity), entity, 0.95)
        if phrase.kind == "org" and phrase.head in ("family", "couple") and phrase.mention is None:
            entity = groups.family_speaker(self, pos, phrase)
            return Speaker(entity.name, entity, 0.8) if entity else Speaker(None, None, 0.0)
        if (
            phrase.kind == "org"
            and phrase.mention is None
            and (entity := groups.possessive_org(self, pos, phrase))
        ):
            return Speaker(display_name(entity), entity, 0.8)
        if phrase.kind == "org" and phrase.det in ("his", "her") and phrase.mention is None:
            # "her office", "his ministry": the person the possessive points to.
            entity, confidence = self.pronoun(pos, "m" if phrase.det == "his" else "f")
            if entity is None or entity.kind == "anon":
                return Speaker(None, None, 0.0)
            return Speaker(entity.name, entity, confidence * 0.9)
        if phrase.kind == "org" and phrase.mention is None and phrase.words[-2:-1] == ["press"]:
            # "the press service said": no body of its own, the voice of the one last named.
            entity = self.recent_org(pos, None)
            return Speaker(display_name(entity), entity, 0.8) if entity else Speaker(None, None, 0.0)
        if phrase.kind == "org":
            entity = (
                phrase.mention.entity
                if phrase.mention
                else self._recent_org(pos, lambda e: e.key_tokens[-1] == phrase.head and len(e.tokens) > 1)
                or self.recent_org(pos, {ORG_NOUNS.get(phrase.head, phrase.head)})
            )
            if (
                entity is None
                and phrase.mention is None
                and phrase.head in ("group", "organisation", "organization")
            ):
                entity = self.recent_org(pos, None)  # "the group said": a rights group, a campaign group
            if entity is None and phrase.mention is None and ORG_NOUNS.get(phrase.head) == "band":
                band = groups.band_speaker(self, pos)
                return Speaker(band.name, band, 0.7) if band else Speaker(None, None, 0.0)
            return Speaker(display_name(entity), entity, 0.85) if entity else Speaker(None, None, 0.0)
        if phrase.kind == "pronoun":
            word = phrase.words[0]
            if word in ("he", "she"):
                entity, confidence = self.pronoun(pos, PRONOUNS[word])
                if entity is not None and entity.speaks_for is not None:
                    return Speaker(display_name(entity.speaks_for), entity, confidence)
                return Speaker(entity.name if entity else None, entity, confidence)
            if word == "it":
                # "The Authority fined the bank for what it called…": the sentence's own subject
                # outranks the organisation named last.
                lo = self.doc.sentence_at(pos)[0]
                subject = next((e for p, e in reversed(self.subjects) if lo <= p < pos), None)
                if subject is None or subject.kind != "org":
                    subject = self.recent_org(pos, None)
                entity = subject
                return Speaker(display_name(entity), entity, 0.7) if entity else Speaker(None, None, 0.0)
            return Speaker(None, None, 0.0)
        if phrase.kind == "role":
            entity = self.by_role(pos, phrase)
            if entity is not None:
                return Speaker(entity.name, entity, 0.85)
            if (relative := self._relative(pos, phrase)) is not None:
                return Speaker(relative.name, relative, 0.75)
            return self._focus_for_role(pos, phrase)
        if phrase.kind == "doc":
            return self._document_author(pos, phrase)
        if phrase.kind == "indefinite" and (org := groups.spokesperson_org(self, pos, phrase)):
            # The spokesperson takes the stage for a later "she said", speaking for the organisation.
            stand_in = Entity("anon", "", [], gender=ROLE_WORDS.get(phrase.head), mentions=[], speaks_for=org)
            return Speaker(display_name(org), stand_in, 0.75)
        if phrase.kind == "indefinite" and (
            phrase.head in ROLE_WORDS or phrase.head.rstrip("s") in ROLE_WORDS or phrase.head in COLLECTIVE
        ):
            # An unnamed source still takes the stage: a later "she said" may be theirs.
            gender = ROLE_WORDS.get(phrase.head)
            # "Police", "officials": many people, whom a later he or she never takes up.
            plural = phrase.head in COLLECTIVE and (
                phrase.head.endswith("s") or phrase.head in ("police", "people")
            )
            stand_in = Entity(
                "anon", "", [], gender=gender, mentions=[], categories={"plural"} if plural else set()
            )
            return Speaker(None, stand_in, 0.0)
        return Speaker(None, None, 0.0)

    def _focus_for_role(self, pos: int, phrase: NounPhrase) -> Speaker:
        """`the midfielder said` with no midfielder introduced: the person just being written about."""
        last = next((e for p, e in reversed(self.subjects) if p < pos), None)
        gender = ROLE_WORDS.get(phrase.head)
        if phrase.det != "the" and not (phrase.det is None and self._in_headline(pos)):
            return Speaker(None, None, 0.0)  # headlines drop the article: "…', says mayor"
        if last is None or not any(
            e.kind == "person" and self.mentioned_before(e, pos) >= 0 for e in self.entities
        ):
            return self._named_next(pos, gender, phrase)
        if last is None or last.kind != "person" or (gender and last.gender and gender != last.gender):
            return Speaker(None, None, 0.0)
        return Speaker(last.name, last, 0.6)

    def _in_headline(self, pos: int) -> bool:
        paragraphs = self.doc.paragraphs
        if len(paragraphs) < 2 or not paragraphs[0][0] <= pos < paragraphs[0][1]:
            return False
        line = self.doc.text[paragraphs[0][0] : paragraphs[0][1]].strip()
        return len(line) <= 140 and "\n" not in line and not line.endswith((".", ":"))

    def _relative(self, pos: int, phrase: NounPhrase) -> Entity | None:
        """`Brian and Sheila Moss… His wife laughed`: the one other person of that surname,
        of the kinship word's gender, beside the man *his* stands for."""
        if phrase.det not in ("his", "her") or phrase.head not in _KIN:
            return None
        owner, _confidence = self.pronoun(pos, "m" if phrase.det == "his" else "f")
        if owner is None or owner.kind != "person" or len(owner.tokens) < 2:
            return None
        gender = ROLE_WORDS.get(phrase.head)
        kin = [
            e
            for e in self.entities
            if e.kind == "person"
            and e is not owner
            and e.key_tokens[-1] == owner.key_tokens[-1]
            and e.gender in (None, gender)
            and self.mentioned_before(e, pos) >= 0
        ]
        return kin[0] if len(kin) == 1 else None

    def _named_next(self, pos: int, gender: str | None, phrase: NounPhrase) -> Speaker:
        """Cataphora in the lead: `The former head of the port authority… calling the inquiry a
        "ruse"`, nobody named yet, and the next paragraph opens with the person: `Marcus Dlamini,
        who led the authority…`."""
        if not self.doc.paragraphs or pos >= self.doc.paragraphs[0][1] or len(self.doc.paragraphs) < 2:
            return Speaker(None, None, 0.0)
        if any(self.mentioned_before(e, pos) >= 0 for e in self.entities if e.kind == "person"):
            return Speaker(None, None, 0.0)
        lo, hi = self.doc.sentence_at(self.doc.paragraphs[1][0])
        subject = subjects.sentence_subject(self.doc, lo, hi)
        entity = subject.mention.entity if subject and subject.kind == "name" and subject.mention else None
        if entity is None or entity.kind != "person" or (gender and entity.gender not in (None, gender)):
            return Speaker(None, None, 0.0)
        # The person's sentence must take up the role's own words ("head of the port authority"…
        # "who led the authority"), or it is someone else being introduced.
        text = self.doc.text
        # …or be introduced with the role itself: "what the finance minister called a 'reset'"
        # … "Finance Minister Robert Achebe-Lyons told parliament".
        role = (entity.role or "").casefold()
        same_role = bool(role) and all(re.search(rf"\b{re.escape(w)}\b", role) for w in phrase.words)
        if not same_role and not _content_words(text[pos : pos + 60]) & _content_words(
            text[subject.end : hi]
        ):
            return Speaker(None, None, 0.0)
        return Speaker(entity.name, entity, 0.5)

    def _document_author(self, pos: int, phrase: NounPhrase) -> Speaker:
        """`according to a statement from her office`: whoever issued the document."""
        text = self.doc.text
        link = re.match(
            r"\s+(?:from|by|of|issued by|signed by|released by)\s+", text[phrase.end : phrase.end + 20]
        )
        if link:
            lo = phrase.end + link.end()
            hi = lo + (re.search(r"[,.;:!?]|$", text[lo : lo + 80]).start())
            issuers = noun_phrases(self.doc, lo, hi)
            if issuers:
                return self.resolve(issuers[0].start, issuers[0])
        if len(phrase.words) > 1 and phrase.words[0] in ORG_NOUNS:
            entity = self.recent_org(pos, {ORG_NOUNS[phrase.words[0]]})
            return Speaker(display_name(entity), entity, 0.75) if entity else Speaker(None, None, 0.0)
        if phrase.det == "the" and self.last_author is not None:
            # "the statement said": the statement the story has just introduced.
            return Speaker(self.last_author.name, self.last_author.entity, 0.8)
        return Speaker(None, None, 0.0)

    def note_document(self, lo: int, hi: int, speaker: Speaker) -> None:
        """Remember who issued a statement this sentence writes about, for a later "the statement"."""
        text = self.doc.text[lo:hi]
        link = groups.DOC_LINK.search(text)
        if link:
            issuers = noun_phrases(self.doc, lo + link.end(), hi)
            if issuers:
                found = self.resolve(issuers[0].start, issuers[0])
                if found.name:
                    self.last_author = found
                    return
        if speaker.name and re.search(r"\b(?:statement|notice|communiqu[eé]|letter)\b", text):
            self.last_author = speaker


def _content_words(text: str) -> set[str]:
    found = {w.casefold() for w in re.findall(r"[^\W\d_]{5,}", text)}
    return found - CAPITALISED_STOPWORDS - {"former", "which", "there", "their", "about", "after"}


def _nationality_clash(words: list[str], role: str) -> bool:
    """`the Uzbek minister` is not the one introduced as Kazakh Energy Minister."""
    wanted = {w for w in words if w in NATIONALITIES}
    held = {w for w in re.findall(r"[\w\-]+", role) if w in NATIONALITIES}
    return bool(wanted and held and not wanted & held)
