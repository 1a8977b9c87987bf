from django.db import models
from django.urls import reverse

from .language import localized


class Section(models.Model):
    """A desk of the newsroom (World, Politics, Business); shown as the story's label."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    # The name in other editions' scripts, by language code: {"ru": "В мире"}; the name above is the
    # default edition's. Each edition's pages show its own (local_name).
    names = models.JSONField(
        "names in other languages", blank=True, default=dict, help_text='e.g. {"ru": "В мире"}'
    )
    description = models.TextField(blank=True, default="")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the site navigation, smallest first."
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "section"
        verbose_name_plural = "sections"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})

    @property
    def local_name(self):
        """The name as the active edition's navigation and labels say it."""
        return localized(self.names, self.name)
