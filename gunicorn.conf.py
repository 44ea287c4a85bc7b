"""Gunicorn settings. Gunicorn reads ``./gunicorn.conf.py`` from its working directory
(``/app`` in the image), so the Dockerfile and compose commands need no flag for it."""

# The access log names the path without its query string or referer: a search for a NIP
# (the admin's ``?q=``) must not land in the log. Paths never hold a NIP
# (tests/security/test_personal_data_exposure.py). See docs/security.md, "Data pribadi".
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s'
