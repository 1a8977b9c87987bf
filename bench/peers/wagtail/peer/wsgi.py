import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
