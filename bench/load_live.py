#!/usr/bin/env python3
"""make load-live: a race weekend on loopback, bounded in time; writes bench/out/live.md (appends with --postgres).

The seed database with a start list of 20 pairs (real skaters of World Cup 3's women's 500 m, A and B), served by
gunicorn as make serve runs it (skating/gunicorn.py, 2 workers) with a Redis cache when redis-server is there.
1,000 simulated fans for --seconds: 800 follow the live race page as its script does (the live part every 2 s,
with If-None-Match), 200 browse profiles, head-to-heads and other races (a page every 1-4 s). An editor logs in to the admin and enters a pair
every 20 s on the entry screen. A probe asks the minimal view once a second.

Reported: errors; how soon each pair's times were seen by each follower after the editor's save returned; p95 of
the browsing pages beside the minimal view's p50; the cache hit ratio (answers served from the page cache, from
the live part's cache, or 304); CPU used by gunicorn.
"""

import argparse
import asyncio
import http.cookiejar
import os
import random
import re
import resource
import runpy
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402
from run import GUNICORN, OUT, ROOT, env_for, free_port, manage  # noqa: E402

GUNICORN_CONFIG = runpy.run_path(str(ROOT / "skating" / "gunicorn.py"))  # what serve() runs with, read in this env
FOLLOWERS, BROWSERS, POLL_SECONDS, PAIR_EVERY = 800, 200, 2.0, 20
RAMP_SECONDS = 10  # the crowd arrives over the first seconds; latencies count from WARM_UP on (errors all along)
WARM_UP = 15
BROWSED = [
    "/en/skaters/jutta-leerdam/", "/en/skaters/femke-kok/", "/en/skaters/miho-takagi/", "/en/skaters/erin-jackson/",
    "/en/skaters/yukino-yoshida/", "/nl/skaters/jutta-leerdam/", "/en/head-to-head/jutta-leerdam/miho-takagi/",
    "/en/head-to-head/femke-kok/jutta-leerdam/", "/en/head-to-head/erin-jackson/femke-kok/",
    "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/",
    "/en/competitions/2025-26-world-cup-3-heerenveen/women-500m-a/",
    "/en/competitions/2025-26-world-cup-1-salt-lake-city/women-1000m-a/", "/en/competitions/2025-26-world-cup-3-heerenveen/",
    "/en/", "/en/records/", "/en/streaks/",
]  # fmt: skip
START_LIST = """
import csv, io
from results.models import Race
from results.writes.sheet_import import import_sheet
rows = []
for division in ("A", "B"):
    race = Race.objects.get(competition__name="2025-26 ISU Speed Skating World Cup 3 (Heerenveen)", gender="F",
                            distance_m=500, division=division)
    rows += list(race.results.filter(skater__isnull=False).select_related("skater").order_by("time_ms"))
rows = rows[:40]
out = io.StringIO()
writer = csv.writer(out)
writer.writerow(["competition", "season", "venue", "city", "country_of_venue", "date", "gender", "distance_m",
                 "division", "rank", "skater", "nationality", "time", "pair", "lane", "status", "source"])
for n, result in enumerate(reversed(rows)):
    writer.writerow(["Live Load Cup", "2026/27", "Thialf", "Heerenveen", "NED", "{day}", "F", 500, "", "",
                     result.skater.name, result.nationality, "", n // 2 + 1, ("inner", "outer")[n % 2], "", "load"])
    print(result.skater.name + "|" + str(result.time_ms or ""))
import_sheet(out.getvalue(), "live-load.csv")
"""
ROW = re.compile(r'<tr><td class="num">')


def still_to_skate(html):
    """The starters still to skate on the live part: the rows of its start list."""
    table = html.split('class="results start-list"', 1)
    return len(ROW.findall(table[1])) if len(table) == 2 else 0


class Stats:
    def __init__(self):
        self.errors, self.hits, self.misses = [], 0, 0
        self.browse, self.minimal = [], []
        self.seen = {}  # (follower, still to skate) -> first time seen
        self.warm = time.monotonic() + WARM_UP

    def count_cache(self, status, headers):
        if status == 304 or headers.get("x-cache") == "hit":
            self.hits += 1
        elif headers.get("x-cache") == "miss":
            self.misses += 1


async def fetch(port, path, headers=None, connection=None):
    """GET over a kept-alive connection (opened when None): (status, headers, body, connection)."""
    if connection is None:
        connection = await asyncio.open_connection("127.0.0.1", port)
    reader, writer = connection
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Accept-Encoding: identity"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    found = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        found[name.strip().lower()] = value.strip()
    if found.get("transfer-encoding") == "chunked":
        body = b""
        while size := int((await reader.readline()).strip(), 16):
            body += await reader.readexactly(size)
            await reader.readline()
        await reader.readline()
    else:
        body = await reader.readexactly(int(found.get("content-length", 0)))
    if found.get("connection", "").lower() == "close":
        writer.close()
        connection = None
    return status, found, body, connection


