"""The bottom layer: HTTP helpers and bootstrap commands, depending on Django and Wagtail only."""
