from django.contrib.admin.apps import AdminConfig


class DeskAdminConfig(AdminConfig):
    """django.contrib.admin with the desk's site (articles/desk/site.py) as the default:
    Django's documented way to replace admin.site for every app."""

    default_site = "articles.desk.site.DeskSite"
