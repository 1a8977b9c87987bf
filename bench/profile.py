"""Where one page's time goes, per request: pyinstrument over N requests through Django's
test client, page cache off, on a benchmark database.

    python -m bench.profile /news/some-story/ --requests 200 [--html out.html]

Prints the call tree (time per request = total ÷ N) and the median wall time of a request.
"""

import argparse
import os
import statistics
import time


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--html", help="also write pyinstrument's HTML report here")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import override_settings
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="localhost")
    with override_settings(PAGE_CACHE=False):
        for path in args.paths:  # warm: imports, connections, the site-wide cached values
            assert client.get(path).status_code == 200, path
        plain = []
        for number in range(args.requests):
            started = time.perf_counter()
            client.get(args.paths[number % len(args.paths)])
            plain.append((time.perf_counter() - started) * 1000)
        timings = []
        profiler = Profiler(interval=0.001)
        profiler.start()
        for number in range(args.requests):
            started = time.perf_counter()
            client.get(args.paths[number % len(args.paths)])
            timings.append((time.perf_counter() - started) * 1000)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"median {statistics.median(plain):.2f} ms per request over {args.requests} without the profiler,")
    print(f"{statistics.median(timings):.2f} ms with it; load average {os.getloadavg()[0]:.1f}")
    if args.html:
        with open(args.html, "w") as out:
            out.write(profiler.output_html())


if __name__ == "__main__":
    main()
