"""The Celery application: configured from Django settings (CELERY_*)."""

import logging
import math
import os
import time
from typing import Any

from celery import Celery
from celery.signals import heartbeat_sent

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storyline.settings")

app = Celery("storyline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
logger = logging.getLogger(__name__)


@app.on_after_configure.connect  # type: ignore[untyped-decorator,unused-ignore]
def _ensure_filesystem_broker_folders(sender: Celery, **_: object) -> None:
    """kombu's filesystem transport fails at start-up if its folders are missing."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "control_folder"):
        folder = options.get(key)
        if folder:
            os.makedirs(folder, exist_ok=True)


_last_heartbeat: dict[str, float] = {}


@heartbeat_sent.connect  # type: ignore[untyped-decorator,unused-ignore]
def _record_worker_heartbeat(sender: Any, **_: object) -> None:
    """Celery's event heartbeat fires every 2 s in the worker's main process; store one every
    STORYLINE_HEARTBEAT_INTERVAL seconds per worker (the first at start-up). Never breaks the worker."""
    from django.conf import settings

    from articles.services.heartbeats import worker_heartbeat_record

    worker = str(sender.eventer.hostname)
    now = time.monotonic()
    if now - _last_heartbeat.get(worker, -math.inf) < settings.STORYLINE_HEARTBEAT_INTERVAL:
        return
    _last_heartbeat[worker] = now
    try:
        worker_heartbeat_record(worker=worker)
    except Exception:
        logger.warning("could not record the heartbeat of %s", worker, exc_info=True)
