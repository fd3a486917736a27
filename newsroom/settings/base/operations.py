"""Operations: background tasks, error reporting, backups (health and logs: core/, logging.py)."""

import os

from core import sentry

from .env import BASE_DIR

# Background tasks (django-tasks; core.tasks). Our tasks (emails, Varnish/CDN purges, imports)
# use the "background" backend: the database backend in production (`manage.py db_worker
# --backend background` runs them; `make serve` starts it), run at once where enqueued in
# development and tests. Wagtail's own short tasks (reference index, the frontend-cache fan-out
# that purges our page cache and hands Varnish/CDN purges on to ours) stay on "default",
# immediate: our page cache must be purged by the time the publishing request answers.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASK_QUEUES = ["default", "imports"]  # imports have their own, so mail never waits behind one
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS["immediate"]},
    "background": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": TASK_QUEUES},
}
# A failed attempt is tried again after 30 s, 2 min, 8 min (TASK_RETRY_SECONDS × 4^n), then
# the task is recorded as failed and logged at ERROR.
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "4"))
TASK_RETRY_SECONDS = float(os.environ.get("TASK_RETRY_SECONDS", "30"))

# Error reporting (sentry-sdk; Sentry, self-hosted Sentry or GlitchTip): off unless SENTRY_DSN
# is set. The release is the deployed git commit; core/sentry.py scrubs commenters' data.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "development")
SENTRY_RELEASE = os.environ.get("SENTRY_RELEASE") or None
# Form fields whose values are cut out of any error report made while their request is served:
# what a commenter typed (emails and addresses are also removed wherever they appear).
SENTRY_SCRUB_FIELDS = ["body", "author_name", "author_email"]


def start_error_reporting(environment: str) -> None:
    """Called at the end of the settings module in use (production sets its environment)."""
    if SENTRY_DSN:
        sentry.init(
            dsn=SENTRY_DSN,
            environment=os.environ.get("SENTRY_ENVIRONMENT", environment),
            release=SENTRY_RELEASE or sentry.git_commit(BASE_DIR),
        )


# Backups (manage.py backup / restore; core/backups.py): archives in BACKUP_DIR, newest kept.
BACKUP_DIR = os.environ.get("BACKUP_DIR", str(BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "7"))
# django-dbbackup's connectors make the database part: PostgreSQL is restored without the
# original owner and grants, so any role that owns the empty database can restore it.
DBBACKUP_CONNECTORS = {"default": {"RESTORE_SUFFIX": "--no-owner --no-privileges"}}
