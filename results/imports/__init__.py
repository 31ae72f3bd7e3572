"""Readers of outside formats, apart from the write path: results sheets (sheets.py, which also checks their rows
against the sport's rules), official ISU result PDFs (isu_pdf.py, read within bounds by pdf_reader.py) and the
skater register (register.py). They return checked rows or refuse with every problem named; results/writes/
writes what they read."""
