"""Safety's screens in the Wagtail admin (registered in safety.wagtail_hooks): the Bans list,
the commenter-data page and the moderation dashboard."""
