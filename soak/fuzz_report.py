"""Counting `make fuzz`'s responses and writing its section of docs/reliability.md."""

import datetime
import os
import platform
import re
import urllib.parse
from collections import Counter

from .run import _memory

HEADING = "## Fuzz"
SHOWN_IN_DOCS = 40  # the full list is in test-artifacts/fuzz/results.json and on the terminal


def _path(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def count(pairs):
    """(url, status) pairs as counts by class and code, and every URL that answered 5xx."""
    classes, codes, errors = Counter(), Counter(), []
    for url, status in pairs:
        if isinstance(status, int):
            classes[f"{status // 100}xx"] += 1
            codes[status] += 1
            if status >= 500:
                errors.append(f"{status} {_path(url)}")
        else:  # a connection error, by its exception's name
            classes["no answer"] += 1
            codes[status] += 1
    return {
        "total": sum(classes.values()),
        "classes": dict(sorted(classes.items())),
        "codes": {str(k): v for k, v in sorted(codes.items(), key=str)},
        "server_errors": sorted(set(errors)),
    }


def _row(name, counted):
    classes = counted["classes"]
    cells = [classes.get(c, 0) for c in ("2xx", "3xx", "4xx", "5xx", "no answer")]
    return f"| {name} | {counted['total']:,} | " + " | ".join(f"{n:,}" for n in cells) + " |"


def markdown(results):
    setup, generated, schemathesis = results["setup"], results["generated"], results["schemathesis"]
    errors = generated["server_errors"] + schemathesis["server_errors"]
    today = datetime.date.today().isoformat()
    lines = [
        HEADING,
        "",
        "`make fuzz` (soak/fuzz.py) creates a throwaway database on the local PostgreSQL, migrates it,",
        "seeds published stories and stories in every other state, serves it with gunicorn in",
        "production mode (DEBUG off, ALLOWED_HOSTS=127.0.0.1), and sends requests generated with",
        "hypothesis to every public URL pattern Django's resolver knows (soak/fuzzing.py, the same",
        "strategies as tests/test_fuzz_urls.py): real and odd path values, and every query parameter",
        "the page or the OpenAPI document names. Then schemathesis runs over the OpenAPI document.",
        'Any 5xx fails the run. Options: `make fuzz FUZZ_ARGS="--requests 20000 --max-seconds 1200"`.',
        "",
        f"### Run of {today}",
        "",
        f"- machine: {os.cpu_count()} cores, {_memory()}, {platform.platform()}, "
        f"Python {platform.python_version()}, PostgreSQL {setup['postgresql']}",
        f"- command: `{setup['command']}` (seed {setup['seed']}, {setup['threads']} threads)",
        "- stories by status: "
        + ", ".join(f"{status} {n}" for status, n in sorted(setup["states"].items()))
        + " (scheduled ones count as published, with a future time)",
        f"- gunicorn: `{setup['gunicorn']}`",
        f"- {len(setup['routes'])} public routes; {setup['seconds']} s in all"
        + (
            "; **stopped by --max-seconds before every generated request was sent**"
            if setup["bounded_by_time"]
            else ""
        ),
        f"- schemathesis exit code: {schemathesis['exit_code']}; "
        f"`Internal Server Error` lines in the workers' log: {results['internal_errors_logged']}",
        "",
        "| requests | total | 2xx | 3xx | 4xx | 5xx | no answer |",
        "|---|---|---|---|---|---|---|",
        _row("generated (hypothesis)", generated),
        _row("schemathesis", schemathesis),
        "",
    ]
    if not errors:
        lines += ["No response was a 5xx.", ""]
        return "\n".join(lines)
    lines += ["5xx by route (generated requests):", ""]
    lines += [f"- `{route}`: {n}" for route, n in sorted(results["by_route"].items())] or ["- none"]
    lines += ["", f"Every distinct URL that answered 5xx ({len(errors)}):", ""]
    lines += [f"- `{error}`" for error in errors[:SHOWN_IN_DOCS]]
    if len(errors) > SHOWN_IN_DOCS:
        lines.append(f"- … and {len(errors) - SHOWN_IN_DOCS} more in `test-artifacts/fuzz/results.json`")
    return "\n".join([*lines, ""])


def update_docs(path, section):
    """Replace the Fuzz section of `path` (up to the next `## ` heading), or append it."""
    text = path.read_text() if path.exists() else ""
    pattern = re.compile(rf"^{re.escape(HEADING)}\b.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip() + "\n\n", text, count=1)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n")
