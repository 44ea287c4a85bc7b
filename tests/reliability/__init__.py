"""Fault injection: Celery workers killed, Redis stopped, transactions rolled back, tasks run twice."""
