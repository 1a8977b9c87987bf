"""Photos from upload to reader: what Pillow does, and the steps that store the results.

- validation: `inspect_upload()` decodes an upload and refuses anything we will not publish.
- metadata: caption, credit and copyright read from the file's IPTC, XMP and EXIF.
- renditions: `photo_create_renditions()` makes each responsive size once and stores it.
- ingest: `photo_create_from_upload()`, the whole path for code outside the admin.
- decode: the few Pillow calls the others share.

Import the submodules themselves; this package imports nothing so models can use `decode`.
"""
