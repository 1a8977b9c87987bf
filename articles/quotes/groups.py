"""Speakers that are not one named person, and the person a spokesperson speaks for.

Organisations speak through documents ("according to a statement from the police
department", "the statement said"), through boards ("the company's board said") and through
unnamed spokespeople ("a spokeswoman for the airline said"); families speak as a group ("the
Whitlock family", "his family said"). A named spokesperson stays the speaker, and the person
their role names ("a spokesman for the minister") is who the words are on behalf of.

The functions take the story's `Salience` (resolve.py) as it stands at the quote.
"""

from __future__ import annotations

import re

from .lexicon import CAPITALISED_STOPWORDS
from .mentions import Entity
from .orgwords import ORG_NOUNS, ORG_WORDS
from .phrases import NounPhrase, noun_phrases

SPOKES_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"}
# "an official of the agency told a press conference": on the record, the agency speaking.
OFFICIAL_WORDS = {"official"}
_ANONYMOUS = re.compile(
    r"\b(?:(?:not|n't) (?:wish|want|wishing|wanting) to be (?:named|identified)|"
    r"not to be (?:named|identified)|anonymity|anonymously|(?:not|n't) authori[sz]ed)\b",
    re.I,
)
# "a spokesman for the minister", "press secretary to the president", "an aide to Soto".
_BEHALF = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press secretary|representative|aide|adviser|advisor)\s+"
    r"(?:for|to|of)\s+(.+)$",
    re.I,
)
_OWN_SPOKESMAN = re.compile(
    r"\b(his|her)\s+(?:\w+\s+)?(?:spokes(?:man|woman|person)|press secretary|aide|representative),?\s*$", re.I
)
# Where a document says who issued it: "a statement from X", "a statement signed by X".
DOC_LINK = re.compile(
    r"\b(?:statement|notice|letter|communiqu[eé]|release|post|message)\s+"
    r"(?:(?:issued|signed|released)(?:\s+(?!by\b)\w+){0,3}\s+by|from|by|of)\s+",
    re.I,
)
_SIGNED = re.compile(r"\bsigned by\s+", re.I)
_ON_BEHALF = re.compile(r"\bon behalf of\s+", re.I)


def family_entity(salience, person: Entity) -> Entity:
    """The group "<Surname> family" for a person, one entity per surname in a story."""
    name = f"{person.tokens[-1]} family"
    for entity in salience.entities:
        if entity.kind == "group" and entity.name.casefold() == name.casefold():
            return entity
    entity = Entity("group", name, [person.tokens[-1], "family"], mentions=[])
    salience.entities.append(entity)
    return entity


def family_speaker(salience, pos: int, phrase: NounPhrase) -> Entity | None:
    """`his family said`: that man's family; `the family said`: the family the story last
    named, or else the family of the person the story is about."""
    if phrase.det in ("his", "her"):
        person, _confidence = salience.pronoun(pos, "m" if phrase.det == "his" else "f")
        return family_entity(salience, person) if person is not None else None
    link = re.match(r"\s+of\s+", salience.doc.text[phrase.end : phrase.end + 6])
    if link:
        named = noun_phrases(salience.doc, phrase.end + link.end(), phrase.end + link.end() + 60)
        if named and named[0].mention and named[0].mention.entity:
            entity = named[0].mention.entity
            return entity if entity.kind == "group" else family_entity(salience, entity)
    groups = [(salience.mentioned_before(e, pos), e) for e in salience.entities if e.kind == "group"]
    groups = [item for item in groups if item[0] >= 0 and item[1].tokens[-1].casefold() == "family"]
    if groups:
        return max(groups, key=lambda item: item[0])[1]
    focus = next((e for p, e in reversed(salience.subjects) if p < pos and e.kind == "person"), None)
    if focus is not None:
        return family_entity(salience, focus)
    # "The family of a teenager who drowned… paid tribute", named only later as "the Reid family".
    later = [
        (min(m.start for m in e.mentions), e)
        for e in salience.entities
        if e.kind == "group" and e.tokens[-1].casefold() == "family" and e.mentions
    ]
    return min(later, key=lambda item: item[0])[1] if later else None


