"""Reader-facing pages: story, list, person, topic, section and search views, their URLs,
feeds, sitemaps, pagination, related stories, preview links and structured data.

May import: the models, derived data (page cache, search) and images. Never the desk:
what readers see must not depend on the editors' tools.
"""
