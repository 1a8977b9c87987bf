"""The evaluation over the hand-made gold set in tests/data/quotes, run in-process."""

import json
from pathlib import Path

import pytest

from articles.quotes.evaluate import evaluate, main, normalise_quote, speaker_correct

from .quote_sets import assert_frozen

GOLD = Path(__file__).parent / "data" / "quotes"
HELDOUT = Path(__file__).parent / "data" / "quotes-heldout"
DEV = Path(__file__).parent / "data" / "quotes-dev"
PROBE = Path(__file__).parent / "data" / "quotes-probe"


def test_gold_set_is_complete():
    stories = sorted(GOLD.glob("*.txt"))
    assert len(stories) >= 40
    for story in stories:
        gold = json.loads(story.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(gold) == {"quotes", "people"}
        text = story.read_text(encoding="utf-8")
        assert 3 <= len([p for p in text.split("\n\n") if p.strip()]) <= 8, story.name


def test_heldout_set_is_frozen():
    """The held-out set is scored, never tuned on: any edit, addition or removal fails here."""
    assert_frozen(HELDOUT, at_least=40)


def test_end_to_end_f1_on_gold_set():
    report = evaluate(GOLD)
    assert report["end_to_end"]["f1"] >= 0.90, report["failures"]
    assert report["quotes"]["f1"] >= 0.90


def test_end_to_end_f1_on_dev_set():
    report = evaluate(DEV)
    assert report["end_to_end"]["f1"] >= 0.90, report["failures"]


def test_end_to_end_f1_on_probe_set():
    """Stories written to probe the heldout2 rules (tests/data/quotes-probe/README.md)."""
    report = evaluate(PROBE)
    assert report["end_to_end"]["f1"] >= 0.95, report["failures"]


def test_cli_min_f1_sets_the_exit_code(capsys):
    assert main([str(GOLD), "--min-f1", "0.90"]) == 0
    assert "end-to-end" in capsys.readouterr().out
    assert main([str(GOLD), "--min-f1", "1.01"]) == 1


def test_cli_json_report(capsys):
    main([str(GOLD), "--json", "--range", "1-5"])
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 5
    assert {"quotes", "speaker_accuracy", "end_to_end", "people"} <= set(report)


def test_normalised_texts_ignore_marks_space_and_first_letter_case():
    assert normalise_quote("“The wheat came up,\n\n“and stopped.”") == normalise_quote(
        "the wheat came up, and stopped"
    )


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Ivan Petrov", "Ivan Petrov", True),
        ("Ivan Petrov", "Petrov", True),  # gold is a tail of the prediction
        ("Sergei Alexandrovich Volkov", "Sergei Volkov", True),  # same first and last words
        ("Petrov", "Ivan Petrov", False),  # the fullest form is expected
        ("Anna Petrova", "Ivan Petrov", False),
        (None, None, True),
        ("Ivan Petrov", None, False),
    ],
)
def test_speaker_correct(predicted, gold, right):
    assert speaker_correct(predicted, gold) is right


def test_speaker_kinds_and_behalf_are_scored_only_where_the_gold_gives_them(tmp_path):
    (tmp_path / "01-a.txt").write_text(
        "Tomas Reyes, a spokesman, spoke.\n\n“We stand by it,” Reyes said.\n\n"
        "The Harbour Bank board met.\n\n“Profits rose,” Harbour Bank said.\n\n“Nothing,” a driver said.",
        encoding="utf-8",
    )
    gold = {
        "quotes": [
            {"text": "We stand by it,", "speaker": "Tomas Reyes", "on_behalf_of": "Carla Duarte"},
            {"text": "Profits rose,", "speaker": "Harbour Bank", "speaker_kind": "organisation"},
            {"text": "Nothing,", "speaker": None},
        ]
    }
    (tmp_path / "01-a.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path)
    assert report["people"] is None  # no people in the gold: not scored, not 1.0
    assert report["on_behalf_of"]["gold"] == 1
    # One kind in the gold, so the accuracy is over that one quote alone.
    assert report["speaker_kind_accuracy"] in (0.0, 1.0)
    assert report["speaker_accuracy"] > 0


STORY_OVER_TWO_PARAGRAPHS = (
    "Mara Olsen, the harbour master, spoke on Monday.\n\n"
    "“The quay will close for repairs in the spring and reopen before the summer season.\n\n"
    "“Nobody will lose a berth because of it, and fees will stay where they are,” Olsen said."
)


@pytest.mark.parametrize(
    "gold_quotes",
    [
        # One entry for the whole quotation, as the older sets mark it.
        [
            "The quay will close for repairs in the spring and reopen before the summer season.\n\n"
            "“Nobody will lose a berth because of it, and fees will stay where they are,"
        ],
        # One entry per paragraph, as tests/data/quotes-heldout2 marks it.
        [
            "The quay will close for repairs in the spring and reopen before the summer season.",
            "Nobody will lose a berth because of it, and fees will stay where they are,",
        ],
    ],
    ids=["whole", "per-paragraph"],
)
def test_a_quote_over_two_paragraphs_scores_alike_in_either_gold_convention(tmp_path, gold_quotes):
    (tmp_path / "01-a.txt").write_text(STORY_OVER_TWO_PARAGRAPHS, encoding="utf-8")
    gold = {"quotes": [{"text": text, "speaker": "Mara Olsen"} for text in gold_quotes]}
    (tmp_path / "01-a.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path)
    assert report["end_to_end"]["f1"] == 1.0
