"""The second held-out quote set stays frozen and self-consistent; it is scored, never tuned on."""

import hashlib
import json
from pathlib import Path

HELDOUT2 = Path(__file__).parent / "data" / "quotes-heldout2"
KINDS = {"person", "organisation", "group"}


def test_heldout2_set_is_frozen():
    """Any edit, addition or removal fails here."""
    manifest = {}
    for line in (HELDOUT2 / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        manifest[name] = digest
    present = {p.name for p in HELDOUT2.iterdir()} - {"MANIFEST.sha256"}
    assert present == set(manifest)
    for name, digest in manifest.items():
        assert hashlib.sha256((HELDOUT2 / name).read_bytes()).hexdigest() == digest, name
    assert len(list(HELDOUT2.glob("*.txt"))) >= 40


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
