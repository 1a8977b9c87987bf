"""docs/benchmarks.md's section on pages at archive size, rebuilt from bench/results/*.json.

Only the text between the markers below is replaced; other sections (Photos)
and the hand-written notes after them are kept.
"""

import json
import re

START, END = "<!-- bench:pages:start -->", "<!-- bench:pages:end -->"
# Targets of issue 7, the story's share of the floor raised by issue 15.
P50_GROWTH = 1.5
CACHE_GAIN = 10
FLOOR_PAGES = {"story": "floor: story", "list /": "floor: list"}
FLOOR_SHARE = {"story": 0.8, "list /": 0.5}
SEEDED_ALREADY_S = 5  # seed_bench only checked the archive


def _ms(value):
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _size(stories):
    return f"{stories:,}"


def _load(run):
    """req/s | p50 | p99 | errors of one page's runs; a page that never answered within a run has
    no latency. ¹ marks pages loaded through one connection (too slow for more)."""
    gentle = "¹" if any(r.get("connections") == 1 for r in run["rounds"]) else ""
    if not run["requests"]:
        return f"0{gentle} | – | – | {run['errors']} (no answer within a run)"
    return f"{run['rps']:.0f}{gentle} | {_ms(run['p50_ms'])} | {_ms(run['p99_ms'])} | {run['errors']}"


def _p50(run):
    return run["p50_ms"] if run["requests"] else float("inf")


