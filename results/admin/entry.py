"""The race-day entry screen: a race's start list pair by pair, one field per skater for a time (any notation) or a
status, saved a pair at a time (by the page's script without a reload, or by a plain form post) and published at
once. Each save is checked against what other editors saved meanwhile: saves of other skaters go through, a save
over a result someone else changed is held back with the editor's typing kept. A provisional race is marked
official here once every starter has a time or a status."""

from dataclasses import dataclass, field
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
from results.sport import plausibility, timing
from results.writes import path

ENTRY_NOTE = "race-day entry"
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
    """One skater's field on the screen: what it holds (`typed`), what was saved when it was shown (`was`, with the
    token `seen`), and what the last save said of it (a problem, or a doubt to confirm by pressing Enter again)."""

    result: Result
    typed: str
    seen: str
    was: str
    error: str = ""
    doubt: str = ""
    saved_by: str = ""

    @classmethod
    def of(cls, result):
        return cls(result, shown(result), saved_token(result), shown(result))


@dataclass
class Typed:
    """One field of a posted pair: the text, the token and text it was shown with, and the text confirmed after a
    doubt (the same text typed again)."""

    text: str
    seen: str
    was: str | None = None
    sure: str = ""

    @property
    def touched(self):
        return self.was is None or self.text.strip() != self.was.strip()


@dataclass
class Saved:
    """What a pair's save did: the results written, or why nothing was (problems, a conflict, doubts to confirm)."""

    written: list = field(default_factory=list)
    problems: dict = field(default_factory=dict)
    doubts: dict = field(default_factory=dict)
    conflict: bool = False

    @property
    def held(self):
        return bool(self.problems or self.doubts)


def meanwhile(result):
    """'Now 1:14.20, saved by anna at 14:03:12.': what another editor saved over what this one saw."""
    change = Change.objects.filter(model="result", object_id=result.id).select_related("user").first()
    return _("Changed meanwhile to %(value)s by %(who)s at %(when)s. Your typing is kept: save again to replace it.") % {
        "value": shown(result) or _("not skated"),
        "who": change.user if change and change.user else _("someone"),
        "when": time_format(timezone.localtime(change.at), "H:i:s") if change else "?",
    }  # fmt: skip


def doubts_about(race, entry, status, time_ms, tenths, others):
    """The plausibility rules' doubts about a typed time (none once the same text was confirmed)."""
    if status != Status.FINISHED or entry.sure.strip() == entry.text.strip():
        return []
    timed = [other for other in others if other.status == Status.FINISHED and other.time_ms]
    return plausibility.doubts(
        time_ms,
        gender=race.gender,
        distance_m=race.distance_m,
        typed=entry.text.strip(),
        tenths=tenths,
        leader_ms=min((other.time_ms for other in timed), default=None),
        race_in_hundredths=bool(timed) and not any(other.time_in_tenths for other in timed),
    )


@transaction.atomic
def save_pair(race, typed, by=None):
    """typed: {result id: Typed}. Writes only the fields whose text the editor changed: all of them or, when one is
    wrong, doubtful or was changed meanwhile, none."""
    current = Result.objects.select_for_update().filter(race=race).in_bulk()
    saved, writes = Saved(), []
    for result_id, entry in typed.items():
        result = current.get(result_id)
        if result is None:
            saved.problems[result_id] = _("This starter was removed from the race meanwhile.")
            continue
        if not entry.touched:
            continue  # the field shows what was saved: nothing to write, whatever the result holds
        try:
            status, time_ms, tenths = timing.read_entry(entry.text)
        except timing.TimeFormatError as error:
            saved.problems[result_id] = str(error)
            continue
        if (status, time_ms) == (result.status, result.time_ms) and tenths == result.time_in_tenths:
            continue  # another editor saved the same
        if saved_token(result) != entry.seen:
            saved.problems[result_id], saved.conflict = meanwhile(result), True
            continue
        others = [other for other_id, other in current.items() if other_id not in typed]
        doubts = doubts_about(race, entry, status, time_ms, tenths, others)
        if doubts:
            saved.doubts[result_id] = " ".join(doubts) + " " + _("Press Enter again to save it as read.")
            continue
        writes.append((result, status, time_ms, tenths))
    if saved.held:
        return saved
    for result, status, time_ms, tenths in writes:
        result.status, result.time_ms, result.time_in_tenths = status, time_ms, tenths
        result.rank, result.rank_is_official = None, False  # ranked again from the times by the write path
        path.save(result, by=by, note=ENTRY_NOTE)
        saved.written.append(result)
    return saved


def pair_note(pair, typed, saved, cells):
    """The sentence beside a saved pair: nothing typed, a lane left empty, or saved."""
    label = _("Pair %(pair)s") % {"pair": pair} if pair else _("This starter")
    if not saved.written:
        if any(entry.touched for entry in typed.values()):
            return _("%(label)s: nothing changed.") % {"label": label}
        return _("%(label)s: nothing was typed, nothing saved.") % {"label": label}
    empty = [
        cells[result_id].result for result_id, entry in typed.items()
        if result_id in cells and not entry.text.strip() and cells[result_id].result.status == Status.NOT_SKATED
    ]  # fmt: skip
    if empty:
        return _("%(label)s saved; still empty: %(lanes)s.") % {
            "label": label,
            "lanes": ", ".join(f"{r.get_lane_display() or _('no lane')} ({r.competitor})" for r in empty),
        }
    return _("%(label)s saved.") % {"label": label}


