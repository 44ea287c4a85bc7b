"""The indexes the hot queries' plans need exist (EXPLAIN on seed_scale at 10,000 pegawai;
benchmarks/explain_hot_queries.py). Checked in PostgreSQL's catalogue: definitions, not names."""

import pytest

from django.db import connection

pytestmark = pytest.mark.django_db

# table -> fragments of CREATE INDEX definitions that must be present
REQUIRED = {
    # Scale indexes added for issue 10.
    "learning_learningrecord": [
        "(end_date DESC, id DESC)",
        "(user_id, verification_status, end_date)",
    ],
    "learning_certificate": ["(issued_at DESC)"],
    "kinerja_link_evaluasi": ["(periode_id, predikat)", "(periode_id)", "(pejabat_penilai_id)"],
    # Existing ones the plans rely on (team lookups, dashboards, reminders).
    "kinerja_link_pegawai": ["(pejabat_penilai_id)", "(unit_id)", "(user_id)"],
    "kinerja_link_unitkerja": ["(path varchar_pattern_ops)"],
    "learning_enrolment": ["(user_id, status)", "(user_id, course_id)"],
    "kinerja_link_assignment": ["(pegawai_id, status)", "(status, due_date)"],
    "kinerja_link_recommendation": ["(pegawai_id, status)"],
    "accounts_user": ["(nip)"],
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Katalog indeks PostgreSQL")
@pytest.mark.parametrize("table", sorted(REQUIRED))
def test_hot_query_indexes_exist(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table])
        definitions = [row[0] for row in cursor.fetchall()]
    for fragment in REQUIRED[table]:
        assert any(fragment in d for d in definitions), f"{table}: no index on {fragment}"
