"""The story editor in newsroom words, and a clear answer when an abandoned draft holds a URL."""

import html as htmllib
import json
import re

import pytest
from django.contrib.auth.models import Group, User

from articles.blocks import ArticleBodyBlock
from articles.models import ArticlePage, Author, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("eddie", "eddie@example.org", "pw", first_name="Eddie")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def block_labels(page_html: str) -> set[str]:
    return set(re.findall(r'"label": "([^"]*)"', htmllib.unescape(page_html)))


def test_the_story_form_speaks_newsroom(editor_client, section):
    page = editor_client.get(f"/admin/pages/add/articles/articlepage/{section.pk}/").content
    text = page.decode()
    assert 'placeholder="Headline*"' in text and "Page title" not in text
    assert "The headline as readers will see it" in text
    labels = block_labels(text)
    assert {"URL", "Headline", "Source URL", "Alt text", "Story"} <= labels
    assert not {"Url", "Source url", "Alt", "Title"} & labels
    assert ArticlePage._meta.get_field("source_url").verbose_name == "source URL"


@pytest.mark.parametrize("model", [Author, Person])
def test_people_choosers_head_their_column_name(editor_client, model):
    model.objects.create(name="Amara Veldt", slug="amara-veldt")
    url = f"/admin/snippets/choose/articles/{model._meta.model_name}/"
    text = editor_client.get(url).content.decode()
    if text.startswith("{"):  # the chooser modal answers JSON holding its HTML
        text = json.loads(text)["html"]
    head = re.search(r"<thead.*?</thead>", text, re.S).group(0)
    headers = re.sub(r"<[^>]+>", " ", head).split()
    assert "Name" in headers and "Title" not in headers, headers


def test_quote_blocks_keep_their_stored_shape():
    """The speaker fields are only folded in the editor: stored quotes load and save as before."""
    stored = {
        "text": "Words.",
        "person": None,
        "speaker": "An envoy",
        "role": "Envoy",
        "organisation": "Forum",
        "source_url": "https://example.org/t",
    }
    block = ArticleBodyBlock().child_blocks["quote"]
    assert block.get_prep_value(block.to_python(stored)) == stored
    assert block.meta.form_layout.get_sorted_block_names() == list(stored)


def create(client, section, title, *, autosave=False):
    data = {
        "title": title,
        "slug": "",
        "lead": "A lead.",
        "kind": "news",
        "body-count": "0",
        "authors-TOTAL_FORMS": "0",
        "authors-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "comments_open": "on",
    }
    data["slug"] = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    headers = {"Accept": "application/json"} if autosave else {}
    return client.post(
        f"/admin/pages/add/articles/articlepage/{section.pk}/", data, headers=headers
    )


def test_an_abandoned_autosaved_draft_is_named_and_linked_when_the_story_is_started_again(
    editor_client, section
):
    # What Wagtail's autosave sends from "New: Article" a moment after the headline is typed.
    response = create(editor_client, section, "Envoys agree to meet in spring", autosave=True)
    assert response.status_code == 200 and json.loads(response.content)["success"]
    draft = ArticlePage.objects.get(title="Envoys agree to meet in spring")
    assert not draft.live  # the reporter never saw it made

    response = create(editor_client, section, "Envoys agree to meet in spring")
    text = response.content.decode()
    assert response.status_code == 200  # the form again, with the reader's text kept
    assert "is already in use" not in text
    assert "is taken by an unpublished draft, “Envoys agree to meet in spring”" in text
    assert "by Eddie" in text
    assert f'<a href="/admin/pages/{draft.pk}/edit/">open that draft</a>' in text
    # Next to the headline (Content tab), not only on the Promote tab's URL field.
    title_field = re.search(r'data-contentpath="title">.*?</div>', text, re.S).group(0)
    assert "open that draft" in title_field
    assert ArticlePage.objects.filter(title="Envoys agree to meet in spring").count() == 1


def test_a_published_story_holding_the_url_is_named_too(editor_client, section, make_article):
    live = make_article(title="Sanctions vote delayed", slug="sanctions-vote-delayed")
    text = create(editor_client, section, "Sanctions vote delayed").content.decode()
    assert "already used by the published story “Sanctions vote delayed”" in text
    assert f'href="/admin/pages/{live.pk}/edit/"' in text
