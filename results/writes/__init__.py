"""Everything that writes: the one write path (path.py, fed by the ORM's signals in signals.py and by the
importer), the change log (changes.py), ranks written back (ranks.py), the stored derived facts (derived.py), the
results-sheet importer (sheets.py), the skater register (register.py), and synthetic data for benchmarks
(generator.py)."""
