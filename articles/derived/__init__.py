"""Derived data, kept current by signals: the page cache (`cache`) and the search index
(`search`). Deleting any of it loses nothing; it is rebuilt from the models.

May import: the models. Never the public pages, the desk, the API or wire ingest.
"""
