"""An ISU result PDF read within bounds, in a process of its own.

A hostile PDF can hold a string of a million characters or a stream that decompresses to gigabytes; pdfminer reads
it whole. So `read_bounded` reads each PDF in a child process (forked from a small forkserver, never from the web
worker itself, which may run threads) whose address space may grow by at most READER_MEMORY_MB, and kills it after
READER_SECONDS of wall-clock time. The web worker never holds a PDF's decompressed content: it gets the read
OfficialSheet back, or a sentence naming the file and the bound it hit.
"""

import multiprocessing
import os
import resource
from dataclasses import dataclass

from results.imports.isu_pdf import PdfRefused, read_pdf

READER_MEMORY_MB = 512  # an ISU result sheet takes about 60 MB to read; a bomb takes gigabytes
READER_SECONDS = 30  # an ISU result sheet takes about half a second
MB = 1024 * 1024


@dataclass
class Reading:
    """What a reader process sent back: the sheet or the refusal, and its peak resident memory (kB)."""

    outcome: object
    peak_kb: int


def status_kb(field, pid="self"):
    """A field of /proc/<pid>/status in kB (VmSize, VmHWM), or 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def too_much_memory(filename, memory_mb):
    return PdfRefused(f"{filename}: used more than {memory_mb} MB while being read: not an ISU result sheet.")


def too_long(filename, seconds):
    return PdfRefused(f"{filename}: took more than {seconds} s to read: not an ISU result sheet.")


def _read_in_child(sending, data, filename, memory_mb):
    """The reader process: its address space bounded, then the PDF read; the outcome sent back."""
    limit = status_kb("VmSize") * 1024 + memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome = read_pdf(data, filename)
    except MemoryError:
        outcome = too_much_memory(filename, memory_mb)
    except PdfRefused as refused:
        outcome = refused
    except RecursionError:
        outcome = PdfRefused(f"{filename}: its objects are nested too deeply to read: not an ISU result sheet.")
    del data
    sending.send(Reading(outcome, status_kb("VmHWM")))
    sending.close()


def reader_context():
    """Reader processes are forked from a forkserver that has Django set up and the PDF libraries imported."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["results.imports.pdf_reader_boot"])
    return context


def read_bounded(data, filename, memory_mb=READER_MEMORY_MB, seconds=READER_SECONDS):
    """(OfficialSheet or PdfRefused, the reader's peak memory in kB) for one PDF's bytes, read within bounds."""
    context = reader_context()
    receiving, sending = context.Pipe(duplex=False)
    reader = context.Process(target=_read_in_child, args=(sending, data, filename, memory_mb), daemon=True)
    reader.start()
    sending.close()
    try:
        if receiving.poll(seconds):
            try:
                reading = receiving.recv()
            except (EOFError, OSError):  # the reader died without a word: the kernel stopped it
                reading = Reading(too_much_memory(filename, memory_mb), 0)
        else:
            reading = Reading(too_long(filename, seconds), status_kb("VmHWM", reader.pid))
    finally:
        if reader.is_alive():
            reader.kill()
        reader.join()
        receiving.close()
    return reading


def available_memory_mb():
    """MemAvailable of /proc/meminfo in MB (a large number where it cannot be read)."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 1 << 20


def reader_count(asked, files):
    """How many PDFs to read at once: no more than asked, than cores, than files, and than the memory free for a
    reader at its bound each."""
    by_memory = max(1, available_memory_mb() // (READER_MEMORY_MB + 100))
    return max(1, min(asked, os.cpu_count() or 1, files, by_memory))
