"""Creates the Spanish and Arabic content locales beside Wagtail's default English one."""

from django.db import migrations

LANGUAGES = ["es", "ar"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def remove_locales(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.filter(language_code__in=LANGUAGES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_articlepage_comments_open"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_locales, remove_locales)]
