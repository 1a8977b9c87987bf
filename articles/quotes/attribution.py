"""Local syntax around a quotation: the cue verb and the noun phrase that is its subject.

Only the words around one quote are read here; deciding which person a pronoun or a role
noun stands for is left to resolve.py, which sees the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .givennames import gender_of_given_name
from .lexicon import ABBREVIATIONS, FRAGMENT_VERBS, INVERTIBLE, SPEECH_VERBS
from .phrases import WORD, Document, NounPhrase, not_in_pp, noun_phrases
from .roles import is_title
from .scan import QuoteSpan

_INTRODUCTORY = re.compile(
    r"\s*(?:\w+ing|\w+ed|asked|in|on|at|after|before|during|since|for|with|without|despite|as|while|"
    r"when|if|although|though|because|unlike|like|under|over|earlier|later|meanwhile|however|"
    r"according|last|this|by|from|to|until|once|now|then|also|but|and|yet|so|still)\b",
    re.I,
)
_WHO = re.compile(r"\s*who\s+(?:\w+ly\s+|had\s+|has\s+|have\s+|once\s+)?", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|because|since|although|though|until|unless|whereas)\b")
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")
_PARENTHETICAL = re.compile(r"\s*(?:who|which|whose|where|when|\w+ing|\w+ed|\d{1,3}\s*$)\b", re.I)
# "Sergeant Ana Ruiz, of Kestrel Bay Police, said": a phrase set off after a name, never its subject.
_SET_OFF_PP = re.compile(r"\s*(?:of|from|at|with|near)\s", re.I)
# "Varga, a Liberal from Alberta, told": an indefinite apposition describes, it does not act.
_INDEFINITE_APPOSITION = re.compile(r"\s*(?:a|an)\s", re.I)


@dataclass
class Cue:
    verb: str
    verb_at: int
    subject: NounPhrase | None
    where: str  # "after" (the quote), "before" (colon or comma), "inside" (reported speech)
    adjacent: bool


def _segments(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = [lo] + [m.end() for m in re.finditer(",", doc.text[lo:hi]) if not doc.in_quote(lo + m.start())]
    cuts = [c if c == lo else lo + c for c in cuts]
    return list(zip(cuts, [*cuts[1:], hi], strict=False))


def subject_before(doc: Document, lo: int, verb_at: int) -> NounPhrase | None:
    """The subject of a verb at `verb_at`: the nearest phrase on its left that is not an
    apposition or an aside set off by commas (`Lind, flanked by Mayor Berg, said`)."""
    segments = [s for s in _segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
    # "criticism from Danie Louw, who called the Sharks 'soft'": the name before *who*.
    if (
        len(segments) > 1
        and _WHO.fullmatch(doc.text[segments[-1][0] : verb_at])
        and _ends_with_name(doc, segments[-2])
    ):
        return noun_phrases(doc, *segments[-2])[-1]
    # "…, as officials defended what the trade minister called a 'reset'": a phrase right
    # before the verb, governed by no preposition, is its subject whatever opens the clause.
    if segments:
        nearest = noun_phrases(doc, segments[-1][0], verb_at)
        last = nearest[-1] if nearest else None
        if (
            last is not None
            and last.kind in ("name", "role", "pronoun", "org")
            and re.fullmatch(r"\s+(?:\w+ly\s+)?", doc.text[last.end : verb_at])
            and len(nearest) > 1
            and not_in_pp(doc, nearest)[-1] is last
            and re.search(r"\b(?:what|which|that)\s+(?:\w+\s+){0,3}$", doc.text[segments[-1][0] : last.start])
        ):
            return last
    for k in range(len(segments) - 1, -1, -1):
        seg_lo, seg_hi = segments[k]
        chunk = doc.text[seg_lo:seg_hi]
        phrases = noun_phrases(doc, seg_lo, seg_hi)
        if not phrases:
            continue
        # "…, managing director Colin Ashdown wrote": a participle opening the name's role is
        # part of the role, not an aside or an introductory phrase.
        lead = seg_lo + len(chunk) - len(chunk.lstrip())
        role_led = phrases[0].mention is not None and phrases[0].mention.role_start == lead
        if _PARENTHETICAL.match(chunk) and k > 0 and not role_led:
            continue
        # An apposition after a name: "Maria Lind, a spokeswoman for the port authority, said".
        if k > 0 and phrases[0].kind in ("role", "indefinite") and _ends_with_name(doc, segments[k - 1]):
            continue
        # "Pellow & Strand, the furniture retailer, … warned": a description of the named body.
        if (
            k > 0
            and phrases[0].kind == "org"
            and phrases[0].mention is None
            and _ends_with_name(doc, segments[k - 1], org=True)
        ):
            continue
        if (
            k > 0
            and (_SET_OFF_PP.match(chunk) or _INDEFINITE_APPOSITION.match(chunk))
            and _ends_with_name(doc, segments[k - 1])
        ):
            continue
        only_name = (
            len(phrases) == 1
            and phrases[0].kind == "name"
            and chunk.strip(" ,") == doc.text[phrases[0].start : phrases[0].end]
        )
        # A bare name just after an aside belongs to the aside: "flanked by the head of X, Anders Lie,".
        if only_name and k >= 2 and _PARENTHETICAL.match(doc.text[segments[k - 1][0] : segments[k - 1][1]]):
            continue
        # "Cllr Peter Hanratty, Liberal Democrat, said": a party or a ward set off after a
        # person's name describes them; it has no given name of its own.
        if (
            only_name
            and k > 0
            and _ends_with_name(doc, segments[k - 1], person=True)
            and not _INTRODUCTORY.match(doc.text[segments[k - 1][0] : segments[k - 1][1]])
            and not gender_of_given_name(phrases[0].mention.tokens[0])
        ):
            continue
        if k > 0 and not only_name and _INTRODUCTORY.match(chunk) and phrases[0].kind != "pronoun" and not role_led:
            continue
        if k == 0 and len(segments) > 1 and _INTRODUCTORY.match(chunk):
            return None  # "Asked whether the yard in Ulsan…, a spokesman said": no subject in there
        # Within one segment the subject is the phrase nearest the verb that no preposition governs.
        return not_in_pp(doc, phrases)[-1]
    return None


def _new_subject(doc: Document, lo: int, hi: int) -> bool:
    """Whether the words between two quotations bring a subject of their own."""
    return any(p.kind in ("name", "pronoun", "role", "org") for p in noun_phrases(doc, lo, hi))


def _ends_with_name(doc: Document, segment: tuple[int, int], org: bool = False, person: bool = False) -> bool:
    phrases = noun_phrases(doc, *segment)
    last = phrases[-1] if phrases else None
    return (
        last is not None
        and (last.kind == "name" or (org and last.kind == "org"))
        and last.mention is not None
        and last.mention.entity is not None
        and (not person or last.mention.entity.kind == "person")
        and not doc.text[last.end : segment[1]].strip(" ,")
    )


def subject_after(doc: Document, lo: int, verb_at: int) -> NounPhrase | None:
    """The subject between a quote's end and the verb that follows it: the first phrase, or
    the name set off after it (`the company's chairman, Viktor Sedykh, said`)."""
    segments = [s for s in _segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
    for k, (seg_lo, seg_hi) in enumerate(segments):
        phrases = noun_phrases(doc, seg_lo, seg_hi)
        if not phrases:
            continue
        first = phrases[0]
        if first.kind == "role" and k + 1 < len(segments):
            following = noun_phrases(doc, *segments[k + 1])
            if following and following[0].kind == "name":
                return following[0]
        return first
    return None


# "VIENNA, April 2 (Newswire) - ", "MOSCOW, May 14. /NWS/. ", "WASHINGTON (WNS) — ", "Mumbai, Jan 18: ".
_DATELINE = re.compile(
    r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?\.?)?\s*"
    r"(?:(?:\([^)\n]{1,30}\)\s*)?(?:/[^/\n]{1,20}/\.?\s+|(?:--|[-–—:])\s+)"
    # "New Delhi, Apr 4 (PNI) The commission…": Indian agency copy puts no dash after the agency.
    r"|\([A-Z][^)\n]{1,30}\)\s+(?=[A-Z]))"
)


def _may_open_with_dateline(doc: Document, lo: int) -> bool:
    """The story's first paragraph, or the lead under a headline and standfirst, when its
    dateline names a date or an agency (`Vishakpur, Dec 2 (PNS)`): a bare `Word: ` there is a
    headline's label, not a dateline."""
    starts = [p_lo for p_lo, _ in doc.paragraphs[:4]]
    if lo not in starts:
        return False
    if lo == starts[0]:
        return True
    dateline = _DATELINE.match(doc.text, lo)
    return dateline is not None and bool(re.search(r"[(/\d]", dateline.group()))


