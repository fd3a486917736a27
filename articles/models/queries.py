"""Listing and card queries of stories: ArticlePage.objects (a PageManager from this queryset)."""

from django.db.models import Prefetch
from wagtail import hooks
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

CARD_ANNOTATIONS_HOOK = "article_card_annotations"


class ArticlePageQuerySet(PageQuerySet):
    """Listing and card queries of stories, each in a constant number of queries."""

    def with_card_data(self):
        """Newest first, with the image and byline of each story, and what other apps add to a
        card through the ``article_card_annotations`` hook (``fn()`` returns annotations keyed
        by name, e.g. comments' approved-comment count)."""
        annotations: dict = {}
        for card_annotations in hooks.get_hooks(CARD_ANNOTATIONS_HOOK):
            annotations.update(card_annotations())
        return (
            self.order_by("-publication_date", "-pk")
            .select_related("main_image")
            .prefetch_related(
                "main_image__renditions",
                Prefetch("authors", queryset=self._byline_items().select_related("author")),
            )
            .annotate(**annotations)
        )

    def _byline_items(self):
        # ArticleAuthor, the page's "authors" inline, without importing the page module.
        return self.model._meta.get_field("authors").related_model.objects.all()

    def listing(self):
        """Live, public stories, newest first, with what a listing shows."""
        return self.live().public().with_card_data()

    def cards(self):
        """listing() without the bodies, which cards never show."""
        return self.listing().defer_streamfields()

    def newest_ids(self, limit: int) -> list[int]:
        ordered = self.live().public().order_by("-publication_date", "-pk")
        return list(ordered.values_list("pk", flat=True)[:limit])

    def cards_by_pk(self, ids) -> dict:
        """Live, public stories with what a card shows, by pk, in one query (plus two
        prefetches). A story made private since its id was listed (e.g. the front page's
        chosen lead) drops out."""
        if not ids:
            return {}
        return {article.pk: article for article in self.filter(pk__in=set(ids)).cards()}


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
