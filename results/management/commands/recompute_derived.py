import time

from django.core.management.base import BaseCommand

from results import caching
from results.writes.derived import recompute_all
from results.writes.path import copy_race_fields


class Command(BaseCommand):
    help = (
        "Compute every stored derived fact (records, personal bests, streaks, Adelskalender, the results' copies of "
        "their race's date and distance) from scratch."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        copy_race_fields()
        recompute_all()
        caching.bump([caching.ALL])  # every cached page shows derived facts
        self.stdout.write(f"derived facts computed in {time.perf_counter() - started:.1f} s")
