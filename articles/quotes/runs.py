"""Capitalised runs: the words a name can be made of, before they are typed.

A run is a maximal stretch of capitalised words, with particles (`van der`, `de la`), an
*of* after an organisation or role word, and an *and* inside an organisation's name let in;
the possessive words opening an organisation's name (`Reporters' Rights Network`) are found
again here, since a run ends at a possessive.
"""

from __future__ import annotations

import re

from .givennames import gender_of_given_name
from .lexicon import CAPITALISED_STOPWORDS, ROLE_WORDS, words
from .orgwords import ORG_WORDS
from .roles import Token, joined

PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "del",
    "della",
    "du",
    "le",
    "la",
    "bin",
    "ibn",
    "al",
    "el",
    "ter",
    "ten",
    "dos",
    "das",
    "do",
    "y",
    "los",
    "las",
    "des",
    "zu",
    "mac",
}


def capitalised_runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens, letting particles and "of" sit inside them."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        linking = (
            (
                (token.lower in PARTICLES and _particles_lead_to_name(text, tokens, i))
                or (token.lower == "of" and current and _heads_of(current[-1]))
                # "Leader of the Opposition Vikram Sathe", "Ministry of the Interior".
                or (token.lower == "the" and len(current) > 1 and current[-1].lower == "of")
                or (
                    token.lower == "and"
                    and current
                    and not gender_of_given_name(current[0].text)
                    and (_org_ahead(text, tokens, i + 1) or _of_org(current))
                    and not _named_alone(text, current)
                )
            )
            and current
            and nxt is not None
            and (nxt.capitalised or nxt.lower in PARTICLES or _the_name_follows(text, tokens, i))
            and joined(text, token, nxt)
        )
        if (token.capitalised or linking) and (not current or joined(text, current[-1], token)):
            current.append(token)
            if token.possessive:
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
        current = [token] if token.capitalised else []
    if current:
        runs.append(current)
    return runs


def _named_alone(text: str, current: list[Token]) -> bool:
    """`the merger of Aerlin and Bluecrest Airways` … `Aerlin said`: the words before *and* are
    a name of their own when the story uses them alone elsewhere."""
    words = r"\s+".join(re.escape(t.text) for t in current)
    for match in re.finditer(rf"(?<![\w\-’']){words}(?![\w\-’'])", text):
        after = text[match.end() : match.end() + 12]
        if match.start() == current[0].start or re.match(r"\s+(?:and\b|[A-Z&])", after):
            continue  # this run itself, or the words inside a longer name
        if re.search(r"[A-Z][\w’'\-]*\s+$", text[max(0, match.start() - 30) : match.start()]):
            continue
        return True
    return False


def _the_name_follows(text: str, tokens: list[Token], i: int) -> bool:
    """`of the Opposition`: *of* then *the* then a capitalised word, all one run."""
    return (
        tokens[i].lower == "of"
        and i + 2 < len(tokens)
        and tokens[i + 1].lower == "the"
        and tokens[i + 2].capitalised
        and joined(text, tokens[i + 1], tokens[i + 2])
    )


def _particles_lead_to_name(text: str, tokens: list[Token], i: int) -> bool:
    """`Karel van der Meer`, `Tomas de la Vega`: particles, one or several, then the surname."""
    j = i + 1
    while j < len(tokens) and tokens[j].lower in PARTICLES and joined(text, tokens[j - 1], tokens[j]):
        j += 1
    return j < len(tokens) and tokens[j].capitalised and joined(text, tokens[j - 1], tokens[j])


def _org_ahead(text: str, tokens: list[Token], i: int) -> bool:
    """`Energy and Mines Ministry`, `Westshire Fire and Rescue Service`: the capitalised words
    after *and* end in an organisation word, so *and* is inside the name. A possessive may
    come before that word: `Rail and Maritime Workers' Union`."""
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].capitalised and joined(text, tokens[j], tokens[j + 1]):
        j += 1
    if tokens[j].possessive and j + 1 < len(tokens) and text[tokens[j].stop : tokens[j + 1].start] == " ":
        j += 1
    return tokens[j].capitalised and tokens[j].lower in ORG_WORDS and not gender_of_given_name(tokens[i].text)


def _of_org(current: list[Token]) -> bool:
    """`Department of Water and Sanitation`: *and* inside the *of* phrase of an organisation word."""
    return any(t.lower == "of" and k and current[k - 1].lower in ORG_WORDS for k, t in enumerate(current))


def possessive_owners(text: str, tokens: list[Token], first: Token) -> list[Token]:
    """`Reporters' Rights Network`, `Grange Traders' Association`: the capitalised possessive
    words that open an organisation's name, which the runs split off."""
    index = tokens.index(first)
    before = tokens[index - 1] if index else None
    if before is None or not before.possessive or not before.capitalised:
        return []
    if text[before.stop - 1] not in "'’" and _state_body(tokens, index):
        return []  # "Peru's Energy Ministry" is Peru's ministry; "St Brendan's Hospital" a name
    owners = [tokens[index - 1]]
    while index - len(owners) - 1 >= 0:
        token = tokens[index - len(owners) - 1]
        linked = (
            token.lower == "and"
            and index - len(owners) - 2 >= 0
            and tokens[index - len(owners) - 2].capitalised
        )  # "Rail and Maritime Workers' Union"
        after_and = owners[0].lower == "and" and token.capitalised  # "Passengers' and Commuters'"
        if (
            not (token.capitalised or linked)
            or (token.possessive and not after_and)
            or text[token.stop : owners[0].start] not in (" ", "' ", "’ ")
            or (text[token.stop : owners[0].start] != " " and not after_and)
        ):
            break
        if token.lower in CAPITALISED_STOPWORDS and not linked:
            break
        owners.insert(0, token)
    while owners and owners[0].lower == "and":
        owners.pop(0)
    return owners if owners and text[owners[-1].stop : first.start] in (" ", "' ", "’ ") else []


_STATE_BODIES = set(
    words(
        "ministry department government embassy consulate parliament army navy police cabinet senate "
        "congress duma"
    )
)


def _state_body(tokens: list[Token], index: int) -> bool:
    end = index
    while end + 1 < len(tokens) and (tokens[end + 1].capitalised or tokens[end + 1].lower in ("of", "and")):
        end += 1
    return any(t.lower in _STATE_BODIES for t in tokens[index : end + 1])


def _heads_of(token: Token) -> bool:
    """Words that take an "of" inside a name: Ministry of…, Minister of…, Bank of…"""
    return token.lower in ORG_WORDS or token.lower in ROLE_WORDS or token.lower == "city"


def org_then_person(run: list[Token]) -> list[list[Token]]:
    """`head of the Coastal Fisheries Directorate Irina Pavlovna Sokolova`: an organisation's
    name, then a person's opening with a given name, run together in one capitalised run."""
    for k in range(len(run) - 2, 0, -1):
        if (
            run[k].lower in ORG_WORDS
            and gender_of_given_name(run[k + 1].text)
            and k + 2 < len(run)
            and not any(t.lower in ORG_WORDS or t.lower in ("of", "and") for t in run[k + 1 :])
        ):
            return [run[: k + 1], run[k + 1 :]]
    return [run]
