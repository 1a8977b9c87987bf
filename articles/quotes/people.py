"""The people a story mentions, and matching them against the newsroom's records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from .entities import build_entities
from .language import is_russian
from .mentions import find_mentions
from .names import folded_name, likeness, name_key, same_person, surname_bigrams
from .records import NearMiss, PersonMatch, PersonMention
from .scan import find_quote_spans
from .text import paragraph_spans


def find_people(text, *, language: str | None = None) -> list[PersonMention]:
    """Everyone the story names, in order of first mention, with the role the text gives.

    `Chinese Foreign Minister Wang Yi` gives name "Wang Yi", role "Chinese Foreign
    Minister"; `Maria Lind, a spokeswoman for the port authority,` gives role
    "spokeswoman for the port authority". People named only inside quotations count too.
    `language` as for `extract_quotes`; Russian copy gives names in the nominative
    (`Виктора Лапшина` → Виктор Лапшин) and leaves out people named only inside quotations.
    """
    text = str(text)
    if is_russian(language, text):
        from .russian import find_people_ru  # the Russian rules import this package's parts

        return find_people_ru(text)
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


# A near miss scores at least this; tuned on the cases in tests/test_quotes_people.py.
NEAR_MISS = 0.75
MAX_NEAR_MISSES = 3


class _FormIndex:
    """Every name and alias of the records, looked up by folded name (exact matches), by
    surname key (transliteration variants) and by the letter pairs of the surname's loose
    key (near misses). Built once per call, so each found name looks at a few forms, not all."""

    def __init__(self, records):
        self.forms = [(form, ident) for known, aliases, ident in records for form in [known, *aliases]]
        self.by_folded, self.by_surname, self.by_pair = (
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        for position, (form, _) in enumerate(self.forms):
            self.by_folded[folded_name(form)].append(position)
            self.by_surname[name_key(form)[1]].append(position)
            for pair in surname_bigrams(form):
                self.by_pair[pair].append(position)

    def exact(self, name: str):
        """(id, form) of the first record whose name or alias folds to `name`'s, or None."""
        positions = self.by_folded.get(folded_name(name))
        return (self.forms[positions[0]][1], self.forms[positions[0]][0]) if positions else None

    def variants(self, name: str) -> dict:
        """{record: (id, first form)} of the records a transliteration variant matches."""
        variants = {}
        for position in self.by_surname.get(name_key(name)[1], ()) if name_key(name)[1] else ():
            form, ident = self.forms[position]
            if same_person(name, form):
                variants.setdefault(id(ident) if ident is None else ident, (ident, form))
        return variants

    def near_misses(self, name: str, *, limit: int = MAX_NEAR_MISSES) -> tuple[NearMiss, ...]:
        """The records whose name or an alias is most like `name`, scoring at least
        NEAR_MISS, best first, one entry per record."""
        pairs = surname_bigrams(name)
        shared = Counter(position for pair in pairs for position in self.by_pair.get(pair, ()))
        # A surname within NEAR_MISS keeps at least about half of its letter pairs.
        needed = max(1, len(pairs) // 2)
        best = {}
        for position, count in shared.items():
            if count < needed:
                continue
            form, ident = self.forms[position]
            score = likeness(name, form, NEAR_MISS)
            key = id(ident) if ident is None else ident
            if score >= NEAR_MISS and score > best.get(key, (0, None, None))[0]:
                best[key] = (score, form, ident)
        ranked = sorted(best.values(), key=lambda entry: -entry[0])[:limit]
        return tuple(NearMiss(ident, form, round(score, 2)) for score, form, ident in ranked)


def match_people(found: Iterable, known: Iterable) -> list[PersonMatch]:
    """For each found person (a PersonMention, a mapping or a plain name), the id of the
    known record it matches by name or alias, or None: a proposal to create a person.

    An exact match (after folding case and diacritics) wins over a transliteration
    variant; a variant matching two different records is left unmatched rather than guessed.
    Both are automatic. A found person left unmatched carries its `near` misses (Lisitzin
    for Lisitsyn; each of two records a variant matched), which are never linked by themselves.
    """
    index = _FormIndex([_record(k) for k in known])
    matches = []
    for item in found:
        name, role = _found(item)
        exact = index.exact(name)
        if exact:
            matches.append(PersonMatch(name, role, exact[0], exact[1], 1.0))
            continue
        variants = index.variants(name)
        if len(variants) == 1:
            ident, form = next(iter(variants.values()))
            confidence = round(max(likeness(name, form), NEAR_MISS), 2)
            matches.append(PersonMatch(name, role, ident, form, confidence))
        else:
            matches.append(PersonMatch(name, role, None, None, None, index.near_misses(name)))
    return matches
