"""The editors' desk: Django's admin extended with the model admins, forms, revisions and
conflict-safe saves, quote and people suggestions, the wire-import page and the sign-in
audit trail. `articles/admin.py` imports the admins for Django's discovery.

May import: the models, public pages (preview links), wire ingest, images and derived data.
"""
