"""The fourth held-out quote set, written blind on 2026-12-04, stays frozen and self-consistent;
it is scored, never tuned on."""

from pathlib import Path

from .quote_sets import assert_frozen, gold_quote_count

HELDOUT4 = Path(__file__).parent / "data" / "quotes-heldout4"


def test_heldout4_set_is_frozen():
    """Any edit, addition or removal fails here."""
    assert_frozen(HELDOUT4, at_least=45)


def test_heldout4_gold_points_at_its_story():
    assert 260 <= gold_quote_count(HELDOUT4) <= 310
