"""A reporter's draft goes through review to publication by an editor, in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import ArticlePage
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def member(name, group):
    user = User.objects.create_user(name, f"{name}@example.org", "desk-pass-42")
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(browser, live_server, username):
    page = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = page.new_page()
    tab.set_default_timeout(20_000)
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", "desk-pass-42")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab


def press(tab, selector):
    """Press a footer action, opening the actions menu first when it is folded away."""
    button = tab.locator(selector).first
    if not button.is_visible():
        tab.locator(
            "footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle"
        ).first.click()
    button.click()


def test_reporter_submits_editor_approves(browser, live_server, home):
    section = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
    reporter = member("rita", "Reporters")
    member("eddie", "Editors")
    draft = section.add_child(
        instance=ArticlePage(
            title="Envoy lands for harbour talks",
            slug="envoy-lands",
            live=False,
            owner=reporter,
            lead="A special envoy arrived for a second round of harbour talks.",
        )
    )
    draft.save_revision(user=reporter)

    tab = log_in(browser, live_server, "rita")
    tab.goto(f"/admin/pages/{draft.pk}/edit/")
    assert tab.locator("button[name='action-publish']").count() == 0  # no publish for reporters
    press(tab, "button[name='action-submit']")
    tab.wait_for_url(f"**/admin/pages/{section.pk}/")
    tab.context.close()
    state = ArticlePage.objects.get(pk=draft.pk).current_workflow_state
    assert state.workflow.name == "Editorial review" and state.status == "in_progress"
    assert not ArticlePage.objects.get(pk=draft.pk).live

    tab = log_in(browser, live_server, "eddie")
    tab.goto(f"/admin/pages/{draft.pk}/edit/")
    press(tab, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    tab.wait_for_url(f"**/admin/pages/{section.pk}/")
    tab.context.close()

    draft.refresh_from_db()
    assert draft.live
    page = browser.new_page(base_url=live_server.url)
    page.goto(draft.url)
    assert page.locator("h1").inner_text() == "Envoy lands for harbour talks"
    page.close()
