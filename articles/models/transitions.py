"""The editorial workflow's rules: which transitions exist and who may make them.

The Article methods (submit_for_review, publish, …) are the only way status
changes; they call these functions so the rules live in one table.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from . import audit
from .editorial import StatusChange
from .status import Status as S

# to-status: (statuses it may come from, permission needed, verb for messages)
TRANSITIONS = {
    S.IN_REVIEW: ({S.DRAFT, S.UNPUBLISHED}, "articles.change_article", "submit for review"),
    S.DRAFT: ({S.IN_REVIEW}, "articles.publish_article", "send back to the reporter"),
    S.PUBLISHED: ({S.DRAFT, S.IN_REVIEW, S.UNPUBLISHED, S.PUBLISHED}, "articles.publish_article", "publish"),
    S.UNPUBLISHED: ({S.PUBLISHED}, "articles.publish_article", "unpublish"),
    S.RETRACTED: ({S.PUBLISHED}, "articles.retract_article", "retract"),
}


def check_transition(article, to, user):
    """Raise unless `user` (None: the system) may move `article` to status `to`."""
    sources, permission, verb = TRANSITIONS[to]
    if article.status not in sources:
        raise ValidationError(f"Cannot {verb} a story that is {article.get_status_display().lower()}.")
    if user is None:
        return
    if to == S.DRAFT and withdrawing(article, user):
        return
    if not user.has_perm(permission):
        raise PermissionDenied(f"You do not have permission to {verb} stories.")
    if to == S.IN_REVIEW and not article.can_be_edited_by(user):
        raise PermissionDenied("You can submit only your own drafts for review.")


def withdrawing(article, user):
    """A reporter may take their own story back out of review, to keep working on it."""
    return article.author_id == user.pk and user.has_perm("articles.change_article")


def record_transition(article, from_status, to_status, *, by, note=""):
    audit.record_transition(article, to_status, by=by)
    return StatusChange.objects.create(
        article=article, from_status=from_status, to_status=to_status, by=by, note=note
    )


def may_transition(article, to, user):
    try:
        check_transition(article, to, user)
    except (PermissionDenied, ValidationError):
        return False
    return True


def allowed_transitions(article, user):
    """The status changes `user` may make to `article` now, for showing the right buttons.

    A story not saved yet is a draft to the table, so a new story's buttons follow the
    same rules as an existing draft's."""
    return [to for to in TRANSITIONS if may_transition(article, to, user)]
