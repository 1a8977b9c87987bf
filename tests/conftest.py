import pytest

from .factories import UserFactory


@pytest.fixture
def editor(db):
    """A superuser at the editors' desk."""
    return UserFactory(username="editor", is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Hash test passwords cheaply: PBKDF2's million rounds cost a few tenths of a second per
    user created or logged in, and the suite makes hundreds. Production keeps Django's default.
    """
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def own_file_roots(settings, tmp_path):
    """This test's uploads and photo files in folders of its own, so that what it stores
    or sweeps cannot meet another test's files."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PHOTO_ROOT = str(tmp_path / "photos")
    return tmp_path


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache; the database is rolled back, so must the cache be."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
