#!/usr/bin/env python3
"""make bench: page latency at two database sizes, against gunicorn on loopback.

For each size (default 10,000 and 1,000,000 results) it builds a SQLite database with
`generate_results` (or reuses one built before; `--postgres` builds them on a PostgreSQL
server instead) and serves each with gunicorn, first with the page cache off, then on.
Every public page kind is measured on both sizes' servers in turn, round after round,
each request followed by one to a minimal Django view on the same server, so the ratios
(to the minimal view, 1M to 10k) compare requests made seconds apart on this shared
machine. It also times the import of 100,000 sheet rows and checks that a repeat
visitor gets 304 Not Modified. The table is printed and written to bench/out/bench.md.
"""

import argparse
import csv
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
BASE_ENV = {
    "DEBUG": "0", "SECRET_KEY": "bench-only-" + "x" * 40, "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0", "SECURE_HSTS_SECONDS": "0", "BENCH": "1",
    "CONN_MAX_AGE": "600", "LOG_LEVEL": "ERROR", "API_RATE": "1000000/min",  # one client asks every page
}  # fmt: skip


POSTGRES = None  # with --postgres: the URL of a PostgreSQL database whose server the bench may create databases on


def database_url(name):
    if POSTGRES:
        return f"{POSTGRES.rsplit('/', 1)[0]}/{name.replace('-', '_')}"
    return f"sqlite:///{OUT / name}.sqlite3"


def fresh_database(name):
    """An empty database of this name: a new PostgreSQL database, or no SQLite file."""
    if POSTGRES:
        import psycopg

        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name.replace("-", "_")}"')
            connection.execute(f'CREATE DATABASE "{name.replace("-", "_")}"')
    else:
        for path in OUT.glob(f"{name}.sqlite3*"):
            path.unlink()
    return database_url(name)


def env_for(db, **extra):
    return {**os.environ, **BASE_ENV, "DATABASE_URL": db, **extra}


def manage(db, *args, **extra):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env_for(db, **extra), check=True,
                          capture_output=True, text=True).stdout  # fmt: skip


