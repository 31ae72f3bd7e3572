"""Operational endpoints outside the language prefix: health check and security.txt."""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from results import cache_guard


@never_cache
def healthz(request):
    """200 when the database answers (status "degraded" when the cache does not: pages are then served uncached),
    503 when the database does not (for load balancers and monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": str(error)[:200], "cache": cache_guard.health()}, status=503
        )
    cache = cache_guard.health()
    status = "degraded" if cache.startswith("degraded") else "ok"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


def security_txt(request):
    expires = (timezone.now() + timedelta(days=365)).strftime("%Y-%m-%dT00:00:00Z")
    body = f"Contact: {settings.SECURITY_CONTACT}\nExpires: {expires}\nPreferred-Languages: en, nl\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
