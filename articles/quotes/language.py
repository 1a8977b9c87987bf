"""Which language a text is written in, as far as the extractor and the wire parser need to know.

Only the script is read: Cyrillic letters outnumbering Latin ones make Russian copy ("ru");
anything else is the caller's default. A Latin agency name or a quoted English word in a
Russian story does not tip it, nor a Russian name in an English one.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def detect_language(text: str, default: str = "en") -> str:
    """A BCP 47 code: "ru" when Cyrillic letters dominate `text`, else `default`."""
    text = str(text)
    cyrillic = len(_CYRILLIC.findall(text))
    return "ru" if cyrillic and cyrillic > len(_LATIN.findall(text)) else default


def is_russian(language: str | None, text: str) -> bool:
    """Whether to read `text` with the Russian rules: `language` says so, or, when it is None,
    the text's script does."""
    code = language if language is not None else detect_language(text)
    return code.casefold().split("-")[0] == "ru"
