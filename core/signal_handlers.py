"""Receivers of the core app, connected in CoreConfig.ready()."""

from __future__ import annotations

from django_tasks import signals as task_signals

from . import tasks


def connect() -> None:
    # The task's log context is bound before django-tasks logs that it started and released
    # after it logs how it finished, so both lines carry the task's request id: ours goes
    # first in the started signal (django-tasks connected its own when it was imported).
    task_signals.task_started.disconnect(task_signals.log_task_started)
    task_signals.task_started.connect(tasks.bind_task_context, dispatch_uid="core-task-context")
    task_signals.task_started.connect(task_signals.log_task_started)
    task_signals.task_finished.connect(
        tasks.unbind_task_context, dispatch_uid="core-task-context-end"
    )
