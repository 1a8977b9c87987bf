"""Every story page on record as readers get it, one file per slug: `python bench/story_html.py OUT`
(DJANGO_SETTINGS_MODULE and DATABASE_URL set, PYTHONPATH the tree to render with).

Run with two trees over one database to show a change leaves the HTML as it was, e.g. after
`manage.py load_demo`: this tree into /tmp/new, `git archive main` unpacked into /tmp/base and
run from there into /tmp/old, then `diff -r /tmp/old /tmp/new` (docs/benchmarks.md).
"""

import os
import sys

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from articles.models import Article  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
client = Client(HTTP_HOST="localhost")
with override_settings(PAGE_CACHE=False):
    for article in Article.objects.on_record().order_by("pk"):
        for _ in (1, 2):  # the second is served from what the first stored
            html = client.get(article.get_absolute_url()).content
        with open(f"{out}/{article.slug}.html", "wb") as page:
            page.write(html)
print(len(os.listdir(out)), "pages")
