"""The archive-size benchmark: seed → serve → load → report.

    python -m bench.run --sizes 1000 100000 1000000 --write docs/benchmarks.md

For each archive size N, on a PostgreSQL database of its own (newsroom_bench_N,
created and migrated if missing; `test` is never touched):

1. `python -m bench.seed --stories N` grows the archive to N stories;
2. bench/measure.py requests every page with Django's test client to count its
   queries and EXPLAIN ANALYZE each of them (indexes used, SQL time);
3. gunicorn (gunicorn.conf.py, DEBUG off, Redis as the shared cache) serves
   each archive, page cache off, then on, and wrk loads each page from a second
   process. The sizes are measured side by side, page by page, in rounds of
   alternating order, so that whatever else the machine is doing weighs on all
   sizes alike; the medians of the rounds are reported. The uncached servers
   also serve the no-query "floor" pages (bench/floor.py);
4. results go to bench/results/postgresql-N.json, and with --write the section
   of docs/benchmarks.md between its markers is rebuilt from this run's results.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TIMEOUT_S = 30  # gunicorn's timeout (gunicorn.conf.py) and wrk's
SLOW_S = 1.0  # pages slower than this (rendered once, in-process) are loaded gently, and last
# The no-query pages of bench/floor.py, served by the uncached server.
FLOOR = {"floor: story": ["/bench/floor/story/"], "floor: list": ["/bench/floor/list/"]}
# One database per archive size: newsroom_bench_1000, newsroom_bench_100000, …
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def database_url(args, stories):
    return f"{args.database_url}_{stories}"


def bench_env(args, stories, **extra):
    """The environment of every process the benchmark starts: production settings, local services."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_HTTPS": "0",
        "DJANGO_STATIC_MANIFEST": "1",
        "DJANGO_MEDIA_ROOT": str(args.media_root),
        "NEWSROOM_PHOTO_ROOT": str(args.media_root),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url(args, stories),
        "REDIS_URL": args.redis_url,
        "NEWSROOM_CACHE_KEY_PREFIX": args.cache_prefix,
        **extra,
    }


def manage(args, stories, *argv):
    subprocess.run([sys.executable, "manage.py", *argv], cwd=ROOT, env=bench_env(args, stories), check=True)


def ensure_database(url):
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            print(f"bench: creating database {name}")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "?"
    )
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kb = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal")))
    import django
    import gunicorn

    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(memory_kb / 1024**2, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
    }


@contextmanager
def server(args, stories, *, page_cache, port):
    """gunicorn with the repository's gunicorn.conf.py, until the block ends."""
    env = bench_env(
        args,
        stories,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG=str(args.media_root.parent / "access.log"),
        NEWSROOM_PAGE_CACHE="1" if page_cache else "0",
        **({"WEB_CONCURRENCY": str(args.workers)} if args.workers else {}),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, "/healthz")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def wait_for(base, path):
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {path} within a minute")


def seed(args, stories):
    """bench/seed.py, set up as a management command (its models need Django set up first)."""
    script = (
        "import sys, django; django.setup()\n"
        "from bench.seed import Command\n"
        "Command().run_from_argv(['python -m bench.seed', 'seed', *sys.argv[1:]])"
    )
    subprocess.run(
        [sys.executable, "-c", script, "--stories", str(stories)],
        cwd=ROOT,
        env=bench_env(args, stories),
        check=True,
    )


def warm(base, paths, *, burst=True):
    """Every path once (the page cache then holds them all), and a short burst so every
    worker has imported and connected before the measured run."""
    from bench import wrk
    from bench.live import split_line

    for line in paths:
        path, headers = split_line(line)
        try:
            request = urllib.request.Request(base + path, headers=headers)
            with urllib.request.urlopen(request, timeout=TIMEOUT_S + 5) as response:
                response.read()
        except OSError as error:  # a page too slow to answer shows up in the run itself
            print(f"bench:   warming {path}: {error}")
    if burst:
        wrk.run(base, paths, duration=2, connections=8)


def settle(bases, seconds):
    """Let requests left over from a slow page finish (gunicorn kills them after TIMEOUT_S):
    they would take the next run's workers and cores. Waits `seconds`, then until every
    server answers /healthz at once, three times in a row."""
    time.sleep(seconds)
    for base in bases:
        quick = 0
        deadline = time.monotonic() + 2 * TIMEOUT_S
        while quick < 3 and time.monotonic() < deadline:
            started = time.monotonic()
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{base}/healthz", timeout=TIMEOUT_S):
                pass
            quick = quick + 1 if time.monotonic() - started < 0.05 else 0
            time.sleep(0.2)


