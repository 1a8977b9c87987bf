import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from ..sanitize import BODY_EXTENSIONS, sanitize_body
from .tag import TaggedArticle


def published_q(prefix=""):
    """The one definition of "a reader may see this story", for related lookups.

    `prefix` reaches the article through a relation, e.g. published_q("article__")
    for quotes. The clock is read when the query is built, so a scheduled story
    appears by itself when its time comes.
    """
    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Every public read starts here: lists, pages, feeds, sitemaps, search, API."""
        return self.filter(published_q())

    def for_listing(self):
        """What a list of story cards shows, fetched in one query."""
        return self.select_related("lead_photo", "section").order_by("-published_at", "-id")


class Article(models.Model):
    """One story."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=250)
    slug = models.SlugField(
        max_length=250,
        unique=True,
        help_text="The story's address: /news/this-slug/. Changing it after publication breaks links.",
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
    topics = TaggableManager(through=TaggedArticle, blank=True, verbose_name="topics")
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Set when published; a future time holds the story back until then.",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "story"
        verbose_name_plural = "stories"
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # Sanitised on every save, whatever path the HTML came by.
        self.body = sanitize_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:story", kwargs={"slug": self.slug})

    # Status transitions: the only way status changes.

    def publish(self, *, by=None, at=None):
        """Publish now, or at `at` (a future time schedules the story)."""
        self.validate_for_publication()
        self.status = self.Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.published_by = by
        self.save()

    def unpublish(self, *, by=None):
        self.status = self.Status.DRAFT
        self.published_by = None
        self.save()

    def validate_for_publication(self):
        errors = []
        if not self.headline.strip():
            errors.append("A story needs a headline before it is published.")
        if not self.body.strip():
            errors.append("A story needs a body before it is published.")
        photo = self.lead_photo
        if photo is not None and not (photo.credit.strip() and photo.alt_text.strip()):
            errors.append("The lead photo needs a credit and alt text before the story is published.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def was_updated(self):
        """Readers are told of an update only when it came well after publication."""
        if not self.published_at or not self.updated_at:
            return False
        return self.updated_at - self.published_at > datetime.timedelta(minutes=5)

    @property
    def dateline(self):
        """`MOSCOW, September 11. /AGENCY/.` from the publication date in the site's time zone."""
        when = timezone.localtime(self.published_at or timezone.now())
        day = date_format(when, "F j")
        agency = (self.agency or settings.DEFAULT_AGENCY).upper()
        place = self.dateline_place.strip().upper()
        return f"{place}, {day}. /{agency}/." if place else f"{day}. /{agency}/."

    @property
    def body_with_dateline(self):
        """The sanitised body with the dateline opening its first paragraph, as wire copy runs."""
        dateline = format_html('<span class="dateline">{}</span> ', self.dateline)
        if self.body.startswith("<p>"):
            return mark_safe(f"<p>{dateline}{self.body[3:]}")  # body is sanitised on save
        return mark_safe(f"<p>{dateline}</p>{self.body}")

    @property
    def pull_quote(self):
        """The first quote marked to lead; uses prefetched quotes when present."""
        return next((quote for quote in self.quotes.all() if quote.is_pull_quote), None)
