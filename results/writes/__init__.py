"""Everything that writes: the one write path (path.py, fed by the ORM's signals in signals.py and by the
importers), the change log (changes.py), ranks written back (ranks.py), the stored derived facts (derived.py), the
sheet and PDF importers (sheet_import.py, pdf_import.py: what results/imports/ read, written), skater matching
(matching.py) and the skater register (register.py)."""
