"""The story editor in Chromium: quote blocks fold their free-text speaker while a person is
chosen, and starting an abandoned story again leads to the draft Wagtail autosaved."""

import json
import re

import pytest
from django.contrib.auth.models import Group, User

from articles.models import ArticlePage, Person
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(browser, live_server):
    user = User.objects.create_user("eddie", "eddie@example.org", "desk-pass-42")
    user.groups.add(Group.objects.get(name="Editors"))
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.goto("/admin/login/")
    tab.fill("#id_username", "eddie")
    tab.fill("#id_password", "desk-pass-42")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    return tab


def quote(text, **speaker):
    value = {"text": text, "person": None, "speaker": "", "role": "", "organisation": ""}
    value.update(source_url="", **speaker)
    return {"type": "quote", "value": value}


def test_quote_speaker_fields_fold_while_a_person_is_chosen(browser, live_server, home):
    section = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
    envoy = Person.objects.create(name="Amara Veldt", slug="amara-veldt", role="Envoy")
    story = section.add_child(
        instance=ArticlePage(title="Envoy speaks", slug="envoy-speaks", lead="She spoke.")
    )
    story.body = json.dumps(
        [
            quote("Listen first.", person=envoy.pk),
            quote("We were not consulted.", speaker="A fisherman", role="Skipper"),
        ]
    )
    story.save_revision().publish()

    tab = log_in(browser, live_server)
    tab.goto(f"/admin/pages/{story.pk}/edit/")
    speaker = tab.locator("input[name$='-value-speaker']")
    tab.wait_for_function(
        "() => document.querySelectorAll('[aria-expanded][data-panel-toggle]').length > 0"
    )
    assert speaker.count() == 2
    tab.wait_for_timeout(300)
    assert not speaker.nth(0).is_visible()  # a person is chosen: folded
    assert speaker.nth(1).is_visible()  # a one-off speaker: open
    folded = tab.locator("section.w-panel:has(.quote-speaker)").nth(0)
    assert "Speaker not in People" in folded.inner_text()

    # Clearing the person opens the fields, as the quote now needs a speaker.
    person_block = tab.locator("[data-contentpath='person']").nth(0)
    person_block.locator("[data-w-dropdown-target='toggle']").click()
    person_block.locator("[data-chooser-action-clear]").click()
    tab.wait_for_timeout(300)
    assert speaker.nth(0).is_visible()
    tab.context.close()


def test_starting_an_abandoned_story_again_links_to_its_autosaved_draft(browser, live_server, home):
    section = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
    tab = log_in(browser, live_server)
    add = f"/admin/pages/add/articles/articlepage/{section.pk}/"
    tab.goto(add)
    tab.wait_for_timeout(2500)  # Wagtail watches the form for changes after two seconds
    tab.locator("#id_title").press_sequentially("Envoys agree to meet in spring", delay=10)
    tab.locator("#id_lead").press_sequentially("A short lead.", delay=10)
    # Wagtail 7.4 autosaves the new story: a draft page now exists and the address is its own.
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/.*"), timeout=20_000)
    draft = ArticlePage.objects.get(title="Envoys agree to meet in spring")
    assert not draft.live

    # The reporter walks away, and later starts the story again.
    tab.goto("/admin/")
    tab.goto(add)
    tab.wait_for_timeout(2500)
    tab.locator("#id_title").press_sequentially("Envoys agree to meet in spring", delay=10)
    tab.locator("#id_lead").press_sequentially("Another lead.", delay=10)
    tab.get_by_role("button", name="Save draft").click()
    error = tab.locator("[data-contentpath='title'] .error-message")
    error.wait_for()
    assert "taken by an unpublished draft" in error.inner_text()
    error.get_by_role("link", name="open that draft").click()
    tab.wait_for_url(f"**/admin/pages/{draft.pk}/edit/")
    assert tab.locator("#id_lead").input_value() == "A short lead."
    assert ArticlePage.objects.filter(title="Envoys agree to meet in spring").count() == 1
    tab.context.close()
