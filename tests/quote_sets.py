"""The frozen quote sets: each folder's MANIFEST.sha256 names every file and its digest."""

import hashlib
import json


def assert_frozen(folder, at_least):
    """Any edit, addition or removal of a file in `folder` fails here."""
    manifest = {}
    for line in (folder / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        manifest[name] = digest
    present = {p.name for p in folder.iterdir()} - {"MANIFEST.sha256"}
    assert present == set(manifest)
    for name, digest in manifest.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert len(list(folder.glob("*.txt"))) >= at_least


KINDS = {"person", "organisation", "group"}


def gold_quote_count(folder):
    """Checks that every gold quote occurs once in its story and every speaker is named in it
    (a gold quote not in its story could never be matched and would cap recall silently);
    returns how many gold quotes the set has."""
    total = 0
    for story in sorted(folder.glob("*.txt")):
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
    return total
