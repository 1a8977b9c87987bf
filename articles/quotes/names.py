"""Comparing names across spellings: case, diacritics, Cyrillic and the usual ways of
transliterating Russian and Ukrainian names (Sergey/Sergei/Serguei, Yuri/Yury/Iurii,
Aleksandr/Alexander, Zelensky/Zelenskiy/Zelenskyy).

A name is reduced to a key per word; two names match when their surnames' keys agree and
their given names agree or one is the other's initial. Middle names and patronymics are
ignored, since wire copy drops them as often as it keeps them.

Names that do not match may still be near misses (Lisitzin for Lisitsyn): `likeness` scores
two names in [0, 1] from an edit-distance ratio over a looser key, for the desk to confirm.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import TITLES, words

# Matching reads every record's names once per story: the keys of a name are kept, not redone.
CACHE_SIZE = 1 << 16

# Russian and Ukrainian letters in a plain, reversible-enough romanisation.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
        words(
            """
    a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i ye yi g
    """
        ),
        strict=True,
    )
)
_PARTICLES = set(
    words(
        """
        de van von der den da di del della du le la bin ibn al el ter ten dos das do
        """
    )
)
# Rewrites applied in order to each folded word; they map common variants onto one key.
_REWRITES = [
    (r"x", "ks"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"kh", "h"),
    (r"ck", "k"),
    (r"gue", "ge"),
    (r"^tch", "ch"),
    (r"ou", "u"),
    (r"j", "y"),
    (r"^i([aeou])", r"y\1"),  # Iurii → Yurii, Iakov → Yakov
    (r"^ye", "e"),  # Yevgeny/Evgeny, Yelena/Elena
    (r"(?<=[bcdfghklmnprstvz])yo", "e"),  # Fyodor/Fedor, Pyotr/Petr
    (r"(?<=[bcdfghklmnprstvz])ya", "ia"),  # Natalya/Natalia, Tatyana/Tatiana
    (r"iia$", "ia"),
    (r"(?:iy|yy|ii|ij|yi|iy)$", "i"),  # Yuriy/Yurii/Zelenskyy → -i
    (r"(?<=[bcdfghklmnprstvz])y$", "i"),  # Yury → Yuri, Dmitry → Dmitri
    (r"ey$|ej$", "ei"),  # Sergey/Sergej → Sergei
    (r"(?<=[bcdfghklmnprstvz])er$", "r"),  # Aleksander → Aleksandr, Peter → Petr
    (r"(.)\1", r"\1"),  # Vassily → Vasily
]
_REWRITES = [(re.compile(pattern), replacement) for pattern, replacement in _REWRITES]


@lru_cache(maxsize=CACHE_SIZE)
def fold(text: str) -> str:
    """Lower case, no diacritics, Cyrillic romanised."""
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text.casefold()).replace("-", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("ł", "l").replace("đ", "d")


@lru_cache(maxsize=CACHE_SIZE)
def word_key(word: str) -> str:
    key = re.sub(r"[^a-z]", "", fold(word))
    for pattern, replacement in _REWRITES:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=CACHE_SIZE)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without titles; particles are kept only inside the surname."""
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
    while words and (words[0].casefold().rstrip(".") in TITLES or words[0].casefold() in TITLES):
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=CACHE_SIZE)
def folded_name(name: str) -> str:
    """The name as exact matching compares it: no titles, case, diacritics or script."""
    return fold(" ".join(name_words(name)))


def given_and_surname(name: str) -> tuple[str, str]:
    """(given name, surname) as written; the given name is "" when only a surname is written."""
    words = name_words(name)
    if not words:
        return "", ""
    surname = words[-1]
    # "Pieter de Wit": the particle belongs to the surname.
    if len(words) > 2 and words[-2].casefold() in _PARTICLES:
        surname = words[-2] + words[-1]
    given = words[0] if len(words) > 1 and words[0] != surname else ""
    return given, surname


@lru_cache(maxsize=CACHE_SIZE)
def name_key(name: str) -> tuple[str, str]:
    """(given-name key, surname key); the given name is "" when only a surname is written."""
    given, surname = given_and_surname(name)
    return (word_key(given.rstrip(".")), word_key(surname)) if surname else ("", "")


def same_person(a: str, b: str) -> bool:
    """True when two written names may be the same person by spelling alone."""
    if folded_name(a) == folded_name(b):
        return True
    given_a, surname_a = name_key(a)
    given_b, surname_b = name_key(b)
    if not surname_a or surname_a != surname_b:
        return False
    if not given_a or not given_b:
        return True
    if len(given_a) == 1 or len(given_b) == 1:
        return given_a[0] == given_b[0]  # "L. Ferrant"
    return given_a == given_b


