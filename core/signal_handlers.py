"""Receivers of the core app, connected in CoreConfig.ready()."""

from __future__ import annotations

from django.core.signals import request_finished
from django_tasks import signals as task_signals

from . import requestid, tasks


def connect() -> None:
    # A request's log context lasts until its response is closed (core.requestid).
    request_finished.connect(requestid.forget_request, dispatch_uid="core-request-context-end")
    # The task's log context is bound before django-tasks logs that it started and released
    # after it logs how it finished, so both lines carry the task's request id: ours goes
    # first in the started signal (django-tasks connected its own when it was imported).
    task_signals.task_started.disconnect(task_signals.log_task_started)
    task_signals.task_started.connect(tasks.bind_task_context, dispatch_uid="core-task-context")
    task_signals.task_started.connect(task_signals.log_task_started)
    task_signals.task_finished.connect(
        tasks.unbind_task_context, dispatch_uid="core-task-context-end"
    )
