"""The subject of a verb, read locally: the noun phrase on its left that is not an aside or an
apposition, the phrase after an inverted verb, the subject of a whole sentence (after any dateline
and introductory clause), and whom a sentence outside quotation marks reports as speaking.

attribution.py uses these to read one quotation's cue; speakers.py to follow the story.
"""

from __future__ import annotations

import re

from .givennames import gender_of_given_name
from .lexicon import FRAGMENT_VERBS, INVERTIBLE, SPEECH_VERBS
from .phrases import WORD, Document, NounPhrase, not_in_pp, noun_phrases
from .roles import is_title

INTRODUCTORY = re.compile(
    r"\s*(?:\w+ing|\w+ed|asked|in|on|at|after|before|during|since|for|with|without|despite|as|while|"
    r"when|if|although|though|because|unlike|like|under|over|earlier|later|meanwhile|however|"
    r"according|last|this|by|from|to|until|once|now|then|also|but|and|yet|so|still)\b",
    re.I,
)
_WHO = re.compile(r"\s*who\s+(?:\w+ly\s+|had\s+|has\s+|have\s+|once\s+)?", re.I)
PARENTHETICAL = re.compile(r"\s*(?:who|which|whose|where|when|\w+ing|\w+ed|\d{1,3}\s*$)\b", re.I)
# "Sergeant Ana Ruiz, of Kestrel Bay Police, said": a phrase set off after a name, never its subject.
_SET_OFF_PP = re.compile(r"\s*(?:of|from|at|with|near)\s", re.I)
# "Varga, a Liberal from Alberta, told": an indefinite apposition describes, it does not act.
_INDEFINITE_APPOSITION = re.compile(r"\s*(?:a|an)\s", re.I)


def clause_segments(doc: Document, lo: int, hi: int) -> list[tuple[int, int]]:
    # "3,000 staff": a comma inside a number parts no clauses.
    commas = re.finditer(r",(?!(?<=\d,)\d)", doc.text[lo:hi])
    cuts = [lo] + [m.end() for m in commas if not doc.in_quote(lo + m.start())]
    cuts = [c if c == lo else lo + c for c in cuts]
    return list(zip(cuts, [*cuts[1:], hi], strict=False))


def subject_before(doc: Document, lo: int, verb_at: int) -> NounPhrase | None:
    """The subject of a verb at `verb_at`: the nearest phrase on its left that is not an
    apposition or an aside set off by commas (`Lind, flanked by Mayor Berg, said`)."""
    segments = [s for s in clause_segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
    # "criticism from Danie Louw, who called the Sharks 'soft'": the name before *who*.
    if (
        len(segments) > 1
        and _WHO.fullmatch(doc.text[segments[-1][0] : verb_at])
        and ends_with_name(doc, segments[-2])
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
        if PARENTHETICAL.match(chunk) and k > 0 and not role_led:
            continue
        # An apposition after a name: "Maria Lind, a spokeswoman for the port authority, said".
        if k > 0 and phrases[0].kind in ("role", "indefinite") and ends_with_name(doc, segments[k - 1]):
            continue
        # "Pellow & Strand, the furniture retailer, … warned": a description of the named body.
        if (
            k > 0
            and phrases[0].kind == "org"
            and phrases[0].mention is None
            and ends_with_name(doc, segments[k - 1], org=True)
        ):
            continue
        if (
            k > 0
            and (_SET_OFF_PP.match(chunk) or _INDEFINITE_APPOSITION.match(chunk))
            and ends_with_name(doc, segments[k - 1])
        ):
            continue
        only_name = (
            len(phrases) == 1
            and phrases[0].kind == "name"
            and chunk.strip(" ,") == doc.text[phrases[0].start : phrases[0].end]
        )
        # A bare name just after an aside belongs to the aside: "flanked by the head of X, Anders Lie,";
        # one running into its verb does not: "In a letter, which was published later, Ana Roy wrote:".
        if (
            only_name
            and k >= 2
            and PARENTHETICAL.match(doc.text[segments[k - 1][0] : segments[k - 1][1]])
            and chunk.rstrip().endswith(",")
        ):
            continue
        # "Cllr Peter Hanratty, Liberal Democrat, said": a party or a ward set off after a
        # person's name describes them; it has no given name of its own.
        if (
            only_name
            and k > 0
            and ends_with_name(doc, segments[k - 1], person=True)
            and not INTRODUCTORY.match(doc.text[segments[k - 1][0] : segments[k - 1][1]])
            and not gender_of_given_name(phrases[0].mention.tokens[0])
        ):
            continue
        if (
            k > 0
            and not only_name
            and INTRODUCTORY.match(chunk)
            and phrases[0].kind != "pronoun"
            and not role_led
        ):
            continue
        if k == 0 and len(segments) > 1 and INTRODUCTORY.match(chunk):
            return None  # "Asked whether the yard in Ulsan…, a spokesman said": no subject in there
        # Within one segment the subject is the phrase nearest the verb that no preposition governs.
        return not_in_pp(doc, phrases)[-1]
    return None


def ends_with_name(doc: Document, segment: tuple[int, int], org: bool = False, person: bool = False) -> bool:
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
    segments = [s for s in clause_segments(doc, lo, verb_at) if doc.text[s[0] : s[1]].strip(" ,")]
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
        if PARENTHETICAL.match(chunk):
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
    segments = [s for s in clause_segments(doc, lo, hi) if doc.text[s[0] : s[1]].strip(" ,")]
    if len(segments) > 2 and INTRODUCTORY.match(doc.text[segments[0][0] : segments[0][1]]):
        main = _main_clause(doc, segments)
        segments = segments[main:] if main else segments
    for k, (seg_lo, seg_hi) in enumerate(segments):
        chunk = doc.text[seg_lo:seg_hi]
        if doc.in_quote(seg_lo + len(chunk) - len(chunk.lstrip(' ,"“«‘'))):
            return None
        if (
            k + 1 < len(segments)
            and INTRODUCTORY.match(chunk)
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
REPORTING = {
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
        if SPEECH_VERBS.get(match.group().casefold()) in REPORTING:
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
    found = find_verb(doc, lo, hi, last=False)
    return found is not None and SPEECH_VERBS[found[0]] not in FRAGMENT_VERBS


def find_verb(doc: Document, lo: int, hi: int, last: bool) -> tuple[str, int] | None:
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
