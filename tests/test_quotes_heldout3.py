"""The third held-out quote set, written blind on 2026-12-03, stays frozen and self-consistent;
it is scored, never tuned on."""

from pathlib import Path

from .quote_sets import assert_frozen, gold_quote_count

HELDOUT3 = Path(__file__).parent / "data" / "quotes-heldout3"


def test_heldout3_set_is_frozen():
    """Any edit, addition or removal fails here."""
    assert_frozen(HELDOUT3, at_least=40)


def test_heldout3_gold_points_at_its_story():
    assert 200 <= gold_quote_count(HELDOUT3) <= 260
