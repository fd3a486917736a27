#!/usr/bin/env bash
# `make serve`: gunicorn (gunicorn.conf.py) and, beside it, the background task workers
# (`manage.py db_worker`): TASK_WORKERS (default 1) for mail and purges on the "default" queue,
# and one for the "imports" queue, so a long import never holds back mail. A worker that exits
# is started again after 5 s; when gunicorn stops (Ctrl-C, TERM), the workers are stopped too,
# each finishing the task it is running. TASKS_BACKEND=immediate starts no worker.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
TASK_WORKERS="${TASK_WORKERS:-1}"

set -m  # each process (and its children) in its own group, so each can be stopped as a whole
groups=()
worker() {  # worker QUEUE: db_worker for that queue, started again whenever it exits
  while true; do
    "$BIN/python" manage.py db_worker --backend=background --queue-name="$1" --no-reload \
      || true
    echo "task worker for queue $1 exited; starting it again in 5 s" >&2
    sleep 5
  done
}
if [ "${TASKS_BACKEND:-database}" = database ]; then
  for _ in $(seq 1 "$TASK_WORKERS"); do
    worker default &
    groups+=("-$!")
  done
  worker imports &
  groups+=("-$!")
fi
"$BIN/gunicorn" --config gunicorn.conf.py &
web=$!
stop() {
  trap - EXIT INT TERM
  kill -TERM -- "-$web" "${groups[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
wait "$web"
