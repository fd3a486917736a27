"""The moderation queue's pieces in the Wagtail admin (registered in comments.wagtail_hooks):
the per-row action view, the queue's columns, its bulk actions and its menu item."""

PERMISSION = "comments.moderate_comment"


def can_moderate(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)
