"""The shared cache (Redis) as an optional speed-up: when it fails, pages are served uncached, never a 500.

After a failure the cache is left alone for RETRY_SECONDS (so a dead Redis costs no request a timeout), then tried
again: when it answers, it is used again without a restart. A fault is logged at most once a minute. Tag versions
that could not be bumped while the cache was down are bumped as soon as it answers again, so no page cached before
the edit is served after it.
"""

import logging
import threading
import time

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache

logger = logging.getLogger("results.cache")

RETRY_SECONDS = 5
LOG_EVERY_SECONDS = 60


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.last_logged = None
        self.last_error = ""
        self.pending = []  # writes (callables) that must reach the cache once it answers


state = State()


def available():
    return time.monotonic() >= state.down_until


def failed(error):
    """Note that the cache failed: leave it alone for a while, and log (at most once a minute)."""
    now = time.monotonic()
    with state.lock:
        state.down_until = now + RETRY_SECONDS
        state.last_error = f"{type(error).__name__}: {error}"[:200]
        if state.last_logged is None or now - state.last_logged >= LOG_EVERY_SECONDS:
            state.last_logged = now
            logger.error("The cache is not answering (%s); pages are served uncached.", state.last_error)


def _flush_pending():
    with state.lock:
        pending, state.pending = state.pending, []
    for n, write in enumerate(pending):
        try:
            write()
        except Exception:
            with state.lock:  # not lost: tried again when the cache next answers
                state.pending[:0] = pending[n:]
            raise


def call(operation, *args, default=None, **kwargs):
    """cache.<operation>(*args, **kwargs), or `default` when the cache is down or fails."""
    if not available():
        return default
    try:
        if state.pending:
            _flush_pending()
        return getattr(cache, operation)(*args, **kwargs)
    except Exception as error:  # any backend's error (Redis, a cache table): the cache is only a speed-up
        failed(error)
        return default


def must_write(operation, *args, **kwargs):
    """A write that must not be lost (tag versions): done now, or as soon as the cache answers again."""
    if call(operation, *args, default=False, **kwargs) is False and not available():
        with state.lock:
            state.pending.append(lambda: getattr(cache, operation)(*args, **kwargs))


def health():
    """'ok', 'off' (CACHE=dummy: no page cache, by choice) or 'degraded: <the error>' after a round trip to the
    cache (for /healthz)."""
    if isinstance(caches["default"], DummyCache):
        return "off"
    marker = time.time_ns()
    try:
        cache.set("healthz", marker, 10)
        if cache.get("healthz") != marker:
            raise RuntimeError("a value written could not be read back")
    except Exception as error:
        failed(error)
        return f"degraded: {state.last_error}"
    with state.lock:
        state.down_until = 0.0
    return "ok"
