"""Words and roles: the tokenizer the other steps share, and the role a text gives a name.

A role is read in three places: in front of the name (`Kazakh Foreign Ministry spokeswoman
Aigerim Sultanova`), set off after it (`Maria Lind, a spokeswoman for the port authority,`)
and set off before it (`the head of the commission, Helena Marsh,`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CAPITALISED_STOPWORDS, PORTFOLIOS, ROLE_WORDS, SPEECH_VERBS, TITLES, words
from .orgwords import ORG_NOUNS

_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul)-[^\W\d_]*?[A-Z]")
# "&" is a token of its own: `Brindle & Hart` is one name, a firm's.
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?\.?|\d+|&", re.UNICODE)


@dataclass
class Token:
    text: str  # without a trailing full stop or possessive ending
    start: int
    end: int
    possessive: bool = False
    stop: int = 0  # end including a possessive ending

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        # "al-Rashidi", "el-Sayed": an Arabic article written lower case opens a name all the same.
        return self.text[:1].isupper() or self.text == "&" or bool(_ARTICLE_NAME.match(self.text))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word, lo = match.group(), match.start()
        possessive = False
        if word.endswith("."):
            word = word[:-1]
        if word[-2:] in ("'s", "’s"):
            word, possessive = word[:-2], True
        elif match.end() < len(text) and text[match.end()] in "'’" and word.endswith("s"):
            possessive = True  # "Shopkeepers' association"
        tokens.append(Token(word, lo, lo + len(word), possessive, match.end()))
    return tokens


def joined(text: str, left: Token, right: Token) -> bool:
    """Two tokens belong to one run when only a space (or an initial's stop) separates them;
    two spaces part a pasted photo's caption from its credit, so no name runs across them."""
    gap = text[left.end : right.start]
    if "." in text[left.start : right.start] and not (len(left.text) <= 2 or is_title(left.text)):
        return False  # "…said Dr. Ulrike Sand. However,": a full stop after a word ends the name
    return gap.strip(" .") == "" and "\n" not in gap and len(gap) <= 2 and gap != "  " and not left.possessive


def is_role(word: str) -> bool:
    return word.casefold() in ROLE_WORDS


def is_title(word: str) -> bool:
    return word.casefold() in TITLES or word.casefold().rstrip(".") in TITLES


def role_prefix(
    text: str, tokens: list[Token], index: int, run_prefix: list[Token]
) -> tuple[str, int] | None:
    """The role written in front of a name: `Kazakh Foreign Ministry spokeswoman Aigerim …`."""
    words: list[Token] = []
    j = (tokens.index(run_prefix[0]) if run_prefix else index) - 1
    lowercase_run = 0
    while j >= 0:
        token = tokens[j]
        following = words[0] if words else (run_prefix[0] if run_prefix else tokens[index])
        gap = text[token.stop : following.start]
        linking = token.lower in ("for", "of") and j > 0 and tokens[j - 1].lower in ROLE_WORDS
        if gap.strip(" '’") or "\n" in gap or token.lower in SPEECH_VERBS:
            break
        if token.lower == "and" and (words or run_prefix) and _portfolio_before(text, tokens, j):
            words.insert(0, token)  # "Transport and Infrastructure Minister Mehmet Demir"
            j -= 1
            continue
        if token.lower in CAPITALISED_STOPWORDS and not linking:
            break
        if not words and not run_prefix and not (is_role(token.text) or is_title(token.text)):
            # The word next to a name must be a role, or end a role's "for/of" phrase:
            # "commissioner for commerce Folake Adebayo".
            back = [t.lower for t in tokens[max(0, j - 3) : j + 1]]
            link = next((k for k in range(len(back) - 2, 0, -1) if back[k] in ("for", "of")), None)
            # "a resident of nearby Gull Terrace": where someone lives is a place, not a name.
            if link is None or back[link - 1] not in ROLE_WORDS or back[link - 1] in _DWELLERS:
                break
        if not token.capitalised and token.lower not in ROLE_WORDS and token.lower not in ORG_NOUNS:
            # A lower-case modifier or two is part of the role: "district mayor", "health spokesman";
            # before a bare title it is the sentence's verb: "has played Lady Macbeth".
            if run_prefix and not words and all(is_title(w.text) for w in run_prefix):
                break
            lowercase_run += 1
            if lowercase_run > 2 or token.text.endswith("ly") or token.text.isdigit():
                break
            if token.lower in _VERBS or (
                token.lower.endswith("ed") and token.lower not in ("retired", "elected")
            ):
                break  # "Northport United have sacked head coach Milos Pavic"
        words.insert(0, token)
        j -= 1
    linked = any(w.lower in ("for", "of") and i and is_role(words[i - 1].text) for i, w in enumerate(words))
    while (
        words and not (is_role(words[-1].text) or is_title(words[-1].text)) and not run_prefix and not linked
    ):
        words.pop()
    words = [w for w in words + run_prefix if not is_title(w.text) or is_role(w.text)]
    if not words or not any(is_role(w.text) for w in words):
        return None
    return text[words[0].start : words[-1].stop].strip(), words[0].start


def _portfolio_before(text: str, tokens: list[Token], j: int) -> bool:
    """Whether the capitalised words just before an *and* name a portfolio (`Climate Crisis and
    Civil Protection Minister`), not a person (`Putin and Foreign Minister…`)."""
    k = j - 1
    found = False
    while k >= 0 and tokens[k].capitalised and text[tokens[k].stop : tokens[k + 1].start] == " ":
        if is_role(tokens[k].text) or is_title(tokens[k].text):
            return False  # "Finance Minister Olga Berg and Defence Minister…": two people
        found = found or tokens[k].lower in PORTFOLIOS
        k -= 1
    return found


_VERBS = set(
    words(
        """
        have has had is was are were be been will would can could may might must shall should
        met beat led won lost hit sent took gave made saw left ran held brought chose
        """
    )
)
_DWELLERS = set(words("resident native villager neighbour neighbor citizen inhabitant local"))
_ROLE_STOP = set(
    words(
        """
        the a an his her its their our my to from by with and or while at in on for of as according
        """
    )
)
_NOT_ROLE_START = re.compile(
    r"(?:who|which|whose|where|flanked|speaking|standing|accompanied)\b|\w+(?:ed|ing)\b"
)


def _clean_role(phrase: str) -> str | None:
    phrase = re.sub(r"^(?:a|an|the|his|her|its|their)\s+", "", phrase.strip(), flags=re.I)
    words = [w.strip(",.").casefold() for w in phrase.split()]
    if not phrase or len(words) > 9 or not any(w.removesuffix("'s") in ROLE_WORDS for w in words[:4]):
        return None
    return phrase


def role_after(text: str, end: int) -> tuple[int | None, str | None]:
    """Age and role written after a name: `Maria Lind, 44, a spokeswoman for the port authority,`."""
    age = None
    match = re.match(r",\s+(\d{1,3}),", text[end : end + 8])
    if match:
        age, end = int(match.group(1)), end + match.end() - 1
    match = re.match(r",\s+([^,.;:()\"“”«»]{1,90}?)(?=[,.;:]|$)", text[end : end + 100])
    if not match or (_NOT_ROLE_START.match(match.group(1)) and not _clean_role(match.group(1))):
        return age, None
    phrase = match.group(1)
    if any(word.casefold() in SPEECH_VERBS for word in phrase.split()):
        return age, None
    if _NOT_ROLE_START.match(phrase.split()[0]) and phrase.split()[0].casefold() not in ROLE_WORDS:
        return age, None
    return age, _clean_role(phrase)


# "Marcus Webb, who took over as defensive coordinator in October,": a role held by clause.
_ROLE_CLAUSE = re.compile(
    r",\s+who\s+(?:has\s+|had\s+|then\s+)?(?:took\s+over\s+as|was\s+appointed|was\s+named|became|serves\s+as|"
    r"served\s+as|works\s+as|worked\s+as|is|was)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"([^,.;:()\"“”«»]{1,60}?)(?=\s+(?:in|since|at|for|from|last|this|on|after|before|until)\b|[,.;:]|$)"
)


def role_in_clause(text: str, end: int) -> str | None:
    """A role given by a relative clause after a name: `X, who took over as coach in May,`."""
    match = _ROLE_CLAUSE.match(text[end : end + 120])
    return _clean_role(match.group(1)) if match else None


def role_before(text: str, start: int) -> str | None:
    """A role set off before the name: `the head of the Velna River Commission, Helena Marsh,`."""
    before = text[max(0, start - 140) : start].rstrip()
    title = re.search(r"\s(\w+\.?)$", before)
    if title and is_title(title.group(1)):
        before = before[: title.start()].rstrip()  # "the company's lawyer, Mr Olivier Dubois"
    if not before.endswith(","):
        return None
    segment = re.split(r"[,;:.()\"“”«»]", before[:-1])[-1]
    segment = re.split(r"\s(?:and|while|but|with|by|after|before)\s", segment)[-1]
    words = segment.split()
    heads = [i for i, w in enumerate(words) if w.casefold().removesuffix("'s") in ROLE_WORDS]
    if not heads:
        return None
    i = heads[-1]
    while i > 0 and words[i - 1].casefold() not in _ROLE_STOP:
        i -= 1
    return _clean_role(" ".join(words[i:]))
