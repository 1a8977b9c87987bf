"""The frozen quote sets: each folder's MANIFEST.sha256 names every file and its digest."""

import hashlib


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
