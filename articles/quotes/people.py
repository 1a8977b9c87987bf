"""The people a story mentions, and matching them against the newsroom's records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .entities import build_entities
from .mentions import find_mentions
from .names import fold, name_words, same_person
from .records import PersonMatch, PersonMention
from .scan import find_quote_spans
from .text import paragraph_spans


def find_people(text) -> list[PersonMention]:
    """Everyone the story names, in order of first mention, with the role the text gives.

    `Chinese Foreign Minister Wang Yi` gives name "Wang Yi", role "Chinese Foreign
    Minister"; `Maria Lind, a spokeswoman for the port authority,` gives role
    "spokeswoman for the port authority". People named only inside quotations count too.
    """
    text = str(text)
    spans = find_quote_spans(text, paragraph_spans(text))
    mentions = find_mentions(text, [part for span in spans for part in span.parts])
    people = []
    for entity in build_entities(mentions):
        if entity.kind != "person":
            continue
        forms = []
        for mention in entity.mentions:
            form = " ".join(mention.tokens)
            if form not in forms:
                forms.append(form)
        people.append(
            PersonMention(
                name=entity.name,
                role=entity.role,
                gender=entity.gender,
                spans=tuple((m.start, m.end) for m in entity.mentions),
                forms=tuple(forms),
            )
        )
    people.sort(key=lambda person: person.spans[0] if person.spans else (0, 0))
    return people


def _record(known) -> tuple[str, list[str], object]:
    """Read a known person given as a mapping, an object (a Person model) or a tuple."""
    if isinstance(known, Mapping):
        name, aliases, ident = known.get("name", ""), known.get("aliases", ()), known.get("id")
    elif isinstance(known, tuple | list):
        name, aliases, ident = ([*list(known), (), None])[:3]
    else:
        name = getattr(known, "name", "")
        aliases = getattr(known, "alias_list", None) or getattr(known, "aliases", ())
        ident = (
            getattr(known, "id", None)
            if getattr(known, "id", None) is not None
            else getattr(known, "pk", None)
        )
    if isinstance(aliases, str):
        aliases = [line.strip() for line in aliases.splitlines() if line.strip()]
    return name, [a for a in aliases if a], ident


def _found(item) -> tuple[str, str | None]:
    if isinstance(item, str):
        return item, None
    if isinstance(item, Mapping):
        return item.get("name", ""), item.get("role")
    return getattr(item, "name", ""), getattr(item, "role", None)


def match_people(found: Iterable, known: Iterable) -> list[PersonMatch]:
    """For each found person (a PersonMention, a mapping or a plain name), the id of the
    known record it matches by name or alias, or None: a proposal to create a person.

    An exact match (after folding case and diacritics) wins over a transliteration
    variant; a variant matching two different records is left unmatched rather than guessed.
    """
    records = [_record(k) for k in known]
    matches = []
    for item in found:
        name, role = _found(item)
        folded = fold(" ".join(name_words(name)))
        exact = [
            (ident, form)
            for n, aliases, ident in records
            for form in [n, *aliases]
            if fold(" ".join(name_words(form))) == folded
        ]
        if exact:
            matches.append(PersonMatch(name, role, exact[0][0], exact[0][1]))
            continue
        variants = {}
        for n, aliases, ident in records:
            form = next((f for f in [n, *aliases] if same_person(name, f)), None)
            if form is not None:
                variants[id(ident) if ident is None else ident] = (ident, form)
        if len(variants) == 1:
            ident, form = next(iter(variants.values()))
            matches.append(PersonMatch(name, role, ident, form))
        else:
            matches.append(PersonMatch(name, role, None, None))
    return matches
