"""minutes-search indexer: parse minutes, build a Whoosh index, search it."""

__version__ = "0.1.0"