def _main_clause(doc: Document, segments: list[tuple[int, int]]) -> int | None:
    """After `Asked about the owner, Frank Mallory, who called…,` the clause that follows:
    the first later segment that opens with a phrase followed by its verb."""
    for k in range(1, len(segments)):
        seg_lo, seg_hi = segments[k]
        chunk = doc.text[seg_lo:seg_hi]
        if _PARENTHETICAL.match(chunk):
            continue
        phrases = noun_phrases(doc, seg_lo, seg_hi)
        lead = len(chunk) - len(chunk.lstrip())
        opening = doc.text[seg_lo : phrases[0].start].split() if phrases else []
        if (
            phrases
            and (phrases[0].start - seg_lo <= lead or (len(opening) == 1 and is_title(opening[0])))
            and re.match(r"\s+[a-z]", doc.text[phrases[0].end : seg_hi])
        ):
            return k
    return None


def sentence_subject(doc: Document, lo: int, hi: int) -> NounPhrase | None:
    """The first phrase of a sentence, after any dateline and introductory clause."""
    if _may_open_with_dateline(doc, lo):
        dateline = _DATELINE.match(doc.text, lo, hi)
        lo = dateline.end() if dateline else lo
    segments = [s for s in _segments(doc, lo, hi) if doc.text[s[0] : s[1]].strip(" ,")]
    if len(segments) > 2 and _INTRODUCTORY.match(doc.text[segments[0][0] : segments[0][1]]):
        main = _main_clause(doc, segments)
        segments = segments[main:] if main else segments
    for k, (seg_lo, seg_hi) in enumerate(segments):
        chunk = doc.text[seg_lo:seg_hi]
        if doc.in_quote(seg_lo + len(chunk) - len(chunk.lstrip(' ,"“«‘'))):
            return None
        if (
            k + 1 < len(segments)
            and _INTRODUCTORY.match(chunk)
            and not re.match(r"\s*(?:he|she|it|they)\b", chunk, re.I)
        ):
            continue
        phrases = [p for p in noun_phrases(doc, seg_lo, seg_hi) if p.start - seg_lo < 80]
        if not phrases:
            return None
        if phrases[0].kind == "role" and k + 1 < len(segments):
            following = noun_phrases(doc, *segments[k + 1])
            if following and following[0].kind == "name":
                return following[0]  # "The airline's chief financial officer, Rajesh Menon, said"
        return phrases[0]
    return None


