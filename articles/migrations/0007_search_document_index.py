"""A GIN index on the whole indexed document of each search entry (PostgreSQL only).

Wagtail's PostgreSQL search backend matches ``(title || body) @@ query``; its own GIN indexes
are on ``title`` and ``body`` separately, which that expression cannot use, so a search for a
rare word read every entry. With this index the planner also has statistics for the
expression: a rare word is looked up in the index, a common one walks the publication-date
index (results are listed newest first, articles/search.py) and stops after one page.
"""

from django.db import migrations

INDEX = "articles_search_document_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_editorial_desk"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
