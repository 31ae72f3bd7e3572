#!/usr/bin/env python3
"""make load: a bounded load test on loopback.

Serves the real seed database with gunicorn (2 workers), sends a mix of public pages
from several client threads for a fixed time while an editor process keeps correcting
results (through the ORM, as the admin does, so records, streaks and the page cache
are refreshed on every save), and reports requests per second, errors and p95.
Written to bench/out/load.md.
"""

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import OUT, PY, ROOT, env_for, get, seed, serve, start_redis  # noqa: E402

PAGES = [
    "/en/", "/nl/", "/en/competitions/", "/en/competitions/2023-24-world-cup-2-beijing/",
    "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/", "/nl/competitions/2023-24-world-cup-2-beijing/women-1000m-a/",
    "/en/competitions/2025-26-world-cup-1-salt-lake-city/women-1000m-a/", "/en/skaters/jutta-leerdam/",
    "/en/skaters/miho-takagi/", "/en/head-to-head/jutta-leerdam/miho-takagi/", "/en/records/", "/en/streaks/",
    "/en/adelskalender/?gender=F", "/en/seasons/2025-26/", "/en/rinks/thialf/", "/en/skaters/?q=wust",
    "/en/world-cup/2025-26/women-1000m/", "/sitemap.xml",
]  # fmt: skip

EDITOR = """
import random, time
from django.db import transaction
from results.models import Result
from results.sport.race_ranks import rerank_races
ids = list(Result.objects.filter(status="FIN", time_ms__isnull=False, race__competition__season=2025).values_list("id", flat=True)[:200])
rng = random.Random(3)
saves = 0
end = time.time() + {seconds}
while time.time() < end:
    with transaction.atomic():
        result = Result.objects.select_for_update().get(id=rng.choice(ids))
        result.time_ms += rng.choice([-10, 10])
        result.rank_is_official = False
        result.save()
        rerank_races([result.race_id])
    saves += 1
    time.sleep(0.2)
print(saves)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "load.sqlite3"
    for path in OUT.glob("load.sqlite3*"):
        path.unlink()
    seed(db)
    redis = shutil.which("redis-server")
    redis_process, extra = start_redis(redis, database=1)
    server, base = serve(db, **extra)
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.time() + args.seconds

    def client(seed):
        rng = random.Random(seed)
        while time.time() < stop:
            path = rng.choice(PAGES)
            seconds, status, _ = get(base + path)
            with lock:
                latencies.append(seconds * 1000)
                if status >= 400:
                    errors.append((status, path))

    try:
        editor = subprocess.Popen([PY, "manage.py", "shell", "-c", EDITOR.replace("{seconds}", str(args.seconds))],
                                  cwd=ROOT, env=env_for(db, **extra), stdout=subprocess.PIPE, text=True)  # fmt: skip
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        started = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - started
        saves = editor.communicate(timeout=120)[0].strip().splitlines()[-1]
    finally:
        server.terminate()
        if redis_process:
            redis_process.terminate()
    latencies.sort()
    report = "\n".join([
        f"# make load ({time.strftime('%Y-%m-%d %H:%M')}): {args.clients} clients, {args.seconds} s, gunicorn 2 workers,"
        f" SQLite (WAL), cache: {'redis' if redis else 'database table'}",
        "",
        f"- requests: {len(latencies)} ({len(latencies) / elapsed:.0f} per second)",
        f"- errors (4xx/5xx or no answer): {len(errors)}" + (f" e.g. {errors[:5]}" if errors else ""),
        f"- latency ms: p50 {statistics.median(latencies):.1f}, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f},"
        f" max {latencies[-1]:.1f}",
        f"- editor saves during the run: {saves} (each refreshing records, streaks and the page cache)",
    ]) + "\n"  # fmt: skip
    (OUT / "load.md").write_text(report)
    print(report)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
