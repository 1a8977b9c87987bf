"""Who wrote wire copy: the names in its "By …" line (furniture.furniture_kind says which
lines are bylines), with the outlet or role that follows them.

    By Mira Lund                        → Mira Lund
    By TOMAS REY and Ines Vale, Reuters → Tomas Rey (Reuters), Ines Vale (Reuters)
    By Kofi Mensah, Staff writer        → Kofi Mensah, role "Staff writer"
    By Li Ren | Xinhua                  → Li Ren (Xinhua)

Pure: no Django.
"""

import re
from dataclasses import dataclass

_PREFIX = re.compile(
    r"^\s*(?:written\s+by|author\s*:|by|von|por|par|автор\s*:?|авторы\s*:|текст\s*:)\s+", re.IGNORECASE
)
_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*|\s+und\s+|\s+y\s+|\s+et\s+|\s+и\s+")
# Words that make the part after the names a role, not an outlet.
_ROLE_WORDS = {
    *("writer", "reporter", "correspondent", "editor", "staff", "desk", "columnist", "analyst"),
    *("photographer", "producer", "contributor", "special", "senior", "chief", "bureau", "our"),
    *("корреспондент", "обозреватель", "редактор", "спецкор", "собкор", "фотограф", "колумнист"),
}


@dataclass(frozen=True)
class BylineName:
    name: str
    organisation: str = ""
    role: str = ""


def _is_name(part):
    """Two to five capitalised words: "Ines Vale", "TOMAS REY", "Jean-Paul O'Neil"."""
    words = part.split()
    return 2 <= len(words) <= 5 and all(word[:1].isupper() for word in words)


def _as_written(name):
    # Agencies set bylines in capitals; a profile's name is written as a reader expects it.
    return name.title() if name.isupper() else name


def parse_byline(line):
    """The authors a byline names, in its order; [] when the line names nobody."""
    text = _PREFIX.sub("", line.strip(), count=1).strip()
    if not text or text == line.strip():
        return []
    organisation = role = ""
    names_part, bar, after_bar = text.partition("|")
    if bar:
        organisation = after_bar.strip()
    parts = [part.strip() for part in _SEPARATOR.split(names_part) if part.strip()]
    if len(parts) > 1 and not _is_name(parts[-1]):
        tail = parts.pop()
        if {word.casefold() for word in tail.split()} & _ROLE_WORDS:
            role = tail
        else:
            organisation = organisation or tail
    names = [_as_written(part) for part in parts if _is_name(part)]
    return [BylineName(name, organisation[:200], role[:200]) for name in names]
