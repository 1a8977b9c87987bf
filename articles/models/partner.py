"""Partner API keys: what lets an API client see embargoed stories.

A key is shown once, when it is issued, and stored only as a SHA-256 digest: it is a random
256-bit secret, so a fast digest is as safe as a slow password hash and costs nothing per
request. Its first characters are a public prefix that finds the row in one indexed lookup;
the digest is compared in constant time. Keys are revoked, never deleted, so the audit trail
keeps naming them.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import audit

PREFIX_BYTES = 6  # 12 hex characters: the lookup prefix, safe to show and to log
SEPARATOR = "."


def _digest(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class PartnerKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PartnerKey(models.Model):
    """An API key of one partner (an agency, a broadcaster), optionally limited to sections."""

    name = models.CharField(max_length=120, help_text="Who holds the key, e.g. “Northern Radio, web desk”.")
    prefix = models.CharField(max_length=2 * PREFIX_BYTES, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="partner_keys",
        help_text="Embargoed stories of these sections only; none chosen: every section.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "partner API key"
        verbose_name_plural = "partner API keys"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    def section_ids(self):
        """The sections the key is limited to; [] for every section. Uses a prefetch if any."""
        return [section.pk for section in self.sections.all()]

    def draw_secret(self):
        """Give the key its secret: returns the raw key, to show once; only its digest is kept."""
        self.prefix = secrets.token_hex(PREFIX_BYTES)
        raw = f"{self.prefix}{SEPARATOR}{secrets.token_urlsafe(32)}"
        self.digest = _digest(raw)
        return raw

    def record_issue(self, *, by=None, request=None):
        audit.record(audit.A.KEY_ISSUE, user=by, target=f"partner key {self}", request=request)

    @classmethod
    def issue(cls, *, name, sections=(), by=None, request=None):
        """A new key: (the stored row, the raw key to show once and never again)."""
        key = cls(name=name, created_by=by)
        raw = key.draw_secret()
        key.save()
        if sections:
            key.sections.set(sections)
        key.record_issue(by=by, request=request)
        return key, raw

    def revoke(self, *, by=None, request=None):
        """The key stops working at once; its row stays for the audit trail."""
        if self.revoked_at is not None:
            return
        self.revoked_at, self.revoked_by = timezone.now(), by
        self.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(audit.A.KEY_REVOKE, user=by, target=f"partner key {self}", request=request)

    @classmethod
    def find(cls, raw):
        """The key row `raw` names, revoked or not, or None if it names none (or is forged)."""
        prefix, separator, _ = (raw or "").partition(SEPARATOR)
        if not separator or len(prefix) != 2 * PREFIX_BYTES:
            return None
        key = cls.objects.filter(prefix=prefix).prefetch_related("sections").first()
        if key is None or not hmac.compare_digest(key.digest, _digest(raw)):
            return None
        return key
