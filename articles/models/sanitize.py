"""The body's allow-list: what the rich-text editor can produce, and nothing else.

The editor's toolbar and this list are declared together (BODY_EXTENSIONS) so an
editor can never make markup that the sanitiser later strips, and no other path
(demo loader, wire import, API) can store markup the editor could not.
"""

import nh3

# django-prose-editor extensions offered to editors.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    # Curly quotes as one types (static/articles/prose_typography.js); adds no markup.
    "Typography": True,
}

_CLEANER = nh3.Cleaner(
    tags={"p", "br", "strong", "em", "h2", "h3", "ul", "ol", "li", "blockquote", "hr", "a"},
    attributes={"a": {"href", "title"}, "ol": {"start"}},
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_body(html):
    """Return `html` reduced to the allow-list; safe to render with |safe."""
    cleaned = _CLEANER.clean(html or "").strip()
    # ProseMirror saves an empty document as one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
