from django.core.management.base import BaseCommand, CommandError

from articles.archive.export import archive_export
from articles.archive.formats import ArchiveError


class Command(BaseCommand):
    help = (
        "Write every story, person, quote, photo (with its file), section, topic, correction, note, "
        "status change, old address and revision to DIR (new or empty). Format: docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")

    def handle(self, *args, directory, **options):
        try:
            summary = archive_export(directory=directory)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Archive written to {directory}."))
