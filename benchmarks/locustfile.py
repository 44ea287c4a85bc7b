"""Locust users for benchmarks/load_test.py (which prepares BENCH_DATA and the server).

Classes, picked by name on the command line:
  TrivialUser    /healthz only: the server's ceiling for a Django view
  MixUser        70% public article reads (anonymous), 20% course/lesson/quiz pages,
                 5% quiz submissions, 5% dashboards (logged-in pegawai)
  ArticleUser    anonymous article pages only (cached or not, as the server was started)
  DashboardUser  Belajar Saya and the SKP page of logged-in pegawai
  TimSayaUser    Tim Saya of a pimpinan with 50 people (bench_team.ensure_team)
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import FastHttpUser, constant, task

DATA = json.loads(open(os.environ["BENCH_DATA"]).read())  # noqa: SIM115
_learners = itertools.cycle(DATA["learners"])


class _Base(FastHttpUser):
    abstract = True
    wait_time = constant(0)


class TrivialUser(_Base):
    @task
    def healthz(self):
        self.client.get("/healthz", name="trivial /healthz")


class ArticleUser(_Base):
    @task
    def article(self):
        self.client.get(random.choice(DATA["articles"]), name="artikel (anonim)")


class _Learner(_Base):
    abstract = True

    def on_start(self):
        self.me = next(_learners)
        self.cookies = {"sessionid": self.me["session"]}

    def get(self, url, name, **kwargs):
        return self.client.get(url, name=name, headers=self._cookie_header(), **kwargs)

    def _cookie_header(self, extra=None):
        jar = {**self.cookies, **(extra or {})}
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}


class DashboardUser(_Learner):
    @task(3)
    def belajar_saya(self):
        self.get("/belajar-saya/", "Belajar Saya")

    @task(1)
    def skp(self):
        self.get("/kinerja/saya/", "SKP saya")


class MixUser(_Learner):
    @task(70)
    def article(self):
        self.client.get(random.choice(DATA["articles"]), name="artikel (anonim)")

    @task(20)
    def course_pages(self):
        course = random.choice(self.me["courses"])
        url, name = random.choice(
            [(course["url"], "kursus"), (course["lesson"], "pelajaran"), (course["quiz"], "kuis")]
        )
        self.get(url, name)

    @task(5)
    def quiz_submission(self):
        course = random.choice(self.me["courses"])
        self.get(course["quiz"], "kuis")
        cookies = {"csrftoken": self.me["csrf_cookie"]}
        headers = {**self._cookie_header(cookies), "Referer": "http://127.0.0.1/"}
        form = {"csrfmiddlewaretoken": self.me["csrf_token"]}
        start = self.client.post(
            f"/belajar/kuis/{course['quiz_id']}/mulai/",
            data=form,
            headers=headers,
            name="kuis: mulai",
            allow_redirects=False,
        )
        attempt_url = start.headers.get("Location", "")
        match = re.search(r"/percobaan/(\d+)/", attempt_url)
        if not match:
            return
        self.client.post(
            f"/belajar/kuis/percobaan/{match.group(1)}/kirim/",
            data=form,
            headers=headers,
            name="kuis: kirim",
            allow_redirects=False,
        )

    @task(5)
    def dashboard(self):
        self.get("/belajar-saya/", "Belajar Saya")


class TimSayaUser(_Base):
    def on_start(self):
        self.cookie = {"Cookie": f"sessionid={DATA['pimpinan']['session']}"}

    @task
    def tim_saya(self):
        self.client.get("/tim-saya/", name="Tim Saya (50 orang)", headers=self.cookie)
