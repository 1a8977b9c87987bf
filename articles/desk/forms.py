from pathlib import PurePath

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from ..images.pending import pending_discard, pending_keep, pending_name, pending_open
from ..images.validation import inspect_upload
from ..models import Article, Photo
from ..models.language import language_choices, language_name
from ..models.sanitize import sanitize_body
from ..models.translation import slug_from_translated_headline
from .revisions import compare, latest_version_id, versions_of


class ArticleAdminForm(forms.ModelForm):
    """The story form as the desk sees it, guarded against overwriting a newer version.

    The form carries the story's lock version and the newest revision the editor
    saw. If someone saved the story in between, the save is refused, the form
    comes back with everything the editor typed, and the message lists what the
    other person changed. Saving again, after review, is a deliberate overwrite.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Offered on published stories only (ArticleAdmin.get_fieldsets).
    mark_updated = forms.BooleanField(
        label="Mark as updated",
        required=False,
        help_text="A substantial update (a write-through): readers see “Updated 14:32” and search engines "
        "the new dateModified. Leave it off for a typo.",
    )

    # Not required: a form posted without it (a script, an older page) keeps the story's own.
    language = forms.ChoiceField(
        choices=language_choices, required=False, help_text="The edition the story is published in."
    )

    class Meta:
        model = Article
        fields = [
            "section",
            "urgency",
            "language",
            "headline",
            "slug",
            "standfirst",
            "lead_photo",
            "dateline_place",
            "dateline_date",
            "agency",
            "body",
            "people",
            "about",
            "topics",
            "is_live",
            "coverage_start",
            "coverage_end",
            "published_at",
            "expires_at",
            "embargo_until",
        ]
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "standfirst": forms.Textarea(attrs={"rows": 2, "cols": 90}),
        }

    def clean_language(self):
        # The constraint (one version per language in a group) names a field the form lacks,
        # so Django would not check it before saving: said here, as a message, not a 500.
        language = self.cleaned_data.get("language") or self.instance.language
        group = self.instance.translation_source_id
        if (
            group
            and Article.objects.filter(translation_source_id=group, language=language)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise ValidationError(
                f"This story’s translation group already has a version in {language_name(language)}."
            )
        return language

    def clean_urgency(self):
        return self.cleaned_data.get("urgency") or self.instance.urgency

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expected_version"] = self.instance.version
            self.initial["base_revision"] = latest_version_id(self.instance)
        self.conflict = []
        if "urgency" in self.fields:
            # A form posted without it (a script, an older page) keeps the story's own.
            self.fields["urgency"].required = False
        self.merged = []
        for name in ("published_at", "expires_at", "embargo_until", "coverage_start", "coverage_end"):
            if name in self.fields and hasattr(self.fields[name].widget, "widgets"):
                # The admin's split widget labels the pair, not each box; name each one.
                date, time = self.fields[name].widget.widgets
                label = self.fields[name].label
                date.attrs["aria-label"], time.attrs["aria-label"] = f"{label}: date", f"{label}: time"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_for_conflict(cleaned.get("expected_version"), cleaned.get("base_revision"))
        self._check_about(cleaned)
        # A translation's first translated headline gives it its own address (a Russian
        # headline, a transliterated slug) in place of the placeholder Translate made.
        slug = slug_from_translated_headline(self.instance, cleaned.get("headline"), cleaned.get("slug"))
        if slug:
            cleaned["slug"] = slug
        return cleaned

    def _check_about(self, cleaned):
        # Whom a story is about is chosen among the people it mentions: they are the people
        # on record, whose pages the structured data links to.
        if "about" not in self.fields or "people" not in self.fields:
            return
        mentioned = set(cleaned.get("people") or ())
        missing = [person.name for person in cleaned.get("about") or () if person not in mentioned]
        if missing:
            self.add_error(
                "about",
                f"{', '.join(missing)}: add them to the people mentioned too, or leave them out here.",
            )

    def _check_for_conflict(self, expected, base_revision):
        # Lock the row (PostgreSQL) so no save slips in between this check and ours.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .get()
        )
        if expected is None or expected == current:
            return
        newer = list(versions_of(self.instance).filter(pk__gt=base_revision or 0))
        base = versions_of(self.instance).filter(pk__lte=base_revision or 0).first()
        if newer and base:
            self.conflict = compare(base, newer[0])
        who = ", ".join(
            sorted({v.revision.user.get_username() for v in newer if v.revision.user}) or {"someone"}
        )
        # The re-rendered form becomes a merge: their changes fill in the fields this
        # editor left alone; fields both changed keep this editor's text. The next
        # save is then deliberate, and still refused if yet another save lands first.
        self.data = self.data.copy()
        self.merged = self._take_their_changes(base.field_dict if base else None)
        self.data[self.add_prefix("expected_version")] = current
        self.data[self.add_prefix("base_revision")] = newer[0].pk if newer else base_revision
        raise forms.ValidationError(
            "Not saved: %(who)s saved this story while you were editing it. Your changes are kept "
            "below; what they changed is listed above the form, and filled in wherever you had "
            "not changed the same field. Check it, then save again.",
            code="edit_conflict",
            params={"who": who},
        )

    # Simple fields a conflicting save can take from the other editor's version.
    MERGEABLE = [
        "headline",
        "slug",
        "standfirst",
        "body",
        "dateline_place",
        "dateline_date",
        "agency",
        "section",
        "lead_photo",
    ]

    def _take_their_changes(self, base):
        if base is None:
            return []
        taken = []
        for name in self.MERGEABLE:
            field = Article._meta.get_field(name)
            base_value, current_value = base.get(field.attname), getattr(self.instance, field.attname)
            submitted = self.data.get(self.add_prefix(name), "")
            if name == "body":
                submitted = sanitize_body(submitted)
            if _same(submitted, base_value) and not _same(current_value, base_value):
                self.data[self.add_prefix(name)] = "" if current_value is None else current_value
                taken.append(field.verbose_name)
        return taken


class ConfirmedRestoreForm(ArticleAdminForm):
    """The restore screen of a published story: readers have it, so the editor ticks a box
    saying they read what the restore changes (listed above the form) before it is saved."""

    confirm_restore = forms.BooleanField(
        required=False, label="I have read the changes above: restore this revision on the published story."
    )

    def clean(self):
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            # Someone else saved: what the restore changes is new, so it is confirmed again.
            self.data = self.data.copy()
            self.data.pop(self.add_prefix("confirm_restore"), None)
            raise
        if not self._errors and not cleaned.get("confirm_restore"):
            raise forms.ValidationError(
                "Not restored: this story is published. Read what the restore changes, listed "
                "above, tick the box under the list, then restore again.",
                code="restore_unconfirmed",
            )
        return cleaned


def _same(a, b):
    return ("" if a is None else str(a)) == ("" if b is None else str(b))


class PhotoUploadField(forms.ImageField):
    """An image upload judged by decoding its bytes, with a message for each kind of refusal.

    Django's own ImageField opens the file with every Pillow plugin and has one message
    for all failures; inspect_upload() limits the formats and says what went wrong.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        inspection = inspect_upload(upload)
        upload.name = inspection.filename(upload.name)
        upload.content_type = inspection.mime_type
        upload.inspection = inspection  # read by PhotoAdminForm.clean()
        return upload

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": "image/jpeg,image/png,image/webp"}


