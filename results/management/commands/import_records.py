from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from results.imports.records import read_records
from results.imports.sheets import SheetError
from results.writes.record_import import import_records


class Command(BaseCommand):
    help = (
        "Import the world-record progressions (CSV, as seeds/world-records.csv): all or nothing; importing it "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            rows = read_records(file.read_text(encoding="utf-8"), str(file))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot be read: {error}") from error
        except SheetError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(error.problems)} problem(s); nothing was imported.") from error
        report = import_records(rows, dry_run=dry_run, note=f"record list {file.name}")
        for line, correction in report.corrected:
            self.stdout.write(f"{file}:{line}: corrected: {correction}")
        for name, skater in report.inexact:
            self.stdout.write(f"inexact match: '{name}' is {skater.name} ({skater.nationality}, /{skater.slug}/)")
        for skater in report.created:
            self.stdout.write(f"new skater from the list: {skater.name} ({skater.nationality})")
        verb = "would change" if dry_run else "changed" if report.changed else "unchanged"
        self.stdout.write(
            f"{file}: {report.entries} entries ({verb}); {report.held} linked to a held race; skaters: "
            f"{report.matched} known, {len(report.created)} new, {len(report.inexact)} matched inexactly"
        )
