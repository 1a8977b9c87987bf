"""The story form's workflow buttons: which model transition each calls, and what the desk
says when one is refused (the edit itself is always kept)."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone


def restoring(request):
    """The restore in progress (desk.restore.Restore) when `request` restores a revision."""
    return getattr(request, "restore", None)


def sent_back_notice(article):
    """The editor's note on a draft that came back from review, for the top of its form."""
    if article.status != article.Status.DRAFT:
        return None
    changes = article.status_changes.filter(
        to_status=article.Status.DRAFT, from_status=article.Status.IN_REVIEW
    )
    return changes.exclude(note="").select_related("by").order_by("-at", "-pk").first()


class WorkflowButtonsMixin:
    # The workflow buttons and the model method each button calls.
    TRANSITION_BUTTONS = [
        ("_submit", "submit_for_review"),
        ("_publish_now", "publish_now"),
        ("_publish", "publish"),
        ("_unpublish", "unpublish"),
        ("_send_back", "send_back"),
    ]

    def _requested_transition(self, request):
        if restoring(request):
            return None  # a restore is an edit; status changes only through its own buttons
        return next((method for button, method in self.TRANSITION_BUTTONS if button in request.POST), None)

    def response_change(self, request, obj):
        restore = restoring(request)
        if restore:
            when = timezone.localtime(restore.version.revision.date_created).strftime("%-d %b %Y %H:%M")
            self.message_user(
                request,
                f"“{obj}” is restored to its revision of {when}, saved as a new revision. "
                "Corrections and updates already published are kept.",
                messages.SUCCESS,
            )
            return redirect("admin:articles_article_change", obj.pk)
        if getattr(request, "transition_refused", False):
            # Stay on the story, with the one error that says what to fix: no "changed
            # successfully" beside it, and no trip to the story list.
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "transition_refused", False):
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_add(request, obj, post_url_continue)

    def story_or_404(self, request, object_id):
        """The story a desk tool's address names; a malformed or unknown id is a 404, never a 500
        (ModelAdmin.get_object answers None for both)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No story at this address.")
        return article

    def withdraw_view(self, request, object_id):
        """A reporter takes their story back out of review. Its form is read-only to them
        then, so this is a button of its own rather than a save of the form."""
        article = self.story_or_404(request, object_id)
        if request.method == "POST":
            self._transition(request, article, "send_back")
        return redirect("admin:articles_article_change", article.pk)

    def _transition(self, request, article, method):
        try:
            if method == "publish_now":
                # Whatever time the form carried: now. An unpublish time already past would
                # take the story straight down again, so it goes too.
                now = timezone.now()
                if article.expires_at and article.expires_at <= now:
                    article.expires_at = None
                article.publish(by=request.user, at=now)
            elif method == "send_back":
                article.send_back(by=request.user, note=send_back_note(request, article))
            else:
                getattr(article, method)(by=request.user)
        except (ValidationError, PermissionDenied) as error:
            # The edit itself is saved; only the status change is refused.
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            request.transition_refused = True
            self.message_user(
                request, f"“{article}” was saved but its status did not change: {reason}", messages.ERROR
            )
            return False
        self.message_user(request, f"“{article}” is now {article.state_label.lower()}.", messages.SUCCESS)
        return True


SEND_BACK_NOTE_MAX = 2000


def send_back_note(request, article):
    """What the editor tells the reporter. Sending back someone else's story needs one: the
    reporter must know what to change. A reporter withdrawing their own needs none."""
    note = request.POST.get("send_back_note", "").strip()[:SEND_BACK_NOTE_MAX]
    if not note and article.author_id != request.user.pk:
        raise ValidationError("Write a note for the reporter saying what should change, then send it back.")
    return note
