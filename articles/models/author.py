"""Bylines: who a story is by. An Author is a public profile, a desk user's or a contributor's
without a login ("By Anna Petrova, TASS"); a Byline puts one on a story, in order.

`Article.author` stays what it was: the desk user who created the story in the CMS, which
decides who may edit a draft. The byline is what readers, feeds and partners are told.
"""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from .status import published_q


class AuthorQuerySet(models.QuerySet):
    def on_record(self):
        """Authors a reader can already meet: carried by a published story. An author only a
        draft (or a scheduled, retracted … story) carries stays unknown on every page, feed,
        sitemap and API answer. A probe per author that stops at the first published story
        (see PersonQuerySet.on_record)."""
        live = Byline.objects.filter(published_q("article__"), author=OuterRef("pk"))
        return self.alias(any_story=Subquery(live.order_by().values("pk")[:1])).filter(
            any_story__isnull=False
        )


class Author(models.Model):
    """A byline's public profile: a desk user's, or a contributor's without a login."""

    name = models.CharField("display name", max_length=200, help_text="As the byline prints it.")
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The profile's address: /authors/this-slug/."
    )
    role = models.CharField(
        max_length=200, blank=True, default="", help_text="e.g. Moscow correspondent, Economics editor"
    )
    organisation = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="For a contributor from another outlet or agency, e.g. TASS; empty for our own staff.",
    )
    bio = models.TextField("short bio", blank=True, default="")
    portrait = models.ForeignKey(
        "articles.Photo", on_delete=models.SET_NULL, null=True, blank=True, related_name="portrait_of_author"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The desk login this profile belongs to; empty for a contributor without one.",
    )
    email = models.EmailField("public contact e-mail", blank=True, default="")
    links = models.TextField(
        "social and web links",
        blank=True,
        default="",
        help_text="Public profile addresses, one per line (https://…).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "author"
        verbose_name_plural = "authors"
        indexes = [models.Index(fields=["name"], name="author_name_idx")]

    def __str__(self):
        return self.credit

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        check = URLValidator(schemes=["https", "http"])
        for line in self.link_list:
            # The form's field error says which line, so nothing typed is lost to a vague message.
            try:
                check(line)
            except ValidationError:
                raise ValidationError({"links": f"“{line}” is not a web address (https://…)."}) from None

    @property
    def credit(self):
        """ "Anna Petrova, TASS" for a contributor; the name alone for our own staff."""
        return f"{self.name}, {self.organisation}" if self.organisation else self.name

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def is_on_record(self):
        return self.pk is not None and type(self).objects.on_record().filter(pk=self.pk).exists()


@reversion.register()
class Byline(models.Model):
    """One author on one story, in the order the byline names them."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="bylines")
    # An author who signed published copy cannot vanish from under it.
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["article", "order", "id"]
        verbose_name = "byline"
        verbose_name_plural = "bylines"
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_byline")]
        indexes = [models.Index(fields=["author", "article"], name="byline_author_idx")]

    def __str__(self):
        return self.author.credit if self.author_id else "byline"


def credits_text(authors):
    """ "Anna Petrova, TASS", "Ana Ortiz and Li Wei", "A, B and C": the byline as one line of text."""
    credits = [author.credit for author in authors]
    if len(credits) <= 1:
        return "".join(credits)
    return f"{', '.join(credits[:-1])} and {credits[-1]}"


class CreditsMixin:
    """What a story says about who wrote it and whom it is about, read from prefetches
    (bylines with their authors, people, about, quotes with their speakers) when present."""

    @property
    def byline_authors(self):
        return [byline.author for byline in self.bylines.all()]

    @property
    def byline_text(self):
        return credits_text(self.byline_authors)

    def people_by_role(self):
        """(about, mentioned): the people the story is about, the editor's choice among those
        it mentions, and everyone else it mentions or quotes, in the order the desk gave them.
        The one split JSON-LD and ninjs both use, so they cannot disagree."""
        mentioned_people = list(self.people.all())
        chosen = {person.pk for person in self.about.all()}
        # Only among the people mentioned: they are the ones on record (PersonQuerySet.on_record).
        about = [person for person in mentioned_people if person.pk in chosen]
        others = [person for person in mentioned_people if person.pk not in chosen]
        seen = {person.pk for person in mentioned_people}
        for quote in self.quotes.all():
            if quote.speaker_id not in seen:
                seen.add(quote.speaker_id)
                others.append(quote.speaker)
        return about, others
