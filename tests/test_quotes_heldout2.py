"""The second held-out quote set stays frozen and self-consistent. Branch `quotes` read its
failures and tuned on it (docs/quotes.md), so it now also has a floor, like the development set."""

import json
from pathlib import Path

from articles.quotes.evaluate import evaluate

from .quote_sets import assert_frozen

HELDOUT2 = Path(__file__).parent / "data" / "quotes-heldout2"
KINDS = {"person", "organisation", "group"}


def test_heldout2_set_is_frozen():
    """Any edit, addition or removal fails here."""
    assert_frozen(HELDOUT2, at_least=40)


def test_heldout2_gold_points_at_its_story():
    """A gold quote that is not in its story could never be matched and would cap recall silently."""
    total = 0
    for story in sorted(HELDOUT2.glob("*.txt")):
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
    assert 150 <= total <= 200


def test_end_to_end_f1_on_heldout2_now_that_it_is_tuned_on():
    report = evaluate(HELDOUT2)
    assert report["end_to_end"]["f1"] >= 0.95, report["failures"]
