"""What an editor typed in a story form and has not saved yet: one copy per editor and story.

The desk's form sends it here a moment after typing stops and when the page is hidden
(`desk/autosave.py`, `static/articles/story_form.js`). It is kept apart from the story on
purpose: it never changes the saved story, never bumps its lock version and is not a revision
(django-reversion does not know this model), so nobody else sees it and no conflict check
counts it as a save. Saving the story for real deletes the editor's copy.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class UnsavedCopyQuerySet(models.QuerySet):
    def of(self, user, article=None, key=""):
        """The copy `user` keeps of `article`, or of the new story their add form calls `key`."""
        if article is not None:
            return self.filter(user=user, article=article)
        return self.filter(user=user, article__isnull=True, key=key)

    def new_stories_of(self, user):
        """Copies of stories `user` began and never saved, newest first."""
        return self.filter(user=user, article__isnull=True).order_by("-updated_at", "-pk")


class UnsavedCopy(models.Model):
    """A snapshot of a story form as an editor left it: {field name: value or [values]}."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Empty for a story not saved even once; `key` (made by the add form) tells those apart.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, null=True, blank=True, related_name="unsaved_copies"
    )
    key = models.CharField(max_length=64, blank=True, default="")
    data = models.JSONField(default=dict)
    # The story's lock version and newest revision the form was opened at: restoring the copy
    # puts them back in the form, so a save by someone else since is caught as a conflict.
    saved_against_version = models.PositiveIntegerField(null=True, blank=True)
    base_revision = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnsavedCopyQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = "unsaved copy"
        verbose_name_plural = "unsaved copies"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=Q(article__isnull=False),
                name="unsaved_copy_one_per_story",
            ),
            models.UniqueConstraint(
                fields=["user", "key"],
                condition=Q(article__isnull=True),
                name="unsaved_copy_one_per_new_story",
            ),
        ]

    def __str__(self):
        what = f"story #{self.article_id}" if self.article_id else f"new story {self.key}"
        return f"Unsaved copy of {what} by user #{self.user_id}"

    @property
    def is_behind(self):
        """Made against a version of the story older than the one saved now."""
        return (
            self.article is not None
            and self.saved_against_version is not None
            and self.saved_against_version < self.article.version
        )
