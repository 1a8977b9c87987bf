"""The plain records the extractor hands back: no Django, only dataclasses with `to_dict()`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class QuoteCandidate:
    """One direct quotation found in a story.

    `start`/`end` delimit the quoted words without their quote marks, so
    `text == source[start:end]` always holds. A quotation that runs over several
    paragraphs keeps one span; `parts` lists the span of each paragraph's piece.
    `speaker` is the fullest name form found in the story, or None when nobody
    can be named with reasonable confidence; `speaker_kind` says what it names
    ("person", "organisation" or "group", None with no speaker). `on_behalf_of`
    is the person a spokesperson's words speak for (the minister whose spokesman
    signed the statement), or None.
    """

    text: str
    start: int
    end: int
    speaker: str | None
    verb: str | None
    confidence: float
    parts: tuple[tuple[int, int], ...] = ()
    # True for a fragment quoted inside reported speech ("described it as "…"").
    partial: bool = False
    speaker_kind: str | None = None
    on_behalf_of: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["parts"] = [list(part) for part in self.parts]
        return data


@dataclass(frozen=True)
class PersonMention:
    """A person the story mentions, with the role the text gives them."""

    name: str
    role: str | None = None
    gender: str | None = None  # "m", "f" or None when the text does not tell
    spans: tuple[tuple[int, int], ...] = ()
    forms: tuple[str, ...] = field(default=())  # every form seen: "Ivan Petrov", "Petrov"…

    def to_dict(self) -> dict:
        data = asdict(self)
        data["spans"] = [list(span) for span in self.spans]
        data["forms"] = list(self.forms)
        return data


@dataclass(frozen=True)
class NearMiss:
    """A known record whose name or alias is spelled like a found name, without matching it."""

    id: object
    matched: str  # the known name or alias that came closest
    confidence: float  # in [0, 1]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class PersonMatch:
    """A found person set against the newsroom's records: `id` is None for a new person,
    who may still have `near` misses, best first, for an editor to confirm or turn down."""

    name: str
    role: str | None
    id: object | None
    matched: str | None = None  # the known name or alias that matched
    confidence: float | None = None  # 1.0 for an exact match; None when nothing matched
    near: tuple[NearMiss, ...] = ()

    def to_dict(self) -> dict:
        data = asdict(self)
        data["near"] = [miss.to_dict() for miss in self.near]
        return data
