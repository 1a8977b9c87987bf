"""The archive-size benchmark (`make bench`): seed, serve with gunicorn, load with wrk, report."""
