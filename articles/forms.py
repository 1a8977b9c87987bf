from django import forms

from .models import Article


class ArticleAdminForm(forms.ModelForm):
    """The story form as the desk sees it: wide headline, a short standfirst box."""

    class Meta:
        model = Article
        fields = [
            "section",
            "headline",
            "slug",
            "standfirst",
            "lead_photo",
            "dateline_place",
            "agency",
            "body",
            "people",
            "topics",
            "published_at",
        ]
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "standfirst": forms.Textarea(attrs={"rows": 2, "cols": 90}),
        }
