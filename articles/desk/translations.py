"""The desk's side of translations: "Translate" makes a linked draft in another edition, the
story form lists the group's versions, and the story list says which exist and which are out
of date (the rules are in articles/models/translation.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from ..models import Article
from ..models.language import edition_codes, language_name
from ..models.translation import article_translate, group_of, is_out_of_date


def translation_urls(model_admin):
    view = model_admin.admin_site.admin_view

    @require_POST
    def translate(request, object_id, language):
        source = model_admin.story_or_404(request, object_id)
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        try:
            draft = article_translate(source=source, language=language, by=request.user)
        except ValidationError as error:
            model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:articles_article_change", source.pk)
        model_admin.message_user(
            request,
            f"A {language_name(language)} draft of “{source}” is ready. Translate the headline, standfirst, "
            "body and every quote (they carry the source's words until you do) before publishing.",
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", draft.pk)

    return [
        path(
            "<path:object_id>/translate/<str:language>/",
            view(translate),
            name="articles_article_translate",
        )
    ]


def with_versions(queryset):
    """The story list's rows with their translation groups, in one query more."""
    fields = ("pk", "language", "updated_at", "translation_source_id")
    versions = Prefetch("translation_versions", queryset=Article.objects.only(*fields))
    sources = Article.objects.only(*fields).prefetch_related(versions)
    return queryset.prefetch_related(Prefetch("translation_source", queryset=sources))


def versions_cell(article):
    """ "**en** · ru (out of date)": the row's own language first, then the group's others."""
    source = article.translation_source
    if source is None:
        return article.language
    cells = []
    for version in sorted(source.translation_versions.all(), key=lambda v: (v.pk != article.pk, v.language)):
        label = (
            format_html("<strong>{}</strong>", version.language)
            if version.pk == article.pk
            else version.language
        )
        if is_out_of_date(version, source):
            label = format_html("{} (out of date)", label)
        cells.append((label,))
    return format_html_join(" · ", "{}", cells)


def translations_context(article):
    """The story form's Translations box: the group's versions and the editions left."""
    members = group_of(article)
    source = next((m for m in members if m.pk == article.translation_source_id), article)
    versions = [
        {
            "story": member,
            "name": language_name(member.language),
            "is_source": member.pk == source.pk,
            "is_self": member.pk == article.pk,
            "out_of_date": is_out_of_date(member, source),
        }
        for member in members
    ]
    present = {member.language for member in members}
    missing = [(code, language_name(code)) for code in edition_codes() if code not in present]
    return {"translation_versions": versions, "translate_to": missing}
