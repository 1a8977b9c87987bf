"""The site's settings plus the benchmark's floor pages (/bench/floor/…, bench/floor.py)."""

from newsroom.settings import *  # noqa: F403  (the same site, one URL module more)

ROOT_URLCONF = "bench.urls"