# The verbs that report words, not acts: "agreed", "confirmed" or "announced" a deal need not.
_REPORTING = {
    "say",
    "tell",
    "add",
    "insist",
    "warn",
    "explain",
    "stress",
    "note",
    "state",
    "declare",
    "write",
}


def attribution_subject(doc: Document, lo: int, hi: int) -> NounPhrase | None:
    """Who a sentence outside quotation marks reports as speaking: the subject of its first
    verb of saying (`X said on Friday after talks with Y`), or the name after an inverted
    one (`…, said X`). Sentences that hold a quotation are left to the quote's own cue."""
    if any(lo <= s.open < hi for s in doc.spans):
        return None
    found = None
    for match in WORD.finditer(doc.text, lo, hi):
        if SPEECH_VERBS.get(match.group().casefold()) in _REPORTING:
            found = (match.group().casefold(), match.start())
            break
    if found is None:
        return None
    verb, verb_at = found
    subject = subject_before(doc, lo, verb_at)
    if subject is None and SPEECH_VERBS[verb] in INVERTIBLE:
        after = noun_phrases(doc, verb_at + len(verb), min(hi, verb_at + len(verb) + 60))
        subject = after[0] if after and after[0].kind == "name" else None
    if subject is None or subject.kind not in ("name", "role"):
        return None
    return subject if subject.kind == "role" or (subject.mention and subject.mention.entity) else None


def reports_speech(doc: Document, lo: int, hi: int) -> bool:
    """Whether a sentence reports someone's words: a verb of saying outside its quotations."""
    found = _find_verb(doc, lo, hi, last=False)
    return found is not None and SPEECH_VERBS[found[0]] not in FRAGMENT_VERBS


def _find_verb(doc: Document, lo: int, hi: int, last: bool) -> tuple[str, int] | None:
    hits = []
    words = [
        (m.group(), lo + m.start())
        for m in WORD.finditer(doc.text[lo:hi])
        if not doc.in_quote(lo + m.start())
    ]
    for i, (word, at) in enumerate(words):
        key = word.casefold()
        pair = f"{key} {words[i + 1][0].casefold()}" if i + 1 < len(words) else ""
        if pair in SPEECH_VERBS:
            hits.append((pair, at))
        elif key in SPEECH_VERBS and key not in ("according",):
            # "Asked whether…," opening a sentence is a participle, not the speaker's verb.
            if key == "asked" and word[0].isupper():
                continue
            hits.append((key, at))
    if not hits:
        return None
    return hits[-1] if last else hits[0]


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


def find_cue(doc: Document, span: QuoteSpan) -> Cue | None:
    """The attribution of one quotation, from the words right after and right before it."""
    text = doc.text
    if (label := _headline_label(doc, span)) is not None:
        return label
    inner = text[span.start : span.end].rstrip()
    _s_lo, s_hi = doc.sentence_at(span.after if span.close is not None else span.end)
    next_open = min((s.open for s in doc.spans if s.open >= span.after), default=len(text))
    right_hi = min(s_hi, next_open)
    right = text[span.after : right_hi]
    trailing = inner[-1:] in ",?!…—–-" or right.startswith(",")
    found = _find_verb(doc, span.after, right_hi, last=False)
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
    found = _find_verb(doc, left_lo, span.open, last=True)
    if not found and not text[left_lo : span.open].strip() and span.paragraph > 0:
        # A quotation standing alone after "…, she told reporters:" closing the paragraph before.
        p_lo, p_hi = doc.paragraphs[span.paragraph - 1]
        if text[p_lo:p_hi].rstrip().endswith(":"):
            o_lo = left_lo = doc.sentence_at(p_hi - 1)[0]
            prev = []
            found = _find_verb(doc, left_lo, p_hi, last=True)
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
    outer = _find_verb(doc, left_lo, verb_at, last=False)
    if (
        outer
        and SPEECH_VERBS[outer[0]] in _REPORTING
        and SPEECH_VERBS[verb] not in _REPORTING | FRAGMENT_VERBS
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
