from django.db import models
from django.urls import reverse


class Section(models.Model):
    """A desk of the newsroom (World, Politics, Business); shown as the story's label."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
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
