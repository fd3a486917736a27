"""Signal receivers of the articles app, connected in ArticlesConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag

from pagecache import versioned
from pagecache.purge import purge_everything

from .models import Author, Person, TopicTranslation


def on_shown_snippet_change(sender, instance, created: bool = False, **kwargs) -> None:
    """An author, person or topic renamed or deleted shows on every page that names it (bylines,
    quotes, topic lists, cards): purge them all. A new one is on no page until a story uses it,
    and publishing that story purges what it needs."""
    if not created:
        purge_everything()


def on_topic_name_change(sender, instance, **kwargs) -> None:
    """A topic's name in a language, added, changed or removed, shows (or hides) that topic on
    every page in the language that names it."""
    purge_everything()


def connect() -> None:
    for model in (Author, Person, Tag):
        name = model._meta.label_lower
        post_save.connect(on_shown_snippet_change, sender=model, dispatch_uid=f"purge-{name}-saved")
        post_delete.connect(
            on_shown_snippet_change, sender=model, dispatch_uid=f"purge-{name}-deleted"
        )
    post_save.connect(
        on_topic_name_change, sender=TopicTranslation, dispatch_uid="purge-topic-name"
    )
    post_delete.connect(
        on_topic_name_change, sender=TopicTranslation, dispatch_uid="purge-topic-name-deleted"
    )
    # Reader pages show these beside the pages themselves (bylines, quotes, topic lists).
    versioned.watch(Author, Person, Tag, TopicTranslation)
