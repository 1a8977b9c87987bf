"""Invented demo content for the newsroom: stories, people, quotes and painted photos.

`python manage.py load_demo` loads it; see loader.py for how a second run stays harmless.
"""
