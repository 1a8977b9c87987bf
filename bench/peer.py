"""The story page and its neighbours against a Wagtail peer, side by side: `make bench-peer`.

    python -m bench.peer --sizes 1000 20000 --write docs/benchmarks.md

For each archive size N: the project's archive (bench/seed.py, database <db>_N) and the
Wagtail peer's (bench/peers/wagtail, its own venv and requirements, database <peer-db>_N,
the same invented copy from bench/corpus.py) are seeded; both are served by gunicorn with the
same sync worker count and DEBUG off, the project with its page cache off (the peer has none);
wrk loads each page on one server, then the other, alternating which goes first, for
--rounds rounds; medians are reported with each page's queries and HTML bytes (one request
through Django's test client on each side). Story requests rotate over 200 stories, the same
stories on both sides.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench import run as bench_run
from bench import wrk

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT / "bench" / "peers" / "wagtail"
PEER_PYTHON = PEER / ".venv" / "bin" / "python"
RESULTS = ROOT / "bench" / "results"
PAGES = ["list, page 1", "list, page 40", "deepest page", "story", "topic", "search"]
STORY_SAMPLE = 200
SLOW_MS = 1000
MARKERS = ("<!-- bench:peer:start -->", "<!-- bench:peer:end -->")


def ensure_peer_venv():
    """The peer's own venv, from its own pinned requirements: never the project's."""
    if not PEER_PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER / ".venv")], check=True)
    stamp = PEER / ".venv" / ".installed"
    requirements = PEER / "requirements.txt"
    if not stamp.exists() or stamp.stat().st_mtime < requirements.stat().st_mtime:
        subprocess.run(
            [str(PEER_PYTHON), "-m", "pip", "install", "--quiet", "-r", str(requirements)], check=True
        )
        stamp.touch()


def peer_env(args, stories, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peer.settings",
        "DJANGO_DEBUG": "0",
        "PEER_DATABASE_URL": f"{args.peer_database_url}_{stories}",
        "PEER_MEDIA_ROOT": str(args.media_root / "peer"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def seed(args, stories):
    bench_run.ensure_database(bench_run.database_url(args, stories))
    bench_run.manage(args, stories, "migrate", "--noinput", "-v", "0")
    bench_run.seed(args, stories)
    bench_run.ensure_database(f"{args.peer_database_url}_{stories}")
    env = peer_env(args, stories)
    subprocess.run(
        [str(PEER_PYTHON), "manage.py", "migrate", "--noinput", "-v", "0"], cwd=PEER, env=env, check=True
    )
    subprocess.run(
        [str(PEER_PYTHON), "manage.py", "seed_peer", "--stories", str(stories)],
        cwd=PEER,
        env={**env, "PEER_SEARCH_AUTO_UPDATE": "0"},
        check=True,
    )


def paths(stories):
    """{page: (our paths, the peer's paths)}: the same stories, topic and word on both sides."""
    from bench import corpus

    step = max(1, stories // STORY_SAMPLE)
    indexes = [i for i in range(1, stories + 1, step) if i % corpus.DRAFT_EVERY][:STORY_SAMPLE]
    slugs = [corpus.story_copy(i, lambda _: "").slug for i in indexes]
    topic = corpus.TOPIC_NAMES[9].lower()  # the 10th commonest
    word = corpus.VOCABULARY[149]
    live = stories - stories // corpus.DRAFT_EVERY
    return {
        "list, page 1": (["/"], ["/"]),
        "list, page 40": (["/?page=40"], ["/?page=40"]),
        # Ours: a cursor past the archive's second-oldest story; theirs: the last numbered page.
        "deepest page": (None, [f"/?page={math.ceil(live / 20)}"]),
        "story": ([f"/news/{slug}/" for slug in slugs], [f"/{slug}/" for slug in slugs]),
        "topic": ([f"/topics/{topic}/"], [f"/?tag={topic}"]),
        "search": ([f"/search/?q={word}"], [f"/search/?q={word}"]),
    }


def measure_ours(args, stories, pages):
    script = (
        "import json, sys, time, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext, override_settings\n"
        "from articles.models import Article\n"
        "from articles.public.pagination import format_cursor\n"
        "pages = json.loads(sys.argv[1])\n"
        "second_oldest = Article.objects.published().order_by('published_at', 'id')[1]\n"
        "pages['deepest page'] = ['/?before=' + format_cursor(second_oldest)]\n"
        "client, found = Client(HTTP_HOST='localhost'), {}\n"
        "with override_settings(PAGE_CACHE=False):\n"
        "    for page, paths in pages.items():\n"
        "        client.get(paths[0])\n"
        "        started = time.perf_counter()\n"
        "        with CaptureQueriesContext(connection) as queries:\n"
        "            response = client.get(paths[0])\n"
        "        found[page] = {'paths': paths, 'queries': len(queries), 'bytes': len(response.content),\n"
        "                       'status': response.status_code,\n"
        "                       'ms': (time.perf_counter() - started) * 1000}\n"
        "print(json.dumps(found))\n"
    )
    ours = {page: ours for page, (ours, _) in pages.items()}
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(ours)],
        cwd=ROOT, env=bench_run.bench_env(args, stories), check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_peer(args, stories, pages):
    theirs = {page: peer for page, (_, peer) in pages.items()}
    out = subprocess.run(
        [str(PEER_PYTHON), "measure.py", *(paths[0] for paths in theirs.values())],
        cwd=PEER, env=peer_env(args, stories), check=True, capture_output=True, text=True,
    )  # fmt: skip
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    return {page: {"paths": paths, **measured[paths[0]]} for page, paths in theirs.items()}


@contextmanager
def peer_server(args, stories, *, port, workers):
    env = peer_env(args, stories)
    command = [str(PEER_PYTHON), "-m", "gunicorn", "peer.wsgi:application", "--workers", str(workers)]
    command += [
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        str(bench_run.TIMEOUT_S),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=PEER, env=env)
    try:
        bench_run.wait_for(f"http://127.0.0.1:{port}", "/")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=60)


def load(args, stories, ours, theirs, workers):
    """{side: {page: median report}}: the two servers loaded in turn, page by page."""
    runs = {"ours": {}, "peer": {}}
    served = argparse.Namespace(**{**vars(args), "workers": workers})
    with ExitStack() as stack:
        bases = {
            "ours": stack.enter_context(bench_run.server(served, stories, page_cache=False, port=args.port)),
            "peer": stack.enter_context(peer_server(args, stories, port=args.port + 1, workers=workers)),
        }
        measured = {"ours": ours, "peer": theirs}
        for number in range(args.rounds):
            order = ["ours", "peer"] if number % 2 == 0 else ["peer", "ours"]
            for page in PAGES:
                for side in order:
                    paths = measured[side][page]["paths"]
                    if number == 0:
                        bench_run.warm(bases[side], paths, burst=True)
                    # A page slower than a second on either side is loaded through one connection on
                    # both, so that few of its requests outlive the run; and every run waits for both
                    # servers to be idle, so leftovers never weigh on the next page or the other side.
                    slow = max(measured["ours"][page]["ms"], measured["peer"][page]["ms"]) > SLOW_MS
                    connections = 1 if slow else args.connections
                    report = wrk.run(bases[side], paths, duration=args.duration, connections=connections)
                    report["connections"] = connections
                    bench_run.settle(bases.values(), 1)
                    runs[side].setdefault(page, []).append(report)
                    where = f"{stories}, {workers} workers, round {number + 1}, {side:4}"
                    print(f"bench-peer: {where}: {page:14} {report}")
    return {
        side: {page: bench_run.median_of(reports) for page, reports in pages.items()}
        for side, pages in runs.items()
    }


def peer_versions():
    out = subprocess.run(
        [str(PEER_PYTHON), "-c", "import wagtail, django; print(wagtail.__version__, django.get_version())"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    wagtail, django = out.stdout.split()
    return {"wagtail": wagtail, "peer_django": django}


def table(result):
    lines = [
        "| page | Wagtail req/s | p50 ms | p99 ms | queries | HTML bytes | ours req/s | p50 ms | p99 ms "
        "| queries | HTML bytes | ours ÷ Wagtail |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page in PAGES:
        peer, ours = result["load"]["peer"][page], result["load"]["ours"][page]
        ratio = ours["rps"] / peer["rps"] if peer["rps"] else float("inf")
        mark = "¹" if ours.get("rounds", [{}])[0].get("connections", 0) == 1 else ""
        lines.append(
            f"| {page}{mark} | {peer['rps']:,.0f} | {peer['p50_ms']:.1f} | {peer['p99_ms']:.0f} "
            f"| {result['peer'][page]['queries']} | {result['peer'][page]['bytes']:,} "
            f"| {ours['rps']:,.0f} | {ours['p50_ms']:.1f} | {ours['p99_ms']:.0f} "
            f"| {result['ours'][page]['queries']} | {result['ours'][page]['bytes']:,} | **{ratio:.2f}** |"
        )
    return "\n".join(lines)


def write(path, results):
    first = results[0]
    about = first["machine"]
    text = [
        MARKERS[0],
        "## The story page against a Wagtail peer",
        "",
        "Produced by `make bench-peer`, which runs:",
        "",
        f"    {first['command']}",
        "",
        f"Machine: {about['nproc']} cores ({about['cpu']}), {about['ram_gib']} GiB RAM, {about['os']}; "
        f"Python {about['python']}; ours Django {about['django']}, gunicorn {about['gunicorn']}; "
        f"the peer Wagtail {about['wagtail']} on Django {about['peer_django']} (bench/peers/wagtail, "
        "its own venv and requirements). The same PostgreSQL serves both; other sessions' test "
        "suites shared the two cores during the run (load averages below), so read the ratios, "
        "measured side by side, rather than the absolute rates.",
        "",
        "Method: both seeded with the same invented archive (bench/corpus.py); gunicorn, sync "
        "workers, DEBUG off, our page cache off (the peer has none); "
        f"`wrk -t2 -c{first['connections']} -d{first['duration_s']}s` on each page, the two servers "
        f"in turn, the first alternating, {first['rounds']} rounds, medians. Story requests rotate "
        "over the same 200 stories on both sides. *Deepest page*: the peer's last numbered page "
        "(OFFSET pagination, as Django's Paginator does it); ours, a cursor page past the "
        "second-oldest story. *Queries* and *HTML bytes*: one request through each side's test "
        "client, after a first one. A page slower than a second in-process on either side is loaded "
        "through one connection on both (marked ¹); after every run both servers are left to go idle.",
        "",
    ]
    for result in results:
        text += [
            f"### {result['stories']:,} stories, {result['workers']} workers",
            "",
            table(result),
            "",
            f"Load average before: {', '.join(f'{x:.2f}' for x in result['load_average_before'])}; "
            f"after: {', '.join(f'{x:.2f}' for x in result['load_average_after'])}.",
            "",
        ]
    text.append(MARKERS[1])
    document = path.read_text()
    start, end = document.find(MARKERS[0]), document.find(MARKERS[1])
    section = "\n".join(text)
    if start != -1 and end != -1:
        document = document[:start] + section + document[end + len(MARKERS[1]) :]
    else:
        document = document.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(document)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[2], help="sync workers, each side")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", bench_run.DEFAULT_DATABASE)
    )
    parser.add_argument(
        "--peer-database-url",
        default=os.environ.get(
            "BENCH_PEER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_peer_wagtail"
        ),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", bench_run.DEFAULT_REDIS))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--port", type=int, default=8865)
    parser.add_argument("--media-root", type=Path, default=Path("/var/tmp/newsroom-bench/media"))
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    args.command = "python -m bench.peer " + shlex.join(argv if argv is not None else sys.argv[1:])
    args.cache_prefix = f"bench-peer-{os.getpid()}"
    args.media_root.mkdir(parents=True, exist_ok=True)
    # gunicorn.conf.py recycles a worker every ~10,000 requests, the peer's gunicorn never: at
    # 500 req/s both our workers restarted inside some 10 s runs, a cost the peer did not pay.
    os.environ.setdefault("GUNICORN_MAX_REQUESTS", "0")
    wrk.ensure_wrk()
    ensure_peer_venv()
    bench_run.manage(args, min(args.sizes), "collectstatic", "--noinput", "-v", "0")
    about = {**bench_run.machine(), **peer_versions()}
    results = []
    for stories in sorted(args.sizes):
        seed(args, stories)
        pages = paths(stories)
        ours = measure_ours(args, stories, pages)
        theirs = measure_peer(args, stories, pages)
        for workers in args.workers:
            before = os.getloadavg()
            loaded = load(args, stories, ours, theirs, workers)
            result = {
                "machine": about, "command": args.command, "stories": stories, "workers": workers,
                "connections": args.connections, "duration_s": args.duration, "rounds": args.rounds,
                "load_average_before": before, "load_average_after": os.getloadavg(),
                "ours": ours, "peer": theirs, "load": loaded,
            }  # fmt: skip
            results.append(result)
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / f"peer-wagtail-{stories}-w{workers}.json").write_text(
                json.dumps(result, indent=1) + "\n"
            )
            print(table(result))
    bench_run.forget_cache(args)
    if args.write:
        write(args.write, results)
        print(f"bench-peer: wrote {args.write}")


if __name__ == "__main__":
    main()
