"""The public read-only API, v1 (django-ninja): the same reads and rules as the pages (results/queries, sport),
the same addresses' slugs, the same page cache and ETags. OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs
(Swagger UI from django-ninja's own static files: no CDN)."""

import ipaddress
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

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


api = NinjaAPI(
    title="Skating results API",
    version="1",
    description="Long-track speed skating results as held in this database. Read only; no key needed.",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def problem(request, status, title, detail, **headers):
    response = api.create_response(
        request, {"type": "about:blank", "title": title, "status": status, "detail": detail}, status=status
    )
    response["Content-Type"] = PROBLEM
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


@api.exception_handler(Http404)
def not_found(request, error):
    return problem(request, 404, "Not Found", str(error) or "Nothing at this address.")


def rate_limited(run):
    """The rate limit, outside the page cache: a cached answer counts too, and every answer says the quota left."""

    @wraps(run)
    def limited(request, *args, **kwargs):
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
