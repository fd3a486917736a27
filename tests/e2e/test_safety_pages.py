"""Safety's pages in Chromium: the confirmation page readers reach from their email (axe-core
finds nothing, in English and Arabic, phone and desktop), and the moderation dashboard in
light and dark mode. Screenshots go to pytest's tmp_path for a person to look at."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User

from comments.models import Comment
from safety import confirmation, services
from tests.e2e.test_accessibility import AXE, TAGS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


def _axe(tab):
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def test_confirmation_page_is_accessible_in_english_and_arabic(
    browser, live_server, article, tmp_path
):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    comment = Comment.objects.create(
        article=article,
        author_name="Amal",
        author_email="amal@example.org",
        body="Hi",
        body_html="<p>Hi</p>",
    )
    token = confirmation.make_token(services.request_confirmation(comment=comment))
    for size, (width, height) in SIZES.items():
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": height},
            bypass_csp=True,
        )
        tab = context.new_page()
        for language in ("", "ar/"):
            response = tab.goto(f"/{language}safety/confirm/{token}/")
            assert response.status == 200
            assert _axe(tab) == [], (size, language)
            tab.screenshot(path=tmp_path / f"confirm-{language.strip('/') or 'en'}-{size}.png")
        tab.click("button[type=submit]")
        tab.wait_for_selector("text=تم تأكيد عنوانك")
        assert _axe(tab) == []
        tab.screenshot(path=tmp_path / f"confirmed-ar-{size}.png")
        token = confirmation.make_token(
            services.request_confirmation(
                comment=Comment.objects.create(
                    article=article,
                    author_name="B",
                    body="x",
                    author_email="b@example.org",
                    body_html="x",
                )
            )
        )
        context.close()
    print(f"\nscreenshots: {tmp_path}")


def test_dashboard_in_light_and_dark(browser, live_server, article, tmp_path):
    moderator = User.objects.create_user("moder", "m@example.org", "moderate-42")
    moderator.groups.add(Group.objects.get(name="Comment moderators"))
    for n in range(60):
        Comment.objects.create(
            article=article,
            author_name=f"R{n}",
            body=f"c{n}",
            body_html=f"<p>c{n}</p>",
            status=["approved", "pending", "spam", "rejected"][n % 4],
            held_reason="Held: 2 links" if n % 5 == 0 else "",
            moderated_at=None if n % 4 == 1 else None,
        )
        Comment.objects.filter(body=f"c{n}").update(
            created_at=Comment.objects.get(body=f"c{n}").created_at - timedelta(days=n % 30)
        )
    for scheme in ("light", "dark"):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1366, "height": 900}, color_scheme=scheme
        )
        tab = context.new_page()
        tab.goto("/admin/login/")
        tab.fill("#id_username", "moder")
        tab.fill("#id_password", "moderate-42")
        tab.click("button[type=submit]")
        tab.wait_for_url("**/admin/")
        tab.screenshot(path=tmp_path / f"admin-home-{scheme}.png", full_page=True)
        tab.goto("/admin/safety/moderation/")
        svg_text = tab.evaluate(
            "() => getComputedStyle(document.querySelector('.safety-chart svg text')).fill"
        )
        body_text = tab.evaluate("() => getComputedStyle(document.querySelector('main')).color")
        assert svg_text == body_text  # the chart's labels follow the theme's text colour
        tab.screenshot(path=tmp_path / f"moderation-report-{scheme}.png", full_page=True)
        if scheme == "light":
            tab.goto("/admin/snippets/safety/ban/add/")
            tab.select_option("#id_kind", "ip")
            tab.fill("#id_value", "203.0.113.0/24")
            tab.fill("#id_reason", "Casino spam run from one network")
            tab.click("main button[type=submit]")
            tab.wait_for_url("**/admin/snippets/safety/ban/")
            tab.screenshot(path=tmp_path / "bans-list.png", full_page=True)
            assert tab.locator("text=Lift ban").count() == 1
        context.close()
    print(f"\nscreenshots: {tmp_path}")