def possessive_org(salience, pos: int, phrase: NounPhrase) -> Entity | None:
    """`the company's board`, `its board`, `the bank's management`: the organisation itself."""
    # "The board of X…" … "the company's board said": the body whose board the story named.
    if ORG_NOUNS.get(phrase.head) == "board" and (owner := _board_owner(salience, pos, phrase.end)):
        return owner
    # Tokens drop their possessive ending, so the owner is read off the text.
    for noun in re.findall(r"(\w+)['’]s\b", salience.doc.text[phrase.start : phrase.end]):
        if noun.casefold() in ORG_NOUNS:
            kind = ORG_NOUNS[noun.casefold()]
            return salience.recent_org(pos, {kind}) or salience.recent_org(pos, None)
    if phrase.det == "its" or ORG_NOUNS.get(phrase.head) == "board":
        return salience.recent_org(pos, None)
    return None


def _board_owner(salience, pos: int, end: int) -> Entity | None:
    """`The board of Ardent Minerals… the board said`: the organisation whose board the story
    last wrote about, whatever else it named since."""
    text, owner = salience.doc.text, None
    for mention in salience.doc.mentions:
        if mention.kind != "org" or mention.entity is None or mention.start >= max(pos, end + 9):
            continue
        before = text[max(0, mention.start - 16) : mention.start]
        after = text[mention.end : mention.end + 9]
        if re.search(r"\bboard of (?:the )?$", before) or re.match(r"(?:['’]s)? board\b", after):
            owner = mention.entity
    return owner


def spokesperson_org(salience, pos: int, phrase: NounPhrase) -> Entity | None:
    """`a spokeswoman for the airline`, `a ministry spokesman`: the organisation they speak for.
    An unnamed spokesperson for a person ("for the mayor") or for nobody named stays unnamed."""
    if phrase.head not in SPOKES_WORDS and phrase.head not in OFFICIAL_WORDS:
        return None
    text = salience.doc.text
    if phrase.head in OFFICIAL_WORDS and _ANONYMOUS.search(text, *salience.doc.sentence_at(phrase.start)):
        return None  # an official speaking on condition of anonymity does not speak for the body
    link = re.match(r"\s+(?:for|of|at)\s+", text[phrase.end : phrase.end + 6])
    if link:
        lo = phrase.end + link.end()
        hi = lo + re.search(r"[,.;:!?]|$", text[lo : lo + 80]).start()
        target = next(iter(noun_phrases(salience.doc, lo, hi)), None)
        if target is None:
            return None
        if target.kind == "org" and target.mention and target.mention.entity:
            return target.mention.entity
        if target.kind == "org" and target.det in ("the", "its"):
            return salience.recent_org(pos, {ORG_NOUNS.get(target.head, target.head)})
        return None
    for mention in salience.doc.mentions:
        if phrase.start <= mention.start < phrase.end and mention.kind == "org" and mention.entity:
            return mention.entity  # "a Kvitfjord spokeswoman"
    for word in phrase.words[:-1]:
        if word in ORG_NOUNS:
            # "a company spokesman" with no company of that kind named stays unnamed.
            return salience.recent_org(pos, {ORG_NOUNS[word]}, loose=False)
    if phrase.head in SPOKES_WORDS and len(phrase.words) == 1:
        # "The service said… "…," a spokesperson said": the body the story has just had speak.
        last = next((e for p, e in reversed(salience.subjects) if p < pos), None)
        if last is not None and last.kind == "org":
            return last
    return None


