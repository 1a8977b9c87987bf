"""The audit trail: who signed in, who published, unpublished, retracted or deleted what, and
every use of a partner API key.

The model and the recording functions live together because the story's transitions
record themselves here; the sign-in signal handlers that feed it are the desk's
(articles/desk/signins.py).
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.db import models

from .status import Status


class AuditEvent(models.Model):
    """Who signed in, and who published, unpublished, retracted, changed or deleted what, from where."""

    class Action(models.TextChoices):
        LOGIN = "login", "Signed in"
        LOGIN_FAILED = "login_failed", "Failed sign-in"
        LOGOUT = "logout", "Signed out"
        SUBMIT = "submit", "Submitted for review"
        SEND_BACK = "send_back", "Sent back"
        PUBLISH = "publish", "Published"
        UNPUBLISH = "unpublish", "Unpublished"
        RETRACT = "retract", "Retracted"
        DELETE = "delete", "Deleted"
        CHANGE = "change", "Changed"
        RESTORE = "restore", "Restored a revision"
        KEY_ISSUE = "key_issue", "Issued a partner API key"
        KEY_REVOKE = "key_revoke", "Revoked a partner API key"
        API_USE = "api_use", "Partner API request"
        API_REFUSED = "api_refused", "Refused a revoked API key"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Kept as text too: failed sign-ins name no user, and users can be deleted.
    username = models.CharField(max_length=150, blank=True, default="")
    action = models.CharField(max_length=20, choices=Action)
    target = models.CharField(max_length=300, blank=True, default="", help_text="What was acted on.")
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "audit event"
        verbose_name_plural = "audit trail"
        indexes = [models.Index(fields=["action", "-at"], name="audit_action_idx")]

    def __str__(self):
        who = self.username or "anonymous"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.get_action_display()} {self.target}"


A = AuditEvent.Action

# Workflow status a transition leads to -> what the audit trail calls it.
TRANSITION_ACTIONS = {
    Status.IN_REVIEW: A.SUBMIT,
    Status.DRAFT: A.SEND_BACK,
    Status.PUBLISHED: A.PUBLISH,
    Status.UNPUBLISHED: A.UNPUBLISH,
    Status.RETRACTED: A.RETRACT,
}


def client_address(request):
    if request is None:
        return None
    return get_client_ip_address(request) or None


def record(action, *, user=None, username="", target="", request=None):
    return AuditEvent.objects.create(
        action=action,
        actor=user if user is not None and user.pk else None,
        username=username or (user.get_username() if user is not None else ""),
        target=str(target)[:300],
        ip_address=client_address(request),
    )


def record_transition(article, to_status, *, by):
    record(TRANSITION_ACTIONS[to_status], user=by, target=f"story “{article}” (#{article.pk})")
