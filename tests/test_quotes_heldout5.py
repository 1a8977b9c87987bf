"""The fifth held-out quote set, written blind to the extractor on 2026-12-04 and frozen before
anything was scored on it. Its first score is the next blind estimate; until a branch thaws it,
never tune on its failures, and any edit to its files fails here."""

from pathlib import Path

from .quote_sets import assert_frozen, gold_quote_count

HELDOUT5 = Path(__file__).parent / "data" / "quotes-heldout5"


def test_heldout5_is_frozen():
    assert_frozen(HELDOUT5, at_least=46)


def test_heldout5_gold_points_at_its_story():
    assert 270 <= gold_quote_count(HELDOUT5) <= 300
