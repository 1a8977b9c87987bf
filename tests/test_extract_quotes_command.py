"""`manage.py extract_quotes`: the extractor at the command line, needing no database at all.

These tests have no django_db mark, so any query the command made would fail them.
"""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).parent / "data"
FREIGHT = DATA / "quotes" / "01-freight-terminal.txt"
PILOTS = DATA / "wire" / "pilots-windows.txt"


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("extract_quotes", *map(str, args), stdout=out)
    return out.getvalue()


def test_json_shape_offsets_and_speakers():
    [line] = run(FREIGHT, "--json").splitlines()
    found = json.loads(line)
    assert set(found) == {"file", "quotes", "people"}
    assert found["file"] == str(FREIGHT)
    text = FREIGHT.read_text(encoding="utf-8")
    gold = json.loads(FREIGHT.with_suffix(".json").read_text())
    assert [(q["text"], q["speaker"]) for q in found["quotes"]] == [
        (g["text"], g["speaker"]) for g in gold["quotes"]
    ]
    for quote in found["quotes"]:
        assert set(quote) == {"text", "speaker", "cue", "start", "end", "confidence"}
        assert text[quote["start"] : quote["end"]] == quote["text"]
        # Without quote marks: the marks sit just outside the span.
        assert text[quote["start"] - 1] == '"' and quote["text"][0] != '"'
        assert 0 < quote["confidence"] <= 1
    assert [q["cue"] for q in found["quotes"]] == ["said", "told", "promised"]
    assert found["people"] == [
        {"name": "Viktor Sedykh", "role": "company's chairman"},
        {"name": "Irina Golubeva", "role": "Local councillor"},
    ]


def test_offsets_count_the_files_own_characters_with_windows_line_endings():
    found = json.loads(run(PILOTS, "--json"))
    raw = PILOTS.read_bytes().decode("utf-8")
    assert "\r\n" in raw
    [quote] = found["quotes"]
    assert raw[quote["start"] : quote["end"]] == quote["text"]
    assert quote["text"].startswith("We are not asking for more money.")
    assert quote["speaker"] == "Dana Whitlock"


def test_one_json_line_per_file():
    lines = run(FREIGHT, PILOTS, "--json").splitlines()
    assert [json.loads(line)["file"] for line in lines] == [str(FREIGHT), str(PILOTS)]


def test_readable_listing():
    out = run(FREIGHT)
    assert "Quotes (3):" in out and "People (2):" in out
    assert (
        "1. “The terminal has outlived its purpose, and the city has outgrown it” — Viktor Sedykh, cue: said"
        in out
    )
    assert "- Irina Golubeva, Local councillor" in out


def test_a_missing_file_is_an_error():
    with pytest.raises(CommandError, match="Cannot read"):
        run(DATA / "no-such-file.txt")
