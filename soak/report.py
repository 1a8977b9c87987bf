"""What a soak run found: responses by phase and second, recovery time, and saves lost."""

import hashlib
from collections import Counter, defaultdict

from .load import MARKER

# The site must be answering 200s again this soon after PostgreSQL accepts connections.
RECOVERY_LIMIT_SECONDS = 10
OUTAGE_OK = {"200", "503"}  # 200: answered before the stop took effect; 503: the outage page


def _phase(t, outage):
    if t < outage["stop_requested"]:
        return "before"
    return "outage" if t <= outage["started"] else "after"


def _digest(markers):
    return hashlib.sha256("\n".join(sorted(markers)).encode()).hexdigest()


def analyse(*, log, outage, ended, notes, standfirsts, workers, healthy_after, worker_timeouts, log_counts):
    phases = {"before": Counter(), "outage": Counter(), "after": Counter()}
    desk = {"before": Counter(), "outage": Counter(), "after": Counter()}
    seconds = defaultdict(Counter)
    outage_pages = defaultdict(Counter)  # what readers got while the database was down, by page kind
    first_ok = last_error = None
    late_errors = []  # anything but 200/302 after PostgreSQL was back, for the record
    for t, who, outcome in sorted(log.responses, key=lambda response: response[0]):
        outcome, phase = str(outcome), _phase(t, outage)
        if phase == "after" and outcome not in {"200", "302"}:
            late_errors.append((round(t - outage["started"], 3), who, outcome))
        reading = who.startswith("reader/")
        (phases if reading else desk)[phase][outcome] += 1
        if not reading:
            continue
        if phase == "outage":
            outage_pages[who.removeprefix("reader/")][outcome] += 1
        seconds[int(t)][outcome] += 1
        if phase == "after":
            if outcome == "200" and first_ok is None:
                first_ok = t
            if outcome != "200":
                last_error = t
    started = outage["started"]

    acked = {marker for _, marker, _ in log.acknowledged}
    lost = sorted(acked - notes)
    latest_acked = {}
    for story_id, _, seq in log.acknowledged:
        latest_acked[story_id] = max(seq, latest_acked.get(story_id, 0))
    undone = []
    for story_id, seq in latest_acked.items():
        current = MARKER.search(standfirsts.get(story_id, ""))
        if current is None or int(current.group(1).rsplit("-", 1)[1]) < seq:
            undone.append(story_id)

    before, after, master_alive = workers
    results = {
        "duration_seconds": round(ended, 1),
        "outage": {name: round(value, 2) for name, value in outage.items()},
        "readers": {phase: dict(counts) for phase, counts in phases.items()},
        "readers_total": sum(sum(c.values()) for c in phases.values()),
        "desk_requests": {phase: dict(counts) for phase, counts in desk.items()},
        "readers_during_outage_by_page": {
            kind: dict(counts) for kind, counts in sorted(outage_pages.items())
        },
        "per_second": {second: dict(counts) for second, counts in sorted(seconds.items())},
        "recovery": {
            "first_200_after_start_seconds": None if first_ok is None else round(first_ok - started, 2),
            "last_error_after_start_seconds": None if last_error is None else round(last_error - started, 2),
            "errors_after_start": late_errors[:20],
        },
        "saves": {
            "acknowledged": len(acked),
            "refused_with_form_errors": log.refused,
            "found_in_database": len(acked & notes),
            "lost": len(lost),
            "lost_markers": lost[:20],
            "committed_but_not_acknowledged": len(notes - acked),
            "acknowledged_sha256": _digest(acked),
            "found_sha256": _digest(acked & notes),
            "stories_whose_latest_acknowledged_save_was_undone": len(undone),
        },
        "workers": {
            "before": sorted(before),
            "after": sorted(after),
            "unchanged": before == after,
            "master_alive": master_alive,
            "worker_timeouts_logged": worker_timeouts,
            "healthz_after": healthy_after,
        },
        "application_log": log_counts,
    }
    results["verdict"] = _verdict(results)
    return results