async def client(port, stats, stop, work):
    connection = None
    while time.monotonic() < stop:
        try:
            connection = await work(connection)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            stats.errors.append(f"{type(error).__name__}: {error}"[:120])
            connection = None
            await asyncio.sleep(1)


async def follower(n, port, live, stats, stop):
    etag = None
    await asyncio.sleep(random.uniform(0, RAMP_SECONDS))

    async def work(connection):
        nonlocal etag
        status, headers, body, connection = await fetch(port, live, {"If-None-Match": etag} if etag else {}, connection)
        stats.count_cache(status, headers)
        if status == 200:
            etag = headers.get("etag")
            left = still_to_skate(body.decode())
            stats.seen.setdefault((n, left), time.time())
        elif status != 304:
            stats.errors.append(f"{status} {live}")
        await asyncio.sleep(POLL_SECONDS)
        return connection

    await client(port, stats, stop, work)


async def browser(port, stats, stop):
    async def work(connection):
        path = random.choice(BROWSED)
        started = time.perf_counter()
        status, headers, _body, connection = await fetch(port, path, {}, connection)
        if time.monotonic() > stats.warm:
            stats.browse.append((time.perf_counter() - started) * 1000)
        stats.count_cache(status, headers)
        if status != 200:
            stats.errors.append(f"{status} {path}")
        await asyncio.sleep(random.uniform(1, 4))
        return connection

    await asyncio.sleep(random.uniform(0, RAMP_SECONDS))
    await client(port, stats, stop, work)


async def probe(port, stats, stop):
    async def work(connection):
        started = time.perf_counter()
        status, _headers, _body, connection = await fetch(port, "/bench/minimal/", {}, connection)
        if time.monotonic() > stats.warm:
            stats.minimal.append((time.perf_counter() - started) * 1000)
        if status != 200:
            stats.errors.append(f"{status} minimal")
        await asyncio.sleep(1)
        return connection

    await client(port, stats, stop, work)


class Editor(threading.Thread):
    """An editor on the entry screen as the page's script works it: the screen loaded once, then a pair every 20 s
    sent by fetch, whose answer (every pair as it now is) holds the next pair."""

    def __init__(self, base, race_id, times, stop):
        super().__init__(daemon=True)
        self.base, self.race_id, self.times, self.stop = base, race_id, times, stop
        self.saved = []  # (time the save returned, starters still to skate after it)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def send(self, path, page, fields, headers=None):
        """Post a form of `page` (its CSRF token, these fields); the answer's text."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(
            self.base + path, data, headers={"Referer": self.base + path, **(headers or {})}
        )
        return self.opener.open(request, timeout=30).read().decode()

    def run(self):
        login = "/admin/login/?next=/admin/"
        page = self.opener.open(self.base + login, timeout=30).read().decode()
        self.send(login, page, {"username": "loadeditor", "password": "load-test-pass-42"})
        entry = f"/admin/results/race/{self.race_id}/entry/"
        page = self.opener.open(self.base + entry, timeout=30).read().decode()
        time.sleep(WARM_UP)
        while time.monotonic() < self.stop - PAIR_EVERY / 2:
            started = time.monotonic()
            page = self.send(entry, page, self.next_pair(page), {"X-Entry-Fetch": "1"})
            left = len(re.findall(r'name="seen\d+" value="NYS:"', page))
            self.saved.append((time.time(), left))
            if not left:
                break
            time.sleep(max(0.0, PAIR_EVERY - (time.monotonic() - started)))

    def next_pair(self, page):
        """The fields of the first pair with a starter still to skate, filled with the times they skated."""
        forms = re.findall(r'<form method="post" class="entry-pair[^"]*" id="pair-\d+">(.*?)</form>', page, re.S)
        for form in forms:
            if 'value="NYS:"' in form:
                fields = {}
                for result_id, name in re.findall(r'<label for="r(\d+)" class="entry-name">([^<]+?) <span', form):
                    fields[f"r{result_id}"] = self.times.get(name.strip(), "DNS")
                    fields[f"seen{result_id}"] = re.search(rf'name="seen{result_id}" value="([^"]*)"', form).group(1)
                return fields
        return {}


def cpu_seconds(pid):
    """User and system CPU seconds of a process and its children (gunicorn's workers), now."""
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                                    text=True).stdout.split()]  # fmt: skip
    total = 0
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def prepare(db):
    run.seed(db)
    made = manage(db, "shell", "-c", START_LIST.replace("{day}", date.today().isoformat()))
    times = {}
    for line in made.splitlines():
        if "|" not in line:
            continue  # the shell's own messages
        name, _, time_ms = line.partition("|")
        times[name] = f"{int(time_ms) / 1000:.3f}" if time_ms else "DNS"
    race_id = manage(db, "shell", "-c", (
        "from django.contrib.auth.models import Group, User\n"
        "user = User.objects.create_user('loadeditor', password='load-test-pass-42', is_staff=True)\n"
        "user.groups.add(Group.objects.get(name='Editors'))\n"
        "from results.models import Race\n"
        "print(Race.objects.get(competition__name='Live Load Cup').id)"
    ))  # fmt: skip
    return int(race_id.split()[-1]), times


