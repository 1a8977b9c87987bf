import datetime

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from ..quotes import html_to_text
from .article_queries import ArticleQuerySet
from .author import CreditsMixin
from .dateline import dateline_day, format_dateline
from .editorial import SlugRedirect
from .embargo import EMBARGO_HELP, Embargoed, embargo_problems
from .language import default_language
from .live import LiveBlogFields
from .sanitize import BODY_EXTENSIONS, sanitize_body
from .status import Status
from .tag import TaggedArticle
from .urgency import DEFAULT, Urgency, word
from .workflow import Workflow


# A revision holds the story with its quotes, topics, corrections and bylines. The lock
# version is left out so restoring an old revision can never wind it back.
# The preview key is left out too: restoring must never bring a revoked link back.
@reversion.register(
    follow=["quotes", "topic_items", "corrections", "bylines"], exclude=["version", "preview_key"]
)
class Article(Workflow, CreditsMixin, Embargoed, LiveBlogFields, models.Model):
    """One story (a live blog when `is_live`: articles/models/live.py; its workflow:
    articles/models/workflow.py)."""

    Status = Status

    # What only transitions (and the slug's own redirect rule) change: a restored revision
    # brings back the content and never these, so it cannot undo a publication or a retraction.
    # What a story recovered after deletion starts from: a draft, as if never published.
    RECOVERED_AS_DRAFT = {
        "status": Status.DRAFT,
        "published_at": None,
        "expires_at": None,
        "embargo_until": None,
        "retraction_reason": "",
        "retracted_at": None,
    }
    WORKFLOW_FIELDS = (
        "status",
        "published_at",
        "expires_at",
        # A restore must not hide a public story again behind an old embargo.
        "embargo_until",
        "retraction_reason",
        "retracted_at",
        "author",
        "slug",
        "preview_key",
        "revised_at",
    )

    headline = models.CharField(max_length=250)
    slug = models.SlugField(
        max_length=250,
        unique=True,
        help_text=(
            "The story's address: /news/this-slug/. After publication, a change leaves a redirect behind."
        ),
    )
    section = models.ForeignKey(
        "articles.Section", on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    standfirst = models.TextField(
        blank=True, default="", help_text="One sentence under the headline that sells the story."
    )
    body = ProseEditorField(
        config={"extensions": BODY_EXTENSIONS}, sanitize=sanitize_body, blank=True, default=""
    )
    dateline_place = models.CharField(
        max_length=100, blank=True, default="", help_text="Where the story was filed, e.g. Moscow."
    )
    dateline_date = models.CharField(
        "dateline date",
        max_length=40,
        blank=True,
        default="",
        help_text="The date as the wire's dateline gave it, e.g. September 11; empty: the publication date.",
    )
    agency = models.CharField(
        max_length=100,
        blank=True,
        default="",
        help_text=f"Leave empty for our own copy ({settings.DEFAULT_AGENCY}).",
    )
    lead_photo = models.ForeignKey(
        "articles.Photo",
        # A photo a story leads with cannot be deleted out from under it.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
    )
    people = models.ManyToManyField(
        "articles.Person", blank=True, related_name="articles", verbose_name="people mentioned"
    )
    # The editor's choice among the people mentioned: structured data says the story is
    # *about* them, and only *mentions* the rest (articles/models/author.py, people_by_role).
    about = models.ManyToManyField(
        "articles.Person",
        blank=True,
        related_name="stories_about",
        verbose_name="the story is about",
        help_text="Of the people mentioned, those the story is about; everyone else is only mentioned.",
    )
    # The byline, in order: profiles of desk users or contributors (articles/models/author.py).
    authors = models.ManyToManyField(
        "articles.Author", through="articles.Byline", blank=True, related_name="articles"
    )
    topics = TaggableManager(through=TaggedArticle, blank=True, verbose_name="topics")
    # The edition the story is in (articles/models/language.py); not a choices field, so that an
    # edition added in settings needs no migration. The desk's form offers settings.LANGUAGES.
    language = models.CharField(
        max_length=12,
        default=default_language,
        help_text="The edition the story is published in (a BCP 47 code, e.g. en, ru).",
    )
    # One translation group: the source story and its versions in other languages all point at
    # the source (the source at itself); a story never translated points nowhere, so its page
    # spends no query on alternates (articles/models/translation.py).
    translation_source = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translation_versions",
        editable=False,
    )
    urgency = models.PositiveSmallIntegerField(
        choices=Urgency,
        default=DEFAULT,
        db_default=DEFAULT,
        help_text="IPTC 1–9: 1 FLASH and 2 URGENT lead the front page's breaking strip; 5 is normal.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Set when published; a future time holds the story back until then.",
    )
    expires_at = models.DateTimeField(
        "unpublish at",
        null=True,
        blank=True,
        help_text="Optional: the story leaves the site by itself at this time.",
    )
    embargo_until = models.DateTimeField("embargo until", null=True, blank=True, help_text=EMBARGO_HELP)
    retraction_reason = models.TextField(blank=True, default="", editable=False)
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        editable=False,
        help_text="Who created the story; reporters may edit only their own drafts.",
    )
    # Signed into every preview link; emptied (killing the links) by publication, unpublication,
    # retraction and the desk's "revoke", and drawn anew when a link is next asked for.
    preview_key = models.CharField(max_length=32, blank=True, default="", editable=False)
    # Optimistic lock: bumped by every save, checked by the desk so a stale form
    # cannot overwrite a newer version.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A write-through readers are told of ("Updated 14:32", dateModified), unlike a typo fix.
    revised_at = models.DateTimeField("marked updated", null=True, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "story"
        verbose_name_plural = "stories"
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish stories"),
            ("retract_article", "Can retract stories"),
            ("change_any_article", "Can edit any story, including others' and published ones"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published_idx"),
            # Every public list reads published stories newest first: a partial index over
            # exactly those rows, in that order, serves it (and keyset pages) at any depth.
            models.Index(
                fields=["-published_at", "-id"], name="article_live_idx", condition=Q(status="published")
            ),
            # Each edition's newest first (the default edition's is the live index above).
            models.Index(
                fields=["language", "-published_at", "-id"],
                name="article_edition_live_idx",
                condition=Q(status="published"),
            ),
            models.Index(
                fields=["section", "-published_at", "-id"],
                name="article_section_live_idx",
                condition=Q(status="published"),
            ),
            # "Is story N published?" answered from the index alone: lists that start from
            # another table's rows (a topic's links) probe each story here, not in the heap.
            models.Index(
                fields=["id"],
                include=["published_at", "expires_at"],
                name="article_live_pk_idx",
                condition=Q(status="published"),
            ),
            # Few stories expire; this finds the next to go without reading the archive.
            models.Index(
                fields=["expires_at"],
                name="article_expiry_idx",
                condition=Q(status="published", expires_at__isnull=False),
            ),
            # Likewise the next embargo to lift, for the page cache's bound.
            models.Index(
                fields=["embargo_until"],
                name="article_embargo_idx",
                condition=Q(status="published", embargo_until__isnull=False),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_source", "language"], name="one_version_per_language"
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # Sanitised on every save, whatever path the HTML came by.
        self.body = sanitize_body(self.body)
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The story's address in its own edition (/news/… or /ru/news/…), whichever is active."""
        if self.language == translation.get_language():
            return reverse("articles:story", kwargs={"slug": self.slug})
        with translation.override(self.language):
            return reverse("articles:story", kwargs={"slug": self.slug})

    @classmethod
    def slug_taken(cls, slug, *, by_other_than=None):
        """Whether `slug` is another story's: its address now, or an old address of it that
        still redirects. Old addresses belong to their story for as long as they redirect."""
        stories = cls.objects.filter(slug=slug)
        redirects = SlugRedirect.objects.filter(old_slug=slug)
        if by_other_than is not None:
            stories, redirects = (
                stories.exclude(pk=by_other_than),
                redirects.exclude(article_id=by_other_than),
            )
        return stories.exists() or redirects.exists()

    def clean(self):
        super().clean()
        if errors := self.clean_live_blog():
            raise ValidationError(errors)
        if self.slug and SlugRedirect.objects.filter(old_slug=self.slug).exclude(article_id=self.pk).exists():
            owner = SlugRedirect.objects.select_related("article").get(old_slug=self.slug).article
            raise ValidationError(
                {
                    "slug": f"/news/{self.slug}/ is an old address of “{owner}” and still redirects "
                    "readers there. Choose another slug."
                }
            )
        if problems := embargo_problems(self):
            raise ValidationError({"embargo_until": problems})

    def keep_old_address(self, old_slug):
        """After a slug change, keep the address readers may already have as a 301 redirect."""
        # The new slug is live again, if it was one of this story's old addresses; another
        # story's old address is never taken over (clean() refuses such a slug).
        SlugRedirect.objects.filter(old_slug=self.slug, article=self).delete()
        if old_slug and old_slug != self.slug and self.published_at:
            SlugRedirect.objects.get_or_create(old_slug=old_slug, defaults={"article": self})

    @property
    def body_text(self):
        """The body as plain text, a paragraph a block: what quotes are checked against,
        what search indexes and what ninjs counts. One conversion for all of them."""
        return html_to_text(self.body).text

    @classmethod
    def agency_of(cls, name):
        """The agency field for copy credited to `name`: our own agency's copy stores none."""
        name = " ".join((name or "").split())
        return "" if name.casefold() == settings.DEFAULT_AGENCY.casefold() else name

    @property
    def was_updated(self):
        """Readers are told of an update only when it came well after publication, or an
        editor marked a write-through."""
        if not self.published_at or not self.updated_at:
            return False
        return bool(self.revised_at) or self.updated_at - self.published_at > datetime.timedelta(minutes=5)

    @property
    def modified_at(self):
        """The update readers are told of: the last marked write-through, else the last save."""
        return self.revised_at or self.updated_at

    def mark_revised(self, at=None):
        """A substantial update after publication (a write-through): readers see its time.
        Set on the instance; the caller's save stores it."""
        if self.published_at and self.status == self.Status.PUBLISHED:
            self.revised_at = at or timezone.now()

    @property
    def urgency_word(self):
        return word(self.urgency)

    @property
    def dateline(self):
        """`MOSCOW, September 11. /AGENCY/.` in the story's language (`МОСКВА, 11 сентября.
        /ТАСС/.`): the wire's own date when the copy gave one, else the publication date in the
        site's time zone (articles/models/dateline.py)."""
        day = self.dateline_date or dateline_day(self.published_at or timezone.now(), self.language)
        return format_dateline(place=self.dateline_place, day=day, agency=self.agency, language=self.language)

    @property
    def body_with_dateline(self):
        """The sanitised body with the dateline opening its first paragraph, as wire copy runs."""
        dateline = format_html('<span class="dateline">{}</span> ', self.dateline)
        if self.body.startswith("<p>"):
            return mark_safe(f"<p>{dateline}{self.body[3:]}")  # body is sanitised on save
        return mark_safe(f"<p>{dateline}</p>{self.body}")

    @property
    def pull_quote(self):
        """The first quote marked to stand out; uses prefetched quotes when present. A live
        entry's quote is shown in its entry, not with the body's."""
        return next((q for q in self.quotes.all() if q.is_pull_quote and q.entry_id is None), None)

    @property
    def speakers_quoted(self):
        """Each speaker the story's body quotes, once, in the order they first speak
        (prefetched quotes); a live entry's speakers are named in their entries."""
        speakers = {}
        for quote in self.quotes.all():
            if quote.entry_id is None:
                speakers.setdefault(quote.speaker_id, quote.speaker)
        return list(speakers.values())