def build(size):
    """A database of `size` synthetic results: built, or (SQLite) reused from an earlier run."""
    name = f"db-{size}"
    marker = OUT / f"{name}.done"
    if not POSTGRES and (OUT / f"{name}.sqlite3").exists() and marker.exists():
        print(f"reusing {name}.sqlite3")
        db = database_url(name)
        manage(db, "migrate", "--no-input")  # a database built by an older version of the code
        manage(db, "import_records", "seeds/world-records.csv")  # idempotent: the list, if an older build lacks it
        # with the planner's statistics of a fresh build (a migration may have added an index)
        manage(db, "shell", "-c", "from results.management.commands.generate_results import analyze; analyze()")
        return db, None
    db = fresh_database(name)
    started = time.perf_counter()
    manage(db, "migrate", "--no-input")
    manage(db, "createcachetable")
    manage(db, "loaddata", "fixtures/rinks.json", "fixtures/world_cup_points.json")
    print(manage(db, "generate_results", "--results", str(size)).strip().splitlines()[-2:])
    manage(db, "import_records", "seeds/world-records.csv")
    seconds = time.perf_counter() - started
    if not POSTGRES:
        marker.write_text(f"{seconds:.0f}\n")
    print(f"built {name} in {seconds:.0f} s")
    return db, seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db, **extra):
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "skating.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "error"],
        cwd=ROOT, env=env_for(db, **extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start: " + process.stderr.read().decode()[-2000:])


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status, header = response.status, response.headers
    except urllib.error.HTTPError as error:
        status, header = error.code, error.headers
    return time.perf_counter() - started, status, header


def measure(servers, paths, repeat):
    """p50/p95 of one page kind on every server, interleaved request by request, beside the minimal view.

    servers: {(size, cached): base URL}; paths: {size: this page's path in that database}. Each round
    asks every server for the page and for the minimal view, so a slow spell on this shared machine
    touches every size and the yardstick alike, and each ratio compares requests made seconds apart.
    """
    timings = {key: [] for key in servers}
    minimal = {key: [] for key in servers}
    found = {}
    for (size, cached), base in servers.items():
        for _ in range(3):
            get(base + paths[size])
        _, status, header = get(base + paths[size])
        found[(size, cached)] = {"status": status, "queries": int(header.get("X-Query-Count", -1))}
    for _ in range(repeat):
        for (size, cached), base in servers.items():
            timings[(size, cached)].append(get(base + paths[size])[0] * 1000)
            minimal[(size, cached)].append(get(base + "/bench/minimal/")[0] * 1000)
    for key in servers:
        times = sorted(timings[key])
        found[key].update(p50=statistics.median(times), p95=times[int(0.95 * (len(times) - 1))],
                          minimal=statistics.median(minimal[key]))  # fmt: skip
    return found


def import_benchmark(rows):
    """Time `import_results` of a synthetic sheet of `rows` rows into an empty database."""
    db = fresh_database(f"import-{rows}")
    manage(db, "migrate", "--no-input")
    manage(db, "createcachetable")
    manage(db, "loaddata", "fixtures/rinks.json")
    sheet = OUT / f"sheet-{rows}.csv"
    rng = random.Random(7)
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow("competition,season,venue,city,country_of_venue,date,gender,distance_m,division,rank,skater,"
                        "nationality,time,pair,lane,status,source".split(","))  # fmt: skip
        races = rows // 20
        for race in range(races):
            year = 1950 + race // 400
            day = f"{year}-12-{1 + race % 28:02d}"
            times = sorted(rng.randint(37000, 42000) // 10 * 10 for _ in range(20))
            skaters = rng.sample(range(1, max(40, rows // 40)), 20)
            for n, ms in enumerate(times):
                rank = 1 + sum(1 for t in times if t < ms)
                writer.writerow([f"Import Cup {race // 10}", f"{year}/{(year + 1) % 100:02d}", "Thialf", "Heerenveen",
                                 "NED", day, "F", 500, "", rank, f"Skater {skaters[n]}", "NED",
                                 f"{ms // 1000}.{ms % 1000 // 10:02d}", n // 2 + 1, "inner" if n % 2 else "outer", "",
                                 "bench"])  # fmt: skip
    started = time.perf_counter()
    manage(db, "import_results", str(sheet))
    return time.perf_counter() - started


def seed(db):
    """The real seeds (sheets, register, fixtures) in a new database, as make run loads them."""
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env_for(db), check=True)
    manage(db, "migrate", "--no-input")
    manage(db, "createcachetable")
    manage(db, "loaddata", "fixtures/rinks.json", "fixtures/world_cup_points.json", "fixtures/editors.json")
    manage(db, "import_skaters", "seeds/skaters.csv")
    manage(db, "import_results", *[str(p) for p in sorted((ROOT / "seeds" / "sheets").glob("*.csv"))])


def start_redis(redis, database=0):
    """A throwaway Redis server on a free port: (its process, {"REDIS_URL": …}); (None, {}) without redis-server."""
    if not redis:
        return None, {}
    port = free_port()
    process = subprocess.Popen([redis, "--port", str(port), "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL)  # fmt: skip
    time.sleep(0.3)
    return process, {"REDIS_URL": f"redis://127.0.0.1:{port}/{database}"}


def install_redis():
    """The bench measures the shared cache as deployed: Debian's redis-server, installed when missing (as root)."""
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server",
                       shell=True, check=False, capture_output=True)  # fmt: skip
    return shutil.which("redis-server")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="build the databases on the PostgreSQL server of $DATABASE_URL (make bench-postgres)",
    )
    args = parser.parse_args()
    if args.postgres:
        global POSTGRES
        POSTGRES = os.environ["DATABASE_URL"]
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env_for(database_url("none")), check=True
    )
    redis = shutil.which("redis-server") or install_redis()
    builds, databases = {}, {}
    for size in [int(s) for s in args.sizes.split(",")]:
        databases[size], builds[size] = build(size)
    urls = {size: json.loads(manage(db, "bench_urls")) for size, db in databases.items()}
    redis_process, extra = start_redis(redis)
    small, large = min(databases), max(databases)
    table = {name: {} for name in urls[small]}
    try:
        for cached in (False, True):  # one server per size, asked in turn; then the same with the cache on
            processes, servers = [], {}
            try:
                for size, db in databases.items():
                    process, base = serve(db, **(extra if cached else {"CACHE": "dummy"}))
                    processes.append(process)
                    servers[(size, cached)] = base
                for name in table:
                    table[name].update(measure(servers, {size: urls[size][name] for size in databases}, args.repeat))
                if cached:
                    race = servers[(large, True)] + urls[large]["race"]
                    not_modified = get(race, {"If-None-Match": get(race)[2]["ETag"]})[1]
            finally:
                for process in processes:
                    process.terminate()
    finally:
        if redis_process:
            redis_process.terminate()
    import_seconds = import_benchmark(args.import_rows)
    write_report(table, sorted(databases), builds, not_modified, import_seconds, args,
                 "redis" if redis else "database table")  # fmt: skip


def write_report(table, sizes, builds, not_modified, import_seconds, args, cache_kind):
    small, large = sizes[0], sizes[-1]
    lines = [
        f"# make bench ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, {'PostgreSQL' if POSTGRES else 'SQLite'}, gunicorn 2 workers a server, "
        f"{args.repeat} rounds a page, both sizes asked in turn; cache: {cache_kind})",
        "",
        f"| page | queries {small:,} | queries {large:,} | p50 ms {small:,} | p50 ms {large:,} | p95 ms {large:,} "
        f"| × minimal {large:,} | cached p50 ms {large:,} | cached × minimal | {large:,} ÷ {small:,} |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    # the yardstick: the minimal view in its own rounds (asked after a page, it answers slower; that
    # would flatter the ratios)
    minimal = {key: found["p50"] for key, found in table["minimal"].items()}
    for page, found in table.items():
        u_small, u_large, c_large = found[(small, False)], found[(large, False)], found[(large, True)]
        lines.append(
            f"| {page} | {u_small['queries']} | {u_large['queries']} | {u_small['p50']:.1f} | {u_large['p50']:.1f} "
            f"| {u_large['p95']:.1f} | {u_large['p50'] / minimal[(large, False)]:.1f} | {c_large['p50']:.1f} "
            f"| {c_large['p50'] / minimal[(large, True)]:.1f} | {u_large['p50'] / u_small['p50']:.2f} |"
        )
    lines += [
        "",
        f"- × minimal divides by the minimal view's p50 in its own rounds ({minimal[(large, False)]:.2f} ms uncached, "
        f"{minimal[(large, True)]:.2f} ms cached); asked right after each page it answered in "
        f"{min(f[(large, False)]['minimal'] for f in table.values()):.2f}–"
        f"{max(f[(large, False)]['minimal'] for f in table.values()):.2f} ms",
        f"- race page to a repeat visitor with its ETag: HTTP {not_modified}",
        f"- import of {args.import_rows:,} sheet rows into an empty database: {import_seconds:.1f} s",
    ]
    for size, seconds in builds.items():
        lines.append(f"- database of {size:,} results: " + (f"built in {seconds:.0f} s" if seconds else "reused"))
    report = "\n".join(lines) + "\n"
    suffix = "-postgres" if POSTGRES else ""
    (OUT / f"bench{suffix}.md").write_text(report)
    (OUT / f"bench{suffix}.json").write_text(
        json.dumps(
            {
                page: {f"{size}-{'cached' if cached else 'uncached'}": v for (size, cached), v in found.items()}
                for page, found in table.items()
            },
            indent=1,
        )  # fmt: skip
    )
    print(report)


if __name__ == "__main__":
    sys.exit(main())