def prepare(stories, args):
    """Seed the archive and measure its queries: everything but the load."""
    ensure_database(database_url(args, stories))
    manage(args, stories, "migrate", "--noinput", "-v", "0")
    started = time.monotonic()
    seed(args, stories)
    seeded = time.monotonic() - started
    print(f"bench: {stories} stories; counting queries and explaining them")
    measured = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.measure", str(stories)],
            cwd=ROOT,
            env=bench_env(args, stories),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    return {
        "stories": stories,
        "date": datetime.date.today().isoformat(),
        "command": args.command,
        "seed_seconds": round(seeded),
        "workers": args.workers or 2 * os.cpu_count() + 1,
        "connections": args.connections,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "load_average_before": os.getloadavg(),
        **measured,
    }


def load_side_by_side(results, args, *, page_cache):
    """{size: {page: [one wrk report per round]}}, the sizes loaded in turn for each page."""
    from bench import wrk

    mode = "on" if page_cache else "off"
    runs = {result["stories"]: {} for result in results}
    with ExitStack() as servers:
        bases = {
            result["stories"]: servers.enter_context(
                server(args, result["stories"], page_cache=page_cache, port=args.port + number)
            )
            for number, result in enumerate(results)
        }
        for round_number in range(args.rounds):
            order = results if round_number % 2 == 0 else results[::-1]
            for page in results[0]["paths"]:
                for result in order:
                    size, paths = result["stories"], result["paths"][page]
                    # Seconds per request when rendered (the floor pages are not slow).
                    seconds = result["pages"].get(page, {}).get("median_ms", 0) / 1000
                    # With the page cache on, only a page that cannot render within gunicorn's
                    # timeout (and so is never stored) stays slow.
                    slow = seconds > SLOW_S and (not page_cache or seconds > TIMEOUT_S)
                    if round_number == 0:
                        warm(bases[size], paths, burst=not slow)
                    # A slow page gets one connection, so that few of its requests are left over.
                    connections = 1 if slow else args.connections
                    report = wrk.run(bases[size], paths, duration=args.duration, connections=connections)
                    report["connections"] = connections
                    runs[size].setdefault(page, []).append(report)
                    print(f"bench: cache {mode}, round {round_number + 1}, {size:>9}: {page:26} {report}")
                    if slow:
                        settle(bases.values(), min(TIMEOUT_S, seconds))
    return runs


def load_order(largest):
    """Pages light first, then the slow ones (at the largest size) slowest last, so that
    requests left over from a slow page disturb as little as possible."""

    def seconds(page):
        return largest["pages"].get(page, {}).get("median_ms", 0) / 1000

    return sorted(largest["paths"], key=lambda page: seconds(page) if seconds(page) > SLOW_S else 0)


def median_of(reports):
    return {
        "rps": statistics.median(r["rps"] for r in reports),
        "p50_ms": statistics.median(r["p50_ms"] for r in reports),
        "p99_ms": statistics.median(r["p99_ms"] for r in reports),
        "requests": sum(r["requests"] for r in reports),
        "errors": sum(r["errors"] for r in reports),
        "rounds": reports,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000, 1_000_000])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's 2 × cores + 1)"
    )
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page and round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per page and size (median reported)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--media-root", type=Path, default=Path("/var/tmp/newsroom-bench/media"))
    parser.add_argument("--write", type=Path, help="rebuild this Markdown file's benchmark section")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        parser.error("the benchmark runs on PostgreSQL")
    args.command = "python -m bench.run " + shlex.join(argv if argv is not None else sys.argv[1:])
    args.cache_prefix = f"bench-{os.getpid()}"
    args.media_root.mkdir(parents=True, exist_ok=True)

    from bench import wrk

    wrk.ensure_wrk()
    manage(args, min(args.sizes), "collectstatic", "--noinput", "-v", "0")
    about = machine()
    results = [prepare(stories, args) for stories in sorted(args.sizes)]
    for result in results:
        result["paths"].update(FLOOR)
    order = load_order(results[-1])
    for result in results:
        result["paths"] = {page: result["paths"][page] for page in order}
    uncached = load_side_by_side(results, args, page_cache=False)
    for result in results:
        for page in FLOOR:
            del result["paths"][page]
    cached = load_side_by_side(results, args, page_cache=True)
    RESULTS.mkdir(exist_ok=True)
    for result in results:
        size = result["stories"]
        result["uncached"] = {page: median_of(reports) for page, reports in uncached[size].items()}
        result["cached"] = {page: median_of(reports) for page, reports in cached[size].items()}
        path = RESULTS / f"postgresql-{size}.json"
        path.write_text(json.dumps({"machine": about, **result}, indent=1) + "\n")
    forget_cache(args)
    if args.write:
        from bench import report

        # This run's sizes only: a result file left by an earlier run (of older code, perhaps)
        # would be compared with these figures as if measured alongside them.
        report.write(args.write, [RESULTS / f"postgresql-{size}.json" for size in sorted(args.sizes)])
        print(f"bench: wrote {args.write}")


def forget_cache(args):
    import redis

    client = redis.Redis.from_url(args.redis_url)
    for key in client.scan_iter(f"{args.cache_prefix}:*"):
        client.delete(key)


if __name__ == "__main__":
    main()
