"""Template filters of safety's admin screens."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def safety_duration(value: timedelta | None) -> str:
    """A wait as moderators say it: '45 min', '3 h 20 min', '2 days 4 h'."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"
