"""Gunicorn settings. Gunicorn reads ``./gunicorn.conf.py`` from its working directory
(``/app`` in the image), so the Dockerfile and compose commands need no flag for it."""

# The access log names the path without its query string or referer: a search for a NIP
# (the admin's ``?q=``) must not land in the log. Paths never hold a NIP
# (tests/security/test_nip_exposure.py). See docs/security.md, "Data pribadi".
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s'

# A sync worker serves one request at a time, so a request that hangs (a stuck database
# lock, a dead upstream) takes a whole worker with it. After `timeout` seconds of silence the
# arbiter kills the worker and starts a fresh one. The slow work (imports, PDFs, mail) runs in
# Celery, and pages answer in well under a second (docs/scaling.md), so 60 s is only ever
# reached by a hung request; the proxy in front should give up a little later than this.
# Explicit, not gunicorn's default of 30 s: the limit is a decision, with a test
# (tests/bina/test_gunicorn_conf.py). A page that nears it is a bug to fix, not a reason to
# raise it: the Pegawai admin form at 20,000 pegawai ran past two minutes until its
# dropdowns became choosers (tests/performance/test_admin_forms.py).
timeout = 60
# On a deploy or restart (SIGTERM) a worker finishes the requests it has within this time,
# then is killed.
graceful_timeout = 30
