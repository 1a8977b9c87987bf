"""How the demo's typed text becomes stored copy, shared by the English and Russian loaders."""

import html
import textwrap

from django.utils.html import strip_tags


def typeset(text):
    """Typographic apostrophes; content is typed with ' because the linter flags ’ as confusable."""
    return text.replace("'", "\u2019")


def body_html(text):
    """Paragraphs separated by blank lines become <p> elements, each on one line of single spaces."""
    paragraphs = textwrap.dedent(text).strip().split("\n\n")
    return "".join(f"<p>{html.escape(typeset(' '.join(p.split())), quote=False)}</p>" for p in paragraphs)


def quote_words(article, text):
    """`text` as a Quote stores it, once it is found word for word in `article`'s body.

    Checked against the stored (sanitised) body: that is what readers and the publish check
    see. A demo quote its story does not print stops the load rather than reach the site."""
    body_text = " ".join(html.unescape(strip_tags(article.body)).split())
    words = typeset(" ".join(text.split()))
    if words not in body_text:
        raise ValueError(f"Demo quote not found in the body of {article.slug!r}: {words!r}")
    return words
