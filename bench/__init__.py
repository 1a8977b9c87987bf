"""The archive-size benchmark (`make bench`): seed, serve with gunicorn, load with wrk, report.

Tooling only: run as `python -m bench.<module>`; nothing under `articles/` imports it.
"""

import os
import re
import sys


def django_command(command_class, name):
    """Run a Django management command class that lives here rather than in the app:
    `python -m bench.seed --stories 1000` is what `manage.py seed_bench` used to be."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    command_class().run_from_argv([f"python -m bench.{name}", name, *sys.argv[1:]])


def replace_section(path, section, heading="## Photos"):
    """Put `section` in place of the file's `heading` section (up to the next "## "), or append it:
    a tool's section of a Markdown file is rewritten whole by each run, the rest left as it is."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n")
