import sys, os, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
from articles.models import Article
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
c = Client(HTTP_HOST="localhost")
with override_settings(PAGE_CACHE=False):
    for a in Article.objects.on_record().order_by("pk"):
        for n in (1, 2):
            html = c.get(a.get_absolute_url()).content
        open(f"{out}/{a.slug}.html", "wb").write(html)
print(len(os.listdir(out)))
