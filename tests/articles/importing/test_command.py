"""import_articles: refusing bad sources and sections, choosing the section, the progress bar."""

import pytest
from django.core.management import CommandError
from django_tasks_db.models import DBTaskResult

from articles.models import ArticlePage
from tests.articles.importing.helpers import FEEDS, RSS, page, run, snapshot
from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def test_a_file_that_is_not_a_feed_is_refused(section, tmp_path):
    before = snapshot()
    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        run(FEEDS / "not-a-feed.txt")
    with pytest.raises(CommandError, match="cannot read"):
        run(tmp_path / "missing.xml")
    html = tmp_path / "page.html"
    html.write_text("<html><body><p>Harbour Road</p></body></html>")
    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        run(html)
    assert snapshot() == before


def test_unknown_section_is_refused(section):
    with pytest.raises(CommandError, match="no section with slug 'sport'"):
        run(RSS, "--section", "sport")
    assert ArticlePage.objects.count() == 0


def test_section_option_and_default(home):
    first = SectionPageFactory(parent=home, title="Diplomacy", slug="diplomacy")
    second = SectionPageFactory(parent=home, title="Analysis", slug="analysis")
    run(FEEDS / "crossrun-first.xml")
    run(FEEDS / "crossrun-second.xml", "--section", "analysis")
    assert page("courier-2024-0501-arrive").get_parent().pk == first.pk
    assert page("courier-2024-0503-opens").get_parent().pk == second.pk


def test_no_progress_bar_when_not_a_terminal(section, capsys):
    run(RSS)
    assert "[#" not in capsys.readouterr().err


def test_background_runs_the_import_as_a_task(section):
    """Development and tests run tasks at once: the report still comes back."""
    out = run(RSS, "--background")
    assert "Queued the import of" in out
    created = ArticlePage.objects.count()
    assert created > 0
    assert f"created {created}, updated 0" in out


def test_background_with_the_database_backend_only_queues_it(section, settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASK_QUEUES,
        },
    }
    out = run(RSS, "--background")
    assert "Queued the import of" in out
    assert ArticlePage.objects.count() == 0  # the worker imports it, not the command
    (task,) = DBTaskResult.objects.all()
    assert task.queue_name == "imports"
    assert task.task_path == "articles.importing.tasks.import_feed_task"
    assert task.args_kwargs["args"][1:] == [section.pk, False, False]


def test_background_refuses_a_missing_file_at_once(section, tmp_path):
    with pytest.raises(CommandError, match="no such feed file"):
        run(tmp_path / "missing.xml", "--background")


def test_a_feed_that_cannot_be_read_fails_the_task_without_retrying(section, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("not a feed at all")
    with pytest.raises(CommandError, match="the import failed: .*not an RSS or Atom feed"):
        run(broken, "--background")
