"""The quote-integrity gate, which publishing calls: the quotes on record, checked against
the story's body.

A Quote's text must appear in its story's body. The comparison ignores what typing and
house style change without changing the words: the style of quote marks (straight,
curly, guillemets), runs of whitespace, the case of the first letter ("a disaster" quoted
at the start of a sentence) and a final comma or full stop (wire copy turns a quote's
full stop into a comma before "he said").
"""

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


def quote_problems(article) -> list[str]:
    """A message for each of the story's quotes that its body does not contain."""
    if article.pk is None:
        return []
    body = normalise(article.body_text)
    problems = []
    for quote in article.quotes.all():
        if quote.entry_id is not None:
            # A live entry's quote is checked against the entry that prints it.
            if not quote_in_body(quote.text, quote.entry.text):
                problems.append(
                    f"The quote “{_short(quote.text)}” ({quote.speaker.name}) is not in its live entry: "
                    "a quote must be the words as the entry prints them."
                )
        elif not quote_in_body(quote.text, body):
            problems.append(
                f"The quote “{_short(quote.text)}” ({quote.speaker.name}) is not in the story's body: "
                "a quote must be the words as the story prints them."
            )
    return problems


def _short(text, limit=100):
    return text if len(text) <= limit else f"{text[: limit - 1].rstrip()}…"
