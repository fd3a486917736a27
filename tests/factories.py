"""factory_boy factories for pages, authors and images."""

import factory
import wagtail_factories
from django.utils import timezone

from articles.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Newsroom"


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    show_in_menus = True


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Envoys meet for round {n} of talks")
    lead = "Negotiators met behind closed doors for a further day of talks."
    publication_date = factory.LazyFunction(timezone.now)
    main_image = factory.SubFactory(ImageFactory)
    main_image_alt = "Delegates seated around a long table"

    @factory.post_generation
    def byline(obj, create, extracted, **kwargs):
        for order, author in enumerate(extracted or []):
            ArticleAuthor.objects.create(page=obj, author=author, sort_order=order)
