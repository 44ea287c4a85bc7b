"""The django-tasks backend for Wagtail's own background work.

django-tasks 0.12 runs ``ImmediateBackend`` tasks inside ``enqueue()``, in the middle of the
caller's transaction, and no longer has the ``ENQUEUE_ON_COMMIT`` option. Wagtail enqueues
its reference-index and search-index updates from ``post_save``, so a task could read rows
that are rolled back later, or run before related rows are saved. This backend runs each
task once the transaction commits (at once when there is none) and never after a rollback.
"""

from functools import partial

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult

from django.db import transaction


class ImmediateOnCommitBackend(ImmediateBackend):
    def _execute_task(self, task_result: TaskResult) -> None:
        # The result keeps the READY status until the task runs.
        transaction.on_commit(partial(super()._execute_task, task_result))
