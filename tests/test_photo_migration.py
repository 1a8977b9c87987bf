"""Migration 0014 moves the photo files of a populated database into private storage."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models.files import rendition_key

from .images import image_bytes

BEFORE = [("articles", "0012_preview_key")]
AFTER = [("articles", "0014_move_photo_files")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_files_move_out_of_public_media_and_renditions_lose_guessable_names(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    old = migrate(BEFORE)
    Photo, Rendition = old.get_model("articles", "Photo"), old.get_model("articles", "Rendition")
    original = default_storage.save(
        "photos/originals/2025/01/Abc123def456/IMG_1234.jpg", ContentFile(image_bytes())
    )
    photo = Photo.objects.create(image=original, width=640, height=427, credit="NWS/Ana", alt_text="A hall")
    old_rendition = default_storage.save(
        f"photos/renditions/{photo.pk}/IMG_1234-w320.jpeg", ContentFile(b"jpeg")
    )
    Rendition.objects.create(
        photo=photo,
        spec="w320.jpeg",
        kind="full",
        format="jpeg",
        file=old_rendition,
        width=320,
        height=213,
        size=4,
    )
    Photo.objects.filter(pk=photo.pk).update(
        rendition_index=[{"spec": "w320.jpeg", "kind": "full", "format": "jpeg", "name": old_rendition}]
    )

    new = migrate(AFTER)
    photo = new.get_model("articles", "Photo").objects.get(pk=photo.pk)
    rendition = new.get_model("articles", "Rendition").objects.get(photo=photo)
    private = Path(settings.PHOTO_ROOT)
    assert photo.image.name == original and (private / original).is_file()
    assert rendition.file.name == f"photos/renditions/{rendition_key(photo.pk)}/w320.jpeg"
    assert (private / rendition.file.name).read_bytes() == b"jpeg"
    assert photo.rendition_index[0]["name"] == rendition.file.name
    # Nothing is left where /media/ could serve it.
    assert not default_storage.exists(original) and not default_storage.exists(old_rendition)
