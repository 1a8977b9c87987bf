"""Live blogs: a story that is a stream of timestamped entries.

A live blog is an ordinary Article with `is_live` set (LiveBlogFields) and coverage times; it
is published, retracted and swept like any story, and its entries are public exactly when
it is (`LiveEntryQuerySet.published()`). An entry's text is rich text sanitised by the
body's own allow-list; its quote is a Quote record of the story (so it is listed on the
speaker's page), checked against the entry's words by the same integrity rule as the body.

Posting, editing and deleting go through `entry_post`, `entry_edit` and `entry_delete`: each
writes a django-reversion revision, so an edit can be compared and a deletion leaves a trace
(`Version.objects.get_deleted(LiveEntry)` and a revision of the story naming the entry).
"""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField

from ..quotes import html_to_text
from .integrity import quote_in_body
from .keyset import Key
from .quote import Quote
from .sanitize import sanitize_body
from .status import published_q

# What an entry's one field offers: a paragraph or two with emphasis, links and lists; no
# headings (the entry's optional headline is its own field) and no rules.
ENTRY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    "Typography": True,
}
NEWEST_FIRST = (Key("posted_at", timezone.datetime, True), Key("id", int, True))


class LiveBlogFields(models.Model):
    """What makes a story a live blog; Article inherits these."""

    is_live = models.BooleanField(
        "live blog",
        default=False,
        db_default=False,
        help_text="The story is a stream of entries posted from its live desk page.",
    )
    coverage_start = models.DateTimeField(
        "live coverage from", null=True, blank=True, help_text="Empty: the publication time."
    )
    coverage_end = models.DateTimeField(
        "live coverage until",
        null=True,
        blank=True,
        help_text="When set and passed, readers see “Live coverage has ended” and pages stop updating.",
    )

    class Meta:
        abstract = True

    @property
    def coverage_started_at(self):
        return self.coverage_start or self.published_at

    @property
    def live_ended(self):
        return bool(self.is_live and self.coverage_end and self.coverage_end <= timezone.now())

    def clean_live_blog(self):
        """Messages for coverage times that cannot be (called by Article.clean)."""
        if self.coverage_start and self.coverage_end and self.coverage_end <= self.coverage_start:
            return {"coverage_end": "Live coverage must end after it starts."}
        return {}


class LiveEntryQuerySet(models.QuerySet):
    def published(self):
        """Entries a reader may see: those of a published live blog."""
        return self.filter(published_q("article__"), article__is_live=True)

    def for_stream(self):
        """Everything an entry shows, in the one query: author, photo, quote and speaker."""
        return self.select_related("author", "photo", "quote__speaker")


@reversion.register(follow=["quote"])
class LiveEntry(models.Model):
    """One timestamped post of a live blog."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="live_entries")
    headline = models.CharField(
        max_length=200, blank=True, default="", help_text="Optional: a few words that lead the entry."
    )
    body = ProseEditorField(config={"extensions": ENTRY_EXTENSIONS}, sanitize=sanitize_body)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    photo = models.ForeignKey(
        # A photo shown in an entry cannot be deleted out from under it.
        "articles.Photo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    is_pinned = models.BooleanField("pinned", default=False, help_text="Kept at the top of the stream.")
    is_key_event = models.BooleanField(
        "key event", default=False, help_text="Listed in the live blog's summary of key events."
    )
    posted_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Drawn by the posting page for each new entry: a retried request (a double click, a
    # timed-out fetch sent again) finds the entry it already made instead of making two.
    client_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-id"]
        verbose_name = "live entry"
        verbose_name_plural = "live entries"
        indexes = [models.Index(fields=["article", "-posted_at", "-id"], name="live_entry_stream_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "client_key"], condition=~Q(client_key=""), name="unique_live_entry_key"
            )
        ]

    def __str__(self):
        return self.headline or self.summary

    def get_absolute_url(self):
        """The entry's permalink on the story page (the page's newest entries carry it)."""
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"entry-{self.pk}"

    @property
    def body_html(self):
        return mark_safe(self.body)  # sanitised on every save, like the story's body

    @property
    def text(self):
        return html_to_text(self.body).text

    @property
    def summary(self):
        words = " ".join(self.text.split())
        return words if len(words) <= 120 else f"{words[:119].rstrip()}…"

    @property
    def byline(self):
        """The name readers see: the desk user's full name, else their user name."""
        if self.author is None:
            return settings.SITE_NAME
        return self.author.get_full_name() or self.author.get_username()

    @property
    def was_edited(self):
        return self.edited_at is not None

    def clean(self):
        super().clean()
        if not self.body.strip() or not self.text.strip():
            raise ValidationError({"body": "An entry needs some text."})
        photo = self.photo
        if photo is not None and not (photo.credit.strip() and photo.alt_text.strip()):
            raise ValidationError({"photo": "A photo needs a credit and alt text before it is shown."})


