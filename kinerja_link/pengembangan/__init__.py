"""Pengembangan kompetensi: standar kompetensi jabatan and the yearly IDP (issue 16)."""