def serve(db, **extra):
    """gunicorn as make serve runs it (skating/gunicorn.py), with 2 workers, on loopback, without an access log."""
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "-c", "skating/gunicorn.py", "skating.wsgi", "--log-level", "error"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=env_for(db, **{"WORKERS": "2", "PORT": str(port), "ACCESS_LOG": "", **extra}),
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start: " + process.stderr.read().decode()[-2000:])


async def crowd(port, live, stats, seconds):
    stop = time.monotonic() + seconds
    tasks = [follower(n, port, live, stats, stop) for n in range(FOLLOWERS)]
    tasks += [browser(port, stats, stop) for _ in range(BROWSERS)] + [probe(port, stats, stop)]
    await asyncio.gather(*tasks)


def visible(editor, stats, window=3.0):
    """The share of (pair, follower) in which the follower saw the pair within `window` s of the save."""
    followers = {n for n, _ in stats.seen}
    within = total = 0
    for saved_at, left in editor.saved:
        for n in followers:
            seen = [at for (f, count), at in stats.seen.items() if f == n and count <= left]
            if not seen:
                continue  # the run ended first
            total += 1
            within += min(seen) - saved_at <= window
    return within / total if total else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--postgres", action="store_true", help="on the PostgreSQL of DATABASE_URL (.ci/with-postgres)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.postgres:
        run.POSTGRES = os.environ["DATABASE_URL"]
    db = run.fresh_database("live")
    kind = "PostgreSQL" if args.postgres else "SQLite (WAL)"
    race_id, times = prepare(db)
    redis = shutil.which("redis-server")
    redis_process, extra = run.start_redis(redis, database=1)
    server, port = serve(db, **extra)
    try:
        live = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=10).read().decode()
        race_path = re.search(r'href="(/en/competitions/live-load-cup/[^"]+)"', live).group(1)
        stats = Stats()
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        own_before = resource.getrusage(resource.RUSAGE_SELF)
        editor = Editor(f"http://127.0.0.1:{port}", race_id, times, time.monotonic() + args.seconds)
        editor.start()
        asyncio.run(crowd(port, race_path + "live", stats, args.seconds))
        editor.join(timeout=60)
        elapsed, cpu = time.monotonic() - started, cpu_seconds(server.pid) - cpu_before
        own = resource.getrusage(resource.RUSAGE_SELF)
        own_cpu = own.ru_utime + own.ru_stime - own_before.ru_utime - own_before.ru_stime
    finally:
        server.terminate()
        server.wait(timeout=30)
        if redis_process:
            redis_process.terminate()
    browse_p95 = statistics.quantiles(stats.browse, n=20)[18]
    minimal_p50 = statistics.median(stats.minimal)
    hit_ratio = stats.hits / max(1, stats.hits + stats.misses)
    requests = len(stats.browse) + len(stats.minimal) + stats.hits + stats.misses
    share = visible(editor, stats)
    lines = [
        f"## {kind}, {date.today()}: {FOLLOWERS} followers + {BROWSERS} browsers for {args.seconds} s, gunicorn 2 "
        f"workers × {GUNICORN_CONFIG['threads']} threads (skating/gunicorn.py), cache: "
        f"{'redis' if redis else 'database'}",
        "",
        f"- requests: {requests} ({requests / elapsed:.0f} per second); pairs entered: {len(editor.saved)}; the crowd"
        f" arrives over the first {RAMP_SECONDS} s, latencies count after {WARM_UP} s",
        f"- browsing pages: {len(stats.browse)}, p50 {statistics.median(stats.browse):.1f} ms, p95 {browse_p95:.1f} ms;"
        f" minimal view p50 {minimal_p50:.1f} ms",
        f"- gunicorn CPU: {cpu:.0f} s in {elapsed:.0f} s ({100 * cpu / elapsed:.0f}% of one core); the simulated"
        f" crowd itself: {100 * own_cpu / elapsed:.0f}% of one core, on the same {os.cpu_count()} cores",
        f"- first errors: {stats.errors[:3]}" if stats.errors else "- no errors",
        "",
        f"errors: {len(stats.errors)}",
        f"visible within 3 s: {100 * share:.1f}%",
        f"browsing p95 / minimal p50: {browse_p95 / minimal_p50:.1f}",
        f"cache hit ratio: {100 * hit_ratio:.1f}%",
        "",
    ]
    report = OUT / "live.md"
    header = "# make load-live: a race weekend on loopback (bench/load_live.py)\n\n"
    previous = report.read_text() if args.postgres and report.exists() else header
    report.write_text(previous + "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
