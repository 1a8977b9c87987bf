"""Wire ingest: IPTC ninjs items become draft stories, once per item and version."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.wire.ingest import import_file


class Command(BaseCommand):
    help = (
        "Create or update DRAFT stories from IPTC ninjs files: a file, or every *.json in a folder. "
        "An item is recognised by its uri; only a newer version changes its story, and only while "
        "that story is a draft. Pictures are taken from files next to the item, never downloaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    def handle(self, *args, paths, **options):
        outcomes = [outcome for path in item_files(paths) for outcome in import_file(path)]
        for outcome in outcomes:
            style = self.style.ERROR if outcome.status == "refused" else self.style.SUCCESS
            self.stdout.write(style(f"{outcome.status}: {outcome.source}: {outcome.message}"))
        counts = {
            s: sum(o.status == s for o in outcomes) for s in ("created", "updated", "ignored", "refused")
        }
        self.stdout.write(", ".join(f"{n} {status}" for status, n in counts.items()))
        if counts["refused"]:
            # Each item commits on its own: the others are in, but a cron job should notice.
            raise CommandError(f"{counts['refused']} of {len(outcomes)} items refused (see above).")


def item_files(paths):
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"No such file or folder: {name}")
    return files
