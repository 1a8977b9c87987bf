"""Backup and restore of the newsroom's content as a versioned, checksummed archive.

- formats: what an archive holds and how records are keyed and checksummed (docs/backup.md).
- export: `archive_export(directory=…)`.
- importer: `archive_import(directory=…, on_conflict="stop" | "skip")`.
- history: django-reversion revisions with their ids made portable.
"""
