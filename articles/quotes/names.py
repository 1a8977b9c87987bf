"""Comparing names across spellings: case, diacritics, Cyrillic and the usual ways of
transliterating Russian and Ukrainian names (Sergey/Sergei/Serguei, Yuri/Yury/Iurii,
Aleksandr/Alexander, Zelensky/Zelenskiy/Zelenskyy).

A name is reduced to a key per word; two names match when their surnames' keys agree and
their given names agree or one is the other's initial. Middle names and patronymics are
ignored, since wire copy drops them as often as it keeps them.
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import TITLES, words

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


def fold(text: str) -> str:
    """Lower case, no diacritics, Cyrillic romanised."""
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text.casefold()).replace("-", "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("ł", "l").replace("đ", "d")


def word_key(word: str) -> str:
    key = re.sub(r"[^a-z]", "", fold(word))
    for pattern, replacement in _REWRITES:
        key = re.sub(pattern, replacement, key)
    return key


def name_words(name: str) -> list[str]:
    """The words of a name without titles; particles are kept only inside the surname."""
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
    while words and (words[0].casefold().rstrip(".") in TITLES or words[0].casefold() in TITLES):
        words = words[1:]
    return words


def name_key(name: str) -> tuple[str, str]:
    """(given-name key, surname key); the given name is "" when only a surname is written."""
    words = name_words(name)
    if not words:
        return "", ""
    surname = words[-1]
    # "Pieter de Wit": the particle belongs to the surname.
    if len(words) > 2 and words[-2].casefold() in _PARTICLES:
        surname = words[-2] + words[-1]
    given = words[0] if len(words) > 1 and words[0] != surname else ""
    return word_key(given.rstrip(".")), word_key(surname)


def same_person(a: str, b: str) -> bool:
    """True when two written names may be the same person by spelling alone."""
    if fold(" ".join(name_words(a))) == fold(" ".join(name_words(b))):
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
