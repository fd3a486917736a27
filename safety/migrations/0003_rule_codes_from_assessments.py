"""Comments that a ban or the spam score sent to Spam before Comment.rule existed get its code,
so the moderation dashboard counts them from one field."""

from django.db import migrations


def rule_codes_from_assessments(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    Assessment = apps.get_model("safety", "Assessment")
    for code in ("ban", "score"):
        decided = Assessment.objects.filter(sent_to_spam_by=code).values("comment_id")
        Comment.objects.filter(pk__in=decided, rule="").update(rule=code)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0006_unconfirmed_status_rule_codes_reason_codes"),
        ("safety", "0002_reasons_and_moderator_rights"),
    ]

    operations = [migrations.RunPython(rule_codes_from_assessments, migrations.RunPython.noop)]
