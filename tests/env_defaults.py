"""Environment for the test run, set before Django reads its settings.

Tests run like production (DJANGO_DEBUG off), so they need a secret key and
hosts; these are throwaway values, and anything already set wins.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_STATIC_MANIFEST", "0")
# The test servers speak plain HTTP; tests/test_security.py checks the HTTPS settings.
os.environ.setdefault("DJANGO_HTTPS", "0")
os.environ.setdefault("NEWSROOM_SERVE_MEDIA", "1")
# Uploads made by tests land in a throwaway folder, never in the project's media/.
os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="newsroom-test-media-"))
# Photo files are private storage of their own, outside MEDIA_ROOT; also throwaway.
os.environ.setdefault("NEWSROOM_PHOTO_ROOT", tempfile.mkdtemp(prefix="newsroom-test-photos-"))
