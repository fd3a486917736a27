"""Filters for the moderation queue."""

import django_filters
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from articles.models import ArticlePage

from .models import Comment


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Comment.Status.choices, empty_label="Any status")
    article = django_filters.ModelChoiceFilter(
        queryset=ArticlePage.objects.order_by("title"), empty_label="Any article"
    )
    created_at = django_filters.DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)
    has_links = django_filters.BooleanFilter(label="Has links", method="filter_has_links")

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at", "has_links"]

    def filter_has_links(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(link_count__gt=0) if value else queryset.filter(link_count=0)
