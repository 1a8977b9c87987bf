"""The third held-out quote set, written blind on 2026-12-03, stays frozen and self-consistent;
it is scored, never tuned on."""

import json
from pathlib import Path

from .quote_sets import assert_frozen

HELDOUT3 = Path(__file__).parent / "data" / "quotes-heldout3"
KINDS = {"person", "organisation", "group"}


def test_heldout3_set_is_frozen():
    """Any edit, addition or removal fails here."""
    assert_frozen(HELDOUT3, at_least=40)


def test_heldout3_gold_points_at_its_story():
    """A gold quote that is not in its story could never be matched and would cap recall silently."""
    total = 0
    for story in sorted(HELDOUT3.glob("*.txt")):
        text = story.read_text(encoding="utf-8")
        gold = json.loads(story.with_suffix(".json").read_text(encoding="utf-8"))
        for quote in gold["quotes"]:
            total += 1
            assert text.count(quote["text"]) == 1, (story.name, quote["text"])
            if quote["speaker"] is None:
                assert "speaker_kind" not in quote, story.name
                continue
            assert quote["speaker"] in text, (story.name, quote["speaker"])
            assert quote["speaker_kind"] in KINDS, (story.name, quote)
            if "on_behalf_of" in quote:
                assert quote["on_behalf_of"] in text, (story.name, quote)
    assert 200 <= total <= 260
