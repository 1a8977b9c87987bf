"""Checks that markup is inert: nothing in it would run in a reader's browser.

Parsing beats searching for strings: an escaped payload is harmless text, while
the same characters as real markup are not. The parser sees what a browser sees.
"""

from html.parser import HTMLParser

DANGEROUS_ELEMENTS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "frame",
    "frameset",
    "applet",
    "base",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}
# Script elements a page of ours may carry: JSON-LD data blocks and our own static files.
SAFE_SCRIPT_TYPES = {"application/ld+json", "application/json", "importmap"}


class _Inspector(HTMLParser):
    def __init__(self, allowed_script_prefixes):
        super().__init__(convert_charrefs=True)
        self.allowed_script_prefixes = allowed_script_prefixes
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            src = attributes.get("src") or ""
            kind = (attributes.get("type") or "").lower()
            if not (kind in SAFE_SCRIPT_TYPES or (src and src.startswith(self.allowed_script_prefixes))):
                self.problems.append(f"<script {attrs}>")
        elif tag in DANGEROUS_ELEMENTS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style" and value and ("expression(" in value.lower() or "url(" in value.lower()):
                self.problems.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def executable_markup(html, allowed_script_prefixes=("/static/",)):
    """The problems found in `html`: empty when nothing in it can execute."""
    inspector = _Inspector(tuple(allowed_script_prefixes))
    inspector.feed(html)
    inspector.close()
    return inspector.problems
