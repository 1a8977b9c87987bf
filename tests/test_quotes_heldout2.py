"""The second held-out quote set stays frozen and self-consistent. Branch `quotes` read its
failures and tuned on it (docs/quotes.md), so it now also has a floor, like the development set."""

from pathlib import Path

from articles.quotes.evaluate import evaluate

from .quote_sets import assert_frozen, gold_quote_count

HELDOUT2 = Path(__file__).parent / "data" / "quotes-heldout2"


def test_heldout2_set_is_frozen():
    """Any edit, addition or removal fails here."""
    assert_frozen(HELDOUT2, at_least=40)


def test_heldout2_gold_points_at_its_story():
    assert 150 <= gold_quote_count(HELDOUT2) <= 200


def test_end_to_end_f1_on_heldout2_now_that_it_is_tuned_on():
    report = evaluate(HELDOUT2)
    assert report["end_to_end"]["f1"] >= 0.95, report["failures"]
