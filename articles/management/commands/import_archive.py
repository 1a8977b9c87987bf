from django.core.management.base import BaseCommand, CommandError

from articles.archive.formats import ArchiveError
from articles.archive.importer import ON_CONFLICT, archive_import


class Command(BaseCommand):
    help = (
        "Import an archive written by export_archive. Records already here unchanged are skipped; "
        "if any differ, nothing is imported and each is listed, unless --on-conflict=skip keeps ours."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument(
            "--on-conflict",
            choices=ON_CONFLICT,
            default="stop",
            help="stop (default): import nothing if a record differs here; skip: keep ours, import the rest.",
        )

    def handle(self, *args, directory, on_conflict, **options):
        try:
            report = archive_import(directory=directory, on_conflict=on_conflict)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Imported {sum(report.created.values())} records."))
