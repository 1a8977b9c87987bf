#!/usr/bin/env python
"""The Wagtail peer of `make bench-peer`: run with its own venv (bench/peers/wagtail/.venv)."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # bench/corpus.py (the archive's invented text) is shared with the project's seed.
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