def last_savers(cells):
    """Who saved each result last ('anna 14:03:12'), in one query over the race's change log."""
    changes = (
        Change.objects.filter(model="result", object_id__in=list(cells), action=Change.Action.UPDATE)
        .select_related("user")
        .order_by("object_id", "-at", "-id")
    )
    named = set()
    for change in changes:
        if change.object_id in named or change.user is None:
            continue
        named.add(change.object_id)
        cells[change.object_id].saved_by = f"{change.user} {time_format(timezone.localtime(change.at), 'H:i:s')}"


def pairs_of(cells):
    """[(pair number or None, [Cell])] in pair order, the inner lane first; starters without a pair last."""
    ordered = sorted(cells, key=lambda c: (c.result.pair is None, c.result.pair or 0, c.result.lane != "inner",
                                           c.result.id))  # fmt: skip
    return [(pair, list(group)) for pair, group in groupby(ordered, key=lambda c: c.result.pair)]


def next_field(pairs, after=None):
    """The field to type in next: the first field with a problem or a doubt, else the first not skated after pair
    `after` (or from the start)."""
    wrong = next((c for _pair, cells in pairs for c in cells if c.error or c.doubt), None)
    if wrong:
        return wrong
    waiting = [(pair, c) for pair, cells in pairs for c in cells if c.result.status == Status.NOT_SKATED]
    later = [c for pair, c in waiting if after is None or (pair or 10**6) > after]
    return (later or [c for _pair, c in waiting] or [None])[0]


def jumped_to(pairs, wanted):
    """The first field of pair `wanted` (the screen's 'go to pair'), or None."""
    return next((cells[0] for pair, cells in pairs if str(pair) == wanted.strip()), None)


def mark_official(request, race):
    waiting = race.results.to_skate().select_related("skater")
    if waiting:
        names = ", ".join(result.competitor for result in waiting)
        messages.error(request, _("Still without a time or a status: %(names)s. Type one (WDR, DNS…) first.") % {
            "names": names})  # fmt: skip
        return
    race.provisional, race.field_complete, race.version = False, True, race.version + 1
    path.save(race, by=request.user, note=ENTRY_NOTE)
    messages.success(request, _("%(race)s is official.") % {"race": race})


def reopen(request, race):
    race.provisional, race.version = True, race.version + 1
    path.save(race, by=request.user, note=ENTRY_NOTE)
    messages.success(request, _("%(race)s is provisional again.") % {"race": race})


def posted_pair(post):
    """{result id: Typed} from a pair's form."""
    return {
        int(name[1:]): Typed(value, post.get(f"seen{name[1:]}", ""), post.get(f"was{name[1:]}"), post.get(f"sure{name[1:]}", ""))
        for name, value in post.items() if name[:1] == "r" and name[1:].isdigit()
    }  # fmt: skip


def entry_view(model_admin, request, race_id):
    race = get_object_or_404(Race.objects.with_competition(), pk=race_id)
    if not model_admin.has_change_permission(request, race):
        raise PermissionDenied
    url = reverse("admin:results_race_entry", args=[race.pk])
    if request.method == "POST" and ("official" in request.POST or "reopen" in request.POST):
        (mark_official if "official" in request.POST else reopen)(request, race)
        return redirect(url)
    typed, saved, status = {}, Saved(), 200
    if request.method == "POST":
        typed = posted_pair(request.POST)
        saved = save_pair(race, typed, by=request.user)
        status = 409 if saved.conflict else 400 if saved.held else 200
    cells = {result.id: Cell.of(result) for result in race.results.select_related("skater")}  # as saved now
    if saved.held:  # nothing of the pair was saved: its typing is kept
        for result_id, entry in typed.items():
            if result_id in cells and entry.touched:  # an untouched field shows what is saved now
                cell = cells[result_id]
                cell.typed, cell.error, cell.doubt = (
                    entry.text,
                    saved.problems.get(result_id, ""),
                    saved.doubts.get(result_id, ""),
                )
    last_savers(cells)
    saved_pair, note = None, ""
    if request.method == "POST":
        saved_pair = next((c.result.pair for c in cells.values() if c.result.id in typed), None)
        if not saved.held:
            note = pair_note(saved_pair, typed, saved, cells)
            if FETCHED not in request.headers:
                messages.info(request, note)
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
        "focus": jumped_to(pairs, request.GET.get("pair", ""))
        or next_field(pairs, int(after) if str(after).isdigit() else None),
        "to_skate": sum(1 for c in cells.values() if c.result.status == Status.NOT_SKATED),
        "saved_pair": saved_pair if status == 200 else None,
        "note": note,
    }
    template = "admin/results/race_entry_pairs.html" if FETCHED in request.headers else "admin/results/race_entry.html"
    response = TemplateResponse(request, template, context, status=status)
    response[FETCHED] = "1"  # the script tells the pairs from a login page or an error page
    return response
