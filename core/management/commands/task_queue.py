"""Watch the background task queue (django-tasks-db): what waits, what runs, what failed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks import TaskResultStatus

from core.tasks import BACKEND

RETRIED = "core.tasks.RetryScheduled"  # a failed attempt that scheduled the next one


class Command(BaseCommand):
    help = (
        "Show the background task queue: tasks waiting (and for how long), running, failed "
        "for good in the last day. With --check, exit 1 when a task waited longer than "
        "--max-wait seconds, one ran longer than --max-run, or one failed for good (for "
        "monitoring from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true")
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing unless there is a problem (cron)."
        )
        parser.add_argument("--max-wait", type=int, default=300)
        parser.add_argument("--max-run", type=int, default=3600)
        parser.add_argument("--hours", type=int, default=24, help="How far back to count.")

    def handle(self, *args, **options):
        lines: list[str] = []
        problems = self._report(lines, options)
        if problems or not options["quiet"]:
            for line in lines:
                self.stdout.write(line)
            for problem in problems:
                self.stdout.write(self.style.WARNING(problem))
        if options["check"] and problems:
            raise CommandError(f"{len(problems)} problem(s) in the task queue")

    def _report(self, lines: list[str], options) -> list[str]:
        if not settings.TASKS[BACKEND]["BACKEND"].startswith("django_tasks_db"):
            lines.append("Tasks run at once (TASKS_BACKEND=immediate): there is no queue.")
            return []
        from django_tasks_db.models import DBTaskResult

        now = timezone.now()
        since = now - timedelta(hours=options["hours"])
        rows = DBTaskResult.objects.filter(backend_name=BACKEND)
        due = rows.ready()
        per_queue = {
            row["queue_name"]: row
            for row in rows.values("queue_name").annotate(
                waiting=Count("id", filter=Q(status=TaskResultStatus.READY)),
                due=Count("id", filter=Q(id__in=due.values("id"))),
                oldest_due=Min("enqueued_at", filter=Q(id__in=due.values("id"))),
                running=Count("id", filter=Q(status=TaskResultStatus.RUNNING)),
                done=Count(
                    "id",
                    filter=Q(status=TaskResultStatus.SUCCESSFUL, finished_at__gte=since),
                ),
                failed=Count(
                    "id",
                    filter=Q(status=TaskResultStatus.FAILED, finished_at__gte=since)
                    & ~Q(exception_class_path=RETRIED),
                ),
            )
        }
        lines.append(
            f"{'queue':<10}{'waiting':>8}{'due':>6}{'oldest due':>12}{'running':>9}"
            f"{'done':>7}{'failed':>8}   (done and failed: last {options['hours']} h)"
        )
        problems = []
        for queue in sorted(set(settings.TASK_QUEUES) | set(per_queue)):
            row = per_queue.get(queue, {})
            oldest = row.get("oldest_due")
            wait = (now - oldest).total_seconds() if oldest else None
            lines.append(
                f"{queue:<10}{row.get('waiting', 0):>8}{row.get('due', 0):>6}"
                f"{(f'{wait:.0f} s' if wait is not None else '-'):>12}{row.get('running', 0):>9}"
                f"{row.get('done', 0):>7}{row.get('failed', 0):>8}"
            )
            if wait is not None and wait > options["max_wait"]:
                problems.append(f"{queue}: a task has waited {wait:.0f} s (is a worker running?)")
        stuck = rows.filter(
            status=TaskResultStatus.RUNNING,
            started_at__lt=now - timedelta(seconds=options["max_run"]),
        )
        for task in stuck:
            problems.append(f"task {task.id} ({task.task_path}) running since {task.started_at}")
        failed = rows.failed().filter(finished_at__gte=since).exclude(exception_class_path=RETRIED)
        for task in failed.order_by("-finished_at")[:20]:
            last = (task.traceback.strip().splitlines() or [""])[-1]
            problems.append(f"task {task.id} ({task.task_path}) failed {task.finished_at}: {last}")
        return problems
