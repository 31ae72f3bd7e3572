from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from results.imports.sheets import SheetError
from results.writes.register import import_register


class Command(BaseCommand):
    help = "Import a skater register (CSV: birth dates, other names). Importing it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            created, updated = import_register(file.read_text(encoding="utf-8"), filename=str(file))
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot be read: {error}") from error
        except SheetError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(error.problems)} problem(s); nothing was imported.") from error
        self.stdout.write(f"{file}: {created} skaters created, {updated} updated")
