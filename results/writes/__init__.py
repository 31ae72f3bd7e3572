"""Everything that writes: the one write path (path.py: save, delete and the bulk writes, by whoever acts), the
change log (changes.py) and its undo (restores.py), ranks written back (ranks.py), the stored derived facts
(derived.py), the sheet and PDF importers (sheet_import.py, pdf_import.py: what results/imports/ read, written),
skater matching (matching.py) and the skater register (register.py)."""
