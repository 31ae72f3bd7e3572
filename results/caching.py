"""Public pages cached whole and answered with 304 Not Modified to repeat visitors.

Every cached page and every ETag carries the data version (derived.data_version),
which a committed change to any result, race, skater or competition replaces; a page
stored under an older version is rendered again. So a correction is visible at once,
on every worker and host that shares the cache, and nothing needs to know which pages
a change touched. The version and the page are read in one round trip to the cache.
Editors (who may see drafts) are never served from the cache.
"""

import hashlib
from functools import wraps

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import http_date
from django.utils.translation import get_language

from results import cache_guard
from results.writes import derived

TIMEOUT = 24 * 3600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def cached_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_staff:
            return view(request, *args, **kwargs)
        digest = hashlib.sha1(f"{get_language()} {request.get_full_path()}".encode()).hexdigest()[:16]
        key = f"page:{digest}"
        found = cache_guard.call("get_many", [derived.DATA_VERSION_KEY, key])  # one round trip for both
        version = (found or {}).get(derived.DATA_VERSION_KEY) or (found is not None and derived.data_version())
        if not version:  # the cache is down: the page as it is now, uncached
            return view(request, *args, **kwargs)
        etag = f'"{version:x}-{digest}"'
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
            response["ETag"] = etag
            return response
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            _, content, headers = stored
            response = HttpResponse(content, headers=headers)
        else:  # not cached, or cached before the data last changed
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache_guard.call("set", key, (version, response.content, headers), TIMEOUT)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(version / 1e9)
        response["Cache-Control"] = "public, no-cache"  # keep it, but ask again: an ETag makes that cheap
        return response

    return wrapper
