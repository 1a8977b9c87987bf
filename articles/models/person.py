from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from taggit.managers import TaggableManager

from ..quotes import match_people
from .article import Article
from .quote import Quote
from .tag import TaggedPerson


class PersonQuerySet(models.QuerySet):
    def on_record(self):
        """People a reader can already meet in a published story: mentioned in one or quoted
        in one. Someone only a draft (or a scheduled, retracted … story) carries stays unknown,
        on every page, feed, sitemap and API answer alike.

        Each test is a probe that stops at the first published story found, a scalar
        subquery rather than EXISTS, which PostgreSQL may turn into a semi-join reading
        every mention of the archive (see the people sitemap)."""
        mentioned = Article.objects.published().filter(people=OuterRef("pk")).order_by().values("pk")[:1]
        quoted = Quote.objects.published().filter(speaker=OuterRef("pk")).order_by().values("pk")[:1]
        return self.alias(any_mention=Subquery(mentioned), any_quote=Subquery(quoted)).filter(
            Q(any_mention__isnull=False) | Q(any_quote__isnull=False)
        )

    def matching(self, found):
        """(match, record or None) for each of `found` (names, or mappings with name and role).

        The one person matcher (`articles.quotes.match_people`: names, aliases and
        transliterations); it reads names and aliases only, then fetches the few matched."""
        matches = match_people(found, self.values_list("name", "aliases", "id"))
        records = self.in_bulk([m.id for m in matches if m.id is not None])
        return [(m, records.get(m.id)) for m in matches]


class Person(models.Model):
    """Someone the newsroom writes about or quotes."""

    name = models.CharField(max_length=200, help_text="The fullest usual form of the name.")
    slug = models.SlugField(max_length=200, unique=True)
    role = models.CharField(
        "role / title", max_length=200, blank=True, default="", help_text="e.g. Foreign Minister"
    )
    organisation = models.CharField(max_length=200, blank=True, default="")
    aliases = models.TextField(
        blank=True,
        default="",
        help_text="Other spellings and transliterations, one per line.",
    )
    bio = models.TextField(blank=True, default="")
    portrait = models.ForeignKey(
        "articles.Photo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portrait_of",
    )
    topics = TaggableManager(through=TaggedPerson, blank=True, verbose_name="topics")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"
        permissions = [
            ("change_person_on_record", "Can change the public profile of a person on record"),
        ]
        indexes = [models.Index(fields=["name"], name="person_name_idx")]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name

    def get_absolute_url(self):
        return reverse("articles:person", kwargs={"slug": self.slug})

    @property
    def is_on_record(self):
        """Mentioned in or quoted by a published story: their page is public, so editors own it."""
        return self.pk is not None and type(self).objects.on_record().filter(pk=self.pk).exists()

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
