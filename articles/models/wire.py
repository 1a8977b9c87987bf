"""Wire items: which agency item (IPTC ninjs) each imported story came from, and at which version."""

from django.db import models
from django.utils import timezone


class WireItem(models.Model):
    """The agency item behind an imported story; `import_ninjs` finds the story again by `uri`."""

    article = models.OneToOneField("articles.Article", on_delete=models.CASCADE, related_name="wire_item")
    uri = models.CharField(
        "item URI", max_length=500, help_text="The agency's identifier (ninjs uri or guid)."
    )
    # ninjs `version` is a string; it is compared numerically when both sides are numbers,
    # else by `version_created` (see articles.ninjs.compare_versions).
    version = models.CharField(max_length=50, blank=True, default="")
    version_created = models.DateTimeField(null=True, blank=True)
    # The lead picture's own uri, so a newer version of the same item does not import it twice.
    picture_uri = models.CharField(max_length=500, blank=True, default="")
    received_at = models.DateTimeField(default=timezone.now, help_text="When this version was imported.")

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "wire item"
        verbose_name_plural = "wire items"
        constraints = [models.UniqueConstraint(fields=["uri"], name="unique_wire_item_uri")]

    def __str__(self):
        return f"{self.uri} (version {self.version or '?'})"
