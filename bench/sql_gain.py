#!/usr/bin/env python3
"""make bench-sql: what each read written out in SQL (results/queries/sql.py) saves over the QuerySet it stands for,
as a share of its page's uncached time, on the database of 1,000,000 results that make bench builds
(bench/out/db-1000000.sqlite3; with --postgres, the database db_1000000 on $DATABASE_URL's server, as make
bench-postgres builds it).

Everything is timed in this process: each page through Django's test client with the cache off, and each read
called alternately as SQL and as its QuerySet, on the page's own arguments, the median of --repeat calls. The rule
(issue 26): SQL stays where it saves at least 10 % of its page's time. The table is printed and written to
bench/out/sql-gain.md (bench/out/sql-gain-postgres.md).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
THRESHOLD = 0.10


def setup(postgres):
    if postgres:
        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/db_1000000"
    else:
        url = f"sqlite:///{OUT / 'db-1000000.sqlite3'}"
        if not (OUT / "db-1000000.sqlite3").exists():
            raise SystemExit("no bench/out/db-1000000.sqlite3: run make bench first (it builds the database)")
    os.environ.update({
        "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": "bench-only-" + "x" * 40, "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0", "CACHE": "dummy", "BENCH": "1", "LOG_LEVEL": "ERROR", "API_RATE": "1000000/min",
        "DJANGO_SETTINGS_MODULE": "skating.settings",
    })  # fmt: skip
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def median_ms(call, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired_ms(sql_call, queryset_call, repeat):
    """Median ms of each, called in turn (so a slow spell on a shared machine touches both)."""
    sql_times, queryset_times = [], []
    for _ in range(repeat):
        for call, times in ((sql_call, sql_times), (queryset_call, queryset_times)):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(sql_times), statistics.median(queryset_times)


def reads(urls):
    """{page: [(read, SQL call, QuerySet call)]}, each with the arguments the page passes."""
    from django.contrib.auth.models import AnonymousUser

    from results.queries import careers, competition_page, race_page
    from results.queries.skater_page import skater_at

    anonymous = AnonymousUser()
    competition_slug, race_slug = urls["race"].strip("/").split("/")[-2:]
    race = race_page.race_at(competition_slug, race_slug, anonymous)
    competition = urls["competition"].strip("/").split("/")[-1]
    skater, _ = skater_at(urls["skater"].strip("/").split("/")[-1])

    def competition_queryset():
        found, races = competition_page.competition_at_queryset(competition, anonymous)
        return found, list(races)

    return {
        "race": [
            ("winner_ages", lambda: race_page.winner_ages(race),
             lambda: race_page.winner_ages_queryset(race).first()),
        ],
        "competition": [("competition_at", lambda: competition_page.competition_at(competition, anonymous),
                         competition_queryset)],
        "skater": [("career", lambda: careers.career(skater), lambda: list(careers.career_queryset(skater)))],
        "api-skater": [("stored_bests", lambda: careers.stored_bests(skater),
                        lambda: [list(found) for found in careers.stored_bests_querysets(skater)])],
    }  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    setup(args.postgres)
    import json
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    printed = StringIO()
    call_command("bench_urls", stdout=printed)
    urls = json.loads(printed.getvalue())
    client = Client()
    lines = [f"# Written-out SQL against its QuerySet, 1,000,000 results ({connection.vendor})", "",
             f"Medians of {args.repeat} calls in one process; a page through the test client, cache off. "
             f"Rule: the SQL stays where it saves ≥ {THRESHOLD:.0%} of its page's time.", "",
             "| page | page ms | read | SQL ms | QuerySet ms | saved | share of page | verdict |",
             "|---|---:|---|---:|---:|---:|---:|---|"]  # fmt: skip
    for page, page_reads in reads(urls).items():
        for _ in range(3):
            assert client.get(urls[page]).status_code == 200, urls[page]
        page_ms = median_ms(lambda url=urls[page]: client.get(url), args.repeat)
        for name, sql_call, queryset_call in page_reads:
            sql_call(), queryset_call()
            sql_ms, queryset_ms = paired_ms(sql_call, queryset_call, args.repeat)
            share = (queryset_ms - sql_ms) / page_ms
            verdict = "keep SQL" if share >= THRESHOLD else "QuerySet"
            lines.append(f"| {page} | {page_ms:.1f} | {name} | {sql_ms:.2f} | {queryset_ms:.2f} | "
                         f"{queryset_ms - sql_ms:.2f} | {share:.1%} | {verdict} |")  # fmt: skip
            print(lines[-1], flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    report = OUT / ("sql-gain-postgres.md" if args.postgres else "sql-gain.md")
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {report.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
