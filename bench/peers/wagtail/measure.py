"""In-process figures of the peer's pages: `python measure.py PATH…` (peer venv) prints
{path: {"queries": n, "bytes": n, "status": n}} as JSON."""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def measure(paths):
    client = Client(HTTP_HOST="localhost")
    found = {}
    for path in paths:
        client.get(path)  # the site root and renditions are cached by the first request
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        found[path] = {
            "queries": len(queries),
            "bytes": len(response.content),
            "status": response.status_code,
            "ms": (time.perf_counter() - started) * 1000,
        }
    return found


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
