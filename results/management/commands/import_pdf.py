import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from results.imports.sheets import SheetError
from results.writes.pdf_import import import_pdfs


class Command(BaseCommand):
    help = "Import official ISU result PDFs. All files are checked first; any bad file means nothing is written."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
        parser.add_argument(
            "--confirm-records", action="store_true",
            help="write times that would be new world records (without it, the import names them and writes nothing)",
        )  # fmt: skip
        parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="PDFs read at once (processes)")

    def handle(self, *args, files, dry_run, jobs, confirm_records, **options):
        started = time.perf_counter()
        loaded, problems = [], []
        for path in files:
            try:
                loaded.append((path.name, path.read_bytes()))
            except OSError as error:
                problems.append(f"{path}: cannot be read: {error.strerror}")
        if problems:
            raise CommandError("\n".join(problems))
        try:
            summary, notes = import_pdfs(loaded, dry_run=dry_run, jobs=jobs, records_confirmed=confirm_records)
        except SheetError as error:
            raise CommandError("\n".join([*error.problems, "Nothing was imported."])) from None
        for note in notes:
            self.stdout.write(note)
        for printed, skater in summary.inexact_matches:
            self.stdout.write(f"matched '{printed}' to {skater.name} ({skater.nationality})")
        for where, sentence in [*summary.would_be_records, *summary.suspicious]:
            self.stdout.write(f"{where}: {sentence}")
        for removal in summary.removals:
            self.stdout.write(f"removed (not in the official PDF): {removal}")
        seconds = time.perf_counter() - started
        prefix = "dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{len(files)} PDF(s) in {seconds:.1f} s: {summary}")
