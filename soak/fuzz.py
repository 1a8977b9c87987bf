"""`make fuzz`: thousands of generated requests at every public URL of the site in production
mode (gunicorn, PostgreSQL, DEBUG off), then schemathesis at the OpenAPI document; any 5xx fails.

    python -m soak.fuzz [--requests 10000] [--schemathesis-examples 50] [--max-seconds 900] ...

A throwaway database on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth)
is created, migrated, seeded with stories in every state, and dropped at the end. Traffic
goes to 127.0.0.1 only; the run is bounded by --requests and --max-seconds. Routes and
values come from soak/fuzzing.py, the same strategies tests/test_fuzz_urls.py uses.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .cluster import free_port
from .fuzz_report import count, markdown, update_docs
from .run import gunicorn_command, site_env, wait_for

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000, help="generated requests over all routes")
    parser.add_argument("--schemathesis-examples", type=int, default=50, help="per API operation")
    parser.add_argument("--max-seconds", type=float, default=900, help="bound on the whole run")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20, help="hypothesis and schemathesis seed")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "fuzz")
    parser.add_argument("--write", type=Path, default=ROOT / "docs" / "reliability.md")
    return parser.parse_args()


def admin_sql(statement):
    import psycopg2

    connection = psycopg2.connect(f"{SERVER}/postgres")
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchone() if cursor.description else None
    finally:
        connection.close()


def prepare(n_stories):
    """Migrate and seed in this process (Django configured from os.environ); the values to fuzz with."""
    import django
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)
    from . import fuzz_seed, fuzzing

    pools = fuzz_seed.seed(n_stories)
    routes = fuzzing.public_routes()
    connections.close_all()  # so the database can be dropped at the end
    return pools, routes


def _examples(strategy, n, seed):
    """`n` values drawn by hypothesis (fewer when the strategy has fewer distinct ones)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    found = []

    @fixed_seed(seed)
    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(value=strategy)
    def collect(value):
        found.append(value)

    collect()
    return found


def generate(routes, openapi, pools, total, seed):
    """At least `total` URLs spread over the routes; constant ones (no parameters) get a handful."""
    from . import fuzzing

    shaped = [(route, fuzzing.query_params(route, openapi)) for route in routes]
    constant = [str(route) for route, params in shaped if not (route.params or params)]
    urls = [(path, path) for path in constant] * 3
    variable = [(r, fuzzing.urls(r, params, pools)) for r, params in shaped if r.params or params]
    # Hypothesis stops early on a route with few distinct values; later rounds, with new seeds, top up.
    for round_ in range(10):
        missing = total - len(urls)
        if missing <= 0 or not variable:
            break
        share = -(-missing // len(variable))
        for index, (route, strategy) in enumerate(variable):
            urls += [(str(route), url) for url in _examples(strategy, share, seed + 1000 * round_ + index)]
    return urls


def fetch(port, path, deadline):
    if time.monotonic() > deadline:
        return None
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__
    finally:
        connection.close()


def run_schemathesis(port, examples, seed, tmp, seconds):
    """schemathesis over every API operation; (HAR entries as (url, status), its exit code)."""
    har = tmp / "schemathesis.har"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        f"http://127.0.0.1:{port}/api/openapi.json",
        "--checks=not_a_server_error",
        f"--max-examples={examples}",
        f"--seed={seed}",
        "--phases=examples,coverage,fuzzing",
        "--generation-database=none",
        "--workers=4",
        "--request-timeout=30",
        "--no-color",
        "--report=har",
        f"--report-har-path={har}",
    ]
    try:
        done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, timeout=max(seconds, 30))
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as stopped:
        code, output = "timed out", str(stopped.stdout or "")
    (tmp / "schemathesis.out").write_text(output)
    entries = json.loads(har.read_text())["log"]["entries"] if har.exists() else []
    return [(e["request"]["url"], e["response"]["status"]) for e in entries], code, output


def main():
    args = arguments()
    started = time.monotonic()
    deadline = started + args.max_seconds
    tmp = Path(tempfile.mkdtemp(prefix="newsroom-fuzz-"))
    database = f"newsroom_fuzz_{os.getpid()}_{secrets.token_hex(3)}"
    server = None
    try:
        admin_sql(f'CREATE DATABASE "{database}"')
        postgresql = admin_sql("SHOW server_version")[0]
        env = site_env(f"{SERVER}/{database}", tmp)
        env["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"
        os.environ.update(env)
        pools, routes = prepare(args.stories)
        print(f"fuzz: {database} seeded ({pools['states']}); {len(routes)} public routes", flush=True)

        port = free_port()
        log = open(tmp / "gunicorn.out", "w")  # noqa: SIM115 - open for the server's lifetime
        command = gunicorn_command(port, args.workers, tmp / "gunicorn.log")
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        if not wait_for(f"http://127.0.0.1:{port}/healthz", 30):
            raise SystemExit("fuzz: gunicorn did not answer /healthz within 30 s")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/openapi.json", timeout=10) as response:
            openapi = json.load(response)

        urls = generate(routes, openapi, pools, args.requests, args.seed)
        print(f"fuzz: {len(urls)} URLs generated; sending with {args.threads} threads", flush=True)
        with ThreadPoolExecutor(args.threads) as pool:
            statuses = list(pool.map(lambda pair: fetch(port, pair[1], deadline), urls))
        sent = [(route, url, status) for (route, url), status in zip(urls, statuses, strict=True) if status]
        print(f"fuzz: {len(sent)} sent in {time.monotonic() - started:.0f} s; schemathesis next", flush=True)

        har, st_code, st_output = run_schemathesis(
            port, args.schemathesis_examples, args.seed, tmp, deadline - time.monotonic()
        )
        results = {
            "setup": {
                "command": "make fuzz" + (f" FUZZ_ARGS='{' '.join(sys.argv[1:])}'" if sys.argv[1:] else ""),
                "postgresql": postgresql,
                "gunicorn": " ".join(command[1:]).replace(str(tmp), "TMP").replace(str(ROOT) + "/", ""),
                "routes": [str(route) for route in routes],
                "states": pools["states"],
                "seconds": round(time.monotonic() - started),
                "bounded_by_time": len(sent) < len(urls),
                **{k: v for k, v in vars(args).items() if k not in {"out", "write"}},
            },
            "generated": count((url, status) for _, url, status in sent),
            "schemathesis": {**count(har), "exit_code": st_code, "summary": st_output.strip()[-1500:]},
            "by_route": {},
        }
        for route, _, status in sent:
            if isinstance(status, int) and status >= 500:
                results["by_route"][route] = results["by_route"].get(route, 0) + 1
        results["internal_errors_logged"] = (
            (tmp / "gunicorn.out").read_text(errors="replace").count("Internal Server Error")
        )
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
        report = markdown(results)
        (args.out / "report.md").write_text(report)
        if args.write:
            update_docs(args.write, report)
        print(report)
        for url in results["generated"]["server_errors"] + results["schemathesis"]["server_errors"]:
            print(f"5xx {url}")
        failures = results["generated"]["classes"].get("5xx", 0) + results["schemathesis"]["classes"].get(
            "5xx", 0
        )
        return 1 if failures else 0
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
