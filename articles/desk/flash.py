"""A flash in one step: headline, section and urgency, published at once.

The story is an ordinary Article, published through `Article.publish()` like any other, so
it passes the same rules; the one relaxation (a FLASH or URGENT may go with its headline
alone) is the model's (`validate_for_publication`). The editor lands on the story's form to
write it through at the same address; `written_through` and `corrected` say when a change to
a published story is one readers are told of ("Updated 14:32").
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..models import Article, Section, Urgency
from ..models.slugs import unique_slug

FLASH_PERMISSIONS = ("articles.add_article", "articles.publish_article")


class FlashForm(forms.Form):
    headline = forms.CharField(
        max_length=Article._meta.get_field("headline").max_length,
        widget=forms.TextInput(attrs={"class": "vLargeTextField", "size": 90, "autofocus": True}),
        help_text="One line, as the wire runs it. The body comes in the write-through.",
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(), required=False, empty_label="(no section)"
    )
    urgency = forms.TypedChoiceField(
        choices=[(Urgency.FLASH, "1 — FLASH"), (Urgency.URGENT, "2 — URGENT")],
        coerce=int,
        initial=Urgency.FLASH,
        widget=forms.RadioSelect,
    )

    def clean_headline(self):
        headline = " ".join(self.cleaned_data["headline"].split())
        if not headline:
            raise ValidationError("A flash needs a headline.")
        return headline


def flash_view(model_admin, request):
    if not all(request.user.has_perm(permission) for permission in FLASH_PERMISSIONS):
        raise PermissionDenied("Only editors, who may publish, can post a flash.")
    form = FlashForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        article = Article(
            headline=data["headline"],
            slug=unique_slug(Article, data["headline"]),
            section=data["section"],
            urgency=data["urgency"],
            author=request.user,
        )
        try:
            with transaction.atomic():
                article.save()
                article.publish(by=request.user, note="Flash")
        except ValidationError as exc:
            form.add_error(None, exc)  # nothing is kept half-made; the headline stays in the form
        else:
            messages.success(
                request,
                f"{article.urgency_word} published: “{article.headline}”. Write it through below; "
                "tick “Mark as updated” when you add to it.",
            )
            return redirect(reverse("admin:articles_article_change", args=[article.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Post a flash",
        "form": form,
        "opts": Article._meta,
    }
    return TemplateResponse(request, "admin/articles/article/flash.html", context)


def written_through(form):
    """A published headline-only story whose body is now written: always a substantial update,
    so readers are told of it without the editor ticking "Mark as updated"."""
    before = form.initial.get("body") or ""
    return (
        form.instance.status == Article.Status.PUBLISHED
        and not before.strip()
        and bool((form.cleaned_data.get("body") or "").strip())
    )


def corrected(article):
    """A correction or update added to a published story is a change readers are told of.
    The story is saved already (inlines follow it), so only the time is written."""
    if article.is_published:
        article.mark_revised()
        Article.objects.filter(pk=article.pk).update(revised_at=article.revised_at)


def flash_urls(model_admin):
    view = model_admin.admin_site.admin_view
    return [
        path("flash/", view(lambda request: flash_view(model_admin, request)), name="articles_article_flash"),
    ]
