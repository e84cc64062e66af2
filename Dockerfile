# syntax=docker/dockerfile:1
# One image for every Storyline service (web, worker, beat, migrate); docker-compose.yml picks the command.

# --- Build stage: compilers and headers live here only -----------------------------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt /tmp/requirements.txt
RUN pip install --upgrade pip && pip install -r /tmp/requirements.txt


# --- Runtime stage: the virtualenv and the code, no build tools, not root ----------
FROM python:3.11-slim AS runtime

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    CELERY_BEAT_SCHEDULE_FILENAME=/app/var/celerybeat-schedule

RUN groupadd --system --gid 10001 storyline \
    && useradd --system --uid 10001 --gid storyline --home-dir /home/storyline --create-home \
       --shell /usr/sbin/nologin storyline

COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY . /app

# Static files are collected (hashed and compressed by whitenoise) at build time, owned by root:
# the running app can read them but not change them. The key below exists only for this step.
# Byte-code is compiled here too: the code directory is read-only for the app at run time.
RUN DEBUG=0 SECRET_KEY=collectstatic-only-not-used-at-run-time ALLOWED_HOSTS=localhost \
       python manage.py collectstatic --noinput \
    && python -m compileall -q /app/articles /app/storyline \
    && mkdir -p /app/var \
    && chown storyline:storyline /app/var \
    && chmod +x /app/docker/entrypoint.sh

USER storyline:storyline
EXPOSE 8000

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "storyline/gunicorn.conf.py", "storyline.wsgi:application"]
