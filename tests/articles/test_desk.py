"""The editorial desk: roles, review workflow, scheduling, preview, corrections, people."""

import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from articles.models import ArticleCorrection, ArticlePage, Person
from comments.models import Comment

pytestmark = pytest.mark.django_db


def member(name, group):
    user = User.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reporter():
    return member("rita", "Reporters")


@pytest.fixture
def editor():
    return member("eddie", "Editors")


def test_roles_have_exactly_their_page_rights(section, article, reporter, editor):
    for user, can_publish in ((reporter, False), (editor, True)):
        perms = article.permissions_for_user(user)
        assert perms.can_edit()
        assert perms.can_publish() is can_publish
        assert perms.can_unpublish() is can_publish
        assert section.permissions_for_user(user).can_add_subpage()
    moderator = member("mo", "Comment moderators")
    assert not article.permissions_for_user(moderator).can_edit()
    assert reporter.has_perm("wagtailadmin.access_admin")
    assert not reporter.has_perm("articles.change_person")
    assert editor.has_perm("articles.change_person") and editor.has_perm("articles.add_author")


def test_reporter_cannot_publish_with_a_crafted_post(client, section, reporter):
    page = section.add_child(
        instance=ArticlePage(title="Draft", slug="draft", lead="L", live=False)
    )
    page.owner = reporter
    page.save_revision(user=reporter)
    client.force_login(reporter)
    data = {
        "title": "Hijacked headline",
        "slug": "draft",
        "lead": "Lead",
        "body-count": "0",
        "authors-TOTAL_FORMS": "0",
        "authors-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "comments_open": "on",
        "kind": "news",
        "action-publish": "action-publish",
    }
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert not page.live
    assert not ArticlePage.objects.filter(title="Hijacked headline", live=True).exists()
    # The same POST from an editor does publish: the refusal above is the permission check.
    editor = member("ed2", "Editors")
    client.force_login(editor)
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.live and page.title == "Hijacked headline"


