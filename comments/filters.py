"""Filters for the moderation queue."""

import ipaddress

import django_filters
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminPageChooser

from articles.models import ArticlePage
from articles.permissions import visible_pages

from . import hooks
from .models import Comment

# The spam score's annotation (hooks.queue_annotations(), from an app above comments) and the
# score from which a comment is "likely spam".
SCORE = "spam_score"
LIKELY_SPAM = 0.5
SCORE_CHOICES = [
    ("likely", f"Likely spam ({LIKELY_SPAM} or more)"),
    ("unlikely", f"Unlikely (under {LIKELY_SPAM})"),
    ("none", "Not scored"),
]

# The queue's views, in the order of its tabs; it opens on the first.
DEFAULT_STATUS = Comment.Status.PENDING
STATUS_VIEWS = [
    (Comment.Status.PENDING, "Pending"),
    ("reported", "Reported"),  # sent back by readers' reports, whatever the status
    (Comment.Status.APPROVED, "Approved"),
    (Comment.Status.REJECTED, "Rejected"),
    (Comment.Status.SPAM, "Spam"),
    ("all", "All"),
]


class CommentFilterSet(WagtailFilterSet):
    # No empty choice: the queue opens on Pending (initial, so no "Status: Pending" chip to
    # remove); "All" is a choice of its own.
    status = django_filters.ChoiceFilter(
        choices=STATUS_VIEWS,
        empty_label=None,
        initial=DEFAULT_STATUS,
        method="filter_status",
    )
    # A page chooser rather than a <select>: a select of every article rendered 10,000
    # <option>s (about 1 MB of HTML, two seconds) on every request to the queue. The chooser
    # renders only the chosen article; the value is still ?article=<id>, which the
    # "Article" column links to.
    # Only the stories the user may see in the chooser: for a comment moderator (no page
    # rights) live, public ones, so ?article=<id> of a draft neither filters nor shows its title.
    article = django_filters.ModelChoiceFilter(
        queryset=lambda request: visible_pages(request.user, ArticlePage.objects.all()),
        widget=AdminPageChooser(target_models=[ArticlePage]),
    )
    article_title = django_filters.CharFilter(
        field_name="article__title", lookup_expr="icontains", label="Article title contains"
    )
    created_at = django_filters.DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)
    has_links = django_filters.BooleanFilter(label="Has links", method="filter_has_links")
    # The single-comment page links a commenter's other comments by email and by address.
    author_email = django_filters.CharFilter(lookup_expr="iexact", label="Email")
    ip_address = django_filters.CharFilter(label="IP address", method="filter_ip_address")
    spam_score = django_filters.ChoiceFilter(
        label="Spam score", choices=SCORE_CHOICES, method="filter_spam_score"
    )

    class Meta:
        model = Comment
        fields = [
            "status",
            "article",
            "article_title",
            "created_at",
            "has_links",
            "author_email",
            "ip_address",
            "spam_score",
        ]

    def __init__(self, data=None, *args, request=None, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = DEFAULT_STATUS
        # The chooser widget shows the title of whatever page ?article= names: a story the user
        # may not see is dropped before the widget (or the filter) reads it.
        chosen = data.get("article") if data is not None else None
        if chosen and request is not None:
            pages = ArticlePage.objects.filter(pk=chosen) if chosen.isdigit() else None
            if pages is None or not visible_pages(request.user, pages).exists():
                data = data.copy()
                data.pop("article")
        super().__init__(data, *args, request=request, **kwargs)
        if SCORE not in hooks.queue_annotations():
            del self.filters["spam_score"]  # nothing scores comments: no filter to offer

    def filter_has_links(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(link_count__gt=0) if value else queryset.filter(link_count=0)

    def filter_status(self, queryset, name, value):
        if value == "all":
            return queryset
        if value == "reported":
            return queryset.reported()
        return queryset.filter(status=value)

    def filter_spam_score(self, queryset, name, value):
        if SCORE not in queryset.query.annotations:
            return queryset
        if value == "likely":
            return queryset.filter(**{f"{SCORE}__gte": LIKELY_SPAM})
        if value == "unlikely":
            return queryset.filter(**{f"{SCORE}__lt": LIKELY_SPAM})
        if value == "none":
            return queryset.filter(**{f"{SCORE}__isnull": True})
        return queryset

    def filter_ip_address(self, queryset, name, value):
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:  # not an address: nothing matches, rather than a database error
            return queryset.none()
        return queryset.filter(ip_address=str(address))
