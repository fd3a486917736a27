"""Comments stored before names were cleaned and bodies re-linked (issue 10, item 7): names lose
bidi and control characters, bodies are sanitized again with today's rules (no link from text
holding a bidi control, punycode hosts, left-to-right addresses). Idempotent.

It uses the app's sanitizer on purpose: the point is to apply the rules readers' comments get
now. Run again after a rule changes with the same code (nothing else needs it)."""

from django.db import migrations

from comments.sanitizer import one_line, sanitize_comment

BATCH = 2000


def clean(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    changed = []
    for comment in Comment.objects.only("pk", "author_name", "body", "body_html").iterator(
        chunk_size=BATCH
    ):
        name = one_line(comment.author_name) or "Anonymous reader"
        html = sanitize_comment(comment.body)
        if (name, html) != (comment.author_name, comment.body_html):
            comment.author_name, comment.body_html = name, html
            changed.append(comment)
        if len(changed) >= BATCH:
            Comment.objects.bulk_update(changed, ["author_name", "body_html"])
            changed = []
    if changed:
        Comment.objects.bulk_update(changed, ["author_name", "body_html"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_comment_moderators_group")]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
