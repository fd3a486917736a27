"""Filters for the moderation queue."""

import django_filters
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminPageChooser

from articles.models import ArticlePage

from .models import Comment


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Comment.Status.choices, empty_label="Any status")
    # A page chooser rather than a <select>: a select of every article rendered 10,000
    # <option>s (about 1 MB of HTML, two seconds) on every request to the queue. The chooser
    # renders only the chosen article; the value is still ?article=<id>, which the
    # "Article" column links to.
    article = django_filters.ModelChoiceFilter(
        queryset=ArticlePage.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
    )
    article_title = django_filters.CharFilter(
        field_name="article__title", lookup_expr="icontains", label="Article title contains"
    )
    created_at = django_filters.DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)
    has_links = django_filters.BooleanFilter(label="Has links", method="filter_has_links")

    class Meta:
        model = Comment
        fields = ["status", "article", "article_title", "created_at", "has_links"]

    def filter_has_links(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(link_count__gt=0) if value else queryset.filter(link_count=0)
