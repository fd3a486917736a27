"""Creates the Reporters and Editors groups with exactly their rights, and the
"Editorial review" workflow (reporters submit, an editor approves) on the whole tree."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTERS, EDITORS = "Reporters", "Editors"

MODEL_PERMISSIONS = {
    REPORTERS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("articles", "author", "view_author"),
        ("articles", "person", "view_person"),
    ],
    EDITORS: [
        ("wagtailadmin", "admin", "access_admin"),
        *[("articles", "author", f"{a}_author") for a in ("add", "change", "delete", "view")],
        *[("articles", "person", f"{a}_person") for a in ("add", "change", "delete", "view")],
        *[("wagtailredirects", "redirect", f"{a}_redirect") for a in ("add", "change", "delete")],
    ],
}
PAGE_PERMISSIONS = {
    # add_page lets reporters create pages and edit their own; publishing is not among them.
    REPORTERS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
IMAGE_PERMISSIONS = {
    REPORTERS: ["add_image", "choose_image"],
    EDITORS: ["add_image", "change_image", "delete_image", "choose_image"],
}


def create_desk(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, perms in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codename in perms:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for codename in IMAGE_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailimages", codename=codename
                ),
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Editor approval", content_type=task_type, active=True
    )
    task.groups.set([groups[EDITORS]])
    workflow = Workflow.objects.create(name="Editorial review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_desk(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Editorial review").delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Editor approval").delete()
    apps.get_model("auth", "Group").objects.filter(name__in=[REPORTERS, EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_people_quotes_corrections"),
        ("comments", "0002_comment_moderators_group"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_desk, remove_desk)]
