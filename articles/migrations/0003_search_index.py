# Schema for search (issue 5); operations are added as that work lands.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_photo_pipeline")]

    operations = []
