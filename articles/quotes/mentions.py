"""Who and what a story names: person and organisation mentions, grouped into entities.

A capitalised run of words is a person only on evidence: a given name we know, a title or
role in front of it, an age or role in apposition, a speech verb next to it, or a later
mention of its surname. Organisations are runs that contain an organisation word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .evidence import pronoun_follows, relative_who, speech_next_to
from .givennames import gender_of_given_name
from .lexicon import (
    CAPITALISED_STOPWORDS,
    COLLECTIVE,
    DOC_NOUNS,
    NATIONALITIES,
    POSTNOMINALS,
    ROLE_WORDS,
    SPEECH_VERBS,
    words,
)
from .orgclues import firm_role, org_after, org_apposition, org_before, org_by_clause, org_set_off, owners_of
from .orgwords import INSTITUTIONS, ORG_NOUNS, ORG_WORDS
from .roles import Token, is_role, is_title, role_after, role_before, role_in_clause, role_prefix, tokenize
from .runs import PARTICLES, capitalised_runs, org_then_person, possessive_owners

PLACE_WORDS = set(
    words(
        """
    river sea ocean island islands street square bay lake mountain mountains valley airport
    station bridge road avenue park cup open prize games championship championships festival day
    week peninsula coast gulf strait straits canal province region district county state
    republic kingdom city town village hall cathedral stadium arena forum summit
    conference treaty agreement accord plan act law north south east west
    """
    )
)


@dataclass
class Entity:
    kind: str  # "person", "org", "group" (a family, a band) or "anon" (an unnamed source)
    name: str
    tokens: list[str]
    gender: str | None = None
    role: str | None = None
    age: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    speaks_for: Entity | None = None  # an unnamed spokesperson's organisation

    @property
    def key_tokens(self) -> list[str]:
        return [t.casefold() for t in self.tokens]

    def adopt(self, tokens: list[str]) -> None:
        """Keep the fullest form of the name seen so far."""
        if len(tokens) > len(self.tokens):
            self.tokens, self.name = tokens, " ".join(tokens)


@dataclass
class Mention:
    start: int
    end: int
    tokens: list[str]
    kind: str
    in_quote: bool
    title: str | None = None
    role: str | None = None
    evidence: bool = False
    entity: Entity | None = None
    age: int | None = None
    role_start: int = -1  # where a role written in front of the name begins
    category: str | None = None  # for organisations known by apposition: "company", "bank"…


def _after_former(text: str, token: Token) -> bool:
    return bool(
        re.search(r"\b(?:former|ex-|onetime|retired)\s*$", text[max(0, token.start - 10) : token.start])
    )


def _after_role(text: str, tokens: list[Token], token: Token) -> bool:
    index = tokens.index(token)
    before = tokens[index - 1] if index else None
    return before is not None and before.lower in ROLE_WORDS and text[before.stop : token.start] == " "


def _split_run(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split a run into its role/title prefix and the name that follows it."""
    while run and run[0].lower in CAPITALISED_STOPWORDS and not is_title(run[0].text):
        run = run[1:]
    last_role = -1
    for i, token in enumerate(run):
        if is_role(token.text) or is_title(token.text):
            last_role = i
    if last_role < 0:
        return [], run
    prefix, name = run[: last_role + 1], run[last_role + 1 :]
    if name and name[0].lower == "of":
        # "Minister of Water Resources Liu Hua": the name starts at a given name we know,
        # or else is the last two words.
        starts = [i for i, t in enumerate(name) if gender_of_given_name(t.text)]
        cut = starts[0] if starts else max(1, len(name) - 2)
        prefix, name = prefix + name[:cut], name[cut:]
    return prefix, name


def _is_org(tokens: list[Token]) -> bool:
    # "Brindle & Hart": two names joined by an ampersand are a firm's name.
    return any(t.lower in ORG_WORDS for t in tokens) or any(
        (t.text == "&" and 0 < k < len(tokens) - 1)
        # "the City of Cape Town said": a municipality, where "Mexico City" is a place.
        or (t.lower == "city" and k == 0 and len(tokens) > 2 and tokens[1].lower == "of")
        for k, t in enumerate(tokens)
    )


# Capitalised words that stop a person's name but belong to an organisation's: the Northern
# Sea Route Directorate, the Central Bank.
_NAME_ADJECTIVES = set(
    words("north south east west northern southern eastern western central upper lower great")
)


