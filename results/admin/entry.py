"""The race-day entry screen: a race's start list pair by pair, one field per skater for a time (any notation) or a
status, saved a pair at a time (by the page's script without a reload, or by a plain form post) and published at
once. Each save is checked against what other editors saved meanwhile: saves of other skaters go through, a save
over a result someone else changed is held back with the editor's typing kept. A provisional race is marked
official here once every starter has a time or a status."""

from dataclasses import dataclass
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from results.models import Change, Race, Result, Status
from results.sport import timing

FETCHED = "X-Entry-Fetch"  # the page's script asks for the pairs only


def saved_token(result):
    """What an editor saw of a result, sent back with the save to notice a change made meanwhile."""
    return f"{result.status}:{result.time_ms or ''}"


def shown(result):
    """A result as its field shows it: the time as measured, a status, or nothing yet."""
    if result.status == Status.FINISHED:
        return timing.format_measured(result.time_ms, tenths=result.time_in_tenths)
    return "" if result.status == Status.NOT_SKATED else result.status


@dataclass
class Cell:
    """One skater's field on the screen."""

    result: Result
    typed: str
    seen: str
    error: str = ""

    @classmethod
    def of(cls, result):
        return cls(result, shown(result), saved_token(result))


def meanwhile(result):
    """'Now 1:14.20, saved by anna at 14:03:12.': what another editor saved over what this one saw."""
    change = Change.objects.filter(model="result", object_id=result.id).select_related("user").first()
    return _("Changed meanwhile to %(value)s by %(who)s at %(when)s. Your typing is kept: save again to replace it.") % {
        "value": shown(result) or _("not skated"),
        "who": change.user if change and change.user else _("someone"),
        "when": time_format(timezone.localtime(change.at), "H:i:s") if change else "?",
    }  # fmt: skip


@transaction.atomic
def save_pair(race, typed):
    """typed: {result id: (text, seen token)}. Saves all of them or, when one is wrong or was changed meanwhile,
    none; returns ({result id: the problem}, whether one was a conflict)."""
    current = Result.objects.select_for_update().filter(race=race, id__in=typed).in_bulk()
    problems, writes, conflict = {}, [], False
    for result_id, (text, seen) in typed.items():
        result = current.get(result_id)
        if result is None:
            problems[result_id] = _("This starter was removed from the race meanwhile.")
            continue
        try:
            status, time_ms, tenths = timing.read_entry(text)
        except timing.TimeFormatError as error:
            problems[result_id] = str(error)
            continue
        if (status, time_ms) == (result.status, result.time_ms) and tenths == result.time_in_tenths:
            continue  # unchanged, or another editor saved the same
        if saved_token(result) != seen:
            problems[result_id], conflict = meanwhile(result), True
            continue
        writes.append((result, status, time_ms, tenths))
    if problems:
        return problems, conflict
    for result, status, time_ms, tenths in writes:
        result.status, result.time_ms, result.time_in_tenths = status, time_ms, tenths
        result.rank, result.rank_is_official = None, False  # ranked again from the times by the write path
        result.save()
    return {}, False


def pairs_of(cells):
    """[(pair number or None, [Cell])] in pair order, the inner lane first; starters without a pair last."""
    ordered = sorted(cells, key=lambda c: (c.result.pair is None, c.result.pair or 0, c.result.lane != "inner",
                                           c.result.id))  # fmt: skip
    return [(pair, list(group)) for pair, group in groupby(ordered, key=lambda c: c.result.pair)]


def next_field(pairs, after=None):
    """The field to type in next: the first not skated after pair `after` (or from the start), else the first
    field with a problem."""
    wrong = next((c for _pair, cells in pairs for c in cells if c.error), None)
    if wrong:
        return wrong
    waiting = [(pair, c) for pair, cells in pairs for c in cells if c.result.status == Status.NOT_SKATED]
    later = [c for pair, c in waiting if after is None or (pair or 10**6) > after]
    return (later or [c for _pair, c in waiting] or [None])[0]


def mark_official(request, race):
    waiting = race.results.to_skate().select_related("skater")
    if waiting:
        names = ", ".join(result.competitor for result in waiting)
        messages.error(request, _("Still without a time or a status: %(names)s. Type one (WDR, DNS…) first.") % {
            "names": names})  # fmt: skip
        return
    race.provisional, race.field_complete, race.version = False, True, race.version + 1
    race.save(update_fields=["provisional", "field_complete", "version"])
    messages.success(request, _("%(race)s is official.") % {"race": race})


def reopen(request, race):
    race.provisional, race.version = True, race.version + 1
    race.save(update_fields=["provisional", "version"])
    messages.success(request, _("%(race)s is provisional again.") % {"race": race})


def entry_view(model_admin, request, race_id):
    race = get_object_or_404(Race.objects.with_competition(), pk=race_id)
    if not model_admin.has_change_permission(request, race):
        raise PermissionDenied
    url = reverse("admin:results_race_entry", args=[race.pk])
    if request.method == "POST" and ("official" in request.POST or "reopen" in request.POST):
        (mark_official if "official" in request.POST else reopen)(request, race)
        return redirect(url)
    saved_pair, status, typed, problems = None, 200, {}, {}
    if request.method == "POST":
        typed = {
            int(name[1:]): (value, request.POST.get(f"seen{name[1:]}", ""))
            for name, value in request.POST.items() if name[:1] == "r" and name[1:].isdigit()
        }  # fmt: skip
        problems, conflict = save_pair(race, typed)
        if problems:
            status = 409 if conflict else 400
    cells = {result.id: Cell.of(result) for result in race.results.select_related("skater")}  # as saved now
    for result_id, (text, _seen) in typed.items():
        if problems and result_id in cells:  # nothing of the pair was saved: its typing is kept
            cells[result_id].typed, cells[result_id].error = text, problems.get(result_id, "")
    if request.method == "POST":
        saved_pair = next((c.result.pair for c in cells.values() if c.result.id in typed), None)
        if not problems and FETCHED not in request.headers:
            return redirect(f"{url}?after={saved_pair or ''}")
    after = saved_pair if saved_pair is not None else request.GET.get("after", "")
    pairs = pairs_of(cells.values())
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Race day: %(race)s") % {"race": race},
        "is_nav_sidebar_enabled": False,  # the pairs need the width on a tablet
        "opts": Race._meta,
        "original": race,
        "race": race,
        "pairs": pairs,
        "focus": next_field(pairs, int(after) if str(after).isdigit() else None),
        "to_skate": sum(1 for c in cells.values() if c.result.status == Status.NOT_SKATED),
        "saved_pair": saved_pair if status == 200 else None,
    }
    template = "admin/results/race_entry_pairs.html" if FETCHED in request.headers else "admin/results/race_entry.html"
    return TemplateResponse(request, template, context, status=status)
