from django.core.management.base import BaseCommand

from foundation import outbox


class Command(BaseCommand):
    help = "Kirim ulang tugas Celery di outbox yang belum terkirim atau belum selesai."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit: int, **options):
        report = outbox.relay(limit=limit)
        self.stdout.write(
            f"jatuh tempo={report.due} terkirim={report.sent} gagal={report.failed} "
            f"dihapus={report.pruned}"
        )
