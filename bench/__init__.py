"""`make bench`, a development tool: the data generator, the floor view and the runner.

Installed only by newsroom.settings.bench; no product app imports it.
"""
