from django.core.management.base import BaseCommand

from articles.images.pending import PENDING_MAX_AGE, pending_sweep


class Command(BaseCommand):
    help = (
        f"Delete uploads kept for photo forms that were never saved, older than "
        f"{PENDING_MAX_AGE // 3600} hours. Each new kept upload does this too; run it where uploads are rare."
    )

    def handle(self, *args, **options):
        removed = pending_sweep()
        self.stdout.write(f"Removed {removed} stale kept upload{'' if removed == 1 else 's'}.")
