"""Run wrk against one page and read its report."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("paths.lua")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ensure_wrk():
    """wrk from Debian's packages, installed on first use."""
    if shutil.which("wrk"):
        return
    print("bench: installing wrk (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env)


def _millis(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output):
    """requests/s, p50 and p99 in ms, requests, and errors (non-2xx/3xx plus socket errors)."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _millis(percentiles["50"]),
        "p99_ms": _millis(percentiles["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def run(base_url, paths, *, duration, connections, threads=2, timeout=30):
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        completed = subprocess.run(
            [
                "wrk",
                f"-t{min(threads, connections)}",  # wrk wants a connection per thread at least
                f"-c{connections}",
                f"-d{duration}s",
                f"--timeout={timeout}s",
                "--latency",
                "-s",
                str(SCRIPT),
                base_url,
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "WRK_PATHS": listing.name},
        )
    finally:
        os.unlink(listing.name)
    try:
        return parse(completed.stdout)
    except (AttributeError, KeyError) as error:
        raise RuntimeError(f"cannot read wrk's report:\n{completed.stdout}{completed.stderr}") from error
