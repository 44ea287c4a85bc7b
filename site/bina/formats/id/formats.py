"""Indonesian date formats for Bina ASN: the long form everywhere a person reads a date.

Django's own "id" formats abbreviate the month ("17 Des 2026") and use "17-12-2026" for
the short form; the UI uses one form, "17 Desember 2026". Input formats stay Django's.
"""

from django.conf.locale.id.formats import *  # type: ignore[import-untyped]  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H.i"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y H.i"
