"""Grouping mentions into entities: one person however often and however fully named.

A person's name is the fullest form seen anywhere in the story; a surname alone joins the
full name it belongs to; gender comes from titles, given names, gendered role words and
surname endings, and is left unknown when they are silent.
"""

from __future__ import annotations

import re

from .givennames import gender_of_given_name
from .lexicon import ROLE_WORDS, TITLES
from .mentions import PARTICLES, PLACE_WORDS, Entity, Mention

_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|aya|skaya|ska|cka|ková|ová|ienė|ytė|aitė|dóttir|dottir)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|in|sky|skiy|skyy|ski|cki|enko|uk|vich|vić|vic)$")


def build_entities(mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities; a person's name is the fullest form seen anywhere."""
    entities: list[Entity] = []
    persons = [m for m in mentions if m.kind == "person"]
    known_tokens = {t.casefold() for m in persons if len(m.tokens) > 1 and m.evidence for t in m.tokens}
    for mention in mentions:
        if mention.kind in ("org", "group"):
            entity = _find_org(entities, mention) or _new(entities, mention.kind, mention.tokens)
        elif org := _same_org(entities, mention):
            # "state operator Deutsche Schiene… Deutsche Schiene called the strike…"
            mention.kind, entity = "org", org
        elif len(mention.tokens) > 1:
            if not mention.evidence and not _surname_used(mention, persons):
                continue
            entity = _find_person(entities, mention.tokens) or _new(entities, "person", mention.tokens)
            entity.adopt(mention.tokens)
        else:
            entity = _find_person(
                entities, mention.tokens, TITLES.get((mention.title or "").casefold().rstrip("."))
            )
            if entity is None:
                if mention.tokens[0].casefold() in PLACE_WORDS and not mention.title:
                    continue
                if not (mention.evidence or mention.title or mention.tokens[0].casefold() in known_tokens):
                    continue
                entity = _new(entities, "person", mention.tokens)
        mention.entity = entity
        entity.mentions.append(mention)
        if mention.category:
            entity.categories.add(mention.category)
        if mention.role and not entity.role:
            entity.role = mention.role
        if mention.age and not entity.age:
            entity.age = mention.age
    # Single-word persons met before their full name are folded into it afterwards.
    for entity in [e for e in entities if e.kind == "person" and len(e.tokens) == 1]:
        fuller = _find_person([e for e in entities if e is not entity and len(e.tokens) > 1], entity.tokens)
        if fuller is not None:
            for mention in entity.mentions:
                mention.entity = fuller
            fuller.mentions = sorted(fuller.mentions + entity.mentions, key=lambda m: m.start)
            fuller.role = fuller.role or entity.role
            entities.remove(entity)
    # "Coldwater said": one word opening a named organisation, with no role or title of a
    # person, is that organisation (Coldwater Resources).
    for entity in [e for e in entities if e.kind == "person" and len(e.tokens) == 1 and not e.role]:
        if any(m.title for m in entity.mentions):
            continue
        orgs = [
            e
            for e in entities
            if e.kind == "org" and len(e.tokens) > 1 and e.key_tokens[0] == entity.key_tokens[0]
        ]
        if len(orgs) == 1:
            for mention in entity.mentions:
                mention.entity, mention.kind = orgs[0], "org"
            orgs[0].mentions = sorted(orgs[0].mentions + entity.mentions, key=lambda m: m.start)
            entities.remove(entity)
    for entity in entities:
        entity.gender = _gender(entity)
    return entities


def _surname_used(mention: Mention, persons: list[Mention]) -> bool:
    keys = [t.casefold() for t in mention.tokens]
    return any(
        m.evidence
        and len(m.tokens) < len(keys)
        and (len(m.tokens) == 1 or m.tokens[0].casefold() in PARTICLES)
        and (
            [t.casefold() for t in m.tokens] == keys[-len(m.tokens) :]
            # "Ma Lianfeng, a manager…" … "Ma said": family name first, taken up alone.
            or (len(m.tokens) == 1 and len(keys) == 2 and m.tokens[0].casefold() == keys[0])
        )
        for m in persons
    )


def _new(entities: list[Entity], kind: str, tokens: list[str]) -> Entity:
    entity = Entity(kind, " ".join(tokens), list(tokens))
    entities.append(entity)
    return entity


def _find_person(entities: list[Entity], tokens: list[str], gender: str | None = None) -> Entity | None:
    """The person a name form belongs to; `gender` is what a title says (`Mrs Tey` is not Graham)."""
    keys = [t.casefold() for t in tokens]
    best = None
    for entity in entities:
        if entity.kind != "person":
            continue
        mine = entity.key_tokens
        if gender and len(mine) > 1 and gender_of_given_name(entity.tokens[0]) not in (None, gender):
            continue
        if len(keys) < len(mine) and keys[0] in PARTICLES and mine[-len(keys) :] == keys:
            best = entity  # "Van der Meer said": the surname of Karel van der Meer, particles and all
        elif len(keys) == 1:
            # A lone word is the surname, or failing that the first word (Zhao of "Zhao Ming"),
            # or the first of two surnames (Ferrán of "Lucía Ferrán Ibarra").
            # Two people of one surname: the bare surname is the one introduced first, as copy
            # names the second by the given name (Agnieszka Wolska, then her granddaughter Zofia).
            if (keys[0] == mine[-1] or keys[0] == mine[0]) and (
                best is None or best.key_tokens[-1] != keys[0]
            ):
                best = entity
            elif len(mine) == 3 and keys[0] == mine[1] and mine[1] not in PARTICLES:
                best = best or entity
        elif (
            keys[-1] == mine[-1]
            and (keys[0] == mine[0] or (keys[0][:1] == mine[0][:1] and len(keys[0]) == 1))
        ) or (len(mine) == 1 and mine[0] in (keys[-1], keys[0])):
            best = entity
    return best


def _find_org(entities: list[Entity], mention: Mention) -> Entity | None:
    keys = " ".join(mention.tokens).casefold()
    for entity in entities:
        if entity.kind == mention.kind and (keys in entity.name.casefold() or entity.name.casefold() in keys):
            entity.adopt(mention.tokens)
            return entity
    return None


def _same_org(entities: list[Entity], mention: Mention) -> Entity | None:
    name = " ".join(mention.tokens).casefold()
    return next((e for e in entities if e.kind == "org" and e.name.casefold() == name), None)


def _gender(entity: Entity) -> str | None:
    if entity.kind != "person":
        return None
    for mention in entity.mentions:
        if mention.title and TITLES.get(mention.title.casefold().rstrip(".")):
            return TITLES[mention.title.casefold().rstrip(".")]
    votes = []
    if len(entity.tokens) > 1:
        votes.append(gender_of_given_name(entity.tokens[0]))
    if entity.role:
        votes.extend(ROLE_WORDS.get(w.casefold()) for w in re.findall(r"[\w\-]+", entity.role))
    surname = entity.tokens[-1].casefold()
    if len(entity.tokens) > 1 and _FEMALE_SURNAME.search(surname):
        votes.append("f")
    elif len(entity.tokens) > 1 and _MALE_SURNAME.search(surname):
        votes.append("m")
    votes = [v for v in votes if v]
    return votes[0] if votes else None
