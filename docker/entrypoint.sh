#!/bin/sh
# Entrypoint of the Storyline image (every app service in docker-compose.yml runs through it).
#
#   docker/entrypoint.sh migrate          apply database migrations, then exit (the one-shot `migrate` service)
#   docker/entrypoint.sh COMMAND [ARG...] run COMMAND (gunicorn, celery ...) as PID 1, so SIGTERM reaches it
#
# MIGRATE_ON_START=1 applies migrations before COMMAND: for platforms that run a single web
# container and no one-shot job. With several web containers keep it off and use `migrate`,
# so two containers never migrate at once.
set -eu

migrate() {
    python manage.py migrate --noinput "$@"
}

if [ "${1:-}" = "migrate" ]; then
    shift
    migrate "$@"
    exit 0
fi

if [ "${MIGRATE_ON_START:-0}" = "1" ]; then
    migrate
fi

if [ "$#" -eq 0 ]; then
    echo "usage: entrypoint.sh migrate | COMMAND [ARG...]" >&2
    exit 64
fi
exec "$@"
