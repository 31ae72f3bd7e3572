from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from results.imports.sheets import SheetError
from results.writes.sheet_import import import_sheet


class Command(BaseCommand):
    help = "Import results sheets (CSV). A sheet with any bad row is rejected whole."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
        parser.add_argument(
            "--complete-fields", action="store_true",
            help="the source says every race of these sheets is a complete field (for sheets without pairs)",
        )  # fmt: skip
        parser.add_argument(
            "--confirm-records", action="store_true",
            help="write times that would be new world records (without it, the import names them and writes nothing)",
        )  # fmt: skip

    def handle(self, *args, files, dry_run, complete_fields, confirm_records, **options):
        failed = []
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                failed.append(f"{path}: cannot be read: {error}")
                continue
            try:
                summary = import_sheet(
                    text,
                    filename=str(path),
                    dry_run=dry_run,
                    complete=complete_fields,
                    records_confirmed=confirm_records,
                )
            except SheetError as error:
                failed.extend(error.problems)
                continue
            self.stdout.write(f"{path}: {summary}")
        if connection.vendor == "sqlite" and not dry_run:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA optimize")  # keeps the query planner's statistics current after large imports
        if failed:
            for problem in failed:
                self.stderr.write(problem)
            raise CommandError(f"{len(failed)} problem(s); the sheets named above were not imported.")
