"""Benchmark the photo pipeline: ingest a generated 24-megapixel JPEG, and what readers download.

Runs on a throwaway test database and media folder, so nothing real is touched:

    python -m bench.photo --runs 3 --write docs/benchmarks.md

Peak memory is the process's resident high-water mark (VmHWM), reset before each
ingest: Pillow's pixel buffers live outside Python's allocator, where tracemalloc
cannot see them.
"""

import ctypes
import ctypes.util
import gc
import io
import os
import platform
import re
import statistics
import tempfile
import time
from functools import partial
from html.parser import HTMLParser
from pathlib import Path

import PIL
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import override_settings
from django.utils import timezone
from PIL import ExifTags, Image, features

from articles.images.ingest import photo_create_from_upload
from articles.images.renditions import FORMATS, photo_create_renditions
from articles.images.validation import inspect_upload
from bench import replace_section

SOURCE_SIZE = (6000, 4000)
ROOT_FONT_PX = 16  # browsers' default; our stylesheet does not change it
READERS = [
    # (who, viewport CSS px, device pixel ratio, image types the browser takes)
    ("Phone, 390 px wide, DPR 3", 390, 3, ("image/avif", "image/webp", "image/jpeg")),
    ("Phone, 390 px wide, DPR 3, no AVIF", 390, 3, ("image/webp", "image/jpeg")),
    ("Phone, 390 px wide, DPR 3, JPEG only", 390, 3, ("image/jpeg",)),
    ("Laptop, 1280 px wide, DPR 1", 1280, 1, ("image/avif", "image/webp", "image/jpeg")),
    ("Laptop, 1440 px wide, DPR 2", 1440, 2, ("image/avif", "image/webp", "image/jpeg")),
]


class Command(BaseCommand):
    help = "Time ingesting a 24-megapixel JPEG and compute the bytes readers download for a lead photo."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=3, help="Ingests to time (the median is reported).")
        parser.add_argument(
            "--write", metavar="PATH", help="Replace the Photos section of this Markdown file."
        )

    def handle(self, *args, runs, write, **options):
        source = generate_source()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            with (
                tempfile.TemporaryDirectory() as media,
                override_settings(MEDIA_ROOT=media, PHOTO_ROOT=media),
            ):
                figures = measure(source, runs)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        report = render_report(figures, runs)
        self.stdout.write(report)
        if write:
            replace_section(Path(write), report)
            self.stdout.write(self.style.SUCCESS(f"Wrote the Photos section of {write}."))


def generate_source():
    """A 24-megapixel JPEG with the grain and EXIF (GPS included) of a camera file, ~10 MB."""
    light = Image.linear_gradient("L").resize(SOURCE_SIZE)
    shade = Image.radial_gradient("L").resize(SOURCE_SIZE)
    detail = Image.effect_mandelbrot(SOURCE_SIZE, (-2.2, -1.2, 1.0, 1.2), 80)
    picture = Image.blend(
        Image.merge("RGB", [light, detail, shade]), Image.effect_noise(SOURCE_SIZE, 48).convert("RGB"), 0.25
    )
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Bench Photographer"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (55.0, 45.0, 6.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def measure(source, runs):
    upload = lambda: SimpleUploadedFile("bench.jpg", source, content_type="image/jpeg")  # noqa: E731
    validate, ingest, render, peaks = [], [], [], []
    photo = None
    for _ in range(runs):
        validate.append(timed(lambda: inspect_upload(upload()))[:2])
        baseline = reset_peak_memory()
        *seconds, photo = timed(
            lambda: photo_create_from_upload(upload=upload(), alt_text="Bench", credit="NWS")
        )
        ingest.append(seconds)
        peaks.append(peak_memory() - baseline)
        render.append(timed(partial(photo_create_renditions, photo=photo, replace=True))[:2])
    renditions = list(photo.renditions.all())
    return {
        "source_bytes": len(source),
        "validate": medians(validate),
        "ingest": medians(ingest),
        "render": medians(render),
        "peak_bytes": statistics.median(peaks),
        "renditions": renditions,
        "readers": [reader_download(photo, renditions, *reader) for reader in READERS],
    }


