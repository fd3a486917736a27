"""The default rejection reasons (in English, Spanish and Arabic), and the Comment moderators'
rights over bans and reasons. Exporting and erasing commenter data is a separate permission
(safety.manage_commenter_data) given to people by name, not to the group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Comment moderators"
PERMISSIONS = [
    ("ban", "add_ban"),
    ("ban", "change_ban"),
    ("ban", "view_ban"),
    ("rejectionreason", "add_rejectionreason"),
    ("rejectionreason", "change_rejectionreason"),
    ("rejectionreason", "view_rejectionreason"),
]

REASONS = [
    (
        "off-topic",
        "Off-topic",
        "It is not about the story it was posted under.",
        "No trata sobre la noticia en la que se publicó.",
        "لا يتعلق بالخبر الذي نُشر تحته.",
        False,
    ),
    (
        "abuse",
        "Abuse",
        "It insults, threatens or harasses other people.",
        "Insulta, amenaza o acosa a otras personas.",
        "يتضمن إهانة أو تهديدًا أو مضايقة لأشخاص آخرين.",
        False,
    ),
    (
        "personal-data",
        "Personal data",
        "It reveals someone's private information.",
        "Revela información privada de una persona.",
        "يكشف معلومات خاصة عن شخص ما.",
        False,
    ),
    (
        "spam",
        "Spam",
        "It is advertising or spam.",
        "Es publicidad o spam.",
        "إعلان أو رسالة مزعجة.",
        False,
    ),
    (
        "illegal",
        "Illegal content",
        "It appears to break the law.",
        "Parece infringir la ley.",
        "يبدو أنه يخالف القانون.",
        False,
    ),
    (
        "other",
        "Other",
        "It breaks the site's comment rules.",
        "Incumple las normas de comentarios del sitio.",
        "يخالف قواعد التعليق في الموقع.",
        True,
    ),
]


def forwards(apps, schema_editor):
    RejectionReason = apps.get_model("safety", "RejectionReason")
    for order, (slug, label, en, es, ar, detail) in enumerate(REASONS):
        RejectionReason.objects.get_or_create(
            slug=slug,
            defaults={
                "label": label,
                "reader_text_en": en,
                "reader_text_es": es,
                "reader_text_ar": ar,
                "needs_detail": detail,
                "sort_order": order,
            },
        )
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="safety", content_type__model=model, codename=codename
            )
        )


def backwards(apps, schema_editor):
    apps.get_model("safety", "RejectionReason").objects.filter(
        slug__in=[r[0] for r in REASONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
        ("comments", "0002_comment_moderators_group"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
