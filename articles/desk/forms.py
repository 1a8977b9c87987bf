from django import forms

from ..images.validation import inspect_upload
from ..models import Article, Photo
from ..models.sanitize import sanitize_body
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

    class Meta:
        model = Article
        fields = [
            "section",
            "headline",
            "slug",
            "standfirst",
            "lead_photo",
            "dateline_place",
            "dateline_date",
            "agency",
            "body",
            "people",
            "topics",
            "published_at",
            "expires_at",
        ]
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "standfirst": forms.Textarea(attrs={"rows": 2, "cols": 90}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expected_version"] = self.instance.version
            self.initial["base_revision"] = latest_version_id(self.instance)
        self.conflict = []
        self.merged = []
        for name in ("published_at", "expires_at"):
            if name in self.fields and hasattr(self.fields[name].widget, "widgets"):
                # The admin's split widget labels the pair, not each box; name each one.
                date, time = self.fields[name].widget.widgets
                label = self.fields[name].label
                date.attrs["aria-label"], time.attrs["aria-label"] = f"{label}: date", f"{label}: time"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_for_conflict(cleaned.get("expected_version"), cleaned.get("base_revision"))
        return cleaned

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


class PhotoAdminForm(forms.ModelForm):
    """The photo form: a new file's embedded caption, credit and copyright fill empty boxes."""

    PREFILLED = ("caption", "credit", "copyright")

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "copyright", "focal_x", "focal_y"]
        field_classes = {"image": PhotoUploadField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "credit" in self.fields:
            # An empty box may be filled from the file; Photo.clean() refuses it if it stays empty.
            self.fields["credit"].required = False
            self.fields[
                "credit"
            ].help_text += " If left empty, the credit embedded in the file (IPTC/XMP) is used."

    def clean(self):
        cleaned = super().clean()
        inspection = getattr(cleaned.get("image"), "inspection", None)
        if inspection is not None:
            present = {field: cleaned[field] for field in self.PREFILLED if field in cleaned}
            cleaned.update(inspection.metadata.prefill(present))
        return cleaned
