import time

from django.core.management.base import BaseCommand
from django.db import connection

from bench.generator import generate
from results import caching
from results.writes.derived import recompute_all


class Command(BaseCommand):
    help = "Add synthetic results (seeded, deterministic) for benchmarks: --results 1000000."

    def add_arguments(self, parser):
        parser.add_argument("--results", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, results, seed, **options):
        started = time.perf_counter()
        made = generate(
            results, seed=seed, progress=lambda n: n % 100_000 < 200 and self.stdout.write(f"  {n} results")
        )
        self.stdout.write(f"{made} results generated in {time.perf_counter() - started:.1f} s")
        # statistics for the query planner before the derived facts are read out of a million new rows
        # (PostgreSQL would otherwise plan for the empty tables it last looked at), and after
        analyze()
        started = time.perf_counter()
        recompute_all()
        caching.bump([caching.ALL])  # every cached page shows derived facts
        analyze()
        self.stdout.write(f"derived facts computed in {time.perf_counter() - started:.1f} s")


def analyze():
    """Planner statistics; on PostgreSQL also the vacuum that autovacuum would otherwise run later, mid-benchmark,
    after a million inserts (it sets the visibility map too, for index-only scans)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
