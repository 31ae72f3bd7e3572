"""Public pages cached whole, each kept until something it shows changes, and answered with 304 Not Modified to
repeat visitors.

A view names what its page shows with `shows(request, tag, …)`: "race:12", "competition:3", "season:2025",
"skater:7" (a career), "skater:7:500" (its starts on a distance), "home", "competitions", "records" (record progressions, winners' ages), "bests" (streaks, the
Adelskalender). The cache holds a version of each tag; a page is stored with the versions of its tags as they were
when it was rendered, and served while they are unchanged. A committed edit bumps the tags of what it changed
(results/writes/invalidation.py), so only the pages that show it are rendered again. Every page also shows "all",
bumped by the rare edits that can show anywhere (a skater's name, a rink); a page that names nothing shows "any"
as well, bumped by every edit.

A bump raises an epoch first and the tags after it; a page whose render overlapped a bump is served but not
stored, so no page is kept with newer versions than its content. Editors (who may see drafts) are never served
from the cache; when the cache is down, pages are served uncached (results/cache_guard.py).
"""

import hashlib
import time
from functools import wraps

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import http_date
from django.utils.translation import get_language

from results import cache_guard

TIMEOUT = 24 * 3600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")
ALL, ANY, EPOCH = "all", "any", "tags-epoch"
DOWN = object()


def shows(request, *tags):
    """Name what the page of this request shows (a view's call; several calls add up)."""
    request.cache_tags = getattr(request, "cache_tags", frozenset()) | set(tags)


def race_tags(race, skater_ids):
    """What a race's page shows: the race, its competition and season, its skaters' starts on its distance (their
    markers and the story), the records before it."""
    return {f"race:{race.id}", f"competition:{race.competition_id}", f"season:{race.competition.season}", "records",
            *(f"skater:{s}:{race.distance_m}" for s in skater_ids if s)}  # fmt: skip


def bump(tags):
    """New versions for these tags (and "any"): every page that shows one is rendered again when next asked."""
    now = time.time_ns()
    versions = {EPOCH: now} | {f"tag:{tag}": now for tag in sorted({*tags, ANY})}  # the epoch first
    cache_guard.must_write("set_many", versions, timeout=None)


def tag_versions(tags, epoch):
    """{tag: version} now, or None when a bump came after `epoch` was read (or the cache failed)."""
    keys = [f"tag:{tag}" for tag in tags]
    found = cache_guard.call("get_many", [EPOCH, *keys], default=DOWN)
    if found is DOWN or found.get(EPOCH) != epoch:
        return None
    missing = [key for key in keys if key not in found]
    if missing:  # never bumped (or evicted): any version will do, as long as a later bump replaces it
        now = time.time_ns()
        for key in missing:
            cache_guard.call("add", key, now, timeout=None)
        found.update(cache_guard.call("get_many", missing, default={}))
    if any(key not in found for key in keys):
        return None
    return {tag: found[f"tag:{tag}"] for tag in tags}


def etag_of(versions, digest):
    stamp = hashlib.sha1(repr(sorted(versions.items())).encode()).hexdigest()[:16]
    return f'"{stamp}-{digest}"'


def finish(response, versions, digest):
    response["ETag"] = etag_of(versions, digest)
    response["Last-Modified"] = http_date(max(versions.values()) / 1e9)
    response["Cache-Control"] = "public, no-cache"  # keep it, but ask again: an ETag makes that cheap
    return response


def cached_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_staff:
            return view(request, *args, **kwargs)
        digest = hashlib.sha1(f"{get_language()} {request.get_full_path()}".encode()).hexdigest()[:16]
        key = f"page:{digest}"
        found = cache_guard.call("get_many", [key, EPOCH], default=DOWN)  # one round trip for both
        if found is DOWN:  # the cache is down: the page as it is now, uncached
            return view(request, *args, **kwargs)
        stored = found.get(key)
        if stored is not None:
            versions, content, headers = stored
            if tag_versions(versions, found.get(EPOCH)) == versions:
                if etag_of(versions, digest) in [
                    t.strip() for t in request.headers.get("If-None-Match", "").split(",")
                ]:
                    response = HttpResponseNotModified()
                    response["ETag"] = etag_of(versions, digest)
                    return response
                response = finish(HttpResponse(content, headers=headers), versions, digest)
                response["X-Cache"] = "hit"
                return response
        response = view(request, *args, **kwargs)
        response["X-Cache"] = "miss"  # what a load test counts (bench/load_live.py)
        if response.status_code != 200 or response.streaming:
            return response
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        tags = getattr(request, "cache_tags", None) or {ANY}
        versions = tag_versions({*tags, ALL}, found.get(EPOCH))
        if versions is None:  # a bump overlapped the render: served, not kept
            return response
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        cache_guard.call("set", key, (versions, response.content, headers), TIMEOUT)
        return finish(response, versions, digest)

    return wrapper
