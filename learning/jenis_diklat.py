"""SIASN ``jenisDiklat`` ids (docs/domain.md §4): the form a piece of learning took, and
the ``jenisKursusSertipikat`` code SIASN's own *jenis diklat* reference carries for each
(docs/integration-kinerja.md, "SIASN codes")."""

from django.utils.translation import gettext_lazy as _

JENIS_DIKLAT_E_LEARNING = 16
JENIS_DIKLAT_COACHING = 14

JENIS_DIKLAT_CHOICES = [
    (1, _("Diklat Struktural")),
    (2, _("Diklat Fungsional")),
    (3, _("Diklat Teknis")),
    (4, _("Workshop")),
    (5, _("Pelatihan Manajerial")),
    (6, _("Pelatihan Sosial Kultural")),
    (7, _("Sosialisasi")),
    (8, _("Bimbingan Teknis")),
    (9, _("Seminar")),
    (10, _("Magang")),
    (11, _("Kursus")),
    (12, _("Penataran")),
    (13, _("Lainnya (klasikal)")),
    (14, _("Coaching")),
    (15, _("Mentoring")),
    (16, _("E-Learning")),
    (17, _("Pelatihan Jarak Jauh")),
    (18, _("Detasering")),
    (19, _("Outbond")),
    (20, _("Patok Banding")),
    (21, _("Pertukaran PNS")),
    (22, _("Belajar Mandiri")),
    (23, _("Komunitas Belajar")),
    (24, _("Bimbingan di Tempat Kerja")),
    (25, _("Lainnya (nonklasikal)")),
]

# SIASN's reference (``referensi/jenis-diklat``, field ``jenisKursusSetifikat``): F for
# diklat fungsional, P for workshop, sosialisasi and seminar, T for every other form.
JENIS_KURSUS_SERTIPIKAT = {code: "T" for code, _label in JENIS_DIKLAT_CHOICES} | {
    2: "F",
    4: "P",
    7: "P",
    9: "P",
}
