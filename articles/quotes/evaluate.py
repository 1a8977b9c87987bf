"""Score the extractor against hand-made gold files.

    python -m articles.quotes.evaluate tests/data/quotes [-v] [--json] [--min-f1 0.95] [--range 31-99]

Each story is `NN-name.txt` with `NN-name.json` beside it:
{"quotes": [{"text": …, "speaker": … or null}], "people": [{"name": …, "role": …}]}.
A quote may also carry `speaker_kind` ("person", the default, "organisation" or "group") and
`on_behalf_of` (the person a signed statement speaks for); a story without `people` is not
scored on people.

A predicted quote matches a gold one when their normalised texts are equal (quote marks,
whitespace, outer punctuation and the case of the first letter ignored) or overlap by at
least 90%. A quote that runs over several paragraphs is one prediction with a part per
paragraph; where the gold marks it paragraph by paragraph instead (tests/data/quotes-heldout2
does), the prediction is scored as its parts, so the two conventions score alike. A speaker
is right when the normalised names are equal, when the gold name is a shorter tail of the
predicted one, or when both share first and last words; no speaker is right only against a
gold null. End-to-end counts a quote only when matched and rightly
attributed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from .extract import extract_quotes
from .names import fold, same_person
from .people import find_people

_MARKS = re.compile(r"[\"“”„«»‹›]")


def normalise_quote(text: str) -> str:
    text = _MARKS.sub("", text).replace("‘", "'").replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:!?…—–-'")
    return text[:1].casefold() + text[1:]


def overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), len(b))


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[\w'\-]+", fold(name))
    return [w for w in words if w not in ("the", "mr", "ms", "mrs", "dr")]


def speaker_correct(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    return p == g or p[-len(g) :] == g or (len(g) > 1 and p[0] == g[0] and p[-1] == g[-1])


@dataclass
class FileResult:
    name: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: int = 0
    failures: list[str] = field(default_factory=list)
    kinds_gold: int = 0
    kinds_right: int = 0
    behalf_gold: int = 0
    behalf_right: int = 0
    people_gold: int = 0
    people_found: int = 0
    people_matched: int = 0
    roles_right: int = 0


def _prf(hits: int, predicted: int, gold: int) -> dict:
    precision = hits / predicted if predicted else 1.0
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def _norm_role(role: str | None) -> str:
    return re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", fold(role or "").strip())


def _matches(predicted: str, gold: str) -> bool:
    p, g = normalise_quote(predicted), normalise_quote(gold)
    return p == g or overlap(p, g) >= 0.9


def _at_gold_grain(predicted: list, text: str, gold: list[dict]) -> list:
    """Split a multi-paragraph prediction into its paragraphs where the gold does the same.

    Only when no gold quote matches the whole and some gold quote matches one of its parts:
    then the gold counts paragraphs, and so must the prediction, or a right answer would be
    scored as two misses and a spurious quote.
    """
    out = []
    for candidate in predicted:
        parts = [text[start:end] for start, end in candidate.parts]
        if len(parts) < 2 or any(_matches(candidate.text, item["text"]) for item in gold):
            out.append(candidate)
        elif any(_matches(part, item["text"]) for part in parts for item in gold):
            out.extend(replace(candidate, text=part, parts=()) for part in parts)
        else:
            out.append(candidate)
    return out


def score_file(txt: Path) -> FileResult:
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    predicted = _at_gold_grain(extract_quotes(text), text, gold["quotes"])
    result = FileResult(txt.name, gold=len(gold["quotes"]), predicted=len(predicted))
    unused = list(range(len(predicted)))
    for item in gold["quotes"]:
        g = normalise_quote(item["text"])
        best, best_score = None, 0.0
        for i in unused:
            p = normalise_quote(predicted[i].text)
            score = 1.0 if p == g else overlap(p, g)
            if score > best_score:
                best, best_score = i, score
        if best is None or best_score < 0.9:
            result.failures.append(f"missed: “{item['text'][:70]}” ({item['speaker']})")
            continue
        unused.remove(best)
        result.matched += 1
        candidate = predicted[best]
        if item.get("on_behalf_of"):
            result.behalf_gold += 1
            result.behalf_right += speaker_correct(candidate.on_behalf_of, item["on_behalf_of"])
        if speaker_correct(candidate.speaker, item["speaker"]):
            result.correct += 1
            if item["speaker"] and "speaker_kind" in item:
                # Scored only where the gold says a kind: older files name no kinds.
                result.kinds_gold += 1
                kind = candidate.speaker_kind
                if kind == item["speaker_kind"]:
                    result.kinds_right += 1
                else:
                    result.failures.append(
                        f"kind: “{item['text'][:50]}” predicted {kind!r}, gold {item['speaker_kind']!r}"
                    )
        else:
            said = predicted[best].speaker
            result.failures.append(
                f"speaker: “{item['text'][:50]}” predicted {said!r}, gold {item['speaker']!r}"
            )
    for i in unused:
        result.failures.append(f"spurious: “{predicted[i].text[:70]}” ({predicted[i].speaker})")
    if "people" not in gold:
        return result
    found = find_people(text)
    result.people_gold, result.people_found = len(gold.get("people", [])), len(found)
    for person in gold.get("people", []):
        match = next((f for f in found if same_person(f.name, person["name"])), None)
        if match is None:
            result.failures.append(f"person missed: {person['name']}")
            continue
        found.remove(match)
        result.people_matched += 1
        result.roles_right += _norm_role(match.role) == _norm_role(person.get("role"))
    result.failures.extend(f"person spurious: {f.name}" for f in found)
    return result


def evaluate(directory: str | Path, number_range: tuple[int, int] | None = None) -> dict:
    """Score every story in `directory` (or those numbered within `number_range`)."""
    files = sorted(Path(directory).glob("*.txt"))
    if number_range:
        files = [f for f in files if number_range[0] <= int(f.name.split("-")[0]) <= number_range[1]]
    results = [score_file(f) for f in files]
    total = {
        key: sum(getattr(r, key) for r in results)
        for key in (
            "gold",
            "predicted",
            "matched",
            "correct",
            "kinds_gold",
            "kinds_right",
            "behalf_gold",
            "behalf_right",
            "people_gold",
            "people_found",
            "people_matched",
            "roles_right",
        )
    }
    return {
        "files": len(results),
        "gold_quotes": total["gold"],
        "predicted_quotes": total["predicted"],
        "quotes": _prf(total["matched"], total["predicted"], total["gold"]),
        "speaker_accuracy": _ratio(total["correct"], total["matched"]),
        "speaker_kind_accuracy": _ratio(total["kinds_right"], total["kinds_gold"])
        if total["kinds_gold"]
        else None,
        "on_behalf_of": {"gold": total["behalf_gold"], "right": total["behalf_right"]},
        "end_to_end": _prf(total["correct"], total["predicted"], total["gold"]),
        "people": _prf(total["people_matched"], total["people_found"], total["people_gold"])
        if total["people_gold"]
        else None,
        "role_accuracy": _ratio(total["roles_right"], total["people_matched"]),
        "failures": {r.name: r.failures for r in results if r.failures},
    }


def _range(value: str) -> tuple[int, int]:
    low, _, high = value.partition("-")
    return int(low or 0), int(high or 10**6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each file's failures")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--min-f1", type=float, default=None, help="exit 1 when end-to-end F1 is lower")
    parser.add_argument("--range", type=_range, default=None, help="only stories numbered LOW-HIGH")
    args = parser.parse_args(argv)
    report = evaluate(args.directory, args.range)
    if args.json:
        if not args.verbose:
            report = {k: v for k, v in report.items() if k != "failures"}
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        q, e = report["quotes"], report["end_to_end"]
        counts = f"gold quotes: {report['gold_quotes']}  predicted: {report['predicted_quotes']}"
        print(f"stories: {report['files']}  {counts}")
        print(f"quotes       precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}")
        kinds = (
            f"  kind right {report['speaker_kind_accuracy']:.3f}"
            if report["speaker_kind_accuracy"] is not None
            else ""
        )
        print(f"speakers     accuracy on matched quotes {report['speaker_accuracy']:.3f}{kinds}")
        print(f"end-to-end   precision {e['precision']:.3f}  recall {e['recall']:.3f}  F1 {e['f1']:.3f}")
        if report["on_behalf_of"]["gold"]:
            behalf = report["on_behalf_of"]
            print(f"on behalf of right on {behalf['right']} of {behalf['gold']} matched statements")
        if report["people"]:
            p = report["people"]
            print(
                f"people       precision {p['precision']:.3f}  recall {p['recall']:.3f}  F1 {p['f1']:.3f}"
                f"  role accuracy {report['role_accuracy']:.3f}"
            )
        if args.verbose:
            for name, failures in report["failures"].items():
                print(f"\n{name}")
                for failure in failures:
                    print(f"  {failure}")
    if args.min_f1 is not None and report["end_to_end"]["f1"] < args.min_f1:
        print(f"end-to-end F1 {report['end_to_end']['f1']:.3f} is below {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
