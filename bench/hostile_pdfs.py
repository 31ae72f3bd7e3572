"""Hostile PDFs against the bounded reader (issue 27): each file's size, the time until it is refused, the reader's
peak memory and the sentence the editor reads; a real result PDF for comparison. Run: make bench-pdf."""

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skating.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from results.imports.pdf_reader import READER_MEMORY_MB, READER_SECONDS, read_bounded, reader_count  # noqa: E402
from tests.helpers import hostile_pdf  # noqa: E402

REAL = next((ROOT / "seeds/isu-pdf").glob("20_result_menmassstart_a_1*"))
FILES = [
    ("a string of a million characters", lambda: hostile_pdf.string_bomb()),
    ("a Flate bomb of a gigabyte", lambda: hostile_pdf.flate_bomb()),
    ("arrays nested 200,000 deep", lambda: hostile_pdf.deeply_nested()),
    (f"a real result PDF ({REAL.name[:30]}…)", REAL.read_bytes),
]


def main():
    print(f"Bounds: {READER_MEMORY_MB} MB above the reader's start, {READER_SECONDS} s wall clock.\n")
    print("| input | size | refused after | reader's peak | what the editor reads |")
    print("|---|---:|---:|---:|---|")
    for label, make in FILES:
        data = make()
        started = time.perf_counter()
        reading = read_bounded(data, "file.pdf")
        seconds = time.perf_counter() - started
        outcome = reading.outcome
        said = (
            str(outcome) if isinstance(outcome, Exception) else f"read: {len(outcome.rows)} rows, {outcome.competition}"
        )
        print(f"| {label} | {len(data) / 1024:.1f} kB | {seconds:.1f} s | {reading.peak_kb / 1024:.0f} MB | {said} |")
    bombs = [hostile_pdf.flate_bomb() for _ in range(4)]
    readers = reader_count(4, len(bombs))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=readers) as pool:  # as the import command reads several files
        readings = list(pool.map(lambda data: read_bounded(data, "bomb.pdf"), bombs))
    seconds = time.perf_counter() - started
    peak = max(reading.peak_kb for reading in readings) / 1024
    refused = sum(isinstance(reading.outcome, Exception) for reading in readings)
    print(
        f"| four Flate bombs in one command ({readers} readers at once) | {len(bombs[0]) / 1024:.1f} kB each | "
        f"{seconds:.1f} s in all | {peak:.0f} MB each at most | {refused} of 4 refused |"
    )


if __name__ == "__main__":
    main()
