"""Who said what, checked against the body: the quotes on record and the quotations in the text.

A Quote's text must appear in its story's body. The comparison ignores what typing and
house style change without changing the words: the style of quote marks (straight,
curly, guillemets), runs of whitespace, the case of the first letter ("a disaster" quoted
at the start of a sentence) and a final comma or full stop (wire copy turns a quote's
full stop into a comma before "he said").
"""

from dataclasses import dataclass, replace

from .quotes import QuoteCandidate, extract_quotes, find_people, html_to_text, match_people

_MARKS = str.maketrans(dict.fromkeys("“”„‟«»″〝〞＂", '"') | dict.fromkeys("‘’‚‛‹›′", "'"))


def normalise(text):
    """Text as the comparison sees it: one style of quote marks, single spaces."""
    return " ".join(text.translate(_MARKS).split())


def _core(quote_text):
    # What must be found: the words without surrounding quote marks or a final , . ; :
    return normalise(quote_text).strip("\"' ").rstrip(",.;:").rstrip()


def quote_in_body(quote_text, body):
    """Whether `quote_text` appears in `body` (plain text, normalised or not)."""
    core, body = _core(quote_text), normalise(body)
    if not core:
        return False
    return any(variant in body for variant in {core[0].lower() + core[1:], core[0].upper() + core[1:]})


def same_quotation(recorded, found):
    """A quote on record covers a quotation found in the body when one contains the other:
    the desk often records only the strongest sentence of a longer quotation."""
    a, b = _core(recorded).casefold(), _core(found).casefold()
    return bool(a and b) and (a in b or b in a)


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


def body_text(article):
    return html_to_text(article.body).text


def quote_problems(article) -> list[str]:
    """A message for each of the story's quotes that its body does not contain."""
    if article.pk is None:
        return []
    body = normalise(body_text(article))
    return [
        f"The quote “{_short(quote.text)}” ({quote.speaker.name}) is not in the story's body: "
        "a quote must be the words as the story prints them."
        for quote in article.quotes.all()
        if not quote_in_body(quote.text, body)
    ]


def unrecorded_quotations(article) -> list[QuoteCandidate]:
    """Quotations in the body that name a speaker but have no Quote on record.

    Fragments quoted inside reported speech (`called the plan "reckless"`) are left out:
    the desk does not record them as quotes.
    """
    recorded = [quote.text for quote in article.quotes.all()] if article.pk else []
    return [
        candidate
        for candidate in map(tidy, extract_quotes(body_text(article)))
        if candidate.speaker
        and not candidate.partial
        and not any(same_quotation(text, candidate.text) for text in recorded)
    ]


def _short(text, limit=100):
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}…"


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


@dataclass(frozen=True)
class PersonSuggestion:
    key: int
    name: str
    role: str
    person: object | None  # the matched Person, or None: a new person to create
    matched: str | None = None  # the name or alias that matched
    linked: bool = False  # already among the story's people mentioned


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
    from .models import Person

    plain = body_text(article)
    candidates = [tidy(c) for c in extract_quotes(plain)]
    found = [(m.name, m.role) for m in find_people(plain)]
    names = {name for name, _ in found}
    # A speaker the people finder missed (no role, no title) is still someone to propose.
    speakers = dict.fromkeys(c.speaker for c in candidates if c.speaker)
    found += [(name, None) for name in speakers if name not in names]
    # Matching reads names and aliases only; the few matched records are fetched after.
    known = Person.objects.values_list("name", "aliases", "id")
    matches = match_people([{"name": name, "role": role} for name, role in found], known)
    records = Person.objects.in_bulk([m.id for m in matches if m.id is not None])
    linked = set(article.people.values_list("id", flat=True)) if article.pk else set()
    people = [
        PersonSuggestion(
            key=key,
            name=match.name,
            role=clean_role(match.role),
            person=records.get(match.id),
            matched=match.matched,
            linked=match.id in linked,
        )
        for key, match in enumerate(matches)
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
