from wagtail.snippets.models import register_snippet

from competencies.viewsets import CompetencyViewSet

register_snippet(CompetencyViewSet)
