"""A name per edition on the desk's forms: "Name in Русский" boxes for a person or a section,
stored in the record's `names` ({"ru": "…"}); one box per edition other than the default,
so a new edition in settings gets its box with no code."""

from django import forms

from ..models.language import default_language, edition_codes, language_name


def other_editions():
    return [code for code in edition_codes() if code != default_language()]


def name_fields():
    return [f"name_{code}" for code in other_editions()]


def _name_field(code):
    name = language_name(code)
    return forms.CharField(
        label=f"Name in {name}",
        required=False,
        max_length=200,
        help_text=f"As the {name} edition writes it; empty: the name above.",
        widget=forms.TextInput(attrs={"lang": code, "class": "vTextField"}),
    )


class _LocalNames(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in other_editions():
            if f"name_{code}" in self.fields:
                self.fields[f"name_{code}"].initial = (self.instance.names or {}).get(code, "")

    def save(self, commit=True):
        names = dict(self.instance.names or {})
        for code in other_editions():
            value = " ".join(self.cleaned_data.get(f"name_{code}", "").split())
            if value:
                names[code] = value
            else:
                names.pop(code, None)
        self.instance.names = names
        return super().save(commit)


# Declared fields, as the admin's form factory wants every field it is given to be.
LocalNamesForm = type(
    "LocalNamesForm", (_LocalNames,), {f"name_{code}": _name_field(code) for code in other_editions()}
)
