from django.core.management.base import BaseCommand

from articles.derived.search import index_all


class Command(BaseCommand):
    help = "Rebuild the search index of every story (after a deploy, a bulk import or a raw load)."

    def handle(self, *args, **options):
        count = index_all()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} stories."))
