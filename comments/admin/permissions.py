"""Who may do what with comments in the admin: nobody adds one or edits it in a raw form."""

from wagtail.permission_policies import ModelPermissionPolicy

# Readers write comments, through the CAPTCHA, the rules, the sanitizer and the flood limit;
# an admin "Add comment" form would skip all of it and ask staff for an IP address, a user
# agent and a date. The raw edit form would let a status change skip the audited, race-safe
# transitions and the purge (comments.services). Moderators change comments only through the
# moderation actions; superusers may still delete.
NOT_IN_THE_ADMIN = frozenset({"add", "change"})


class CommentPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in NOT_IN_THE_ADMIN:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in NOT_IN_THE_ADMIN]
        if not actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(actions)
