"""What the desk records around a story: status changes, corrections, notes, old slugs."""

import reversion
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_noop


class StatusChange(models.Model):
    """One transition of a story's status: who, when, from what to what."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "status change"
        verbose_name_plural = "status changes"
        indexes = [models.Index(fields=["article", "-at"], name="statuschange_article_idx")]

    def __str__(self):
        who = self.by.get_username() if self.by else "system"
        return f"{self.from_status} → {self.to_status} by {who}"


@reversion.register()
class Correction(models.Model):
    """A dated note appended to a published story; readers see it at the end."""

    class Kind(models.TextChoices):
        # English in the desk and in revision comments; the story page translates the label.
        CORRECTION = "correction", gettext_noop("Correction")
        UPDATE = "update", gettext_noop("Update")

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right now; readers see this.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Note(models.Model):
    """An internal note between the desk's staff; never shown to readers."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "internal note"
        verbose_name_plural = "internal notes"

    def __str__(self):
        return self.text[:60]


class SlugRedirect(models.Model):
    """An address a story was published under before its slug changed; answers with a 301."""

    old_slug = models.SlugField(max_length=250, unique=True)
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "old address"
        verbose_name_plural = "old addresses"

    def __str__(self):
        return f"/news/{self.old_slug}/ → {self.article.slug}"
