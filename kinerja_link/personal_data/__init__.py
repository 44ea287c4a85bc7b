"""Personal data of one pegawai under UU 27/2022 (Pelindungan Data Pribadi).

- ``inventory``: every table that holds something about a person, and how to read it;
  a test walks the models so a new table with a link to a user or pegawai is not forgotten.
- ``export``: everything held about one pegawai as JSON (stable keys) and PDF.
- ``erasure``: pseudonymise a departed pegawai, keeping aggregates and certificates valid.
- ``scrub``: replacing a person's identifying strings inside text and JSON columns.
- ``views``: the admin pages ("Data pribadi" on the pegawai's admin page).

It lives in ``kinerja_link`` because it gathers learning and kinerja data alike, and only
``kinerja_link`` may import ``learning``.
"""
