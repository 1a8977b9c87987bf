"""The workflow an Article goes through: transitions, the publication gate, the states
the desk and the pages name, and preview links.

A mixin of Article (articles/models/article.py); the rules on who may make which
transition are in transitions.py, which these methods call.
"""

import secrets

import reversion
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_noop

from .embargo import embargo_running
from .integrity import quote_problems
from .status import Status
from .transitions import check_transition, record_transition
from .translation import translation_problems
from .urgency import BREAKING

# Transitions after which a preview link shared before must show nothing.
PREVIEW_ENDING = {Status.PUBLISHED, Status.UNPUBLISHED, Status.RETRACTED}


class Workflow:
    """Status transitions, the only way status changes. `by` is the user acting
    (None for the system: imports, demo content); each records who and when."""

    def submit_for_review(self, *, by=None, note=""):
        self._transition(self.Status.IN_REVIEW, by=by, note=note)

    def send_back(self, *, by=None, note=""):
        """An editor returns a story in review to its reporter (with a note saying why), or
        the reporter takes it back to keep working on it."""
        self._transition(self.Status.DRAFT, by=by, note=note)

    def publish(self, *, by=None, at=None, note=""):
        """Publish now, or at `at` (a future time schedules the story)."""
        check_transition(self, self.Status.PUBLISHED, by)  # before anything on the story changes
        self.validate_for_publication()
        self.published_at = at or self.published_at or timezone.now()
        self._transition(self.Status.PUBLISHED, by=by, note=note)

    def unpublish(self, *, by=None, note=""):
        self._transition(self.Status.UNPUBLISHED, by=by, note=note)

    def retract(self, *, reason, by=None):
        """Withdraw a published story; its URL stays, showing `reason` instead of the body."""
        if not reason.strip():
            raise ValidationError("A retraction needs a reason that readers will see.")
        check_transition(self, self.Status.RETRACTED, by)
        self.retraction_reason = reason.strip()
        self.retracted_at = timezone.now()
        self._transition(self.Status.RETRACTED, by=by, note=reason)

    def _transition(self, to, *, by, note):
        check_transition(self, to, by)
        previous = self.status
        self.status = to
        if to in PREVIEW_ENDING:
            self.preview_key = ""  # links shared before this moment show nothing any more
        # Every status change is a revision, so the history shows it and a restore
        # has the state each transition left behind (retraction included).
        with reversion.create_revision():
            self.save()
            reversion.add_to_revision(self)
            if by is not None and by.pk:
                reversion.set_user(by)
            reversion.set_comment(f"{self.get_status_display()}{f': {note}' if note else ''}"[:500])
        record_transition(self, previous, to, by=by, note=note)

    def current_preview_key(self):
        """The key today's preview links carry, drawn when the story has none."""
        if not self.preview_key:
            key = secrets.token_hex(16)
            # An update, not a save: a link is no edit, and must not trip the lock version.
            stories = type(self).objects.filter(pk=self.pk)
            stories.filter(preview_key="").update(preview_key=key)
            self.preview_key = stories.values_list("preview_key", flat=True).get()
        return self.preview_key

    def revoke_preview_links(self):
        """Every preview link shared so far stops working."""
        type(self).objects.filter(pk=self.pk).update(preview_key="")
        self.preview_key = ""

    def preset_times(self):
        """Publication and unpublish times already on a story that was never published, e.g.
        typed before it reached an editor: publishing would silently schedule or back-date it
        with them, so the desk asks first. {} when there are none."""
        if self.status not in (Status.DRAFT, Status.IN_REVIEW) or not (self.published_at or self.expires_at):
            return {}
        if self.pk and self.status_changes.filter(to_status=Status.PUBLISHED).exists():
            return {}
        return {name: value for name in ("published_at", "expires_at") if (value := getattr(self, name))}

    def validate_for_publication(self):
        errors = []
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            errors.append("The unpublish time must come after the publication time.")
        if not self.headline.strip():
            errors.append("A story needs a headline before it is published.")
        if not self.body.strip() and self.urgency > BREAKING and not self.is_live:
            errors.append(
                "A story needs a body before it is published (a FLASH, an URGENT or a live blog "
                "may go with a headline)."
            )
        photo = self.lead_photo
        if photo is not None and not (photo.credit.strip() and photo.alt_text.strip()):
            errors.append("The lead photo needs a credit and alt text before the story is published.")
        errors.extend(quote_problems(self))
        errors.extend(translation_problems(self))
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self):
        """For one story in hand (a page's notices, the desk's buttons); every read of
        many stories filters with published() instead, which this mirrors."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
            and not embargo_running(self.embargo_until, now)
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_retracted(self):
        return self.status == self.Status.RETRACTED

    @property
    def state_label(self):
        """The status as the desk says it: a future publication time reads "Scheduled"."""
        if self.status == self.Status.PUBLISHED and self.published_at and self.published_at > timezone.now():
            return gettext_noop("Scheduled")
        if self.is_embargoed:
            return gettext_noop("Embargoed")
        if self.status == self.Status.PUBLISHED and not self.is_published:
            return gettext_noop("Expired")
        return self.get_status_display()

    def can_be_edited_by(self, user):
        """Editors edit any story; reporters only their own drafts."""
        if user.has_perm("articles.change_any_article"):
            return True
        return (
            user.has_perm("articles.change_article")
            and self.author_id == user.pk
            and self.status == self.Status.DRAFT
        )
