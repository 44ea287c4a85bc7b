"""Bodies use foundation.blocks: a bare embed becomes a video (caption, transcript), an
image nests Wagtail's ImageBlock. Pages and every revision are converted."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import (
    RenameStructChildrenOperation,
    StreamChildrenToStructBlockOperation,
)

from foundation.block_migrations import NestImageInImageBlockOperation


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ('portal', '0005_competency_moved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('video', 12), ('document', 16), ('callout', 20), ('table', 21)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Judul bagian (H2)'), ('h3', 'Subjudul (H3)'), ('h4', 'H4')], 'label': 'tingkat'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link', 'h3', 'h4'], 'icon': 'pilcrow', 'label': 'Teks', 'template': 'foundation/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'gambar'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'keterangan', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'kutipan'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'sumber', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'YouTube, Vimeo, dan sejenisnya.', 'label': 'tautan video'}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'transkrip', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('video', 10), ('caption', 5), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'dokumen'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Kosongkan untuk memakai judul dokumen.', 'label': 'teks tautan', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'uraian', 'max_length': 250, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14), ('description', 15)]], {}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Informasi'), ('tip', 'Tips'), ('penting', 'Penting')], 'label': 'jenis'}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200, 'required': False}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'isi'}), 20: ('wagtail.blocks.StructBlock', [[('kind', 17), ('title', 18), ('text', 19)]], {}), 21: ('foundation.blocks.TableBlock', (), {})}, verbose_name='isi'),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('video', 12), ('document', 16), ('callout', 20), ('table', 21)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Judul bagian (H2)'), ('h3', 'Subjudul (H3)'), ('h4', 'H4')], 'label': 'tingkat'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link', 'h3', 'h4'], 'icon': 'pilcrow', 'label': 'Teks', 'template': 'foundation/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'gambar'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'keterangan', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'kutipan'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'sumber', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'YouTube, Vimeo, dan sejenisnya.', 'label': 'tautan video'}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'transkrip', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('video', 10), ('caption', 5), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'dokumen'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Kosongkan untuk memakai judul dokumen.', 'label': 'teks tautan', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'uraian', 'max_length': 250, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14), ('description', 15)]], {}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Informasi'), ('tip', 'Tips'), ('penting', 'Penting')], 'label': 'jenis'}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200, 'required': False}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'isi'}), 20: ('wagtail.blocks.StructBlock', [[('kind', 17), ('title', 18), ('text', 19)]], {}), 21: ('foundation.blocks.TableBlock', (), {})}, verbose_name='isi'),
        ),
        migrations.AlterField(
            model_name='valuepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('video', 12), ('document', 16), ('callout', 20), ('table', 21)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Judul bagian (H2)'), ('h3', 'Subjudul (H3)'), ('h4', 'H4')], 'label': 'tingkat'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link', 'h3', 'h4'], 'icon': 'pilcrow', 'label': 'Teks', 'template': 'foundation/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'gambar'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'keterangan', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'kutipan'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'sumber', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'YouTube, Vimeo, dan sejenisnya.', 'label': 'tautan video'}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'transkrip', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('video', 10), ('caption', 5), ('transcript', 11)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'dokumen'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Kosongkan untuk memakai judul dokumen.', 'label': 'teks tautan', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'uraian', 'max_length': 250, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14), ('description', 15)]], {}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Informasi'), ('tip', 'Tips'), ('penting', 'Penting')], 'label': 'jenis'}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200, 'required': False}), 19: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'isi'}), 20: ('wagtail.blocks.StructBlock', [[('kind', 17), ('title', 18), ('text', 19)]], {}), 21: ('foundation.blocks.TableBlock', (), {})}, verbose_name='isi'),
        ),
        MigrateStreamData(
            app_name="portal",
            model_name="articlepage",
            field_name="body",
            operations_and_block_paths=[
                (StreamChildrenToStructBlockOperation("embed", "video"), ""),
                (RenameStructChildrenOperation("embed", "video"), "video"),
                (NestImageInImageBlockOperation(), "image"),
            ],
        ),
        MigrateStreamData(
            app_name="portal",
            model_name="standardpage",
            field_name="body",
            operations_and_block_paths=[
                (StreamChildrenToStructBlockOperation("embed", "video"), ""),
                (RenameStructChildrenOperation("embed", "video"), "video"),
                (NestImageInImageBlockOperation(), "image"),
            ],
        ),
        MigrateStreamData(
            app_name="portal",
            model_name="valuepage",
            field_name="body",
            operations_and_block_paths=[
                (StreamChildrenToStructBlockOperation("embed", "video"), ""),
                (RenameStructChildrenOperation("embed", "video"), "video"),
                (NestImageInImageBlockOperation(), "image"),
            ],
        ),
    ]
