# Schema for editorial workflow (issue 3); operations are added as that work lands.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_search_index")]

    operations = []
