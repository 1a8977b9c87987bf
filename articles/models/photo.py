from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.fields.files import ImageFieldFile
from PIL import Image

from ..images.decode import upright_size
from ..images.validation import inspect_upload
from .article import Article
from .author import Author
from .files import original_upload_to, photo_storage
from .language import localized
from .live import LiveEntry
from .person import Person
from .rendition import Rendition, picture_for, share_image_for

CREDIT_REQUIRED = "Every photo needs a credit, e.g. “Agency/Photographer”."
MISSING_FILE = "There is no stored file called “%(name)s”: upload the photo again."
ALT_TEXT_REQUIRED = "Describe the image for readers who cannot see it: alt text is required."


class UprightImageFieldFile(ImageFieldFile):
    def _get_image_dimensions(self):
        # Django reads the stored pixel grid; a camera's portrait shot is stored on its
        # side with an EXIF orientation tag. Readers (and our renditions) see it upright,
        # so the width and height we store are the upright ones.
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            try:
                self.open()
            except FileNotFoundError:  # a name with no file: full_clean() says so in words
                self._dimensions_cache = (None, None)
                return self._dimensions_cache
            try:
                with Image.open(self) as image:
                    self._dimensions_cache = upright_size(image)
            except Exception:  # Django's own reader also answers "unknown" for any unreadable file
                self._dimensions_cache = (None, None)
            finally:
                if close:
                    self.close()
                else:
                    self.seek(0)
        return self._dimensions_cache


class UprightImageField(models.ImageField):
    """An ImageField whose width_field/height_field hold the size as displayed (EXIF orientation applied)."""

    attr_class = UprightImageFieldFile


class PhotoQuerySet(models.QuerySet):
    def in_use(self):
        """Photos leading a story (in any state) or serving as someone's portrait."""
        return self.filter(self._used_q())

    def unused(self):
        return self.exclude(self._used_q())

    def on_record(self):
        """Photos readers may download: leading a published story, or the portrait of a
        person or an author on record. Anything else, a draft's or an embargoed wire picture,
        stays private."""
        leads = Article.objects.published().filter(lead_photo=OuterRef("pk"))
        portraits = Person.objects.on_record().filter(portrait=OuterRef("pk"))
        in_entries = LiveEntry.objects.published().filter(photo=OuterRef("pk"))
        authors = Author.objects.on_record().filter(portrait=OuterRef("pk"))
        return self.filter(
            Q(Exists(leads)) | Q(Exists(portraits)) | Q(Exists(in_entries)) | Q(Exists(authors))
        )

    def _used_q(self):
        return (
            Q(Exists(Article.objects.filter(lead_photo=OuterRef("pk"))))
            | Q(Exists(Person.objects.filter(portrait=OuterRef("pk"))))
            | Q(Exists(LiveEntry.objects.filter(photo=OuterRef("pk"))))
            | Q(Exists(Author.objects.filter(portrait=OuterRef("pk"))))
        )


focal_validators = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class Photo(models.Model):
    """An image the newsroom may publish; never shown without its credit."""

    image = UprightImageField(
        upload_to=original_upload_to,
        storage=photo_storage,
        width_field="width",
        height_field="height",
        max_length=255,
    )
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
    # The caption and alt text as other editions write them, by language code: a story and its
    # translations share the photo, and each edition's readers get its words (local_caption).
    captions = models.JSONField("captions in other languages", blank=True, default=dict)
    alt_texts = models.JSONField("alt texts in other languages", blank=True, default=dict)
    copyright = models.CharField("copyright / licence", max_length=200, blank=True, default="")
    focal_x = models.FloatField(
        "focal point, across",
        null=True,
        blank=True,
        validators=focal_validators,
        help_text="0 is the left edge, 1 the right. Cropped thumbnails keep this spot in frame.",
    )
    focal_y = models.FloatField(
        "focal point, down",
        null=True,
        blank=True,
        validators=focal_validators,
        help_text="0 is the top edge, 1 the bottom.",
    )
    # A copy of this photo's Rendition rows, written only by photo_create_renditions():
    # public pages build srcsets from it without a query per photo (list, story and
    # person pages are at their query budgets).
    rendition_index = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PhotoQuerySet.as_manager()

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
            models.CheckConstraint(
                condition=(Q(focal_x__isnull=True) | Q(focal_x__gte=0, focal_x__lte=1))
                & (Q(focal_y__isnull=True) | Q(focal_y__gte=0, focal_y__lte=1)),
                name="photo_focal_point_inside",
                violation_error_message="The focal point must lie inside the picture (0 to 1).",
            ),
        ]

    def __str__(self):
        label = self.caption or self.alt_text or self.image.name
        return f"{label[:60]} ({self.credit_line})"

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        # Whatever path a photo comes by (desk, import, script), a new file is decoded
        # before it is stored: not an image, truncated, or a decompression bomb is refused.
        if (
            self.image
            and "image" not in (exclude or ())
            and (self._state.adding or not self.image._committed)
        ):
            try:
                if self.image._committed:  # a stored file named by a script or an import
                    with self.image.open("rb"):
                        inspect_upload(self.image)
                else:
                    inspect_upload(self.image)
            except FileNotFoundError as error:
                raise ValidationError({"image": MISSING_FILE % {"name": self.image.name}}) from error
            except ValidationError as error:
                raise ValidationError({"image": error.error_list}) from error

    def clean(self):
        # Whitespace-only credit or alt text is as good as none.
        self.credit = self.credit.strip()
        self.alt_text = self.alt_text.strip()
        errors = {}
        if not self.credit:
            errors["credit"] = CREDIT_REQUIRED
        if not self.alt_text:
            errors["alt_text"] = ALT_TEXT_REQUIRED
        if (self.focal_x is None) != (self.focal_y is None):
            errors["focal_y" if self.focal_y is None else "focal_x"] = (
                "Give both coordinates of the focal point, or neither."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def local_caption(self):
        return localized(self.captions, self.caption)

    @property
    def local_alt_text(self):
        return localized(self.alt_texts, self.alt_text)

    @property
    def credit_line(self):
        """The credit as readers see it: always led by a single ©."""
        credit = self.credit.strip()
        return credit if credit.startswith("©") else f"© {credit}"

    @property
    def focal_point(self):
        """(x, y) in 0–1, the centre when the desk chose none."""
        if self.focal_x is None or self.focal_y is None:
            return (0.5, 0.5)
        return (self.focal_x, self.focal_y)

    @cached_property
    def picture(self):
        """The whole frame as a <picture>: srcsets of its stored renditions, the original if none."""
        return picture_for(self, Rendition.Kind.FULL)

    @cached_property
    def share_image(self):
        """The one file other sites get (og:image, JSON-LD, feeds, API): never the original,
        which may still carry the photographer's location."""
        return share_image_for(self)

    @cached_property
    def card_picture(self):
        """The 3:2 crop around the focal point that story cards show."""
        return picture_for(self, Rendition.Kind.CARD)
