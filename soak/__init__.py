"""`make soak`: the site under mixed load against a throwaway PostgreSQL that is restarted midway."""
