"""Competency went to `competencies`, the quiz models to `quiz`: state only, tables stay."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0005_competency_moved'),
        ('kinerja_link', '0009_competency_moved'),
        ('quiz', '0001_initial'),
        ('competencies', '0001_initial'),
        ('learning', '0006_scale_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='coursecompetency',
                    name='competency',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='course_links', to='competencies.competency', verbose_name='kompetensi'),
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='competency',
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='category',
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='latest_revision',
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='quizquestion',
                    name='question',
                ),
                migrations.RemoveField(
                    model_name='questiontag',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='questioncategory',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='quizpage',
                    name='random_category',
                ),
                migrations.RemoveField(
                    model_name='questiontag',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='quizanswer',
                    name='attempt',
                ),
                migrations.RemoveField(
                    model_name='quizanswer',
                    name='graded_by',
                ),
                migrations.RemoveField(
                    model_name='quizattempt',
                    name='quiz',
                ),
                migrations.RemoveField(
                    model_name='quizattempt',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='quizpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='quizquestion',
                    name='quiz',
                ),
                migrations.AlterField(
                    model_name='lessonpage',
                    name='body',
                    field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10), ('callout', 14), ('video', 17), ('document', 20), ('key_points', 24), ('reflection', 27), ('guide', 30)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Judul bagian (H2)'), ('h3', 'Subjudul (H3)'), ('h4', 'H4')], 'label': 'tingkat'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'document-link', 'h3', 'h4'], 'icon': 'pilcrow', 'label': 'Paragraf', 'template': 'portal/blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'gambar'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Jelaskan isi gambar untuk pembaca layar. Wajib diisi.', 'label': 'teks alternatif', 'max_length': 250}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'keterangan', 'max_length': 250, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'kutipan'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'sumber', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('text', 8), ('attribution', 9)]], {}), 11: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Informasi'), ('tip', 'Tips'), ('penting', 'Penting')], 'label': 'jenis'}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'judul', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul', 'ol'], 'label': 'isi'}), 14: ('wagtail.blocks.StructBlock', [[('kind', 11), ('title', 12), ('text', 13)]], {}), 15: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'YouTube, Vimeo, dan sejenisnya.', 'label': 'tautan video'}), 16: ('wagtail.blocks.TextBlock', (), {'label': 'transkrip', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('video', 15), ('caption', 6), ('transcript', 16)]], {}), 18: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'dokumen'}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'uraian', 'max_length': 250, 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('document', 18), ('description', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'default': 'Poin penting', 'label': 'judul', 'max_length': 120}), 22: ('wagtail.blocks.CharBlock', (), {'max_length': 300}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'poin', 'min_num': 1}), 24: ('wagtail.blocks.StructBlock', [[('title', 21), ('points', 23)]], {}), 25: ('wagtail.blocks.TextBlock', (), {'label': 'pertanyaan refleksi'}), 26: ('wagtail.blocks.TextBlock', (), {'label': 'petunjuk', 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('prompt', 25), ('hint', 26)]], {}), 28: ('wagtail.snippets.blocks.SnippetChooserBlock', ('competencies.Competency',), {'label': 'panduan perilaku BerAKHLAK'}), 29: ('wagtail.blocks.TextBlock', (), {'help_text': 'Perilaku nyata.', 'label': 'contoh di tempat kerja', 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('guide', 28), ('example', 29)]], {})}, verbose_name='isi'),
                ),
                migrations.DeleteModel(
                    name='Competency',
                ),
                migrations.DeleteModel(
                    name='Question',
                ),
                migrations.DeleteModel(
                    name='QuestionCategory',
                ),
                migrations.DeleteModel(
                    name='QuestionTag',
                ),
                migrations.DeleteModel(
                    name='QuizAnswer',
                ),
                migrations.DeleteModel(
                    name='QuizAttempt',
                ),
                migrations.DeleteModel(
                    name='QuizPage',
                ),
                migrations.DeleteModel(
                    name='QuizQuestion',
                ),
            ],
            database_operations=[],
        ),
    ]
