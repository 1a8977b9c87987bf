from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

CREDIT_REQUIRED = "Every photo needs a credit, e.g. “Agency/Photographer”."
ALT_TEXT_REQUIRED = "Describe the image for readers who cannot see it: alt text is required."


class Photo(models.Model):
    """An image the newsroom may publish; never shown without its credit."""

    image = models.ImageField(upload_to="photos/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.TextField(
        blank=True, default="", help_text="What the picture shows; name the people in it."
    )
    credit = models.CharField(
        max_length=200,
        help_text="Agency and photographer, e.g. “Agency/Jane Doe”. Required.",
        error_messages={"blank": CREDIT_REQUIRED, "required": CREDIT_REQUIRED},
    )
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        help_text="Describes the image for readers who cannot see it. Required.",
        error_messages={"blank": ALT_TEXT_REQUIRED, "required": ALT_TEXT_REQUIRED},
    )
    copyright = models.CharField("copyright / licence", max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "photo"
        verbose_name_plural = "photos"
        constraints = [
            # The database refuses an uncredited photo even if a code path skips the form.
            models.CheckConstraint(
                condition=~Q(credit=""),
                name="photo_credit_required",
                violation_error_message="A photo needs a credit before it can be saved.",
            ),
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="photo_alt_text_required",
                violation_error_message="A photo needs alt text before it can be saved.",
            ),
        ]

    def __str__(self):
        label = self.caption or self.alt_text or self.image.name
        return f"{label[:60]} ({self.credit_line})"

    def clean(self):
        # Whitespace-only credit or alt text is as good as none.
        self.credit = self.credit.strip()
        self.alt_text = self.alt_text.strip()
        errors = {}
        if not self.credit:
            errors["credit"] = CREDIT_REQUIRED
        if not self.alt_text:
            errors["alt_text"] = ALT_TEXT_REQUIRED
        if errors:
            raise ValidationError(errors)

    @property
    def credit_line(self):
        """The credit as readers see it: always led by a single ©."""
        credit = self.credit.strip()
        return credit if credit.startswith("©") else f"© {credit}"
