"""The API's contract, checked by schemathesis against the running test server on the seed data: every operation,
a few hundred generated requests each (real slugs for most path parameters), all of schemathesis's checks, no
failure. The report is kept in test-artifacts/schemathesis.txt."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from results.models import Race, Skater
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.flushes_db

EXAMPLES = 120  # per operation in the fuzzing phase; the coverage phase adds its own (about 160 an operation in all)


def dictionary(values):
    return {"values": sorted(values)}


def config_of_real_slugs():
    """A schemathesis configuration whose path parameters are drawn, most of the time, from the seed data's slugs
    (random strings the rest of the time: the 404s)."""
    races = list(Race.objects.public().select_related("competition").order_by("id")[::40])
    skaters = list(
        Skater.objects.filter(results__isnull=False).distinct().order_by("id").values_list("slug", flat=True)[::25]
    )
    binding = lambda name: {"dictionary": name, "probability": 0.9}  # noqa: E731
    return {
        "dictionaries": {
            "competitions": dictionary({race.competition.slug for race in races}),
            "races": dictionary({race.slug for race in races}),
            "skaters": dictionary(skaters),
            "seasons": dictionary(["2023-24", "2025-26", "2021-22", "1924-25"]),
            "events": dictionary(["women-1000m", "men-500m", "men-10000m", "women-3000m"]),
        },
        "operations": [
            {"include-path-regex": "/competitions/\\{slug\\}$", "parameters": {"path.slug": binding("competitions")}},
            {"include-path-regex": "/races/", "parameters": {"path.competition_slug": binding("competitions"),
                                                            "path.race_slug": binding("races")}},
            {"include-path-regex": "/skaters/\\{slug\\}", "parameters": {"path.slug": binding("skaters")}},
            {"include-path-regex": "/head-to-head/", "parameters": {"path.a": binding("skaters"), "path.b": binding("skaters")}},
            {"include-path-regex": "/(rankings|world-cup)/", "parameters": {"path.season": binding("seasons"),
                                                                          "path.event": binding("events")}},
        ],
    }  # fmt: skip


def toml(config):
    """The few shapes of TOML this configuration needs (tomllib reads, it does not write)."""
    lines = []
    for name, values in config["dictionaries"].items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values['values'])}", ""]
    for operation in config["operations"]:
        lines += ["[[operations]]", f"include-path-regex = {json.dumps(operation['include-path-regex'])}"]
        bindings = ", ".join(
            f'{json.dumps(key)} = {{ dictionary = "{value["dictionary"]}", probability = {value["probability"]} }}'
            for key, value in operation["parameters"].items()
        )
        lines += [f"parameters = {{ {bindings} }}", ""]
    return "\n".join(lines)


def test_schemathesis_finds_no_failure_in_any_operation(seeded_live_server, settings, tmp_path):
    """One worker: on SQLite the live server's request threads share the test's in-memory connection, which two
    requests at once would corrupt (an IndexError inside Django's row converters, never seen in production, where
    each thread has its own connection)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the contract is the same on every database: checked once, on SQLite (two minutes)")
    settings.API_RATE = "1000000/min"  # the generated requests are not a crowd
    config = tmp_path / "schemathesis.toml"
    config.write_text(toml(config_of_real_slugs()), encoding="utf-8")
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "--no-color", "--config-file", str(config), "run",
        f"{seeded_live_server.url}/api/v1/openapi.json", "--checks", "all", "--max-examples", str(EXAMPLES),
        "--phases", "coverage,fuzzing", "--workers", "1", "--request-timeout", "20", "--seed", "23",
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "schemathesis.txt").write_text(run.stdout + run.stderr, encoding="utf-8")
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout or "passed" in run.stdout
