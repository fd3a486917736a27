"""Whole-page cache for anonymous readers, purged through Wagtail's frontend cache app."""
