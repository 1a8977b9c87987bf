from django.core.management.base import BaseCommand

from articles.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the invented demo newsroom: sections, stories, people, quotes and photos. "
        "Safe to run again: records already there are left as they are."
    )

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(self.style.SUCCESS(report.summary()))
