from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ..chart import values_bar_chart

register = template.Library()


@register.simple_tag
def values_chart(evidence_by_value) -> SafeString:
    """The bar chart of the seven BerAKHLAK values for the SKP page."""
    rows = [(row.value.name, row.count) for row in evidence_by_value]
    return values_bar_chart(
        rows,
        title=_("Bukti dukung per nilai BerAKHLAK"),
        desc=_("Jumlah bukti dukung pada SKP ini untuk tiap nilai; angkanya ada pada tabel."),
    )
