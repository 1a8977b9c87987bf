"""Local syntax around a quotation: the cue verb and the noun phrase that is its subject
(subjects.py finds the subject of a verb).

Only the words around one quote are read here; deciding which person a pronoun or a role
noun stands for is left to resolve.py, which sees the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS, FRAGMENT_VERBS, INVERTIBLE, SPEECH_VERBS
from .phrases import WORD, Document, NounPhrase, noun_phrases
from .roles import is_title
from .scan import QuoteSpan
from .subjects import REPORTING, find_verb, sentence_subject, subject_after, subject_before

_SUBORDINATE = re.compile(
    r"\b(?:after|before|when|while|because|since|although|though|until|unless|whereas)\b"
)
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")


@dataclass
class Cue:
    verb: str
    verb_at: int
    subject: NounPhrase | None
    where: str  # "after" (the quote), "before" (colon or comma), "inside" (reported speech)
    adjacent: bool


def _new_subject(doc: Document, lo: int, hi: int) -> bool:
    """Whether the words between two quotations bring a subject of their own."""
    return any(p.kind in ("name", "pronoun", "role", "org") for p in noun_phrases(doc, lo, hi))


_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:of|on|in|at|after|before|during|when|while|from|as|who|to|with|yesterday|"
    r"today|tonight|earlier|later|recently|afterwards|adding)\b)"
)


def _clause_ends(text: str, pos: int) -> bool:
    return bool(_CLAUSE_GOES_ON.match(text, pos))


def _clause_stop(text: str, lo: int, hi: int) -> int:
    """Where the phrase after an inverted verb ends: the first punctuation mark that is not
    the full stop of a title (`said Sen. Ada Moreno`, `said Dr. Nils Okafor`)."""
    for match in re.finditer(r"[,.;:!?]", text[lo:hi]):
        at = lo + match.start()
        word = re.search(r"(\w+)$", text[lo:at])
        word = word.group(1) if word else ""
        if match.group() == "." and word and (is_title(word) or word.casefold() in ABBREVIATIONS):
            continue
        return at
    return hi


def _name_set_off(doc: Document, end: int, hi: int) -> NounPhrase | None:
    if not re.match(r",\s", doc.text[end : end + 2]):
        return None
    following = noun_phrases(doc, end + 1, hi)
    first = following[0] if following else None
    between = doc.text[end + 1 : first.start].split() if first is not None else []
    if (
        first is not None
        and first.kind == "name"
        and (not between or (len(between) == 1 and is_title(between[0])))
    ):
        return first  # "said its chairwoman, Dr. Renate Obermaier"
    return None


def _headline_label(doc: Document, span: QuoteSpan) -> Cue | None:
    """`Hartley: 'We'll get out of this'`, `'Our batters let us down': Royals coach Mehta`: in
    a headline, a name set against the quote by a colon is its speaker."""
    if span.paragraph != 0 or len(doc.paragraphs) < 2 or span.close is None:
        return None
    lo, hi = doc.paragraphs[0]
    line = doc.text[lo:hi].rstrip()
    if len(line) > 140 or line.endswith((".", ":")):
        return None
    after = re.match(r"\s*:\s+", doc.text[span.after : hi])
    before = re.search(r"(?:^|\s)([^\s:]+(?:\s[^\s:]+){0,2}):\s*$", doc.text[lo : span.open])
    if after and not doc.text[span.after + after.end() : hi].strip(" \t").count(" ") > 5:
        phrases = noun_phrases(doc, span.after + after.end(), hi)
    elif before and doc.text[lo : span.open].strip().endswith(":"):
        phrases = noun_phrases(doc, lo + before.start(1), lo + before.end(1))
    else:
        return None
    names = [p for p in phrases if p.kind == "name" and p.mention and p.mention.entity]
    if len(names) != 1 or names[0].mention.entity.kind != "person":
        return None
    return Cue("says", names[0].start, names[0], "after", True)


# "The paper quoted Vlachos as saying: …": the one quoted speaks, not the paper.
_QUOTED_AS = re.compile(r"\bquoted\s+([^,.;:]{1,80}?)\s+as\s+saying\b")


def find_cue(doc: Document, span: QuoteSpan) -> Cue | None:
    """The attribution of one quotation, from the words right after and right before it."""
    cue = _find_cue(doc, span)
    if cue is not None and cue.verb in ("quoted", "saying"):
        lo = doc.sentence_at(cue.verb_at)[0]
        for match in _QUOTED_AS.finditer(doc.text, lo, cue.verb_at + 60):
            if match.start() <= cue.verb_at < match.end():
                quoted = noun_phrases(doc, match.start(1), match.end(1))
                return Cue(cue.verb, cue.verb_at, quoted[0] if quoted else None, cue.where, cue.adjacent)
    return cue


def _find_cue(doc: Document, span: QuoteSpan) -> Cue | None:
    text = doc.text
    if (label := _headline_label(doc, span)) is not None:
        return label
    inner = text[span.start : span.end].rstrip()
    _s_lo, s_hi = doc.sentence_at(span.after if span.close is not None else span.end)
    next_open = min((s.open for s in doc.spans if s.open >= span.after), default=len(text))
    right_hi = min(s_hi, next_open)
    right = text[span.after : right_hi]
    trailing = inner[-1:] in ",?!…—–-" or right.startswith(",")
    found = find_verb(doc, span.after, right_hi, last=False)
    if found and found[0] not in {v for v, lemma in SPEECH_VERBS.items() if lemma in FRAGMENT_VERBS}:
        verb, verb_at = found
        between = text[span.after : verb_at]
        n_words = len(WORD.findall(between))
        if n_words <= 14 or (n_words <= 30 and "," in between):
            if not between.strip(" ,\u00a0"):
                if SPEECH_VERBS[verb] in INVERTIBLE or verb == "according to":
                    lo = verb_at + len(verb)
                    end = _clause_stop(text, lo, right_hi)
                    phrases = noun_phrases(doc, lo, end)
                    # `"Salt", said he had…` is no attribution: the phrase must end the clause.
                    if not phrases or _clause_ends(text, phrases[0].end):
                        subject = phrases[0] if phrases else None
                        if subject is not None and subject.kind == "role":
                            # `said its chairman, Jens Holm`, `said the fund's head of equities,
                            # Marguerite Lu`: the name set off after the role and its phrase.
                            pp = re.fullmatch(r"\s+(?:of|for|at)\s[^,]*", text[subject.end : end])
                            subject = _name_set_off(doc, end if pp else subject.end, right_hi) or subject
                        return Cue(verb, verb_at, subject, "after", trailing)
            elif trailing or not _SUBORDINATE.search(between):
                # `"…" talks, hours after Calder announced…`: a clause of its own, no attribution.
                subject = subject_after(doc, span.after, verb_at)
                if subject is not None or trailing:
                    return Cue(verb, verb_at, subject, "after", trailing)
    # Left side: from the sentence start, or the previous quote in the same sentence.
    o_lo, _ = doc.sentence_at(span.open)
    prev = [s for s in doc.spans if o_lo <= s.after <= span.open and s is not span]
    left_lo = max([o_lo] + [s.after for s in prev])
    found = find_verb(doc, left_lo, span.open, last=True)
    if not found and not text[left_lo : span.open].strip() and span.paragraph > 0:
        # A quotation standing alone after "…, she told reporters:" closing the paragraph before.
        p_lo, p_hi = doc.paragraphs[span.paragraph - 1]
        if text[p_lo:p_hi].rstrip().endswith(":"):
            o_lo = left_lo = doc.sentence_at(p_hi - 1)[0]
            prev = []
            found = find_verb(doc, left_lo, p_hi, last=True)
    if (
        not found
        and prev
        and re.fullmatch(r"\s*(?:,|,?\s*(?:and|or|nor))\s*(?:a|an|the)?\s*", text[left_lo : span.open])
    ):
        # `called the inquiry a "ruse" and a "scam"`: the second fragment shares the first's verb.
        first = find_cue(doc, max(prev, key=lambda s: s.after))
        return Cue(first.verb, first.verb_at, first.subject, "inside", False) if first else None
    if not found and prev and re.match(r"\s*,?\s*and\s+that\s", text[max(s.after for s in prev) : span.open]):
        # `said the claim was "grossly exaggerated" and that its invoices were "properly issued"`:
        # a second clause reported by the same verb, whatever its own subject.
        first = find_cue(doc, max(prev, key=lambda s: s.after))
        if first is not None and first.where == "inside":
            return Cue(first.verb, first.verb_at, first.subject, "inside", False)
    if not found and prev and not _new_subject(doc, max(s.after for s in prev), span.open):
        # `said his client had "nothing to hide" but would not take part in "a show trial"`:
        # the reported speech runs on with no subject of its own.
        first = find_cue(doc, max(prev, key=lambda s: s.after))
        if first is not None and first.where == "inside":
            return Cue(first.verb, first.verb_at, first.subject, "inside", False)
    if not found:
        return None
    verb, verb_at = found
    outer = find_verb(doc, left_lo, verb_at, last=False)
    if (
        outer
        and SPEECH_VERBS[outer[0]] in REPORTING
        and SPEECH_VERBS[verb] not in REPORTING | FRAGMENT_VERBS
        and not text[left_lo : span.open].rstrip().endswith((":", ","))
    ):
        # `X said the two sides had agreed to set up a "joint committee"`: a verb inside the
        # reported clause is reported too; the words are the reporter's.
        verb, verb_at = outer
    before = text[left_lo : span.open].rstrip()
    adjacent = before.endswith((":", ",")) and SPEECH_VERBS[verb] not in FRAGMENT_VERBS
    if verb == "according to":
        # `According to Lebedev, contacts "continue as normal"`: the source follows the words.
        hi = verb_at + len(verb) + re.search(r"[,.;:!?]|$", text[verb_at + len(verb) : span.open]).start()
        subject = next(iter(noun_phrases(doc, verb_at + len(verb), hi)), None)
    elif verb.endswith("ing"):
        # "…, describing the report as "…"": the subject is the sentence's own.
        subject = sentence_subject(doc, o_lo, verb_at)
    elif _COORDINATED.search(text, left_lo, verb_at):
        # "X beat Y 6-4, 6-2 and said afterward she had…": the verb shares the clause's subject.
        subject = sentence_subject(doc, o_lo, verb_at) or subject_before(doc, left_lo, verb_at)
    else:
        subject = subject_before(doc, left_lo, verb_at)
        if subject is None and prev:
            subject = subject_before(doc, o_lo, verb_at)
        if subject is None and prev:
            # `'…,' said Julie Penrose, 52, a nurse. 'My children…'`: the second half shares the
            # first half's inverted attribution.
            first = find_cue(doc, max(prev, key=lambda s: s.after))
            if first is not None and first.verb_at == verb_at:
                subject = first.subject
    return Cue(verb, verb_at, subject, "before" if adjacent else "inside", adjacent)
