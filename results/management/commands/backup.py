import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Write a consistent copy of the database: SQLite's online backup, or pg_dump for PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        file.parent.mkdir(parents=True, exist_ok=True)
        if connection.vendor == "sqlite":
            import sqlite3

            connection.ensure_connection()
            target = sqlite3.connect(file)
            with target:
                connection.connection.backup(target)
            target.close()
        elif connection.vendor == "postgresql":
            run_pg("pg_dump", ["--format=custom", f"--file={file}"])
        else:
            raise CommandError(f"no backup method for {connection.vendor}")
        self.stdout.write(f"backup written to {file}")


def run_pg(program, arguments):
    settings = connection.settings_dict
    env = {"PGPASSWORD": settings.get("PASSWORD") or ""}
    command = [program, "--host", settings.get("HOST") or "localhost", "--port", str(settings.get("PORT") or 5432),
               "--username", settings.get("USER") or "", "--dbname", settings["NAME"], *arguments]  # fmt: skip
    result = subprocess.run(command, env={**__import__("os").environ, **env}, capture_output=True, text=True)
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()[:500]}")
