"""Deployment: security headers, health check, security.txt, backups and restores."""

import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from results.models import Result
from results.writes import path as write_path
from tests.conftest import ROOT


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_https_is_enforced_with_hsts_when_debug_is_off(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    secure = client.get("/en/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_health_check_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok", "cache": "off"}


def test_security_txt_names_a_contact(client, db):
    body = client.get("/.well-known/security.txt").content.decode()
    assert body.startswith("Contact: ") and "Expires: " in body


def test_a_missing_secret_key_in_production_stops_the_start_with_a_clear_error():
    env = {"PATH": "/usr/bin:/bin", "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "skating.settings"}
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode != 0 and "SECRET_KEY is not set" in run.stderr


def test_check_deploy_is_clean_with_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "0",
        "SECRET_KEY": "x7" * 30 + "Qz!kP",
        "ALLOWED_HOSTS": "results.example.org",
    }
    run = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "no issues" in run.stdout


@pytest.mark.parametrize("prepared, page_cost", [("", None), ("0", None), ("", ""), ("", "2")])
def test_postgresql_plans_each_query_once_a_connection_unless_told_not_to(prepared, page_cost):
    env = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://u@db.example.org/skating",
        "DJANGO_SETTINGS_MODULE": "skating.settings",
        **({"PREPARED_STATEMENTS": prepared} if prepared else {}),
        **({"PG_RANDOM_PAGE_COST": page_cost} if page_cost is not None else {}),
    }
    code = "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps(s.DATABASES['default']['OPTIONS']))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    options = json.loads(run.stdout)
    expected = {} if prepared == "0" else {"server_side_binding": True, "prepare_threshold": 2}
    if page_cost != "":  # the planner's cost of an index read: 1.1 unless told otherwise, none when told empty
        expected["options"] = f"-c random_page_cost={page_cost or '1.1'}"
    assert options == expected


@pytest.mark.flushes_db
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_result(tmp_path):
    from tests.helpers import seeded

    seeded.restore()
    before = sorted(Result.objects.values_list("id", "time_ms", "rank", "status"))
    backup = tmp_path / ("skating.backup" if connection.vendor == "postgresql" else "skating.db")
    call_command("backup", str(backup))
    write_path.delete_all(Result.objects.filter(race__competition__season=2025))
    assert len(before) > Result.objects.count()
    call_command("restore", str(backup))
    connection.close()
    assert sorted(Result.objects.values_list("id", "time_ms", "rank", "status")) == before


def test_gunicorn_serves_with_threads_and_a_short_switch_interval(monkeypatch):
    import importlib

    monkeypatch.setenv("WORKERS", "3")
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.delenv("THREADS", raising=False)
    config = importlib.import_module("skating.gunicorn")
    config = importlib.reload(config)
    assert (config.workers, config.worker_class, config.threads, config.bind) == (3, "gthread", 8, "127.0.0.1:8123")
    before = sys.getswitchinterval()
    try:
        config.post_fork(None, None)  # in each worker: a thread back from I/O waits at most half a millisecond
        assert sys.getswitchinterval() == pytest.approx(0.0005)
    finally:
        sys.setswitchinterval(before)
