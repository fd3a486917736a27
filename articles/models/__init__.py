"""The articles app's models: page types (home, pages), snippets, and the story queryset."""

from .home import HomePage
from .pages import (
    SECTION_PAGE_SIZE,
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    ArticlePageTag,
    Quotation,
    SectionPage,
)
from .queries import CARD_ANNOTATIONS_HOOK, ArticlePageManager, ArticlePageQuerySet
from .restrictions import CachedViewRestrictions
from .snippets import Author, Person, TopicTranslation

__all__ = [
    "CARD_ANNOTATIONS_HOOK",
    "SECTION_PAGE_SIZE",
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticlePage",
    "ArticlePageManager",
    "ArticlePageQuerySet",
    "ArticlePageTag",
    "Author",
    "CachedViewRestrictions",
    "HomePage",
    "Person",
    "Quotation",
    "SectionPage",
    "TopicTranslation",
]
