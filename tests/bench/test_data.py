"""generate_bench_data: a valid page tree that renders and is searchable, topped up idempotently.

The bench app is not installed in the test settings (nothing but newsroom.settings.bench
installs it), so the command is called as an instance rather than found by name.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from articles.models import ArticleAuthor, ArticlePage, Person, Quotation, SectionPage
from bench.data import COMMENTED_STORY_COMMENTS, COMMENTED_STORY_SLUG, SEARCH_WORD
from bench.management.commands.generate_bench_data import Command
from comments.models import Comment

pytestmark = pytest.mark.django_db


def generate(**options):
    defaults = {"articles": 30, "comments": 700, "people": 12, "pending": 40, "authors": 5}
    call_command(Command(), **{**defaults, **options})


def test_generates_the_requested_totals_in_a_valid_tree(client):
    generate()
    stories = ArticlePage.objects.filter(slug__startswith="bench-")
    assert stories.count() == 30
    assert Page.find_problems() == ([], [], [], [], [])
    commented = stories.get(slug=COMMENTED_STORY_SLUG)
    approved = Comment.objects.filter(status=Comment.Status.APPROVED)
    assert approved.filter(article=commented).count() == COMMENTED_STORY_COMMENTS
    assert approved.count() == 700
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 40
    assert Person.objects.filter(slug__startswith="bench-").count() == 12
    assert ArticleAuthor.objects.filter(page__in=stories).count() >= 30
    assert Quotation.objects.filter(page__in=stories).exists()
    for section in SectionPage.objects.filter(slug__startswith="bench-"):
        assert section.numchild == section.get_children().count()

    response = client.get(commented.url)
    assert response.status_code == 200
    assert commented.title.encode() in response.content
    assert client.get(commented.get_parent().url).status_code == 200
    assert client.get("/").status_code == 200
    found = client.get("/search/", {"q": SEARCH_WORD})
    assert found.status_code == 200
    assert found.context["results"].paginator.count == 30


def test_running_again_adds_nothing_and_growing_tops_up():
    generate()
    generate()
    assert ArticlePage.objects.filter(slug__startswith="bench-").count() == 30
    assert Comment.objects.count() == 740

    generate(articles=45, comments=900)
    assert ArticlePage.objects.filter(slug__startswith="bench-").count() == 45
    assert Page.find_problems() == ([], [], [], [], [])
    assert Comment.objects.filter(status=Comment.Status.APPROVED).count() == 900
    commented = ArticlePage.objects.get(slug=COMMENTED_STORY_SLUG)
    assert commented.comments.approved().count() == COMMENTED_STORY_COMMENTS


def test_reset_removes_only_generated_content(article):
    generate()
    call_command(Command(), articles=0, reset=True)
    assert not ArticlePage.objects.filter(slug__startswith="bench-").exists()
    assert not SectionPage.objects.filter(slug__startswith="bench-").exists()
    assert not Comment.objects.exists()
    assert ArticlePage.objects.filter(pk=article.pk).exists()
