"""Photo files move from the public media folder into private photo storage.

Originals keep their (already random) names. Renditions, which were named after the
photo's id and the upload's file name, get their keyed folder and spec-only names, and the
photo's rendition_index follows. Old copies are deleted only once the move has committed.
Backwards is a no-op: the files stay private, where the reverse of 0013 cannot reach them.
"""

from django.core.files.storage import default_storage
from django.db import migrations, transaction


def move_photo_files(apps, schema_editor):
    from articles.models.files import RENDITIONS, photo_storage, rendition_key

    Photo = apps.get_model("articles", "Photo")
    Rendition = apps.get_model("articles", "Rendition")
    target = photo_storage()
    moved = []

    def move(old, new):
        if not old or not default_storage.exists(old):
            return old
        with default_storage.open(old, "rb") as handle:
            stored = target.save(new, handle)
        moved.append(old)
        return stored

    for photo in Photo.objects.all().iterator():
        name = photo.image.name
        if name and not target.exists(name):
            stored = move(name, name)
            if stored != name:
                Photo.objects.filter(pk=photo.pk).update(image=stored)
        renames = {}
        for rendition in Rendition.objects.filter(photo=photo):
            old = rendition.file.name
            if old.startswith(f"{RENDITIONS}{rendition_key(photo.pk)}/"):
                continue  # already moved
            new = move(old, f"{RENDITIONS}{rendition_key(photo.pk)}/{rendition.spec}")
            if new != old:
                renames[old] = new
                Rendition.objects.filter(pk=rendition.pk).update(file=new)
        if renames:
            index = [{**entry, "name": renames.get(entry["name"], entry["name"])} for entry in photo.rendition_index]
            Photo.objects.filter(pk=photo.pk).update(rendition_index=index)

    def delete_old():
        for name in moved:
            default_storage.delete(name)

    transaction.on_commit(delete_old)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_private_photo_storage")]

    operations = [migrations.RunPython(move_photo_files, migrations.RunPython.noop)]
