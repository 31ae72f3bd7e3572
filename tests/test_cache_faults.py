"""When the shared cache fails, the site serves every page uncached, says so on /healthz, logs it once a minute,
and uses the cache again when it answers: with a real Redis server stopped and started again."""

import logging
import shutil
import socket
import subprocess
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import DatabaseError

from results import cache_guard
from skating import settings as settings_module

BEIJING = "/en/competitions/2023-24-world-cup-2-beijing/women-1000m-a/"
PAGES = ["/en/", BEIJING, "/en/skaters/jutta-leerdam/", "/en/records/", "/en/competitions/"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_cache(port):
    return {"default": settings_module.redis_cache(f"redis://127.0.0.1:{port}/0")}


@pytest.fixture(autouse=True)
def fresh_guard(monkeypatch):
    monkeypatch.setattr(cache_guard, "state", cache_guard.State())


@pytest.fixture
def redis_server():
    """A Redis server of its own on a free port; .ci/run installs redis-server."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    port = free_port()

    def start():
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                return process
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    server = {"port": port, "process": start(), "start": start}
    yield server
    server["process"].terminate()
    server["process"].wait()


def stop(server):
    server["process"].terminate()
    server["process"].wait()


def test_with_redis_stopped_every_page_is_served_and_healthz_says_degraded(client, db, settings, redis_server):
    settings.CACHES = redis_cache(redis_server["port"])
    assert client.get(BEIJING).status_code == 200
    stop(redis_server)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "ETag" not in response  # served uncached: no version to promise
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded" and health.json()["cache"].startswith("degraded: ConnectionError")


def test_when_redis_comes_back_pages_are_cached_again_without_a_restart(client, db, settings, redis_server):
    settings.CACHES = redis_cache(redis_server["port"])
    stop(redis_server)
    assert client.get(BEIJING).status_code == 200
    redis_server["process"] = redis_server["start"]()
    with mock.patch.object(time, "monotonic", return_value=time.monotonic() + cache_guard.RETRY_SECONDS + 1):
        first = client.get(BEIJING)
        assert first.status_code == 200 and first["ETag"]  # the cache answers again: a version, an ETag
        assert client.get(BEIJING, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_cache_refusing_every_call_costs_no_page_and_is_logged_once_a_minute(client, db, caplog):
    with (
        mock.patch("results.cache_guard.cache") as refusing,
        caplog.at_level(logging.ERROR, logger="results.cache"),
    ):
        refusing.get_many.side_effect = ConnectionRefusedError("refused")
        refusing.get_or_set.side_effect = ConnectionRefusedError("refused")
        refusing.set.side_effect = ConnectionRefusedError("refused")
        now = time.monotonic()
        for n, path in enumerate(PAGES * 2):  # ten pages within a minute, the cache retried every few seconds
            with mock.patch.object(time, "monotonic", return_value=now + n * cache_guard.RETRY_SECONDS):
                assert client.get(path).status_code == 200
        assert len([r for r in caplog.records if "not answering" in r.message]) == 1
        with mock.patch.object(time, "monotonic", return_value=now + 61 + 10 * cache_guard.RETRY_SECONDS):
            client.get(BEIJING)
        assert len([r for r in caplog.records if "not answering" in r.message]) == 2


def test_an_edit_while_the_cache_is_down_makes_older_pages_stale_once_it_answers(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "faults"}}
    cache.clear()
    first = client.get(BEIJING)
    with mock.patch("results.cache_guard.cache") as refusing:
        refusing.set_many.side_effect = ConnectionRefusedError("refused")
        from results.caching import ALL, bump

        bump([ALL])  # an editor's save while the cache is down: the new version cannot be written
    with mock.patch.object(time, "monotonic", return_value=time.monotonic() + cache_guard.RETRY_SECONDS + 1):
        again = client.get(BEIJING)
    assert again["ETag"] != first["ETag"]  # the pending version reached the cache before the page was looked up
    cache.clear()


def test_healthz_is_503_when_the_database_does_not_answer(client, db):
    with mock.patch("skating.health.connection") as down:
        down.cursor.side_effect = DatabaseError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error" and "connection refused" in response.json()["database"]


def test_a_pending_version_survives_a_cache_that_fails_again_before_it_is_written(db):
    from results.caching import ALL, bump

    with mock.patch("results.cache_guard.cache") as refusing:
        refusing.set_many.side_effect = ConnectionRefusedError("refused")
        bump([ALL])  # down: the new version waits
        later = time.monotonic() + cache_guard.RETRY_SECONDS + 1
        with mock.patch.object(time, "monotonic", return_value=later):
            cache_guard.call("get", "anything")  # the cache is tried again and fails again while writing it
        assert len(cache_guard.state.pending) == 1
        refusing.set_many.side_effect = None
        with mock.patch.object(time, "monotonic", return_value=later + cache_guard.RETRY_SECONDS + 1):
            cache_guard.call("get", "anything")
        assert cache_guard.state.pending == [] and refusing.set_many.call_count == 3
