"""Lessons extend foundation.blocks.BaseStreamBlock: an image nests Wagtail's ImageBlock.
Pages and every revision are converted; documents and videos keep their shape."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from foundation.block_migrations import NestImageInImageBlockOperation


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ('learning', '0007_competency_and_quiz_moved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='lessonpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('video', 12), ('document', 16), ('callout', 20), ('table', 21), ('key_points', 25), ('reflection', 28), ('guide', 31)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Judul bagian (H2)'), ('h3', 'Subjudul (H3)'), ('h4', 'H4')], 'label': 'tingkat'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link', 'h3', 'h4'], 'icon': 'pilcrow', 'label': 'Teks', 'template': 'foundation/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'gambar'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'keterangan', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'kutipan'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'sumber', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'YouTube, Vimeo, dan sejenisnya.', 'label': 'tautan video'}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'transkrip', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('video', 10), ('caption', 5), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'dokumen'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Kosongkan untuk memakai judul dokumen.', 'label': 'teks tautan', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'uraian', 'max_length': 250, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14), ('description', 15)]], {}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Informasi'), ('tip', 'Tips'), ('penting', 'Penting')], 'label': 'jenis'}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200, 'required': False}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'isi'}), 20: ('wagtail.blocks.StructBlock', [[('kind', 17), ('title', 18), ('text', 19)]], {}), 21: ('foundation.blocks.TableBlock', (), {}), 22: ('wagtail.blocks.CharBlock', (), {'default': 'Poin penting', 'label': 'judul', 'max_length': 120}), 23: ('wagtail.blocks.CharBlock', (), {'max_length': 300}), 24: ('wagtail.blocks.ListBlock', (23,), {'label': 'poin', 'min_num': 1}), 25: ('wagtail.blocks.StructBlock', [[('title', 22), ('points', 24)]], {}), 26: ('wagtail.blocks.TextBlock', (), {'label': 'pertanyaan refleksi'}), 27: ('wagtail.blocks.TextBlock', (), {'label': 'petunjuk', 'required': False}), 28: ('wagtail.blocks.StructBlock', [[('prompt', 26), ('hint', 27)]], {}), 29: ('wagtail.snippets.blocks.SnippetChooserBlock', ('competencies.Competency',), {'label': 'panduan perilaku BerAKHLAK'}), 30: ('wagtail.blocks.TextBlock', (), {'help_text': 'Perilaku nyata.', 'label': 'contoh di tempat kerja', 'required': False}), 31: ('wagtail.blocks.StructBlock', [[('guide', 29), ('example', 30)]], {})}, verbose_name='isi'),
        ),
        MigrateStreamData(
            app_name="learning",
            model_name="lessonpage",
            field_name="body",
            operations_and_block_paths=[(NestImageInImageBlockOperation(), "image")],
        ),
    ]
