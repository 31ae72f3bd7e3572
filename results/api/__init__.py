"""The public read-only API, v1 (django-ninja): the same reads and rules as the pages (results/queries, sport),
the same addresses' slugs, the same page cache and ETags. OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs
(Swagger UI from django-ninja's own static files: no CDN)."""

import copy
import ipaddress
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from results import cache_guard

PROBLEM = "application/problem+json"


def client_address(request):
    """The client's address: the peer's, unless the peer is one of the proxies the operator names (TRUSTED_PROXIES),
    in which case the nearest address in X-Forwarded-For that is not one of them. A client cannot choose its own
    address by sending the header."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not trusted_proxy(peer):
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not trusted_proxy(address):
            return address
    return peer


def trusted_proxy(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXY_NETWORKS)


@dataclass
class Quota:
    """What the rate limit allows a client in the current window: API_RATE requests per period, counted by the
    cache's atomic increment (a window's key, created with add, then incr)."""

    limit: int
    used: int
    reset: int  # seconds until the window ends

    @property
    def allowed(self):
        return self.used <= self.limit

    def headers(self):
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(0, self.limit - self.used)),
            "X-RateLimit-Reset": str(self.reset),
        }


def parse_rate(rate):
    """'60/min' → (60, 60 seconds); s, min, h and d as the period."""
    count, _slash, period = rate.partition("/")
    seconds = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}[period]
    return int(count), seconds


def count_request(request):
    """The client's quota after counting this request, or None when the cache cannot count (then nobody is
    limited: the limit is a protection, not a condition of service)."""
    if not cache_guard.available():
        return None
    limit, period = parse_rate(settings.API_RATE)
    now = int(time.time())
    window = now - now % period
    key = f"api-rate:{client_address(request)}:{window}"
    try:
        cache.add(key, 0, timeout=period + 1)
        used = cache.incr(key)
    except ValueError:  # the window's key expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        used = 1
    except Exception as error:
        cache_guard.failed(error)
        return None
    return Quota(limit, used, window + period - now)


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details: what is wrong, in a sentence.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
    },
    "required": ["type", "title", "status", "detail"],
}
PROBLEMS = {
    "400": "The request is not valid: a parameter's value, or a character no field accepts (NUL).",
    "404": "Nothing at this address (no such competition, race, skater, season or page).",
    "429": "Over the rate limit from this address; Retry-After says when to try again.",
}
NO_NUL = "^[^\\u0000]*$"
QUOTA_HEADERS = {
    "X-RateLimit-Limit": "Requests allowed per window from one client address.",
    "X-RateLimit-Remaining": "Requests left in this window.",
    "X-RateLimit-Reset": "Seconds until the window ends.",
}


class SkatingAPI(NinjaAPI):
    """The API, whose OpenAPI document also describes what every operation answers besides its result: the
    problem details of 400, 404 and 429, a 304 to a conditional request, and the quota headers."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem_body = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
        headers = {name: {"description": text, "schema": {"type": "integer"}} for name, text in QUOTA_HEADERS.items()}
        for operations in schema["paths"].values():
            for method in list(operations):
                operation = operations[method] = copy.deepcopy(operations[method])  # GET and HEAD share one
                responses = operation["responses"] = {
                    str(status): body for status, body in operation["responses"].items()
                }
                responses["200"].setdefault("headers", {}).update(headers)
                for parameter in operation.get("parameters", []):
                    refuse_nul(parameter["schema"])
                if method == "head":  # the GET's headers, no body
                    operation["operationId"] += "_head"
                    responses["200"] = {"description": "The headers of the GET's answer.", "headers": headers}
                responses["304"] = {"description": "Not Modified: the ETag or date asked about is still current."}
                for status, text in PROBLEMS.items():
                    responses[status] = {"description": text, "content": problem_body}
                responses["429"]["headers"] = {
                    "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
                }
        return schema


def refuse_nul(schema):
    """A text parameter never holds NUL (the site refuses it: skating/middleware.py): said in its schema."""
    if schema.get("type") == "string":
        schema["pattern"] = NO_NUL
    for alternative in schema.get("anyOf", []):
        refuse_nul(alternative)


class AbsoluteURLRenderer(JSONRenderer):
    """JSON whose addresses are absolute (`url`, `race_url`, `next`, …: every string value of a key ending in
    'url' that starts with '/'), so that a client can follow them from anywhere."""

    def render(self, request, data, *, response_status):
        return super().render(request, absolute(request, data), response_status=response_status)


def absolute(request, data):
    if isinstance(data, dict):
        return {
            key: request.build_absolute_uri(value)
            if key.endswith("url") and isinstance(value, str) and value.startswith("/") else absolute(request, value)
            for key, value in data.items()
        }  # fmt: skip
    if isinstance(data, list):
        return [absolute(request, item) for item in data]
    return data


api = SkatingAPI(
    title="Skating results API",
    version="1",
    description="Long-track speed skating results as held in this database. Read only; no key needed. Every "
    "answer says the client's quota (X-RateLimit-*); errors are problem details (application/problem+json).",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
    renderer=AbsoluteURLRenderer(),
)


def problem(request, status, title, detail, **headers):
    response = api.create_response(
        request, {"type": "about:blank", "title": title, "status": status, "detail": detail}, status=status
    )
    response["Content-Type"] = PROBLEM
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def unknown_address(request, rest=""):
    """Any address under /api/v1/ that names no operation: a problem, as every other error of the API."""
    return problem(request, 404, "Not Found", f"No operation at {request.path}: see /api/v1/docs.")


@api.exception_handler(Http404)
def not_found(request, error):
    return problem(request, 404, "Not Found", str(error) or "Nothing at this address.")


def rate_limited(run):
    """The rate limit, outside the page cache: a cached answer counts too, and every answer says the quota left."""

    @wraps(run)
    def limited(request, *args, **kwargs):
        repeated = sorted(name for name, values in request.GET.lists() if len(values) > 1)
        if repeated:  # no parameter of the API takes a list: which value was meant cannot be guessed
            return problem(request, 400, "Bad Request", f"{', '.join(repeated)}: given more than once; give it once.")
        quota = count_request(request)
        if quota is None:
            return run(request, *args, **kwargs)
        if quota.allowed:
            response = run(request, *args, **kwargs)
        else:
            wait = max(1, quota.reset)
            response = problem(
                request, 429, "Too Many Requests", f"Over {settings.API_RATE} from this address; try again in {wait} s.",
                Retry_After=str(wait),
            )  # fmt: skip
        for name, value in quota.headers().items():
            response[name] = value
        return response

    return limited


@api.exception_handler(ValidationError)
def invalid(request, error):
    where = "; ".join(f"{'.'.join(map(str, e.get('loc', [])))}: {e.get('msg', '')}" for e in error.errors)
    return problem(request, 400, "Bad Request", where or "The request is not valid.")


@api.exception_handler(HttpError)
def http_error(request, error):
    return problem(request, error.status_code, str(error), str(error))


from results.api import endpoints  # noqa: E402,F401  (the operations register themselves on `api`)
