"""Public pages cached whole, each kept until something it shows changes, and answered with 304 Not Modified to
repeat visitors.

A view names what its page shows with `shows(request, tag, …)`: "race:12", "competition:3", "season:2025",
"skater:7" (a career), "home", "competitions", "records" (record progressions, winners' ages), "bests" (streaks, the
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
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

from results import cache_guard

TIMEOUT = 24 * 3600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")
ALL, ANY, EPOCH = "all", "any", "tags-epoch"
WAIT_STEPS, WAIT_SECONDS = 25, 0.02  # a request waits at most half a second for another's render of its page
DOWN = object()
# in the key of every kept page and live part: a new version of the code that keeps them in another shape changes it,
# so that the entries an older version left in a shared cache are never read as its own
FORMAT = "v3"


# The query parameters that pages and API answers read. A page is kept under its path and these alone, and its view
# sees no other: ?junk=1 … ?junk=1000 are one page, and nothing a stranger adds to an address reaches a kept page's
# links. A view that reads a new parameter adds it here (its tests fail otherwise: the view never sees it).
QUERY_PARAMETERS = frozenset({
    "a", "b", "date", "distance", "event", "format", "games", "gender", "maxheight", "maxwidth", "nationality", "page", "q",
    "rows", "scope", "season", "sort", "url",
})  # fmt: skip


def known_query(request):
    """The request's query reduced to the parameters a page reads, in a fixed order (the view sees only these)."""
    kept = [
        (name, value) for name in sorted(QUERY_PARAMETERS & request.GET.keys()) for value in request.GET.getlist(name)
    ]
    return QueryDict(urlencode(kept))


def address_of(request):
    """What a kept page is kept under: its path and the parameters it reads."""
    query = request.GET.urlencode()
    return f"{request.path}?{query}" if query else request.path


def shows(request, *tags):
    """Name what the page of this request shows (a view's call; several calls add up)."""
    request.cache_tags = getattr(request, "cache_tags", frozenset()) | set(tags)


# The tags, named once: the views declare with them what their pages show (`shows`), the invalidation bumps them
# for what an edit changed (results/writes/invalidation.py).
HOME, COMPETITIONS, RECORDS, BESTS = "home", "competitions", "records", "bests"


def race_tag(race_id):
    return f"race:{race_id}"


def competition_tag(competition_id):
    return f"competition:{competition_id}"


def season_tag(season):
    return f"season:{season}"


def skater_tag(skater_id):
    return f"skater:{skater_id}"


def race_tags(race):
    """What a race's page shows: the race, its competition and season (the races around it), the records before
    it. Its skaters' earlier starts (markers, the story) change only by an edit of an earlier race, which bumps
    this race's tag (results/writes/invalidation.py)."""
    return {race_tag(race.id), competition_tag(race.competition_id), season_tag(race.competition.season), RECORDS}


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
        request.GET = known_query(request)
        if request.method not in ("GET", "HEAD") or request.user.is_staff:
            return view(request, *args, **kwargs)
        # the host too: API answers carry absolute addresses
        digest = hashlib.sha1(f"{get_language()} {request.get_host()} {address_of(request)}".encode()).hexdigest()[:16]
        key = f"page:{FORMAT}:{digest}"
        found = cache_guard.call("get_many", [key, EPOCH], default=DOWN)  # one round trip for both
        if found is DOWN:  # the cache is down: the page as it is now, uncached
            return view(request, *args, **kwargs)
        kept = fresh(found.get(key), found.get(EPOCH))
        if kept is None and not cache_guard.call("add", f"{key}:rendering", 1, timeout=2, default=True):
            for _ in range(WAIT_STEPS):  # another request is rendering this page: wait for it, not render it twice
                time.sleep(WAIT_SECONDS)
                if (kept := fresh(cache_guard.call("get", key), epoch())) is not None:
                    break
        if kept is None:
            try:
                return conditional(request, render_and_keep(view, request, args, kwargs, key, digest, found.get(EPOCH)))
            finally:
                cache_guard.call("delete", f"{key}:rendering")
        versions, content, headers = kept
        response = finish(HttpResponse(content, headers=headers), versions, digest)
        response["X-Cache"] = "hit"
        return conditional(request, response)

    return wrapper


def conditional(request, response):
    """304 Not Modified to a request whose If-None-Match (strong, weak or *) or If-Modified-Since still holds."""
    if "ETag" not in response:
        return response
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(request, etag=response["ETag"], last_modified=modified, response=response)


def fresh(stored, since_epoch):
    """A stored page (or live part) whose tags are unchanged, or None."""
    if stored is not None and tag_versions(stored[0], since_epoch) == stored[0]:
        return stored
    return None


def render_and_keep(view, request, args, kwargs, key, digest, since_epoch):
    response = view(request, *args, **kwargs)
    response["X-Cache"] = "miss"  # what a load test counts (bench/load_live.py)
    if response.status_code != 200 or response.streaming:
        return response
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    tags = getattr(request, "cache_tags", None) or {ANY}
    versions = tag_versions({*tags, ALL}, since_epoch)
    if versions is None:  # a bump overlapped the render: served, not kept
        return response
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    cache_guard.call("set", key, (versions, response.content, headers), TIMEOUT)
    return finish(response, versions, digest)


# --- the live part of a race page ------------------------------------------------------------------------------
# Fans following a race ask for its live part every two seconds. The view keeps the part it rendered for an address
# with the versions of the race's tags it is valid under; this middleware, near the top of the stack, answers the
# crowd from it while those are unchanged: 304 to a repeat of its ETag, else the part itself.


def live_key(request):
    return f"live:{FORMAT}:" + hashlib.sha1(address_of(request).encode()).hexdigest()[:16]


def epoch():
    """The bump epoch now (read before what it guards)."""
    return cache_guard.call("get", EPOCH)


def remember_live(request, response, race_id, since_epoch):
    versions = tag_versions({race_tag(race_id), ALL}, since_epoch)
    if versions:  # no bump since the race was read; the ETag apart, for the many 304s
        key = live_key(request)
        cache_guard.call("set_many", {key: response.content, f"{key}:etag": (versions, response["ETag"])}, TIMEOUT)


class LiveMiddleware:
    """The crowd's requests for a live part, answered from the cache while the race is unchanged (a 304 costs two
    round trips to the cache, of a few bytes). When it changed, one request renders it again; the others wait for
    that render (a few milliseconds) instead of all rendering it at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not request.path.endswith("/live"):
            return self.get_response(request)
        request.GET = known_query(request)
        key = live_key(request)
        kept = self.kept_etag(key)
        if kept is None and not cache_guard.call("add", f"{key}:rendering", 1, timeout=2, default=True):
            for _ in range(WAIT_STEPS):  # another request is rendering it
                time.sleep(WAIT_SECONDS)
                if (kept := self.kept_etag(key)) is not None:
                    break
        asked = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
        if kept is not None and kept in asked:
            response = HttpResponseNotModified()
        elif kept is not None and (content := cache_guard.call("get", key)) is not None:
            response = HttpResponse(content)
        else:
            response = self.get_response(request)
            cache_guard.call("delete", f"{key}:rendering")
            return response
        response["ETag"], response["Cache-Control"], response["X-Cache"] = kept, "no-cache", "hit"
        return response

    @staticmethod
    def kept_etag(key):
        """The kept ETag of the live part at this key while its race is unchanged, or None."""
        found = cache_guard.call("get_many", [f"{key}:etag", EPOCH], default={})
        kept = found.get(f"{key}:etag")
        return kept[1] if fresh(kept, found.get(EPOCH)) else None