_WEEKDAYS = set(words("monday tuesday wednesday thursday friday saturday sunday"))
_COMMON = set(COLLECTIVE) | set(ROLE_WORDS) | set(ORG_NOUNS) | set(DOC_NOUNS) | set(SPEECH_VERBS)


def find_mentions(text: str, quoted: list[tuple[int, int]]) -> list[Mention]:
    """Every person and organisation mention, in order; only evidenced ones are persons."""
    tokens = tokenize(text)
    mentions: list[Mention] = []
    # "The British Phonographic Industry (BPI)": the acronym stands for the organisation later.
    acronyms = {}
    for m in re.finditer(r"((?:[A-Z][\w&'’\-]*\s+(?:of\s+|and\s+|for\s+)?){1,7})\(([A-Z]{2,8})\)", text):
        long_form = [w for w in m.group(1).split() if w.casefold() not in ("the",)]
        # An acronym spells its long form: "OSTREL, Varnia (APX)" is a place and an agency.
        while long_form and long_form[0][0] != m.group(2)[0]:
            long_form.pop(0)
        if long_form:
            acronyms[m.group(2)] = long_form
    for long_form in acronyms.values():
        start = text.find(" ".join(long_form))
        if start >= 0:
            mentions.append(Mention(start, start + len(" ".join(long_form)), long_form, "org", False))
    # "the Whitlock family", "the Okafor family's lawyer": a family speaks as a group.
    # "Brandvold's family said" is the Brandvold family too.
    families = [
        Mention(
            m.start(1),
            m.end(2),
            [re.sub(r"['’]s$", "", m.group(1)), "family"],
            "group",
            any(s <= m.start() < e for s, e in quoted),
        )
        for m in re.finditer(r"\b([A-Z][\w'’\-]+)\s+(family)\b", text)
        if m.group(1).casefold() not in CAPITALISED_STOPWORDS
    ]
    mentions.extend(families)
    # "Brian and Sheila Moss": the first of a couple has the surname too.
    couples = []
    partners = set()  # where the second of a couple starts: "Sheila Moss" is a person too
    for m in re.finditer(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w\-]+)\b", text):
        if gender_of_given_name(m.group(1)) and not any(s <= m.start() < e for s, e in quoted):
            couples.append(
                Mention(m.start(1), m.end(1), [m.group(1), m.group(3)], "person", False, evidence=True)
            )
            partners.add(m.start(2))
    mentions.extend(couples)
    for run in [part for whole in capitalised_runs(text, tokens) for part in org_then_person(whole)]:
        prefix, name = _split_run(run)
        while len(name) > 2 and name[-1].text in POSTNOMINALS:
            name = name[:-1]
        at = run.index(name[0]) if name and name[0] in run else 0
        if at and run[at - 1].lower in _WEEKDAYS and re.search(r"\b[Tt]he $", text[: run[at - 1].start]):
            name = [run[at - 1], *name]  # "the Sunday Clarion": a day opening a paper's name
        if run[0].text == "He" and len(run) > 1 and not prefix and _after_role(text, tokens, run[0]):
            prefix, name = [], run  # "ministry spokesman He Jian": the surname He
        if not prefix and len(name) > 2 and name[1].lower not in PARTICLES and _after_former(text, name[0]):
            name = name[1:]  # "former Springbok Danie Louw": a team, then a name still to be evidenced
        if not name:
            continue
        in_quote = any(s <= name[0].start < e for s, e in quoted)
        start, end = name[0].start, name[-1].end
        if any(f.start <= start < f.end for f in families + couples):
            continue
        if " ".join(t.lower for t in run) in INSTITUTIONS or " ".join(t.lower for t in name) in INSTITUTIONS:
            words = run if " ".join(t.lower for t in run) in INSTITUTIONS else name
            mentions.append(Mention(words[0].start, words[-1].end, [t.text for t in words], "org", in_quote))
            continue
        if _is_org(name) or (not prefix and _is_org(run)):
            org = [
                t
                for t in run
                if t.lower not in CAPITALISED_STOPWORDS
                or t.lower in ("of", "and")
                or t.lower in _NAME_ADJECTIVES
            ]
            while org and org[0].lower in ("of", "and"):
                org.pop(0)
            while org and org[-1].lower in ("of", "and"):
                org.pop()
            owners = possessive_owners(text, tokens, org[0]) if org else []
            # A lone organisation word ("Police", "Union") names nothing in particular.
            if len(org) > 1 or owners or (org and org[0].text.isupper() and len(org[0].text) > 1):
                words = (
                    text[owners[0].start : org[0].start].split() + [t.text for t in org]
                    if owners
                    else [t.text for t in org]
                )
                start = owners[0].start if owners else org[0].start
                # "The United Print Workers union": the noun after says which kind it is.
                category = org_after(text, start, org[-1].end, org)
                if not owners and org_apposition(text, org[-1].end):
                    # "Friends of Eastbridge Libraries, a campaign group": "of" ends no name.
                    first = owners_of(text, start)
                    words, start = text[first:start].split() + words, first
                mentions.append(Mention(start, org[-1].end, words, "org", in_quote, category=category))
            continue
        personal = prefix or gender_of_given_name(name[0].text)
        if (len(name) > 1 and name[-1].lower in PLACE_WORDS and not personal) or (
            name[0].lower in NATIONALITIES and len(name) == 1
        ):
            continue  # "Velna River", "Gorky Park" — but "Health Minister Joanne Park" is a person
        if len(name) == 1 and name[0].lower.endswith("ing") and not prefix:
            continue  # "Paying only tells them…": a gerund opening a sentence
        if len(name) == 1 and name[0].text in acronyms:
            long_form = acronyms[name[0].text]
            mentions.append(Mention(start, end, long_form, "org", in_quote))
            continue
        if all(t.text.isupper() and len(t.text) > 1 for t in name) or (
            len(name) == 1 and name[0].lower in _COMMON
        ):
            continue  # a dateline (OSLO), an acronym, or a common noun opening a sentence
        # "Chipmaker Lumina Semiconductor" opening a sentence: the noun is capitalised too. Not
        # "paper", which opens names as a modifier (The Paper Lanterns, Paper Mill Lane).
        if len(name) > 1 and ORG_NOUNS.get(name[0].lower, "publication") != "publication" and not prefix:
            org = name[1:]
            mentions.append(
                Mention(
                    org[0].start,
                    end,
                    [t.text for t in org],
                    "org",
                    in_quote,
                    category=ORG_NOUNS[name[0].lower],
                )
            )
            continue
        category = (
            org_apposition(text, end)
            or org_before(text, tokens, tokens.index(name[0]))
            or org_after(text, start, end, name)
            or org_set_off(text, start, end, name)
        )
        if category and not prefix:
            # "Supporters of Harlow Baths, a campaign group": the words before "of" are its name too.
            first = owners_of(text, start)
            words = text[first:start].split() + [t.text for t in name]
            mentions.append(Mention(first, end, words, "org", in_quote, category=category))
            continue
        category = None if prefix else org_by_clause(text, start, end, name)
        if category is not None:
            mentions.append(
                Mention(start, end, [t.text for t in name], "org", in_quote, category=category or None)
            )
            continue
        index = tokens.index(name[0])
        title = next((t.text for t in prefix if is_title(t.text) and not is_role(t.text)), None)
        prefixed = role_prefix(text, tokens, index, prefix)
        role, role_start = prefixed if prefixed else (None, start)
        if role and firm_role(text, role, name):
            firm = Mention(start, end, [t.text for t in name], "org", in_quote, category="company")
            firm.role_start = role_start  # "Owner" is part of the phrase, not a subject
            mentions.append(firm)
            continue
        age, apposed = role_after(text, end)
        set_off = role_before(text, start) or role_in_clause(text, end)
        mention = Mention(
            start,
            end,
            [t.text for t in name],
            "person",
            in_quote,
            title,
            role or apposed or set_off,
            age=age,
            role_start=role_start,
        )
        mention.evidence = bool(
            prefix
            or role
            or apposed
            or set_off
            or age is not None
            or start in partners
            or speech_next_to(text, start, end)
            or relative_who(text, start, end)
            or (gender_of_given_name(name[0].text) and len(name) > 1)
        )
        if not mention.evidence and len(name) > 1:
            mention.evidence = pronoun_follows(text, start, end, quoted)
        mentions.append(mention)
    # Words of one person's role ("Fishermen's association leader Bjørn Haugen") name nobody.
    prefixes = [(m.role_start, m.start) for m in mentions if 0 <= m.role_start < m.start]
    found = [m for m in mentions if not any(lo <= m.start < hi for lo, hi in prefixes)]
    # …and the possessive words opening an organisation's name are no person either.
    orgs = [(m.start, m.end) for m in found if m.kind == "org"]
    found = [m for m in found if m.kind == "org" or not any(lo <= m.start < hi for lo, hi in orgs)]
    return sorted(found, key=lambda m: m.start)
