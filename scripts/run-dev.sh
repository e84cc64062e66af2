#!/usr/bin/env bash
# Start the web server, a Celery worker and Celery beat together; Ctrl-C stops all three.
# Works with no services (SQLite + filesystem broker) or with DATABASE_URL / REDIS_URL set.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
export STORYLINE_ALLOW_PRIVATE_FETCH=${STORYLINE_ALLOW_PRIVATE_FETCH:-1}
# The local demo opens the read-only pages (fictional sample data); the admin still needs a login.
export STORYLINE_PUBLIC=${STORYLINE_PUBLIC:-1}
mkdir -p var

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

"$BIN/celery" -A storyline worker --loglevel=INFO --concurrency=2 >var/worker.log 2>&1 &
pids+=($!)
"$BIN/celery" -A storyline beat --loglevel=INFO >var/beat.log 2>&1 &
pids+=($!)
echo "Worker and beat are running (logs in var/worker.log and var/beat.log)."
echo "Storyline: http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/ as editor / storyline)"
"$BIN/python" manage.py runserver 127.0.0.1:8000 &
pids+=($!)
wait -n "${pids[@]}"