def _verdict(results):
    readers, recovery, saves, workers = (results[k] for k in ("readers", "recovery", "saves", "workers"))
    checks = {
        "only 200 before the outage": set(readers["before"]) <= {"200"},
        "only 200 or 503 / connection errors during it": all(
            code in OUTAGE_OK or not code.isdigit() for code in readers["outage"]
        ),
        f"200s again within {RECOVERY_LIMIT_SECONDS} s of PostgreSQL being back": (
            recovery["first_200_after_start_seconds"] is not None
            and recovery["first_200_after_start_seconds"] <= RECOVERY_LIMIT_SECONDS
        ),
        "only 200 after that": (recovery["last_error_after_start_seconds"] or 0) <= RECOVERY_LIMIT_SECONDS,
        "no 500 anywhere": all("500" not in counts for counts in readers.values()),
        "zero acknowledged saves lost": saves["lost"] == 0
        and saves["acknowledged_sha256"] == saves["found_sha256"],
        "no acknowledged save undone": saves["stories_whose_latest_acknowledged_save_was_undone"] == 0,
        "gunicorn workers unchanged and healthy": workers["unchanged"]
        and workers["master_alive"]
        and workers["healthz_after"],
    }
    return {"checks": checks, "passed": all(checks.values()) and saves["acknowledged"] > 0}


def _seconds(value):
    return "none" if value is None else f"{value} s"


def _codes(counts):
    return ", ".join(f"{code}: {n}" for code, n in sorted(counts.items())) or "none"


def markdown(results):
    setup, outage, saves, workers = (results[k] for k in ("setup", "outage", "saves", "workers"))
    lines = [
        f"Command: `{setup['command']}`  ",
        f"Machine: {setup['machine']}  ",
        f"PostgreSQL {setup['postgresql']} (throwaway cluster); gunicorn `{setup['gunicorn']}`, "
        f"{setup['gunicorn_workers']} sync workers  ",
        f"Load: {setup['readers']} reader threads, {setup['editors']} editors, {setup['stories']} stories, "
        f"{results['duration_seconds']} s; PostgreSQL stop (`pg_ctl stop -m fast`) requested at "
        f"{outage['stop_requested']} s, down at {outage['stopped']} s, "
        f"started again at {outage['start_requested']} s, "
        f"accepting connections at {outage['started']} s.",
        "",
        "| readers | responses | by status |",
        "|---|---|---|",
    ]
    for phase, counts in results["readers"].items():
        lines.append(f"| {phase} | {sum(counts.values())} | {_codes(counts)} |")
    lines += ["", "| desk (editors) | requests | by status |", "|---|---|---|"]
    for phase, counts in results["desk_requests"].items():
        lines.append(f"| {phase} | {sum(counts.values())} | {_codes(counts)} |")
    recovery = results["recovery"]
    lines += ["", "| page kind, during the outage | by status |", "|---|---|"]
    for kind, counts in results["readers_during_outage_by_page"].items():
        lines.append(f"| {kind} | {_codes(counts)} |")
    lines += [
        "",
        f"- Requests served to readers: {results['readers_total']}.",
        f"- Recovery: first reader 200 {recovery['first_200_after_start_seconds']} s after PostgreSQL "
        f"accepted connections; last reader error after it: "
        f"{_seconds(recovery['last_error_after_start_seconds'])}. "
        f"Errors after it (seconds after, client, status): {recovery['errors_after_start'] or 'none'}.",
        f"- Saves acknowledged (302): {saves['acknowledged']}; found afterwards: "
        f"{saves['found_in_database']}; "
        f"lost: {saves['lost']} (marker SHA-256 {saves['acknowledged_sha256'][:16]}… vs "
        f"{saves['found_sha256'][:16]}…); committed but unacknowledged: "
        f"{saves['committed_but_not_acknowledged']}; refused with form errors: "
        f"{saves['refused_with_form_errors']}; stories whose latest acknowledged save was undone: "
        f"{saves['stories_whose_latest_acknowledged_save_was_undone']}.",
        f"- gunicorn workers before {workers['before']}, after {workers['after']}; master alive: "
        f"{workers['master_alive']}; WORKER TIMEOUT lines: {workers['worker_timeouts_logged']}; "
        f"/healthz after: {'200' if workers['healthz_after'] else 'failing'}.",
        f"- Application log lines: {_codes(results['application_log'])}.",
        "",
        "Reader responses per second around the outage:",
        "",
        "| second | responses |",
        "|---|---|",
    ]
    low, high = int(outage["stop_requested"]) - 3, int(outage["started"]) + 6
    for second, counts in results["per_second"].items():
        if low <= int(second) <= high:
            lines.append(f"| {second} | {_codes(counts)} |")
    lines += ["", "Checks:", ""]
    lines += [f"- [{'x' if ok else ' '}] {name}" for name, ok in results["verdict"]["checks"].items()]
    lines.append(f"\nVerdict: {'PASSED' if results['verdict']['passed'] else 'FAILED'}")
    return "\n".join(lines) + "\n"
