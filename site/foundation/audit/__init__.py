"""The audit trail: request ids on Wagtail's log entries, and the superusers' viewer.

Changes are recorded where they happen, with Wagtail's ``log()`` (``ModelLogEntry`` /
``PageLogEntry``, before/after in ``data``); other apps' audit tables (sign-ins in
``accounts``) join through a registered ``AuditSource`` (``sources``). This package
stamps every entry with the request id (``stamping``), merges the tables for the
"Jejak audit" page (``trail``), shows before/after readably (``presentation``) and, on
PostgreSQL, refuses edits of recorded rows in the database itself (``guard``).
"""
