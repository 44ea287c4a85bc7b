from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from foundation.admin_viewsets import SnippetViewSet
from learning.quiz.forms import QuestionForm
from learning.quiz.models import Question, QuestionCategory


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Soal")
    list_display = ["name", "qtype", "category", "competency", "updated_at"]
    list_filter = ["qtype", "category", "competency"]
    search_fields = ["name", "idnumber"]
    list_export = ["name", "idnumber", "qtype", "category", "competency", "default_mark"]
    ordering = ["category__name", "name"]

    def get_queryset(self, request):
        # The category column shows the folder path (parent names): join three levels so a
        # page of 20 questions is one query, not one per question and ancestor.
        return Question.objects.select_related("category__parent__parent", "competency")

    # The GIFT box is a field of our form, not of the model: the form class declares it.
    edit_handler = ObjectList(
        [
            FieldPanel("category"),
            FieldPanel("definition"),
            FieldPanel("idnumber"),
            FieldPanel("default_mark"),
            FieldPanel("competency"),
            FieldPanel("tags"),
        ],
        base_form_class=QuestionForm,
    )


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Kategori soal")
    list_display = ["name", "parent"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("parent"), FieldPanel("description")]


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Bank soal")
    menu_order = 305
