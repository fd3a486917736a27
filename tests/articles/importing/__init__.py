"""import_articles: RSS/Atom files from the legacy site become articles, safely and repeatably."""
