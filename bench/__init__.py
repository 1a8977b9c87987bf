"""The archive-size benchmark (`make bench`): seed, serve with gunicorn, load with wrk, report.

Tooling only: run as `python -m bench.<module>`; nothing under `articles/` imports it.
"""

import os
import sys


def django_command(command_class, name):
    """Run a Django management command class that lives here rather than in the app:
    `python -m bench.seed --stories 1000` is what `manage.py seed_bench` used to be."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    command_class().run_from_argv([f"python -m bench.{name}", name, *sys.argv[1:]])
