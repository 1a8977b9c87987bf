"""Restoring an earlier revision of a story, as an edit of its content and nothing more.

django-reversion restores by writing the whole revision back (the story, its quotes, topic
links and corrections, deleting what the revision did not hold), then showing the change form
filled from it, inside a transaction that a GET or a refused POST rolls back. What a restore
must never change is put back straight after that write, before the form is built:

- the workflow's fields (status, times, retraction, slug…) and the lock version, so the
  screen carries the story's current version and its save is not taken for a conflict;
- the corrections and updates, exactly as they are now: readers have seen them, so they are
  append-only, and an old revision neither deletes them nor brings back their earlier text;
- the quotes of live-blog entries, which belong to the entries (posted and corrected from the
  live desk, never by a restore of the story).
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import redirect
from reversion.models import Version

from ..models import Article, Correction, Quote, audit
from .forms import ConfirmedRestoreForm
from .revisions import Change, snapshot, snapshot_of
from .workflow import restoring

# Snapshot labels a restore leaves as they are (see Restore.keep), so its diff leaves them out.
KEPT_LABELS = ("Slug", "Status", "Publication time", "Corrections")


@dataclass
class Restore:
    """One restore in progress, read before reversion wrote the revision back."""

    article: Article  # the story as it is saved now
    version: Version  # the revision being restored
    corrections: list  # the story's corrections now, one dict of column values each
    changes: list  # the saved story against the revision: what the restore will change
    entry_quotes: list = field(default_factory=list)  # the live entries' quotes now, as corrections

    @classmethod
    def begin(cls, article, version):
        now, then = snapshot_of(article), snapshot(version)
        return cls(
            article=article,
            version=version,
            corrections=list(Correction.objects.filter(article=article).values()),
            entry_quotes=list(Quote.objects.filter(article=article, entry__isnull=False).values()),
            changes=[
                Change(label, now[label], then[label])
                for label in now
                if label not in KEPT_LABELS and now[label] != then[label]
            ],
        )

    @property
    def needs_confirmation(self):
        """Readers see (or will see at its time) a published story: its editor confirms the diff."""
        return self.article.status == Article.Status.PUBLISHED

    @property
    def corrections_since(self):
        """Corrections published after the revision: its text may be what they corrected."""
        since = self.version.revision.date_created
        return [c for c in self.corrections if c["created_at"] > since]

    def keep(self):
        """Put back, after the revision was written, what a restore never changes."""
        article = self.article
        kept = {
            Article._meta.get_field(name).attname: getattr(article, Article._meta.get_field(name).attname)
            for name in (*Article.WORKFLOW_FIELDS, "version")
        }
        Article.objects.filter(pk=article.pk).update(**kept)
        ids = [row["id"] for row in self.corrections]
        Correction.objects.filter(article=article).exclude(pk__in=ids).delete()
        for row in self.corrections:
            if not Correction.objects.filter(pk=row["id"]).update(**row):
                # Deleted by the write-back; created_at is auto_now_add, so it is set again after.
                Correction.objects.create(**row)
                Correction.objects.filter(pk=row["id"]).update(created_at=row["created_at"])
        ids = [row["id"] for row in self.entry_quotes]
        # Before the commit checks its foreign key: a revision may hold the quote of an entry since deleted.
        Quote.objects.filter(article=article, entry__isnull=False).exclude(pk__in=ids).delete()
        for row in self.entry_quotes:
            if not Quote.objects.filter(pk=row["id"]).update(**row):
                Quote.objects.create(**row)


class RestoreAdminMixin:
    """The story admin's restore screen: reversion's revision view, made an edit that is
    checked against the story as it is now and shows what it will change."""

    revision_form_template = "admin/articles/article/revision_form.html"

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not article.can_be_edited_by(request.user):
            self.message_user(
                request,
                f"You cannot restore an earlier version of “{article}”: it is "
                f"{article.state_label.lower()}, and reporters may change only their own drafts. "
                "Ask an editor.",
                messages.ERROR,
            )
            if self.has_view_or_change_permission(request, article):
                return redirect("admin:articles_article_history", article.pk)
            return redirect("admin:articles_article_changelist")
        version = Version.objects.get_for_object(article).filter(pk=version_id).first()
        if version is None:
            raise Http404("This story has no such revision.")
        request.restore = restore = Restore.begin(article, version)
        context = {
            "title": f"Restore an earlier revision of “{article}”",
            "restore": restore,
            **(extra_context or {}),
        }
        response = super().revision_view(request, object_id, version_id, context)
        if request.method == "POST" and response.status_code == 302:
            audit.record(
                audit.AuditEvent.Action.RESTORE,
                user=request.user,
                target=f"story “{article}” (#{article.pk}) to revision {version_id}",
                request=request,
            )
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        restore = restoring(request)
        if restore and restore.needs_confirmation:
            kwargs["form"] = ConfirmedRestoreForm
        return super().get_form(request, obj, change, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if restoring(request):
            form = context["adminform"].form
            errors = context.get("errors")
            # A refusal of the whole restore (a real conflict, no confirmation) is one message
            # at the top, not the admin's "Please correct the error below." over a second one.
            if errors and len(errors) == 1 and list(form.errors) == ["__all__"]:
                context["restore_refusal"] = " ".join(form.non_field_errors())
                context["errors"] = None
        return super().render_change_form(request, context, add, change, form_url, obj)
