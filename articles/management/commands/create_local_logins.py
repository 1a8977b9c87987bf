import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from articles.models import PartnerKey

DEMO_PARTNER = "Local demo partner"
# username -> (desk role group, or None for the superuser)
ACCOUNTS = {
    "admin": None,
    "reporter": "Reporter",
    "editor": "Editor",
    "photo": "Photo editor",
}


class Command(BaseCommand):
    help = "Create (or reset) one local login per desk role with fresh passwords, and print them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site", default="http://127.0.0.1:8000", help="where the desk is served, for the message"
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_local_logins is for local runs (DJANGO_DEBUG=1) only.")
        User = get_user_model()
        lines = []
        for username, role in ACCOUNTS.items():
            password = secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost"}
            )
            user.is_staff = user.is_active = True
            user.is_superuser = role is None
            user.set_password(password)
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role)])
            lines.append(f"  {username:<10} {password:<16} {role or 'Superuser'}")
        key = self.partner_key(admin=User.objects.get(username="admin"))
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Desk logins for {options['site']}/admin/ (new passwords on every run):\n"
                "  username   password         role\n" + "\n".join(lines) + "\n"
                f"\n  Partner API key (sees embargoed stories; a new one on every run):\n  {key}\n"
                f"  curl -H 'Authorization: Bearer {key}' {options['site']}/api/stories\n"
            )
        )

    def partner_key(self, *, admin):
        """A fresh key for the local demo partner, the previous run's revoked, like the passwords."""
        for old in PartnerKey.objects.active().filter(name=DEMO_PARTNER):
            old.revoke(by=admin)
        _, raw = PartnerKey.issue(name=DEMO_PARTNER, by=admin)
        return raw
