from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager

from .tag import TaggedPerson


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
        from .article import Article
        from .quote import Quote

        return (
            Article.objects.published().filter(people=self).exists()
            or Quote.objects.published().filter(speaker=self).exists()
        )

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