def timed(function):
    """(wall seconds, CPU seconds, result): CPU time holds steady when others share the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def medians(pairs):
    return tuple(statistics.median(values) for values in zip(*pairs, strict=True))


def reset_peak_memory():
    """Reset the resident high-water mark (Linux); returns the resident size it starts from."""
    # Hand memory freed by earlier decodes back to the system first, or the next ingest
    # reuses it unseen and its peak looks smaller than it is.
    gc.collect()
    ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")
    return _status_bytes("VmRSS")


def peak_memory():
    return _status_bytes("VmHWM")


def _status_bytes(field):
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    return int(match.group(1)) * 1024


class PictureParser(HTMLParser):
    """Collects the <source> and <img> candidates of the first <picture> in a fragment."""

    def __init__(self):
        super().__init__()
        self.candidates = []  # (type, srcset, sizes) in document order, <img> last

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "source":
            self.candidates.append((attrs["type"], attrs["srcset"], attrs["sizes"]))
        elif tag == "img" and attrs.get("srcset"):
            self.candidates.append(("image/jpeg", attrs["srcset"], attrs["sizes"]))


def reader_download(photo, renditions, who, viewport, dpr, types):
    """The candidate a browser picks for the story's lead figure, computed from the emitted HTML."""
    parser = PictureParser()
    parser.feed(render_to_string("articles/includes/_figure.html", {"photo": photo, "lead": True}))
    _type, srcset, sizes = next(candidate for candidate in parser.candidates if candidate[0] in types)
    slot = slot_width(sizes, viewport)
    candidates = sorted((int(width), url) for url, width in re.findall(r"(\S+) (\d+)w", srcset))
    # The smallest candidate covering the slot at the screen's density (what browsers do).
    url = next((u for w, u in candidates if w >= slot * dpr), candidates[-1][1])
    rendition = next(r for r in renditions if r.file.url == url)
    return {"who": who, "sizes": sizes, "slot": slot, "needed": slot * dpr, "rendition": rendition}


def slot_width(sizes, viewport):
    """Evaluate a sizes attribute of the forms we emit: `(min-width: L) L, …, L`."""
    for entry in sizes.split(","):
        entry = entry.strip()
        condition = re.match(r"\(min-width:\s*([^)]+)\)\s*(.+)", entry)
        if condition is None:
            return css_length(entry, viewport)
        if viewport >= css_length(condition.group(1), viewport):
            return css_length(condition.group(2), viewport)
    return viewport


def css_length(text, viewport):
    text = text.strip()
    if text.startswith("calc(") and text.endswith(")"):
        left, operator, right = re.match(r"calc\((.+?)\s+([+-])\s+(.+)\)", text).groups()
        a, b = css_length(left, viewport), css_length(right, viewport)
        return a + b if operator == "+" else a - b
    number, unit = re.fullmatch(r"([\d.]+)(px|rem|vw)", text).groups()
    return float(number) * {"px": 1, "rem": ROOT_FONT_PX, "vw": viewport / 100}[unit]


def render_report(figures, runs):
    megabytes = lambda n: f"{n / 1_000_000:.2f} MB"  # noqa: E731
    source = figures["source_bytes"]
    renditions = figures["renditions"]
    stored = sum(r.size for r in renditions)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    codecs = ", ".join(
        f"{name} {features.version(name)}" for name in ("jpg", "webp", "avif") if features.check(name)
    )
    lines = [
        "## Photos",
        "",
        f"Measured {timezone.localdate():%Y-%m-%d} with `make bench-photos`, which runs "
        f"`python -m bench.photo --runs {runs} --write docs/benchmarks.md` "
        "(a throwaway test database and media folder; medians of the runs).",
        "",
        f"Machine: `nproc` {len(os.sched_getaffinity(0))}, {cpu}; "
        f"Python {platform.python_version()}, Pillow {PIL.__version__} ({codecs}); "
        f"load average {os.getloadavg()[0]:.1f} at the end (wall times grow with it, CPU times less).",
        "",
        f"Source: a generated {SOURCE_SIZE[0]} × {SOURCE_SIZE[1]} JPEG (24 megapixels, camera-like grain, "
        f"GPS in its EXIF), {megabytes(source)}.",
        "",
        "| Ingest step | Wall time | CPU time |",
        "|---|---|---|",
        "| Validation: decode (JPEG at reduced scale), limits, metadata | {:.2f} s | {:.2f} s |".format(
            *figures["validate"]
        ),
        f"| Renditions: {len(renditions)} files ({', '.join(FORMATS)}) from one decode "
        "| {:.2f} s | {:.2f} s |".format(*figures["render"]),
        "| Whole ingest: validate, store the original, make and store renditions "
        "| {:.2f} s | {:.2f} s |".format(*figures["ingest"]),
        "",
        "Peak memory of the whole ingest: {:.0f} MiB resident above the process before it.".format(
            figures["peak_bytes"] / 1024 / 1024
        ),
        "",
        f"Renditions stored: {megabytes(stored)} in all ({stored / source:.0%} of the original).",
        "",
        "What a reader downloads for a story's lead photo, picked from the `srcset`/`sizes` that "
        f'`_figure.html` emits (`sizes="{figures["readers"][0]["sizes"]}"`): the smallest candidate '
        "at least as wide as the slot times the device pixel ratio.",
        "",
        "| Reader | Slot | Needs | Downloads | Bytes | Of the original |",
        "|---|---|---|---|---|---|",
    ]
    for reader in figures["readers"]:
        rendition = reader["rendition"]
        lines.append(
            f"| {reader['who']} | {reader['slot']:.0f} px | {reader['needed']:.0f} px | "
            f"{rendition.spec} ({rendition.width} × {rendition.height}) | {rendition.size:,} | "
            f"{rendition.size / source:.1%} |"
        )
    lines += ["", f"Without renditions every reader would download the original: {source:,} bytes.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    from bench import django_command

    django_command(Command, "photo")