def behalf_of(salience, pos: int, entity: Entity | None) -> str | None:
    """The person a named spokesperson's role speaks for: `a spokesman for the minister`."""
    if entity is None or entity.kind != "person":
        return None
    first = min((m.start for m in entity.mentions), default=0)
    written = re.split(r"[.!?\n]\s", salience.doc.text[max(0, first - 60) : first])[-1]
    # "a statement signed by Daphne Kourou on behalf of Prime Minister Nikos Alexandrou".
    lo, hi = salience.doc.sentence_at(first)
    on_behalf = _ON_BEHALF.search(salience.doc.text, lo, hi)
    if on_behalf:
        named = noun_phrases(salience.doc, on_behalf.end(), min(hi, on_behalf.end() + 80))
        target = named[0].mention.entity if named and named[0].kind == "name" and named[0].mention else None
        if target is not None and target is not entity and target.kind == "person":
            return target.name
    own = _OWN_SPOKESMAN.search(entity.role or "") or _OWN_SPOKESMAN.search(written)
    if own:
        # "his spokesman, Piotr Zielinski": the man the story is about, the speaker aside.
        gender = "m" if own.group(1).casefold() == "his" else "f"
        # Salience alone, with no cost for an unknown gender: a principal is rarely taken up by
        # a pronoun before their spokesman speaks.
        principal, _confidence = salience.pronoun(pos, None, exclude=entity)
        if principal is None or principal.kind != "person" or principal.gender not in (None, gender):
            return None
        return principal.name
    # The role as written before the name, "A spokesperson for the minister, Rui Santos,", wins
    # over the role kept for the person, which may be only its last words.
    match = _BEHALF.search(written.rstrip(" ,")) or _BEHALF.search(entity.role or "")
    if not match:
        return None
    target = match.group(1).strip(" ,")
    for other in salience.entities:
        if other is entity or other.kind != "person":
            continue
        if any(t.casefold() in target.casefold().split() for t in other.tokens[-1:]):
            return other.name  # "a spokesman for Soto"
    words = target.casefold().split()
    if len(words) > 1 and words[0] in ("the", "his", "her"):
        # "for the minister": the person introduced with that role, the speaker aside.
        head = re.escape(words[-1])
        holders = [
            (salience.mentioned_before(other, pos), other)
            for other in salience.entities
            if other is not entity
            and other.kind == "person"
            and re.search(rf"\b{head}\b", (other.role or "").casefold())
        ]
        holders = [item for item in holders if item[0] >= 0]
        if holders:
            return max(holders, key=lambda item: item[0])[1].name
    return None


def signatory(doc, lo: int, hi: int) -> NounPhrase | None:
    """`In a statement signed by Jonas Weber, … her office said`: the one who signed."""
    match = _SIGNED.search(doc.text, lo, hi)
    if not match:
        return None
    named = noun_phrases(doc, match.end(), min(hi, match.end() + 60))
    return named[0] if named and named[0].kind == "name" else None


# "the Lantern Thieves", "The Hollow Pines": a band is named as a plural with *the*.
_BAND_NAME = re.compile(r"\b[Tt]he((?:\s+[A-Z][\w'’\-]*)*\s+[A-Z][\w'’\-]*[a-z]s)\b")


def band_speaker(salience, pos: int) -> Entity | None:
    """`the band said`: the plural name with *the* the story last gave, when no organisation or
    person the story knows holds those words (`the Kremlin`, `the Smiths` of a family do)."""
    known = {t.casefold() for e in salience.entities if e.kind in ("person", "org") for t in e.tokens}
    found = None
    for match in _BAND_NAME.finditer(salience.doc.text, 0, pos):
        names = match.group(1).split()
        if salience.doc.in_quote(match.start()) or any(w.casefold() in known for w in names):
            continue
        if any(w.casefold() in ORG_WORDS or w.casefold() in CAPITALISED_STOPWORDS for w in names):
            continue
        found = names
    if found is None:
        return None
    name = "The " + " ".join(found)
    for entity in salience.entities:
        if entity.kind == "group" and entity.name == name:
            return entity
    entity = Entity("group", name, ["The", *found], mentions=[])
    salience.entities.append(entity)
    return entity
