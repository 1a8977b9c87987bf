from django.conf import settings
from django.db import models


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
