"""Quote and people suggestions for the desk: what the body suggests, set against the records.

Reads only; nothing is created until an editor accepts a suggestion. The extraction is
`articles.quotes` (pure text); the comparison with the quotes on record is the
integrity gate's (`articles.models.integrity`), so both agree on what "the same quote" is.
"""

from dataclasses import dataclass, replace

from ..models import Person
from ..models.integrity import same_quotation
from ..quotes import QuoteCandidate, extract_quotes, find_people


def tidy(candidate):
    """The candidate as the desk would record it: without the comma that wire style puts
    inside the closing mark ("… outgrown it," he said). `text == source[start:end]` still holds."""
    text = candidate.text.rstrip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    if text == candidate.text:
        return candidate
    end = candidate.start + len(text)
    parts = (*candidate.parts[:-1], (candidate.parts[-1][0], end)) if candidate.parts else ()
    return replace(candidate, text=text, end=end, parts=parts)


def unrecorded_quotations(article) -> list[QuoteCandidate]:
    """Quotations in the body that name a speaker but have no Quote on record.

    Fragments quoted inside reported speech (`called the plan "reckless"`) are left out:
    the desk does not record them as quotes.
    """
    recorded = [quote.text for quote in article.quotes.all()] if article.pk else []
    return [
        candidate
        for candidate in map(tidy, extract_quotes(article.body_text))
        if candidate.speaker
        and not candidate.partial
        and not any(same_quotation(text, candidate.text) for text in recorded)
    ]


def clean_role(role):
    """The role as a Person record keeps it. The extractor sometimes lets a role run back
    over a sentence end ("heavy traffic. Local councillor"); only the last sentence is kept."""
    role = " ".join((role or "").split())
    for stop in (". ", "! ", "? "):
        role = role.rpartition(stop)[2]
    for article in ("the ", "a ", "an "):
        if role.lower().startswith(article):
            role = role[len(article) :]
    return role[:200]


def speaker_kind(candidate):
    """What kind of speaker the extractor took a quote's speaker for: a Person.Kind value.
    Extractors that do not tell (before `speaker_kind`), or tell something else, say person."""
    kind = getattr(candidate, "speaker_kind", None) or Person.Kind.PERSON
    return kind if kind in Person.Kind.values else Person.Kind.PERSON


@dataclass(frozen=True)
class PersonSuggestion:
    key: int
    name: str
    role: str
    person: object | None  # the matched Person, or None: a new person to create
    matched: str | None = None  # the name or alias that matched
    linked: bool = False  # already among the story's people mentioned
    kind: str = Person.Kind.PERSON  # for a new record
    near: tuple = ()  # (Person, confidence) spelled like the name, best first: the editor picks

    @property
    def kind_label(self):
        return Person.Kind(self.kind).label


@dataclass(frozen=True)
class QuoteSuggestion:
    key: int
    candidate: QuoteCandidate
    speaker: PersonSuggestion | None
    recorded: object | None = None  # the Quote already on record for it

    @property
    def verb(self):
        return (self.candidate.verb or "said")[:40]


@dataclass(frozen=True)
class Suggestions:
    quotes: list[QuoteSuggestion]
    people: list[PersonSuggestion]

    @property
    def open_quotes(self):
        return [s for s in self.quotes if s.recorded is None]

    @property
    def open_people(self):
        return [p for p in self.people if not p.linked]


def suggestions_for(article) -> Suggestions:
    """The quotes and people the body suggests, set against the desk's records.

    Reads only; nothing is created until an editor accepts a suggestion.
    """
    plain = article.body_text
    candidates = [tidy(c) for c in extract_quotes(plain)]
    found = [(m.name, m.role) for m in find_people(plain)]
    names = {name for name, _ in found}
    # A speaker the people finder missed (no role, no title, an organisation) is still
    # someone to propose, of the kind the extractor says.
    kinds = {}
    for candidate in candidates:
        if candidate.speaker:
            kinds.setdefault(candidate.speaker, speaker_kind(candidate))
    found += [(name, None) for name in kinds if name not in names]
    matches = Person.objects.matching([{"name": name, "role": role} for name, role in found])
    linked = set(article.people.values_list("id", flat=True)) if article.pk else set()
    people = [
        PersonSuggestion(
            key=key,
            name=match.name,
            role=clean_role(match.role),
            person=person,
            matched=match.matched,
            linked=match.id in linked,
            kind=kinds.get(match.name, Person.Kind.PERSON),
            near=tuple(near),
        )
        for key, (match, person, near) in enumerate(matches)
    ]
    by_name = {p.name: p for p in people}
    on_record = list(article.quotes.select_related("speaker")) if article.pk else []
    quotes = [
        QuoteSuggestion(
            key=key,
            candidate=candidate,
            speaker=by_name.get(candidate.speaker),
            recorded=next((q for q in on_record if same_quotation(q.text, candidate.text)), None),
        )
        for key, candidate in enumerate(candidates)
    ]
    return Suggestions(quotes=quotes, people=people)
