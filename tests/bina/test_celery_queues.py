"""Every task has its queue by kind (bina/settings/queues.py): a big import never waits
in front of a reminder, and a new task cannot land on a queue by accident."""

from fnmatch import fnmatchcase

from django.conf import settings

from bina.celery import app
from bina.settings.queues import queue_names, task_routes

IMPORTS = (
    "kinerja_link.tasks.import_job_run_task",
    "kinerja_link.siasn.tasks.siasn_kinerja_pull_task",
)
NOTIFICATIONS = (
    "kinerja_link.pembinaan.tasks.pembinaan_reminders",
    "kinerja_link.pembinaan.tasks.notifications_send",
)


def _queue(task_name: str) -> str:
    """The queue Celery's own router picks for a message of this task."""
    return app.amqp.router.route({}, task_name)["queue"].name


def test_every_registered_task_has_an_explicit_route():
    app.loader.import_default_modules()
    routes = settings.CELERY_TASK_ROUTES
    unrouted = [
        name
        for name in app.tasks
        if name not in routes and not any(fnmatchcase(name, pattern) for pattern in routes)
    ]
    assert unrouted == [], "tambahkan tugas ini ke bina/settings/queues.py"


def test_routes_name_only_tasks_that_exist():
    app.loader.import_default_modules()
    stale = [name for name in settings.CELERY_TASK_ROUTES if "*" not in name]
    assert [name for name in stale if name not in app.tasks] == []


def test_imports_never_share_a_queue_with_notifications():
    import_queues = {_queue(name) for name in IMPORTS}
    notification_queues = {_queue(name) for name in NOTIFICATIONS}
    assert import_queues.isdisjoint(notification_queues)
    assert _queue("kinerja_link.siasn.tasks.siasn_push_task") not in import_queues
    assert _queue("learning.tasks.render_certificate") not in import_queues | notification_queues


def test_every_routed_queue_is_consumed_by_the_all_queues_worker():
    app.loader.import_default_modules()
    routed = {_queue(name) for name in app.tasks}
    assert routed <= set(settings.BINA_CELERY_QUEUES)


def test_production_queue_names_keep_celerys_default():
    assert queue_names(default_queue="celery") == [
        "celery",
        "imports",
        "notifications",
        "siasn",
        "pdfs",
    ]
    routes = task_routes(default_queue="celery")
    assert routes["kinerja_link.tasks.import_job_run_task"] == {"queue": "imports"}
    assert routes["foundation.tasks.outbox_relay"] == {"queue": "celery"}


def test_a_test_run_keeps_its_queues_apart_from_other_runs():
    default = settings.CELERY_TASK_DEFAULT_QUEUE
    assert all(
        name == default or name.startswith(f"{default}.") for name in settings.BINA_CELERY_QUEUES
    )
