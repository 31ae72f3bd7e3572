"""The API's contract, checked by schemathesis on the seed data with the WSGI application called in the test's
process: every operation a test of its own, the coverage phase and a hundred generated requests each, all of
schemathesis's checks, no failure. Most path parameters are the seed data's real slugs (so the answers are real
pages, not only 404s); the rest are what schemathesis generates."""

from functools import cache

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig

from results.models import Race, Skater
from skating.wsgi import application

EXAMPLES = 100
PHASES = {"coverage": {"enabled": True}, "fuzzing": {"enabled": True}, "examples": {"enabled": False},
          "stateful": {"enabled": False}}  # fmt: skip

schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", application, config=SchemathesisConfig.from_dict({"phases": PHASES})
)


@cache
def real_slugs():
    races = list(Race.objects.public().select_related("competition").order_by("id")[::40])
    skaters = Skater.objects.filter(results__isnull=False).distinct().order_by("id").values_list("slug", flat=True)
    return {
        "competitions": sorted({race.competition.slug for race in races}),
        "races": sorted({race.slug for race in races}),
        "skaters": list(skaters[::25]),
        "seasons": ["2023-24", "2025-26", "2021-22", "1924-25"],
        "events": ["women-1000m", "men-500m", "men-10000m", "women-3000m"],
    }


def slugs_for(path, parameter):
    """Which of the seed data's slugs a path parameter names."""
    if parameter in ("season", "event"):
        return real_slugs()[f"{parameter}s"]
    if parameter in ("a", "b") or path.startswith("/api/v1/skaters/"):
        return real_slugs()["skaters"]
    return real_slugs()["races" if parameter == "race_slug" else "competitions"]


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Nine times in ten a real slug for each path parameter, else the generated one."""
    if not path_parameters:
        return st.just(path_parameters)
    path = context.operation.path
    return st.fixed_dictionaries({
        name: st.integers(0, 9).flatmap(
            lambda n, name=name, value=value: st.just(value) if n == 0 else st.sampled_from(slugs_for(path, name))
        )
        for name, value in path_parameters.items()
    })  # fmt: skip


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.API_RATE = "1000000/min"  # the generated requests are not a crowd


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """The application closes the database connection when a request starts and ends (the test's transaction with
    it, on PostgreSQL); Django's test client stops that for its requests, and so does this for schemathesis's."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
def test_schemathesis_finds_no_failure_in_the_operation(case, db):
    response = case.call_and_validate()  # raises on any check's failure
    assert response.status_code < 500 and response.content  # an answer with a body, never a server error
