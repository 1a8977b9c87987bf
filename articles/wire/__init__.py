"""Agency copy in and out: the plain-text parser (`plain`, with `datelines`, `furniture` and
`body`; all pure), IPTC ninjs (`ninjs`) and the ingest services that write drafts (`ingest`).

May import: the models and images. Never the public pages or the desk.
"""
