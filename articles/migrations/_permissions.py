"""Permissions made during migrations, for data migrations that give them to role groups.

The migration loader skips modules whose names start with an underscore, so this is a
helper of the migrations, not one of them.
"""

from django.contrib.auth.management import create_permissions


def create_app_permissions(app_config, apps):
    """Create `app_config`'s permissions now, as Django would after the last migration.

    create_permissions skips an app without a models module, which a migration's historical
    app is; the module is lent for the call and put back after it. The tests call the data
    migrations with the live registry, where leaving it cleared stops post_migrate from
    recreating content types after a flush.
    """
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module
