"""Who and what Russian copy names: words, sentences, person and organisation mentions, and
the entities they make once case endings are undone.

A person is a known given name with the word after it (`Игорь Веденеев`, `Виктора Лапшина`
→ Виктор Лапшин), or the last words of a capitalised run after a role noun (`Глава МИД
Вельморы Андрис Калниньш`), or a bare surname in any case that an earlier full name declines
to (`Лапшин`, `По словам Дроздова`). An organisation is a capitalised phrase round an
organisation noun (`Министерство энергетики Вельморы`, `Верхнеозёрский металлургический
комбинат`), an abbreviation (`МИД`), a name such as `Санэпиднадзор`, or a name in quote marks
after its noun (`компания «ЭкоЛиния»`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .lexicon import fold
from .words import (
    ADJECTIVE,
    GENITIVE,
    VERB,
    WORD,
    Word,
    gender_of_surname,
    given_name,
    is_role,
    org_category,
    org_head,
    preposition_before,
    stem,
    surname_forms,
    surname_nominative,
    words_of,
)


@dataclass
class Entity:
    kind: str  # "person", "org" or "group"; "anon" for an unnamed source on stage
    name: str
    gender: str | None = None
    role: str | None = None
    roles: set[str] = field(default_factory=set)  # role nouns, nominative: {"министр"}
    head: str | None = None  # an organisation's noun: "министерство", "компания"
    category: str | None = None
    forms: set[str] = field(default_factory=set)  # folded forms a lone word may take
    keys: tuple[str, ...] = ()  # stems of an organisation's words
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity
    after_preposition: bool = False


class Cast:
    """The entities of one story and where each is mentioned."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]):
        self.text, self.quoted = text, quoted
        self.words = [w for w in words_of(text) if not self._in_quote(w.start)]
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    # --- building ---------------------------------------------------------------------------

    def add(self, entity: Entity, start: int, end: int, after_preposition: bool = False) -> Mention:
        mention = Mention(start, end, entity, after_preposition)
        entity.mentions.append(mention)
        self.mentions.append(mention)
        if entity not in self.entities:
            self.entities.append(entity)
        return mention

    def person(self, given: str | None, surname: str, gender: str | None, start: int, end: int) -> Entity:
        low = fold(surname)
        for entity in self.entities:
            if entity.kind == "person" and low in entity.forms:
                if given and " " not in entity.name:
                    entity.name = f"{given} {entity.name}"
                self.add(entity, start, end)
                return entity
        gender = gender or gender_of_surname(surname)
        name = f"{given} {surname}" if given else surname
        entity = Entity("person", name, gender=gender, forms=surname_forms(surname, gender))
        self.add(entity, start, end)
        return entity

    def org(self, name: str, head: str | None, start: int, end: int, nominative: bool, prep: bool) -> Entity:
        keys = tuple(stem(w) for w in WORD.findall(name))
        category = (
            "group"
            if head == "семья" or re.search(r"инициативн", self.text[max(0, start - 30) : start])
            else (org_category(head) if head else None)
        )
        for entity in self.entities:
            if entity.kind in ("org", "group") and (
                keys == entity.keys[: len(keys)] or entity.keys == keys[: len(entity.keys)]
            ):
                if nominative and (len(keys) > len(entity.keys) or not entity.forms):
                    entity.name, entity.keys = name, max(keys, entity.keys, key=len)
                    entity.forms = {"nominative"}
                self.add(entity, start, end, prep)
                return entity
        kind = "group" if category in ("group", "family") else "org"
        entity = Entity(
            kind, name, head=head, category=category, keys=keys, forms={"nominative"} if nominative else set()
        )
        self.add(entity, start, end, prep)
        return entity

    def build(self, names_in_marks: list[tuple[int, int, int]]) -> None:
        """`names_in_marks`: (open mark, start, end) of the quoted spans that are names."""
        for open_at, start, end in names_in_marks:
            before = list(words_of(self.text[max(0, open_at - 40) : open_at]))
            head = org_head(before[-1]) if before else None
            if before and fold(before[-1].text) in lx.WORK_NOUNS:
                continue
            nominative = head is not None or not before or not preposition_before(before, len(before))
            self.org(self.text[start:end], head, start, end, nominative and head is not None, False)
        self._orgs()
        self._people()
        self._surnames()
        self.mentions.sort(key=lambda m: m.start)

    def _orgs(self) -> None:
        words = self.words
        taken = set()
        for i, word in enumerate(words):
            if i in taken:
                continue
            head = org_head(word)
            if head is None:
                continue
            lo = i
            while lo > 0 and ADJECTIVE.search(words[lo - 1].low) and self._joined(words[lo - 1], words[lo]):
                lo -= 1
            while lo < i and not words[lo].cap:
                lo += 1
            hi = i + 1
            lowers = 0
            while hi < len(words) and self._joined(words[hi - 1], words[hi]):
                w = words[hi]
                if w.cap and not given_name(w.text) and not w.text.isupper() and not is_role(w):
                    hi += 1
                    if ADJECTIVE.search(w.low) and hi < len(words) and not words[hi].cap:
                        hi += 1  # `Северогорской области`
                    break
                if w.cap or lowers >= 2 or w.low in lx.PREPOSITIONS or VERB.search(w.low):
                    break
                if not GENITIVE.search(w.low) or is_role(w) or org_head(w):
                    break
                lowers += 1
                hi += 1
            phrase = words[lo:hi]
            while (
                len(phrase) > 1
                and not phrase[-1].cap
                and not org_head(phrase[-1])
                and not GENITIVE.search(phrase[-1].low)
            ):
                phrase = phrase[:-1]
            named = phrase[0].cap and (len(phrase) > 1 or word.low in lx.ORG_ACRONYMS or head == "надзор")
            sentence_start = self._sentence_initial(phrase[0])
            if not named or (
                sentence_start and len(phrase) == 1 and not word.text.isupper() and head != "надзор"
            ):
                continue
            taken.update(range(lo, hi))
            prep = preposition_before(words, lo)
            name = self.text[phrase[0].start : phrase[-1].end]
            nominative = not prep and (
                fold(word.text) == head or word.text.isupper() or word.low == stem(word.low)
            )
            self.org(name, head, phrase[0].start, phrase[-1].end, nominative, prep)
        # `Семья Ковалёва`, `семьи Ковалёвых`: a family speaks as a group.
        for m in re.finditer(r"\b([Сс]емь[яиеюй]\w*)\s+([А-ЯЁ][а-яё]+)", self.text):
            if not self._in_quote(m.start()):
                self.org(f"Семья {m.group(2)}", "семья", m.start(), m.end(), True, False)

    def _sentence_initial(self, word: Word) -> bool:
        before = self.text[max(0, word.start - 3) : word.start]
        return word.start == 0 or bool(re.search(r"(?:[.!?…»“]\s+|\n\s*|^\s*)$", before))

    def _joined(self, a: Word, b: Word) -> bool:
        return bool(re.fullmatch(r"\s+", self.text[a.end : b.start]))

    def _covered(self, word: Word) -> bool:
        return any(m.start <= word.start < m.end for m in self.mentions)

    def _people(self) -> None:
        words = self.words
        i = 0
        while i < len(words):
            word = words[i]
            found = given_name(word.text) if word.cap and not self._covered(word) else None
            nxt = words[i + 1] if i + 1 < len(words) else None
            if found and nxt is not None and nxt.cap and self._joined(word, nxt) and not org_head(nxt):
                nominative, gender, oblique = found
                j = i + 1
                if (
                    re.search(r"(?:ович|евич|ич|овна|евна|ична)$", nxt.low)
                    and j + 1 < len(words)
                    and words[j + 1].cap
                ):
                    j += 1  # a patronymic: the surname follows
                surname = words[j].text
                if oblique:
                    surname = surname_nominative(surname, gender)
                entity = self.person(nominative.capitalize(), surname, gender, word.start, words[j].end)
                self._note_role(entity, i)
                i = j + 1
                continue
            if word.cap and not self._covered(word) and i > 0 and self._role_before(i):
                run = [word]
                while (
                    i + len(run) < len(words)
                    and words[i + len(run)].cap
                    and self._joined(run[-1], words[i + len(run)])
                ):
                    run.append(words[i + len(run)])
                run = [w for w in run if not self._covered(w)]
                name = run[-2:] if len(run) >= 2 else run
                following = (
                    words[words.index(name[-1]) + 1] if words.index(name[-1]) + 1 < len(words) else None
                )
                # `профессор Высшей школы`: an adjective opening the role's complement, no surname.
                adjective = (
                    following is not None
                    and not following.cap
                    and self._joined(name[-1], following)
                    and ADJECTIVE.search(name[-1].low)
                    and not re.search(r"(?:ский|цкий|ская|цкая)$", name[-1].low)
                )
                if len(name) == 1 and (adjective or not re.search(lx.SURNAME, name[0].low)):
                    i += 1
                    continue
                surname, given = name[-1].text, name[0].text if len(name) == 2 else None
                entity = self.person(given, surname, None, name[0].start, name[-1].end)
                self._note_role(entity, words.index(name[0]))
                i = words.index(name[-1]) + 1
                continue
            i += 1
        for entity in self.entities:
            if entity.kind == "person" and entity.gender is None:
                entity.gender = self._verb_gender(entity)

    def _role_before(self, i: int) -> bool:
        """A role noun a few words before, with only its complement between: `Глава МИД Вельморы`."""
        for k in range(i - 1, max(-1, i - 6), -1):
            if is_role(self.words[k]):
                return True
            if re.search(r"[.!?;:]", self.text[self.words[k].end : self.words[k + 1].start]):
                return False
        return False

    def _note_role(self, entity: Entity, i: int) -> None:
        """The role written before a person's name: `министр иностранных дел`, `Глава МИД Вельморы`."""
        words, k = self.words, i - 1
        start = None
        while (
            k >= 0
            and i - k <= 7
            and not re.search(r"[.!?;:,—]", self.text[words[k].end : words[k + 1].start])
        ):
            if is_role(words[k]):
                start = k
                while (
                    start > 0
                    and ADJECTIVE.search(words[start - 1].low)
                    and self._joined(words[start - 1], words[start])
                ):
                    start -= 1
            k -= 1
        if start is None:
            return
        role = self.text[words[start].start : words[i - 1].end].strip(" ,")
        entity.role = entity.role or role
        entity.roles |= {r for w in words[start:i] if (r := is_role(w))}
        if entity.gender is None:
            entity.gender = next((lx.ROLES[r] for r in entity.roles if lx.ROLES[r]), None)

    def _verb_gender(self, entity: Entity) -> str | None:
        """`Андрис Калниньш … назвал`: the first past verb after the name agrees with it."""
        for mention in entity.mentions:
            after = self.text[mention.end : mention.end + 60]
            after = re.split(r"[.!?;«„]", after)[0]
            for w in WORD.findall(after):
                low = fold(w)
                if re.search(r"(?:ил|ал|ял|ел|ул)$", low):
                    return "m"
                if re.search(r"(?:ила|ала|яла|ела|ула)$", low):
                    return "f"
        return None

    def _surnames(self) -> None:
        """Bare surnames, in any case, of people already named in full."""
        for word in self.words:
            if not word.cap or self._covered(word):
                continue
            for entity in self.entities:
                if entity.kind == "person" and word.low in entity.forms:
                    self.add(entity, word.start, word.end)
                    break

    # --- reading ----------------------------------------------------------------------------

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m in self.mentions if lo <= m.start < hi]

    def bare_person(self, word: Word) -> Entity:
        """A surname the story never introduced, right by a verb of saying: `— сказал Петров`."""
        return self.person(None, word.text, None, word.start, word.end)
