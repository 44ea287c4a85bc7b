"""Fault injection: workers killed, Redis stopped, rollbacks, tasks run twice."""
