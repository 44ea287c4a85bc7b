"""The outbox model moves here from ``bina``; its table (``bina_outboxmessage``) stays.

State only: the table was created by ``bina.0001``/``0002``. The content type row is
renamed from ``bina`` to ``foundation`` so permissions and log entries keep pointing at it.
"""

import uuid

from django.db import migrations, models

from foundation.model_moves import relabel_content_types

OLD_LABEL, NEW_LABEL, MODEL = "bina", "foundation", "outboxmessage"


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # The latest bina migration that touches the outbox table; bina.0003/0004 touch
        # Wagtail's tables and depend on accounts, which foundation must not need.
        ("bina", "0002_outboxmessage_request_id"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutboxMessage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "task_id",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, unique=True, verbose_name="id tugas"
                            ),
                        ),
                        ("task_name", models.CharField(max_length=200, verbose_name="nama tugas")),
                        ("args", models.JSONField(blank=True, default=list, verbose_name="argumen")),
                        (
                            "kwargs",
                            models.JSONField(blank=True, default=dict, verbose_name="argumen bernama"),
                        ),
                        (
                            "request_id",
                            models.CharField(blank=True, max_length=64, verbose_name="id permintaan"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        (
                            "attempts",
                            models.PositiveIntegerField(default=0, verbose_name="percobaan kirim"),
                        ),
                        ("last_error", models.TextField(blank=True, verbose_name="galat terakhir")),
                        (
                            "last_attempt_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="percobaan terakhir"),
                        ),
                        ("next_attempt_at", models.DateTimeField(verbose_name="percobaan berikutnya")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="terkirim")),
                        (
                            "completed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="selesai"),
                        ),
                        (
                            "final_state",
                            models.CharField(blank=True, max_length=10, verbose_name="status akhir"),
                        ),
                    ],
                    options={
                        "verbose_name": "pesan antrean tugas",
                        "verbose_name_plural": "antrean tugas (outbox)",
                        "db_table": "bina_outboxmessage",
                        "ordering": ["-created_at"],
                        "indexes": [
                            models.Index(
                                condition=models.Q(("completed_at__isnull", True)),
                                fields=["next_attempt_at"],
                                name="bina_outbox_open_due",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        relabel_content_types(OLD_LABEL, NEW_LABEL, [MODEL]),
    ]