class KeptUploadInput(AdminFileWidget):
    """The admin's file input, plus the upload kept from the last try: its thumbnail and token."""

    kept = None  # {"token", "url", "name"} once PhotoAdminForm keeps a file

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        if not self.kept:
            return field
        # Built here, not in a widget template: the form renderer only sees app templates.
        kept = format_html(
            '<div class="kept-upload" role="status"><img src="{}" alt="" width="160">'
            "<p><strong>“{}” kept from your upload</strong> — choose another to replace it. "
            "Saving uses this file; you need not pick it again.</p>"
            '<input type="hidden" name="{}" value="{}"></div>',
            self.kept["url"],
            self.kept["name"],
            KEPT_UPLOAD,
            self.kept["token"],
        )
        # One block, so the admin's flex row keeps the kept file above the input.
        return format_html('<div class="kept-upload-field">{}{}</div>', kept, field)


KEPT_UPLOAD = "kept_upload"
KEPT_EXPIRED = "The file you chose earlier is no longer kept (after a day it is cleared): choose it again."
CONFIRM_PREFILL = (
    "Filled in from the file: %(fields)s. Check what the file says below, correct it if need "
    "be, then save again."
)


class PhotoAdminForm(forms.ModelForm):
    """The photo form: a new file's embedded caption, credit and copyright fill empty boxes.

    What the file filled in is shown before anything is saved: a fresh upload that filled a
    box comes back once for the editor to confirm. A form that comes back for any reason
    keeps its file (articles/images/pending.py), so the editor fixes the boxes and saves
    without choosing the file again; choosing another replaces it.
    """

    PREFILLED = ("caption", "credit", "copyright")
    uploader_id = None  # the desk user, set per request by PhotoAdmin.get_form()

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "copyright", "focal_x", "focal_y"]
        field_classes = {"image": PhotoUploadField}
        widgets = {"image": KeptUploadInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_name = None
        self.from_kept = False
        if "credit" in self.fields:
            # An empty box may be filled from the file; Photo.clean() refuses it if it stays empty.
            self.fields["credit"].required = False
            self.fields[
                "credit"
            ].help_text += " If left empty, the credit embedded in the file (IPTC/XMP) is used."
        if "alt_text" in self.fields:
            # Photo.clean() refuses it empty, in words; the form's "This field is required." beside
            # that said the same thing twice.
            self.fields["alt_text"].required = False
        if self.is_bound and "image" in self.fields and self.uploader_id is not None:
            token = self.data.get(self.add_prefix(KEPT_UPLOAD))
            self.kept_name = pending_name(token, user_id=self.uploader_id) if token else None
            if self.kept_name:
                self.fields["image"].required = False
            elif token:
                self.fields["image"].error_messages["required"] = KEPT_EXPIRED

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if self.kept_name and getattr(image, "inspection", None) is None:
            image = self.fields["image"].to_python(pending_open(self.kept_name))
            self.from_kept = True
        return image

    def clean(self):
        cleaned = super().clean()
        inspection = getattr(cleaned.get("image"), "inspection", None)
        if inspection is not None:
            present = {field: cleaned[field] for field in self.PREFILLED if field in cleaned}
            filled = inspection.metadata.prefill(present)
            prefilled = [field for field in present if filled[field] != present[field]]
            cleaned.update(filled)
            if prefilled:
                # Shown in the boxes when the form comes back, whatever else is wrong.
                self.data = self.data.copy()
                for field in prefilled:
                    self.data[self.add_prefix(field)] = filled[field]
            if prefilled and not self.from_kept:
                labels = [str(self.fields[field].label).lower() for field in prefilled]
                raise forms.ValidationError(
                    CONFIRM_PREFILL, code="confirm_prefill", params={"fields": ", ".join(labels)}
                )
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors and self.uploader_id is not None:
            self._keep_upload()

    def _keep_upload(self):
        image = self.cleaned_data.get("image")
        if getattr(image, "inspection", None) is not None and not self.from_kept:
            token = pending_keep(upload=image, user_id=self.uploader_id)
            pending_discard(self.kept_name)  # a new choice replaces the kept one
            self.data = self.data.copy()
            self.data[self.add_prefix(KEPT_UPLOAD)] = token
            name = image.name
        elif self.kept_name:  # reused, or a new choice that was refused: the old one stands
            token = self.data[self.add_prefix(KEPT_UPLOAD)]
            name = PurePath(self.kept_name).name
        else:
            return
        self.fields["image"].widget.kept = {
            "token": token,
            "url": reverse("admin:articles_photo_pending", args=[token]),
            "name": name,
        }

    def discard_kept(self):
        """Called once the photo is saved: the kept file is now a photo's own copy."""
        if self.from_kept:
            pending_discard(self.kept_name)
