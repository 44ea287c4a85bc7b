"""Take over the quiz models from learning: same tables (learning_*), state only."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from foundation.model_moves import relabel_content_types

OLD_LABEL = "learning"
NEW_LABEL = "quiz"
MODELS = ['questioncategory', 'question', 'questiontag', 'quizpage', 'quizquestion', 'quizattempt', 'quizanswer']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("learning", "0006_scale_indexes"),
        ('competencies', '0001_initial'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='QuestionCategory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='nama')),
                        ('description', models.TextField(blank=True, verbose_name='keterangan')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='quiz.questioncategory', verbose_name='induk')),
                    ],
                    options={
                        'verbose_name': 'kategori soal',
                        'verbose_name_plural': 'kategori soal',
                        'db_table': 'learning_questioncategory',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Question',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='nama soal')),
                        ('idnumber', models.CharField(blank=True, max_length=100, verbose_name='ID soal')),
                        ('qtype', models.CharField(choices=[('single_choice', 'single_choice'), ('multiple_response', 'multiple_response'), ('true_false', 'true_false'), ('short_answer', 'short_answer'), ('numerical', 'numerical'), ('matching', 'matching'), ('essay', 'essay')], max_length=20, verbose_name='jenis')),
                        ('data', models.JSONField(default=dict, verbose_name='definisi')),
                        ('default_mark', models.DecimalField(decimal_places=2, default=Decimal('1'), max_digits=5, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='nilai')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('competency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='questions', to='competencies.competency', verbose_name='kompetensi/panduan perilaku')),
                        ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                        ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='questions', to='quiz.questioncategory', verbose_name='kategori')),
                    ],
                    options={
                        'verbose_name': 'soal',
                        'verbose_name_plural': 'bank soal',
                        'db_table': 'learning_question',
                        'ordering': ['category_id', 'name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='QuestionTag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='quiz.question')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'db_table': 'learning_questiontag',
                    },
                ),
                migrations.AddField(
                    model_name='question',
                    name='tags',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='quiz.QuestionTag', to='taggit.Tag', verbose_name='tag'),
                ),
                migrations.CreateModel(
                    name='QuizAttempt',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(verbose_name='percobaan ke-')),
                        ('state', models.CharField(choices=[('in_progress', 'Sedang dikerjakan'), ('finished', 'Selesai'), ('abandoned', 'Ditinggalkan')], default='in_progress', max_length=12, verbose_name='status')),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='mulai')),
                        ('deadline', models.DateTimeField(blank=True, null=True, verbose_name='batas waktu')),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='dikirim')),
                        ('layout', models.JSONField(default=list)),
                        ('points', models.DecimalField(blank=True, decimal_places=3, max_digits=8, null=True)),
                        ('max_points', models.DecimalField(blank=True, decimal_places=3, max_digits=8, null=True)),
                        ('score', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='nilai (%)')),
                        ('pending', models.PositiveSmallIntegerField(default=0, verbose_name='menunggu dinilai')),
                        ('passed', models.BooleanField(blank=True, null=True, verbose_name='lulus')),
                        ('auto_closed', models.BooleanField(default=False, verbose_name='ditutup otomatis')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='quiz_attempts', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'percobaan kuis',
                        'verbose_name_plural': 'percobaan kuis',
                        'db_table': 'learning_quizattempt',
                        'ordering': ['quiz_id', 'user_id', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='QuizAnswer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slot', models.PositiveSmallIntegerField()),
                        ('response', models.JSONField(blank=True, null=True)),
                        ('saved_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('fraction', models.DecimalField(blank=True, decimal_places=7, max_digits=8, null=True)),
                        ('grade_state', models.CharField(blank=True, max_length=16)),
                        ('feedback_ids', models.JSONField(blank=True, default=list)),
                        ('grader_comment', models.TextField(blank=True, verbose_name='komentar penilai')),
                        ('graded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('attempt', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='quiz.quizattempt')),
                    ],
                    options={
                        'verbose_name': 'jawaban kuis',
                        'verbose_name_plural': 'jawaban kuis',
                        'db_table': 'learning_quizanswer',
                    },
                ),
                migrations.CreateModel(
                    name='QuizPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='petunjuk')),
                        ('required_for_completion', models.BooleanField(default=True, verbose_name='wajib lulus untuk menyelesaikan kursus')),
                        ('pass_mark', models.DecimalField(decimal_places=2, default=Decimal('70'), max_digits=5, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)], verbose_name='nilai lulus (%)')),
                        ('grading_method', models.CharField(choices=[('highest', 'Nilai tertinggi'), ('last', 'Percobaan terakhir'), ('first', 'Percobaan pertama'), ('average', 'Rata-rata')], default='highest', max_length=10, verbose_name='cara penilaian')),
                        ('max_attempts', models.PositiveSmallIntegerField(default=3, help_text='0 berarti tanpa batas.', verbose_name='batas percobaan')),
                        ('time_limit_minutes', models.PositiveSmallIntegerField(default=0, help_text='0 berarti tanpa batas waktu.', verbose_name='batas waktu (menit)')),
                        ('grace_seconds', models.PositiveIntegerField(default=60, help_text='Jawaban yang dikirim dalam masa ini setelah waktu habis masih diterima.', verbose_name='masa tenggang (detik)')),
                        ('open_at', models.DateTimeField(blank=True, null=True, verbose_name='dibuka')),
                        ('close_at', models.DateTimeField(blank=True, null=True, verbose_name='ditutup')),
                        ('shuffle_questions', models.BooleanField(default=True, verbose_name='acak urutan soal')),
                        ('shuffle_choices', models.BooleanField(default=True, verbose_name='acak urutan pilihan')),
                        ('random_count', models.PositiveSmallIntegerField(default=0, help_text='Diambil dari kategori dan/atau tag di bawah.', verbose_name='jumlah soal acak')),
                        ('random_tag', models.CharField(blank=True, max_length=100, verbose_name='tag soal acak')),
                        ('random_mark', models.DecimalField(decimal_places=2, default=Decimal('1'), max_digits=5, verbose_name='nilai tiap soal acak')),
                        ('review_answers', models.CharField(choices=[('immediately', 'Segera setelah dikirim'), ('after_close', 'Setelah kuis ditutup'), ('never', 'Tidak pernah')], default='immediately', max_length=12, verbose_name='jawaban sendiri')),
                        ('review_correctness', models.CharField(choices=[('immediately', 'Segera setelah dikirim'), ('after_close', 'Setelah kuis ditutup'), ('never', 'Tidak pernah')], default='immediately', max_length=12, verbose_name='benar/salah')),
                        ('review_marks', models.CharField(choices=[('immediately', 'Segera setelah dikirim'), ('after_close', 'Setelah kuis ditutup'), ('never', 'Tidak pernah')], default='immediately', max_length=12, verbose_name='nilai per soal')),
                        ('review_feedback', models.CharField(choices=[('immediately', 'Segera setelah dikirim'), ('after_close', 'Setelah kuis ditutup'), ('never', 'Tidak pernah')], default='immediately', max_length=12, verbose_name='umpan balik')),
                        ('review_right_answers', models.CharField(choices=[('immediately', 'Segera setelah dikirim'), ('after_close', 'Setelah kuis ditutup'), ('never', 'Tidak pernah')], default='after_close', max_length=12, verbose_name='jawaban benar')),
                        ('random_category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='quiz.questioncategory', verbose_name='kategori soal acak')),
                    ],
                    options={
                        'verbose_name': 'kuis',
                        'verbose_name_plural': 'kuis',
                        'db_table': 'learning_quizpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.AddField(
                    model_name='quizattempt',
                    name='quiz',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attempts', to='quiz.quizpage'),
                ),
                migrations.CreateModel(
                    name='QuizQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('mark', models.DecimalField(decimal_places=2, default=Decimal('1'), max_digits=5, verbose_name='nilai')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quiz_slots', to='quiz.question', verbose_name='soal')),
                        ('quiz', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='fixed_questions', to='quiz.quizpage')),
                    ],
                    options={
                        'verbose_name': 'soal kuis',
                        'db_table': 'learning_quizquestion',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.AddConstraint(
                    model_name='questioncategory',
                    constraint=models.UniqueConstraint(fields=('parent', 'name'), name='learning_questioncategory_unique_name'),
                ),
                migrations.AddConstraint(
                    model_name='questioncategory',
                    constraint=models.UniqueConstraint(condition=models.Q(('parent__isnull', True)), fields=('name',), name='learning_questioncategory_unique_root'),
                ),
                migrations.AddIndex(
                    model_name='question',
                    index=models.Index(fields=['category', 'name'], name='learning_qu_categor_243f58_idx'),
                ),
                migrations.AddConstraint(
                    model_name='quizanswer',
                    constraint=models.UniqueConstraint(fields=('attempt', 'slot'), name='learning_quizanswer_unique'),
                ),
                migrations.AddConstraint(
                    model_name='quizanswer',
                    constraint=models.CheckConstraint(condition=models.Q(('fraction__isnull', True), models.Q(('fraction__gte', 0), ('fraction__lte', 1)), _connector='OR'), name='learning_quizanswer_fraction_0_1'),
                ),
                migrations.AddIndex(
                    model_name='quizattempt',
                    index=models.Index(fields=['state', 'deadline'], name='learning_qu_state_4425ea_idx'),
                ),
                migrations.AddConstraint(
                    model_name='quizattempt',
                    constraint=models.UniqueConstraint(condition=models.Q(('state', 'in_progress')), fields=('user', 'quiz'), name='learning_quizattempt_one_in_progress'),
                ),
                migrations.AddConstraint(
                    model_name='quizattempt',
                    constraint=models.UniqueConstraint(fields=('user', 'quiz', 'number'), name='learning_quizattempt_number_unique'),
                ),
                migrations.AddConstraint(
                    model_name='quizattempt',
                    constraint=models.CheckConstraint(condition=models.Q(('state', 'in_progress'), ('submitted_at__isnull', False), _connector='OR'), name='learning_quizattempt_closed_has_time'),
                ),
                migrations.AddConstraint(
                    model_name='quizquestion',
                    constraint=models.UniqueConstraint(fields=('quiz', 'question'), name='learning_quizquestion_once'),
                ),
            ],
            database_operations=[],
        ),
        relabel_content_types(OLD_LABEL, NEW_LABEL, MODELS),
    ]