def test_reporter_submits_editor_approves_and_is_notified(section, reporter, editor):
    page = section.add_child(
        instance=ArticlePage(
            title="Envoy arrives", slug="envoy-arrives", lead="The envoy landed.", live=False
        )
    )
    page.save_revision(user=reporter)
    workflow = page.get_workflow()
    assert workflow.name == "Editorial review"
    mail.outbox = []
    state = workflow.start(page, reporter)
    assert "eddie@example.org" in {address for m in mail.outbox for address in m.to}
    task_state = state.current_task_state
    actions = [name for name, *_ in task_state.task.specific.get_actions(page, editor)]
    assert "approve" in actions and "reject" in actions
    reporter_actions = task_state.task.specific.get_actions(page, reporter)
    assert reporter_actions == []
    task_state.task.specific.on_action(task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live and page.publication_date is not None


def test_editor_can_request_changes_with_a_comment(section, reporter, editor):
    page = section.add_child(
        instance=ArticlePage(title="Talks", slug="talks", lead="L", live=False)
    )
    page.save_revision(user=reporter)
    state = page.get_workflow().start(page, reporter)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Source the figure.")
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live and state.status == "needs_changes"
    assert task_state.__class__.objects.get(pk=task_state.pk).comment == "Source the figure."


def test_scheduled_story_goes_live_with_the_go_live_time(section, editor):
    page = section.add_child(instance=ArticlePage(title="Vote", slug="vote", lead="L", live=False))
    go_live = timezone.now() + timedelta(seconds=2)
    page.go_live_at = go_live
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    assert not page.live
    time.sleep(2.2)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert abs((page.publication_date - go_live).total_seconds()) < 1


def test_preview_renders_like_the_live_page_without_posting(article):
    Comment.objects.create(
        article=article,
        author_name="Reader",
        body="x",
        body_html="<p>Seen in preview</p>",
        status="approved",
    )
    response = article.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Seen in preview" in html and "Add new comment" in html
    assert 'data-preview="1"' in html and "disabled" in html.split('type="submit"')[1][:80]


def test_corrections_show_at_the_foot_and_move_the_updated_date(client, article):
    when = datetime(2016, 9, 22, 10, tzinfo=UTC)
    article.publication_date = datetime(2016, 9, 21, tzinfo=UTC)
    article.corrections.add(
        ArticleCorrection(date=when, text="An earlier version misnamed the port.")
    )
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.updated_date == when
    html = client.get(article.url).content.decode()
    assert "Correction, 22 September 2016:</strong> An earlier version misnamed the port." in html
    assert '<time datetime="2016-09-22T10:00:00+00:00">' in html
    ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ld["dateModified"].startswith("2016-09-22")
    import feedparser

    entry = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert entry.updated_parsed[:3] == (2016, 9, 22)


@pytest.fixture
def envoy():
    return Person.objects.create(
        name="Amara Veldt",
        slug="amara-veldt",
        role="Special Envoy",
        organisation="Coastal States Forum",
    )


def quote_body(person, text):
    return json.dumps(
        [
            {
                "type": "quote",
                "value": {
                    "text": text,
                    "person": person.pk,
                    "speaker": "",
                    "role": "",
                    "organisation": "",
                    "source_url": "",
                },
            }
        ]
    )


def test_quotes_link_to_the_speakers_page_which_lists_them_newest_first(
    client, make_article, envoy
):
    old = make_article(title="Old talks", publication_date=datetime(2016, 1, 1, tzinfo=UTC))
    new = make_article(title="New talks", publication_date=datetime(2016, 2, 1, tzinfo=UTC))
    draft = make_article(title="Draft talks")
    for page, text in ((old, "We are close."), (new, "We are closer."), (draft, "Unpublished")):
        page.body = quote_body(envoy, text)
        page.save()
    draft.unpublish()
    html = client.get(new.url).content.decode()
    assert (
        '<cite class="quote__speaker"><a href="/people/amara-veldt/">Amara Veldt</a></cite>' in html
    )
    assert "Special Envoy, Coastal States Forum" in html
    page = client.get("/people/amara-veldt/").content.decode()
    assert page.index("We are closer.") < page.index("We are close.")
    assert "Unpublished" not in page and f'href="{new.url}"' in page
    assert "Amara Veldt" in client.get("/people/").content.decode()
    assert "people-found" in client.get("/search/", {"q": "Veldt"}).content.decode()
    assert client.get("/people/nobody/").status_code == 404


def test_people_page_paginates(client, make_article, envoy):
    for n in range(25):
        page = make_article(title=f"Talks {n}")
        page.body = quote_body(envoy, f"Statement number {n}.")
        page.save()
    first = client.get("/people/amara-veldt/").content.decode()
    assert first.count('class="person-quote"') == 20 and "Page 1 of 2" in first
    assert client.get("/people/amara-veldt/", {"page": "x"}).status_code == 200


def test_quote_needs_a_person_or_a_speaker():
    from django.core.exceptions import ValidationError

    from articles.blocks import QuoteBlock

    block = QuoteBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Words", "speaker": ""}))
    block.clean(block.to_python({"text": "Words", "speaker": "A spokesperson"}))


def test_demo_quotes_at_least_five_recurring_people(client):
    call_command("load_demo")
    recurring = [
        p
        for p in Person.objects.all()
        if p.quotations.filter(page__locale__language_code="en").values("page").distinct().count()
        >= 2
    ]
    assert len(recurring) >= 5


def test_story_quoting_a_deleted_person_still_saves(client, make_article, envoy):
    page = make_article(title="Talks")
    page.body = quote_body(envoy, "Words.")
    page.save()
    envoy.delete()
    page.title = "Talks resume"
    page.save()
    assert client.get(page.url).status_code == 200


def _draft(parent, title, owner):
    page = parent.add_child(
        instance=ArticlePage(title=title, slug=title.lower().replace(" ", "-"), lead="L")
    )
    page.unpublish()
    page.owner = owner
    page.save(update_fields=["owner"])
    page.save_revision(user=owner)
    return page


@pytest.fixture
def drafts(section, reporter, editor):
    """A reporter's own draft, an editor's draft in review, a colleague's draft, the reporter's
    own draft in review and the reporter's own published story."""
    colleague = member("carl", "Reporters")
    pages = {
        "own": _draft(section, "Own draft", reporter),
        "editors_in_review": _draft(section, "Editors draft", editor),
        "colleagues": _draft(section, "Colleagues draft", colleague),
        "own_in_review": _draft(section, "Own draft in review", reporter),
        "own_published": _draft(section, "Own published", reporter),
    }
    workflow = pages["own"].get_workflow()
    workflow.start(pages["editors_in_review"], editor)
    workflow.start(pages["own_in_review"], reporter)
    pages["own_published"].save_revision(user=editor).publish(user=editor)
    return {name: ArticlePage.objects.get(pk=page.pk) for name, page in pages.items()}


def test_reporter_deletes_only_own_drafts_not_in_review(client, section, reporter, drafts):
    client.force_login(reporter)
    others = [page for name, page in drafts.items() if name != "own"]
    # The delete view, asked directly, refuses and deletes nothing.
    for page in others:
        assert client.get(f"/admin/pages/{page.pk}/delete/").status_code in (302, 403)
        client.post(f"/admin/pages/{page.pk}/delete/")
    # The bulk action (checkboxes in the explorer) refuses them too.
    ids = "&".join(f"id={page.pk}" for page in others)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?{ids}&next=/admin/")
    # Moving is deleting and re-adding, for Wagtail: the same rule, one by one and in bulk.
    elsewhere = section.get_parent().add_child(instance=type(section)(title="Other", slug="o"))
    for page in others:
        client.post(f"/admin/pages/{page.pk}/move/{elsewhere.pk}/confirm/")
    client.post(f"/admin/bulk/wagtailcore/page/move/?{ids}", {"chooser": elsewhere.pk})
    client.post(f"/admin/pages/{drafts['own_published'].pk}/unpublish/")
    for page in others:
        assert ArticlePage.objects.filter(pk=page.pk, path__startswith=section.path).exists()
    assert ArticlePage.objects.get(pk=drafts["own_published"].pk).live
    # Their own draft, out of review, they may still delete.
    client.post(f"/admin/pages/{drafts['own'].pk}/delete/")
    assert not ArticlePage.objects.filter(pk=drafts["own"].pk).exists()


def test_reporter_is_not_offered_a_delete_they_cannot_use(client, section, reporter, drafts):
    client.force_login(reporter)
    for listing in (
        client.get(f"/admin/pages/{section.pk}/").content.decode(),
        client.get("/admin/pages/search/", {"q": "draft"}).content.decode(),
    ):
        for name, page in drafts.items():
            if name == "own_published":
                continue  # not a draft: not in the search results
            offered = f"/admin/pages/{page.pk}/delete/" in listing
            assert offered is (name == "own"), name
            moved = f"/admin/pages/{page.pk}/move/" in listing
            assert moved is (name == "own"), name
    # Nor in the "…" menu at the top of each page's edit view.
    for name, page in drafts.items():
        editor_view = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        offered = f"/admin/pages/{page.pk}/delete/" in editor_view
        assert offered is (name == "own"), name
    # The bulk action's confirmation lists the pages they may not delete as such.
    ids = "&".join(f"id={page.pk}" for page in drafts.values())
    confirm = client.get(f"/admin/bulk/wagtailcore/page/delete/?{ids}").content.decode()
    no_access = confirm.split("You don't have permission to delete these pages")[1]
    assert "Editors draft" in no_access and "Own draft in review" in no_access
    assert "Own draft<" not in no_access


def test_editors_and_superusers_keep_their_delete_rights(
    client, section, reporter, editor, admin_user, drafts
):
    for name in ("own_in_review", "colleagues", "editors_in_review"):
        assert drafts[name].permissions_for_user(editor).can_delete(), name
        assert drafts[name].permissions_for_user(admin_user).can_delete(), name
    client.force_login(editor)
    client.post(f"/admin/pages/{drafts['own_in_review'].pk}/delete/")
    assert not ArticlePage.objects.filter(pk=drafts["own_in_review"].pk).exists()
