"""The public read-only API, v1 (django-ninja): the same reads and rules as the pages (results/queries, sport),
the same addresses' slugs, the same page cache and ETags. OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs
(Swagger UI from django-ninja's own static files: no CDN)."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.throttling import AnonRateThrottle

from results import cache_guard

PROBLEM = "application/problem+json"


class AddressThrottle(AnonRateThrottle):
    """API_RATE requests per client address (60/min by default); never in the way when the cache is down."""

    def allow_request(self, request):
        if not cache_guard.available():
            return True
        try:
            return super().allow_request(request)
        except Exception as error:  # the cache failed: the limit is a protection, not a condition of service
            cache_guard.failed(error)
            return True


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
    """The rate limit, outside the page cache: a cached answer counts too. A throttle per request (it keeps state
    between its two calls)."""

    @wraps(run)
    def limited(request, *args, **kwargs):
        throttle = AddressThrottle(settings.API_RATE)
        if throttle.allow_request(request):
            return run(request, *args, **kwargs)
        wait = max(1, round(throttle.wait() or 1))
        return problem(
            request, 429, "Too Many Requests", f"Over {settings.API_RATE} from this address; try again in {wait} s.",
            Retry_After=str(wait),
        )  # fmt: skip

    return limited


@api.exception_handler(ValidationError)
def invalid(request, error):
    where = "; ".join(f"{'.'.join(map(str, e.get('loc', [])))}: {e.get('msg', '')}" for e in error.errors)
    return problem(request, 400, "Bad Request", where or "The request is not valid.")


@api.exception_handler(HttpError)
def http_error(request, error):
    return problem(request, error.status_code, str(error), str(error))


from results.api import endpoints  # noqa: E402,F401  (the operations register themselves on `api`)
