# Schema for photos (issue 4); operations are added as that work lands.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = []
