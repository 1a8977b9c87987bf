"""The desk's "Import wire copy" page: plain agency text in, a draft out, then its suggestions."""

from functools import partial
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..wire.ingest import story_create_from_wire
from ..wire.plain import WireFormatError, decode_wire

MAX_UPLOAD = 512 * 1024  # a wire story is a few kilobytes; anything this big is not one


def wire_import_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(wire_import_view, model_admin=model_admin))
    return [path("import-wire/", view, name="articles_article_import_wire")]


class WireImportForm(forms.Form):
    text = forms.CharField(
        label="Wire copy",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="Paste the story as the agency sent it.",
    )
    upload = forms.FileField(label="…or a text file", required=False)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("upload"), cleaned.get("text") or ""
        if upload is not None and text.strip():
            raise forms.ValidationError("Paste the copy or choose a file, not both.")
        if upload is not None:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(f"The file is too big for wire copy ({upload.size:,} bytes).")
            try:
                text = decode_wire(upload.read())
            except WireFormatError as error:
                raise forms.ValidationError(error.message) from None
        cleaned["copy"] = text
        return cleaned


def wire_import_view(request, *, model_admin):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = WireImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = story_create_from_wire(text=form.cleaned_data["copy"], user=request.user)
        except WireFormatError as error:
            form.add_error(None, f"Not imported. {error.message}")
        else:
            for message, level in import_messages(
                result, may_add_photo=request.user.has_perm("articles.add_photo")
            ):
                model_admin.message_user(request, message, level)
            return redirect("admin:articles_article_suggestions", result.article.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "form": form,
        "title": "Import wire copy",
    }
    return TemplateResponse(request, "admin/articles/article/import_wire.html", context)


def import_messages(result, *, may_add_photo):
    """What the desk is told after an import: what went where, what to check, the photo to add."""
    article = result.article
    dateline = ", ".join(filter(None, [article.dateline_place, article.dateline_date, article.agency]))
    kept = (
        f"; {result.furniture} line(s) of page furniture kept in its internal note"
        if result.furniture
        else ""
    )
    yield (
        f"Draft “{article}” created ({dateline or 'no dateline'}; {article.body.count('<p>')} paragraph(s)"
        f"{kept}). Review the quotes and people it suggests.",
        messages.SUCCESS,
    )
    for warning in result.warnings:
        yield warning, messages.WARNING
    if result.photo:
        photo = result.photo
        if may_add_photo:
            yield (
                format_html(
                    'Photo proposed: “{}”, © {}. <a href="{}">Add the photo</a> (caption, credit and '
                    "alt text filled in) once you have the file, then choose it as the lead photo.",
                    photo.caption or "no caption",
                    photo.credit,
                    photo_add_url(photo),
                ),
                messages.INFO,
            )
        else:
            yield (
                f"Photo proposed: “{photo.caption or 'no caption'}”, © {photo.credit}: the photo desk "
                "adds it (it is in the story's internal note).",
                messages.INFO,
            )


def photo_add_url(photo):
    """The desk's photo form with the proposal filled in: the admin takes initial values from
    the query string."""
    query = {"caption": photo.caption, "credit": photo.credit, "alt_text": photo.alt_text}
    return f"{reverse('admin:articles_photo_add')}?{urlencode({k: v for k, v in query.items() if v})}"
