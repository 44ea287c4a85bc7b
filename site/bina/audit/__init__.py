"""The audit trail: request ids on Wagtail's log entries, and the superusers' viewer.

Changes are recorded where they happen, with Wagtail's ``log()`` (``ModelLogEntry`` /
``PageLogEntry``, before/after in ``data``); sign-ins in ``accounts.AuthEvent``. This
package stamps every entry with the request id (``stamping``), merges the three tables
for the "Jejak audit" page (``trail``), shows before/after readably (``diff``) and, on
PostgreSQL, refuses edits of recorded rows in the database itself (``guard``).
"""
