from typing import NamedTuple

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_noop
from taggit.managers import TaggableManager

from ..quotes import PersonMatch, match_people
from .article import Article
from .language import localized
from .quote import Quote
from .tag import TaggedPerson


class Matched(NamedTuple):
    match: PersonMatch
    person: "Person | None"
    near: list  # [(Person, confidence)], best first


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
        """A `Matched(match, person, near)` for each of `found` (names, or mappings with name
        and role): the record matched, or None, and the near misses as (record, confidence)
        for an editor to confirm, best first.

        The one person matcher (`articles.quotes.match_people`: names, aliases,
        transliterations and near misses); it reads names and aliases only, then fetches the
        few records it names."""
        matches = match_people(found, self.values_list("name", "aliases", "id"))
        wanted = {m.id for m in matches if m.id is not None} | {n.id for m in matches for n in m.near}
        records = self.in_bulk(wanted)
        return [
            Matched(m, records.get(m.id), [(records[n.id], n.confidence) for n in m.near if n.id in records])
            for m in matches
        ]


class PersonKind(models.TextChoices):
    # English in the desk; public pages translate the label where they print it.
    PERSON = "person", gettext_noop("person")
    ORGANISATION = "organisation", gettext_noop("organisation")
    GROUP = "group", gettext_noop("group")


class Person(models.Model):
    """Someone the newsroom writes about or quotes: a person, or an organisation or group that
    speaks as one ("the ministry said in a statement", "the Williams family said")."""

    Kind = PersonKind

    name = models.CharField(max_length=200, help_text="The fullest usual form of the name.")
    # The name in other editions' scripts, by language code: {"ru": "…"}; the name above is the
    # default edition's. Each edition's pages show its own (local_name).
    names = models.JSONField(
        "names in other languages", blank=True, default=dict, help_text='e.g. {"ru": "…"}'
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.PERSON,
        help_text="An organisation (a ministry, a company) or a group (a family, a board) speaks as one.",
    )
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
    # The role and organisation as other editions write them, by language code.
    roles = models.JSONField("roles in other languages", blank=True, default=dict)
    organisations = models.JSONField("organisations in other languages", blank=True, default=dict)
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
        # Search's people box matches words anywhere in a name or an alias (icontains), which
        # a b-tree cannot answer: migration 0028 adds trigram indexes on PostgreSQL.
        indexes = [models.Index(fields=["name"], name="person_name_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PersonKind.values), name="person_kind_valid")
        ]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name

    def get_absolute_url(self):
        return reverse("articles:person", kwargs={"slug": self.slug})

    @property
    def local_name(self):
        """The name as the active edition writes it."""
        return localized(self.names, self.name)

    @property
    def is_on_record(self):
        """Mentioned in or quoted by a published story: their page is public, so editors own it."""
        return self.pk is not None and type(self).objects.on_record().filter(pk=self.pk).exists()

    @property
    def is_person(self):
        return self.kind == self.Kind.PERSON

    @property
    def local_role(self):
        return localized(self.roles, self.role)

    @property
    def local_organisation(self):
        return localized(self.organisations, self.organisation)

    @property
    def role_line(self):
        """ "Harbour Master, Port of Split": what they are, as a page or a list of speakers says
        it, in the active edition."""
        return ", ".join(part for part in (self.local_role, self.local_organisation) if part)

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
