"""Export a question category (with its subcategories) to GIFT."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning.quiz.bank import category_export_gift, split_path
from learning.quiz.models import QuestionCategory


def _category(path: tuple[str, ...]) -> QuestionCategory | None:
    node = None
    for name in path:
        node = QuestionCategory.objects.filter(parent=node, name=name).first()
        if node is None:
            return None
    return node


class Command(BaseCommand):
    help = "Ekspor satu kategori bank soal ke format GIFT."

    def add_arguments(self, parser):
        parser.add_argument("--category", required=True)
        parser.add_argument("--output", type=Path, help="Berkas tujuan; tanpa ini ke layar.")

    def handle(self, *args, category: str, output: Path | None, **options):
        node = _category(split_path(category))
        if node is None:
            raise CommandError(f"Kategori tidak ditemukan: {category}")
        text = category_export_gift(node)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Tersimpan di {output}")
        else:
            self.stdout.write(text, ending="")
