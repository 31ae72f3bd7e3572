from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from results import caching
from results.display.tables.base import paginate_table
from results.display.tables.skaters import MeetingsTable
from results.models import Skater
from results.queries.head_to_head import meetings_between
from results.sport import meetings as rules

MEETINGS_PER_PAGE = 25


def head_to_head(request, slug_a, slug_b):
    a, b = Skater.objects.filter(slug=slug_a).first(), Skater.objects.filter(slug=slug_b).first()
    if a is None or b is None:
        raise Http404(_("No skater with this address."))
    if a == b:
        raise Http404(_("A head-to-head needs two different skaters."))
    caching.shows(request, caching.skater_tag(a.id), caching.skater_tag(b.id))
    meetings = meetings_between(a, b)
    summary = rules.summary(meetings)
    table = MeetingsTable(meetings[::-1], a, b, caption=_("Every meeting"))
    paginate_table(request, table, per_page=MEETINGS_PER_PAGE)
    tally = list(summary["per_distance"].items())
    return render(request, "results/head_to_head.html", {"a": a, "b": b, "table": table, **summary, "tally": tally})


def head_to_head_form(request):
    a_name, b_name = request.GET.get("a", "").strip()[:100], request.GET.get("b", "").strip()[:100]
    problems, found = [], []
    if a_name or b_name:
        for label, name in ((_("First skater"), a_name), (_("Second skater"), b_name)):
            matches = list(Skater.objects.search(name)[:2]) if name else []
            if len(matches) != 1:
                problems.append(
                    _("%(label)s: no skater matches '%(name)s'.") % {"label": label, "name": name}
                    if not matches
                    else _("%(label)s: more than one skater matches '%(name)s'; type more of the name.")
                    % {"label": label, "name": name}
                )
            else:
                found.append(matches[0])
        if not problems and found[0] != found[1]:
            return redirect("results:head_to_head", found[0].slug, found[1].slug)
        if not problems:
            problems.append(_("Pick two different skaters."))
    status = 400 if problems else 200
    return render(
        request, "results/head_to_head_form.html", {"a": a_name, "b": b_name, "problems": problems}, status=status
    )