# Looser than _REWRITES: each sound that transliterations spell several ways becomes one
# token (capital letters, which a folded word never holds), for near misses only.
_LOOSE = [
    (r"x", "ks"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"ck|q", "k"),
    (r"shch|shtch|szcz|sch", "Щ"),  # Khrushchev, Khrouchtchev, Chruszczow, Chruschtschow
    (r"zh", "Ж"),
    (r"tch|ch|cz", "Ч"),
    (r"sh|sz", "Ш"),
    (r"kh", "h"),
    (r"ts|tz|tc", "Ц"),
    (r"ou", "u"),
    (r"[yj]", "i"),  # y/i/j: ya/ia, yu/iu, -sky/-ski/-skiy/-skyy
    (r"(.)\1", r"\1"),
]
_LOOSE = [(re.compile(pattern), replacement) for pattern, replacement in _LOOSE]


@lru_cache(maxsize=CACHE_SIZE)
def loose_key(word: str) -> str:
    """A word's spelling with the usual transliteration variants made one: `Lisitzin`,
    `Lisitsyn` and `Лисицын` all give the same key."""
    key = re.sub(r"[^a-z]", "", fold(word))
    for pattern, replacement in _LOOSE:
        key = pattern.sub(replacement, key)
    return key


# The loose key's one-letter tokens spelled in plain letters, so a search index can hold it.
_SEARCH_SPELLING = str.maketrans({"Щ": "shch", "Ж": "zh", "Ч": "ch", "Ш": "sh", "Ц": "c"})


def search_key(word: str) -> str:
    """The loose key as plain lower-case letters: Lisitsyn, Lisitsin, Lisitzin and Лисицын all
    give "lisicin". What search stores for people's names and looks up for each query word."""
    return loose_key(word).translate(_SEARCH_SPELLING)


def search_forms(text: str) -> list[str]:
    """Every word of `text` as written (case folded), romanised and as its search key, once
    each: the forms under which search finds a name in either script and any usual spelling."""
    forms = {}
    for word in re.findall(r"\w+", text.casefold()):
        for form in (word, re.sub(r"[^a-z0-9]", "", fold(word)), search_key(word)):
            if form:
                forms.setdefault(form, None)
    return list(forms)


@lru_cache(maxsize=CACHE_SIZE)
def _parts(name: str) -> tuple[str, str]:
    """(given name, surname) as folded words; the given name is "" when only a surname is written."""
    given, surname = given_and_surname(name)
    return re.sub(r"[^a-z]", "", fold(given)), re.sub(r"[^a-z]", "", fold(surname))


@lru_cache(maxsize=CACHE_SIZE)
def _bigrams(word: str) -> frozenset:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


def surname_bigrams(name: str) -> frozenset:
    """The letter pairs of the surname's loose key: a near miss shares most of them, which
    lets a matcher look at a few records instead of all."""
    return _bigrams(loose_key(_parts(name)[1]))


def _ratio(a: str, b: str, floor: float = 0.0) -> float:
    """1 - Levenshtein distance / the longer length; 0 for anything surely under `floor`."""
    if not a or not b:
        return 0.0
    longest = max(len(a), len(b))
    most = int((1 - floor) * longest)  # the largest distance that still reaches `floor`
    # Cheap bounds first, since most of a newsroom's records are nowhere near: the length
    # difference, and the bigrams each edit can spoil (at most two per edit).
    if abs(len(a) - len(b)) > most:
        return 0.0
    if floor and len(_bigrams(a) & _bigrams(b)) < min(len(a), len(b)) - 1 - 2 * most:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > most:
            return 0.0
        previous = current
    return 1 - previous[-1] / longest


def _word_likeness(a: str, b: str, floor: float = 0.0) -> float:
    """Half the edit-distance ratio of the spellings, half that of their loose keys: a
    variant the transliteration rules explain scores above a typo of the same length.
    Pruned on the loose keys alone, which a transliteration brings closer, never apart."""
    loose = _ratio(loose_key(a), loose_key(b), floor)
    if not loose:
        return 0.0
    return (_ratio(a, b) + loose) / 2


def likeness(a: str, b: str, floor: float = 0.0) -> float:
    """How alike two written names are, in [0, 1]: the surnames' likeness, weighed down by
    how far the given names differ (an unknown given name costs a little, a different
    initial a lot). Scores under `floor` may be returned as 0 without being computed."""
    given_a, surname_a = _parts(a)
    given_b, surname_b = _parts(b)
    surname = _word_likeness(surname_a, surname_b, floor)
    if surname < floor:
        return 0.0
    if not given_a or not given_b:
        given = 0.8
    elif len(given_a) == 1 or len(given_b) == 1:
        given = 1.0 if given_a[0] == given_b[0] else 0.3
    else:
        given = _word_likeness(given_a, given_b)
    return surname * (0.3 + 0.7 * given)