def size_table(result):
    lines = [
        f"#### {_size(result['stories'])} stories ({result['database_gb']} GB database; "
        + (
            f"seed_bench took {result['seed_seconds']} s in this run)"
            if result["seed_seconds"] > SEEDED_ALREADY_S
            else "already seeded before this run: see the seeding times below)"
        ),
        "",
        "| page | queries | SQL ms | in-process ms | uncached req/s | p50 ms | p99 ms | errors "
        "| cached req/s | p50 ms | p99 ms | errors |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for page, counted in result["pages"].items():
        lines.append(
            f"| {page} | {counted['queries']} | {_ms(counted['sql_ms'])} | {_ms(counted['median_ms'])} "
            f"| {_load(result['uncached'][page])} | {_load(result['cached'][page])} |"
        )
    for page in FLOOR_PAGES.values():
        lines.append(f"| {page} | 0 | – | – | {_load(result['uncached'][page])} | | | | |")
    lines += ["", "¹ Too slow for 8 connections: loaded through one, so few requests outlive the run."]
    matches = ", ".join(f"{page} matches {count:,}" for page, count in result["search_matches"].items())
    lines += [
        "",
        f"Search: {matches} published stories. Load average before the run: "
        f"{', '.join(f'{x:.2f}' for x in result['load_average_before'])}.",
    ]
    return lines


def targets(results):
    smallest, largest = results[0], results[-1]
    lines = [
        f"| target | {' | '.join(_size(r['stories']) for r in results)} |",
        f"|---|{'--:|' * len(results)}",
    ]
    for page, floor in FLOOR_PAGES.items():
        shares = [r["uncached"][page]["rps"] / r["uncached"][floor]["rps"] for r in results]
        target = FLOOR_SHARE[page]
        lines.append(
            f"| {page}: uncached rate ÷ floor (≥ {target}) | "
            + " | ".join(f"{share:.2f} {'✓' if share >= target else '✗'}" for share in shares)
            + " |"
        )
        gains = [r["cached"][page]["rps"] / r["uncached"][page]["rps"] for r in results]
        lines.append(
            f"| {page}: cached ÷ uncached rate (≥ {CACHE_GAIN}) | "
            + " | ".join(f"{gain:.1f} {'✓' if gain >= CACHE_GAIN else '✗'}" for gain in gains)
            + " |"
        )
    growth = [
        "",
        f"p50 at {_size(largest['stories'])} ÷ p50 at {_size(smallest['stories'])} stories, "
        f"uncached (target ≤ {P50_GROWTH}), and the queries each page ran at both sizes:",
        "",
        "| page | p50 ratio | in-process ratio | queries "
        "| indexes and scans at the largest size (EXPLAIN ANALYZE) |",
        "|---|--:|--:|--:|---|",
    ]
    for page in largest["pages"]:
        ratio = _p50(largest["uncached"][page]) / _p50(smallest["uncached"][page])
        counts = f"{smallest['pages'][page]['queries']} → {largest['pages'][page]['queries']}"
        uses = sorted({use for plan in largest["pages"][page]["plans"] for use in plan["uses"]})
        in_process = largest["pages"][page]["median_ms"] / smallest["pages"][page]["median_ms"]
        shown = f"{ratio:.2f}" if ratio != float("inf") else "no answer"
        growth.append(
            f"| {page} | {shown} {'✓' if ratio <= P50_GROWTH else '✗'} | {in_process:.2f} | {counts} "
            f"| {', '.join(uses)} |"
        )
    return lines + growth + per_url(results)


def per_url(results):
    """In-process time per listed URL of the pages whose document grows with the archive
    (a month's sitemap, a block of people, the index itself)."""
    pages = [
        page
        for page in results[-1]["pages"]
        if all(r["pages"].get(page, {}).get("locs", 0) > 0 for r in results)
    ]
    if not pages:
        return []
    lines = [
        "",
        "Documents that grow with the archive: URLs listed and in-process time per URL "
        "(ms ÷ URLs) at each size:",
        "",
        "| page | " + " | ".join(f"{_size(r['stories'])}: URLs | µs per URL" for r in results) + " |",
        "|---|" + "--:|--:|" * len(results),
    ]
    for page in pages:
        cells = []
        for result in results:
            counted = result["pages"][page]
            cells += [f"{counted['locs']:,}", f"{counted['median_ms'] * 1000 / counted['locs']:.0f}"]
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return lines


def section(results):
    first = results[-1]
    machine = first["machine"]
    lines = [
        START,
        "## Pages at archive size",
        "",
        "Produced by `make bench`, which runs:",
        "",
        f"    {first['command']}",
        "",
        f"Machine: {machine['nproc']} cores ({machine['cpu']}), {machine['ram_gib']} GiB RAM, "
        f"{machine['os']}; Python {machine['python']}, Django {machine['django']}, "
        f"gunicorn {machine['gunicorn']}; {first['postgresql']}; Redis 7 as the shared cache. "
        "The same machine runs the load generator and, during these runs, other engineers' test "
        "suites: these are numbers of one shared 2-core box, not of a tuned server.",
        "",
        f"Method: `python -m bench.seed --stories N` (bench/corpus.py: 600-word bodies, 3 quotes, 4 of 200 "
        "topics, 2 people from a pool of N/25, one of 24 real JPEG photos with renditions, about 200 "
        f"stories a day, 1 in 50 a draft); gunicorn (gunicorn.conf.py, {first['workers']} sync workers "
        f"= 2 × cores + 1, DEBUG off) per archive; wrk with {first['connections']} connections, "
        f"{first['duration_s']} s per page, size and round, {first['rounds']} rounds with the sizes in "
        "alternating order, medians reported; every path requested once and a 2 s burst before the "
        "first round. Story, person and name-search pages rotate over 200, 100 and 20 paths spread over "
        "the archive. *Queries*, *SQL ms* (sum of EXPLAIN ANALYZE execution times) and *in-process ms* "
        "(median of 10 requests through Django's test client, no queueing; a page slower than 2 s "
        "is timed once) come from bench/measure.py. "
        "*Uncached*: page cache off (NEWSROOM_PAGE_CACHE=0); *cached*: on. The floor pages render the "
        "story and list templates from memory with no query (bench/floor.py) on the uncached servers, "
        "side by side with the real pages.",
        "",
        "### Targets",
        "",
        *targets(results),
        "",
        "### Each size",
        "",
    ]
    for result in results:
        lines += [*size_table(result), ""]
    return "\n".join([*lines, END])


def write(path, result_files):
    results = sorted((json.loads(f.read_text()) for f in result_files), key=lambda r: r["stories"])
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    block = section(results)
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
