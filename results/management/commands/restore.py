from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from results.management.commands.backup import run_pg


class Command(BaseCommand):
    help = "Replace the database with a backup written by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such backup")
        if connection.vendor == "sqlite":
            import sqlite3

            source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CommandError(f"{file}: not a sound SQLite database")
            connection.ensure_connection()
            source.backup(connection.connection)
            source.close()
        elif connection.vendor == "postgresql":
            run_pg("pg_restore", ["--clean", "--if-exists", "--no-owner", str(file)])
        else:
            raise CommandError(f"no restore method for {connection.vendor}")
        self.stdout.write(f"restored from {file}")
