"""The competency taxonomy (BerAKHLAK values and guides, manajerial, sosial kultural, teknis).

Shared by portal (value pages), learning (what a course teaches, questions) and
kinerja_link (SKP behaviour, pembinaan rules), so it lives below all of them.
"""
