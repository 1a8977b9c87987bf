"""Words per edition on the desk's forms: "Name in Русский", "Caption in Русский" … boxes,
stored in the record's JSON field of that text by language ({"ru": "…"}). One box per text
per edition other than the default, so an edition added in settings gets its boxes with no
code; the pages print the active edition's (`localized()`, articles/models/language.py)."""

from django import forms

from ..models.language import default_language, edition_codes, language_name


def other_editions():
    return [code for code in edition_codes() if code != default_language()]


def local_fields(prefix):
    """The boxes of one text, e.g. local_fields("name") == ["name_ru"]."""
    return [f"{prefix}_{code}" for code in other_editions()]


def _box(label, code, *, long):
    name = language_name(code)
    widget = (
        forms.Textarea(attrs={"rows": 2, "cols": 60})
        if long
        else forms.TextInput(attrs={"class": "vTextField"})
    )
    widget.attrs["lang"] = code
    return forms.CharField(
        label=f"{label} in {name}",
        required=False,
        max_length=None if long else 200,
        help_text=f"As the {name} edition prints it; empty: the text above.",
        widget=widget,
    )


def local_texts_form(base, texts):
    """`base` (a ModelForm) with boxes for `texts`: (JSON field, box prefix, label, long?)."""

    def __init__(self, *args, **kwargs):
        base.__init__(self, *args, **kwargs)
        for field, prefix, _, _ in texts:
            stored = getattr(self.instance, field) or {}
            for code in other_editions():
                if f"{prefix}_{code}" in self.fields:
                    self.fields[f"{prefix}_{code}"].initial = stored.get(code, "")

    def save(self, commit=True):
        for field, prefix, _, long in texts:
            stored = dict(getattr(self.instance, field) or {})
            for code in other_editions():
                if f"{prefix}_{code}" not in self.cleaned_data:
                    continue
                value = self.cleaned_data[f"{prefix}_{code}"].strip()
                value = value if long else " ".join(value.split())
                if value:
                    stored[code] = value
                else:
                    stored.pop(code, None)
            setattr(self.instance, field, stored)
        return base.save(self, commit)

    # Declared fields, as the admin's form factory wants every field it is given to be.
    boxes = {
        f"{prefix}_{code}": _box(label, code, long=long)
        for _, prefix, label, long in texts
        for code in other_editions()
    }
    return type(f"Local{base.__name__}", (base,), {**boxes, "__init__": __init__, "save": save})
