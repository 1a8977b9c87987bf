#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        # Read the settings now: Django's command runner would swallow a production guard
        # (no secret key, no hosts) and fail later with "Models aren't loaded yet".
        settings.INSTALLED_APPS  # noqa: B018
    except ImproperlyConfigured as error:
        sys.exit(f"{error}\nFor local work run with DJANGO_DEBUG=1 (the Makefile's targets do).")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
