"""Quotes and people found in plain-text files, with no database: the extractor at the command line."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.desk.quote_suggestions import clean_role, tidy
from articles.quotes import extract_quotes, find_people


class Command(BaseCommand):
    help = (
        "List the quotations (text, speaker, cue, offsets, confidence) and the people found in each "
        "plain-text FILE. With --json, print one JSON object per file, one per line. Quote text is "
        "given without its quote marks (nor the comma wire style puts inside them), exactly as in "
        "the file: text == file_text[start:end]. Reads no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON lines.")

    def handle(self, *args, files, as_json, **options):
        for name in files:
            found = extract(name)
            if as_json:
                self.stdout.write(json.dumps(found, ensure_ascii=False))
            else:
                self.stdout.write(listing(found))


def extract(name):
    try:
        # newline="" keeps Windows line endings, so offsets count the file's own characters.
        with open(name, encoding="utf-8-sig", newline="") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"Cannot read {name} as UTF-8 text: {error}") from None
    quotes = [tidy(candidate) for candidate in extract_quotes(text)]
    return {
        "file": str(Path(name)),
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.verb,
                "start": q.start,
                "end": q.end,
                "confidence": q.confidence,
            }
            for q in quotes
        ],
        "people": [{"name": p.name, "role": clean_role(p.role) or None} for p in find_people(text)],
    }


def listing(found):
    lines = [found["file"], f"  Quotes ({len(found['quotes'])}):"]
    for n, quote in enumerate(found["quotes"], start=1):
        speaker = quote["speaker"] or "(no speaker found)"
        lines.append(
            f"    {n}. “{quote['text']}” — {speaker}, cue: {quote['cue'] or '—'}, "
            f"confidence {quote['confidence']:.2f}, characters {quote['start']}–{quote['end']}"
        )
    lines.append(f"  People ({len(found['people'])}):")
    lines += [f"    - {p['name']}" + (f", {p['role']}" if p["role"] else "") for p in found["people"]]
    return "\n".join(lines)