def _check_quote(entry, quote_text, speaker):
    if not quote_text and speaker is None:
        return
    if not quote_text or speaker is None:
        raise ValidationError("A quote needs both its exact words and who said them.")
    if not quote_in_body(quote_text, entry.text):
        raise ValidationError(
            {"quote_text": "The quote must be the words as the entry prints them: put them in the text."}
        )


def _save_quote(entry, quote_text, speaker, verb):
    existing = Quote.objects.filter(entry=entry).first()
    if not quote_text:
        if existing is not None:
            existing.delete()
        return
    quote = existing or Quote(article_id=entry.article_id, entry=entry)
    quote.text, quote.speaker, quote.verb = quote_text, speaker, verb or "said"
    quote.save()


def entry_post(*, article, by, body, headline="", photo=None, quote_text="", speaker=None, verb="said",
               is_pinned=False, is_key_event=False, client_key=""):  # fmt: skip
    """Post a new entry to a live blog. A `client_key` already used on the blog returns the
    entry it made (a retried request), so nothing is posted twice and nothing lost."""
    if not article.is_live:
        raise ValidationError("This story is not a live blog.")
    if client_key:
        earlier = LiveEntry.objects.filter(article=article, client_key=client_key).first()
        if earlier is not None:
            return earlier
    entry = LiveEntry(
        article=article, author=by, body=sanitize_body(body), headline=headline.strip(), photo=photo,
        is_pinned=is_pinned, is_key_event=is_key_event, client_key=client_key,
    )  # fmt: skip
    entry.full_clean(exclude=["article", "author"])
    _check_quote(entry, quote_text.strip(), speaker)
    with transaction.atomic(), reversion.create_revision():
        entry.save()
        _save_quote(entry, quote_text.strip(), speaker, verb)
        _revision_by(by, f"Live entry {entry.pk} posted")
    return entry


def entry_edit(entry, *, by, body, headline="", photo=None, quote_text="", speaker=None, verb="said",
               is_pinned=False, is_key_event=False):  # fmt: skip
    """Correct an entry: readers see it marked "edited" when its words change."""
    body = sanitize_body(body)
    words_changed = body != entry.body or headline.strip() != entry.headline
    entry.body, entry.headline, entry.photo = body, headline.strip(), photo
    entry.is_pinned, entry.is_key_event = is_pinned, is_key_event
    entry.full_clean(exclude=["article", "author"])
    _check_quote(entry, quote_text.strip(), speaker)
    if words_changed:
        entry.edited_at = timezone.now()
    with transaction.atomic(), reversion.create_revision():
        entry.save()
        _save_quote(entry, quote_text.strip(), speaker, verb)
        _revision_by(by, f"Live entry {entry.pk} edited")
    return entry


def entry_delete(entry, *, by):
    """Delete an entry; its last state stays in the revisions, with the story's history
    naming it, so a deletion is never silent."""
    label = f"Live entry {entry.pk} deleted: “{entry.summary[:80]}”"
    with transaction.atomic():
        # reversion keeps versions only of rows that exist when the revision is saved.
        with reversion.create_revision():
            reversion.add_to_revision(entry)
            reversion.add_to_revision(entry.article)
            _revision_by(by, label)
        entry.delete()


def _revision_by(user, comment):
    if user is not None and user.pk:
        reversion.set_user(user)
    reversion.set_comment(comment[:500])
