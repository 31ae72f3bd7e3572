"""Helpers the tests share: reading pages as parsed HTML (tables, links, visible text) rather than by regexes."""
