"""`make soak`: serve the site under gunicorn against a throwaway PostgreSQL, drive readers and
editors at it, restart PostgreSQL midway, and check that the site recovered and lost no save.

    python -m soak.run [--duration 75] [--outage-at 30] [--outage-seconds 5] [--readers 4] ...

Only loopback addresses are used, every loop is bounded by --duration, and everything
started here (gunicorn, the PostgreSQL cluster, its directory) is stopped and removed at
the end. Results: a Markdown report and the raw figures as JSON (--out).
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import load
from .cluster import Cluster, free_port
from .report import analyse, markdown

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=75, help="seconds of load in all")
    parser.add_argument("--outage-at", type=float, default=30, help="seconds into the load PostgreSQL stops")
    parser.add_argument("--outage-seconds", type=float, default=5, help="how long it stays down")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: gunicorn.conf.py's, else 3)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "soak")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return parser.parse_args()


def site_env(database_url, tmp):
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "REDIS_URL", "DATABASE_REPLICA_URL"}}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_MANIFEST="0",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        NEWSROOM_PHOTO_ROOT=str(tmp / "photos"),
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        # gunicorn.conf.py: no access log (hundreds of lines a second), and no recycling of workers
        # after N requests, so a changed worker id can only mean a worker died or timed out.
        GUNICORN_ACCESS_LOG="",
        GUNICORN_MAX_REQUESTS="0",
        PYTHONUNBUFFERED="1",
    )
    return env


def gunicorn_command(port, workers, log):
    command = [str(Path(PYTHON).parent / "gunicorn"), "newsroom.wsgi:application"]
    if (ROOT / "gunicorn.conf.py").exists():
        command += ["--config", str(ROOT / "gunicorn.conf.py")]  # the project's own settings
    elif workers is None:
        workers = 3
    # Given after the config, these win: our port, our log, and a worker count if one was asked for.
    command += ["--bind", f"127.0.0.1:{port}", "--error-logfile", str(log)]
    return command if workers is None else [*command, "--workers", str(workers)]


def workers_of(pid):
    """The live child processes of gunicorn's master."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            children.add(int(stat.parent.name))
    return children


def settled_workers(pid, seconds=15):
    """gunicorn's workers once all have booted: the same set seen twice, a second apart."""
    seen, deadline = workers_of(pid), time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(1)
        now = workers_of(pid)
        if now == seen:
            break
        seen = now
    return seen


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


def acknowledged_in_database(database_url):
    import psycopg2

    with psycopg2.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT text FROM articles_note WHERE text LIKE 'soak-e%%'")
        notes = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT id, standfirst FROM articles_article WHERE standfirst LIKE '%%[soak-e%%'")
        standfirsts = dict(cursor.fetchall())
    return notes, standfirsts


def _memory():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    return "memory unknown"


def main():
    args = arguments()
    tmp = Path(tempfile.mkdtemp(prefix="newsroom-soak-"))
    cluster, server, port = Cluster(tmp), None, free_port()
    try:
        print(
            f"soak: PostgreSQL {cluster.bin.parent.name} in {cluster.dir} on port {cluster.port}", flush=True
        )
        cluster.create()
        env = site_env(cluster.url, tmp)
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        seeded = subprocess.run(
            [PYTHON, "-m", "soak.seed", str(args.stories), str(args.editors)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if seeded.returncode:
            raise SystemExit(f"soak: seeding failed:\n{seeded.stderr}")
        seed = json.loads(seeded.stdout)
        gunicorn_log = tmp / "gunicorn.log"
        # The workers' own logging (a warning per 503 during the outage) goes to a file, not the terminal.
        gunicorn_out = open(tmp / "gunicorn.out", "w")  # noqa: SIM115 - open for the server's lifetime
        server = subprocess.Popen(
            gunicorn_command(port, args.workers, gunicorn_log),
            cwd=ROOT,
            env=env,
            stdout=gunicorn_out,
            stderr=subprocess.STDOUT,
        )
        if not wait_for(f"http://127.0.0.1:{port}/healthz", 30):
            raise SystemExit("soak: gunicorn did not answer /healthz within 30 s")
        workers_before = settled_workers(server.pid)
        print(f"soak: gunicorn {server.pid} with workers {sorted(workers_before)} on port {port}", flush=True)

        log, stop, threads = load.start(port=port, seed=seed, readers=args.readers, editors=args.editors)
        time.sleep(max(0.0, args.outage_at - log.now()))
        outage = {"stop_requested": log.now()}
        stopped = cluster.stop(mode="fast")
        outage["stopped"] = log.now()
        print(f"soak: PostgreSQL stopped at {outage['stopped']:.1f} s ({stopped.returncode})", flush=True)
        time.sleep(args.outage_seconds)
        outage["start_requested"] = log.now()
        cluster.start()
        outage["started"] = log.now()
        print(f"soak: PostgreSQL accepting connections at {outage['started']:.1f} s", flush=True)
        time.sleep(max(0.0, args.duration - log.now()))
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        ended = log.now()

        workers_after = workers_of(server.pid)
        healthy_after = wait_for(f"http://127.0.0.1:{port}/healthz", 5)
        notes, standfirsts = acknowledged_in_database(cluster.url)
        gunicorn_lines = gunicorn_log.read_text(errors="replace").splitlines()
        app_lines = (tmp / "gunicorn.out").read_text(errors="replace").splitlines()
        results = analyse(
            log=log,
            outage=outage,
            ended=ended,
            notes=notes,
            standfirsts=standfirsts,
            workers=(workers_before, workers_after, server.poll() is None),
            healthy_after=healthy_after,
            worker_timeouts=sum("WORKER TIMEOUT" in line for line in gunicorn_lines),
            log_counts={
                "Database unavailable (503 from a view)": sum("Database unavailable" in x for x in app_lines),
                "Internal Server Error (logged by Django)": sum(
                    "Internal Server Error" in x for x in app_lines
                ),
            },
        )
        results["setup"] = {
            "command": "make soak (" + " ".join(sys.argv[1:]) + ")" if sys.argv[1:] else "make soak",
            "machine": f"{os.cpu_count()} cores, {_memory()}, {platform.platform()}, "
            f"Python {platform.python_version()}",
            "postgresql": cluster.bin.parent.name,
            "gunicorn": " ".join(gunicorn_command(port, args.workers, "LOG")[1:]),
            "gunicorn_workers": len(workers_before),
            **{k: v for k, v in vars(args).items() if k not in {"out", "keep"}},
        }
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
        report = markdown(results)
        (args.out / "report.md").write_text(report)
        print(report)
        return 0 if results["verdict"]["passed"] else 1
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        cluster.destroy()
        if args.keep:
            print(f"soak: kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
