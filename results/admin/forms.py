"""The admin's forms: times typed in any notation, a race's results checked together before anything is saved."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from results.admin.workflow import parse_pasted_times
from results.models import Change, Race, Result, Status
from results.sport import timing
from results.sport.race_ranks import computed_ranks, rank_contradictions


class TimeInput(forms.CharField):
    """A time typed in any notation, shown back in international notation."""

    def prepare_value(self, value):
        if isinstance(value, int):
            return timing.format_measured(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return timing.parse_time(value)
        except timing.TimeFormatError as error:
            raise forms.ValidationError(str(error), code="invalid_time") from error


class ResultForm(forms.ModelForm):
    time_ms = TimeInput(label=_("time"), required=False, help_text=_("1:14.44, 1.14,44 or 74.44"))

    class Meta:
        model = Result
        fields = ["pair", "lane", "skater", "team", "time_ms", "points", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.time_in_tenths and self.instance.time_ms:  # shown as measured: 43.4, not 43.40
            self.initial["time_ms"] = timing.format_measured(self.instance.time_ms, tenths=True)

    def clean(self):
        cleaned = super().clean()
        self.instance.time_in_tenths = timing.in_tenths(self.data.get(self.add_prefix("time_ms")))
        finished = cleaned.get("status") == "FIN"
        if finished and cleaned.get("time_ms") is None and not (self.instance.pk and self.instance.rank_is_official):
            self.add_error("time_ms", _("A finisher needs a time."))
        if not finished and cleaned.get("time_ms") is not None:
            self.add_error("time_ms", _("Only a finisher has a time; clear it or set the status to finished."))
        if not cleaned.get("skater") and not cleaned.get("team"):
            self.add_error("skater", _("Choose a skater, or for a team race the team's IOC code."))
        return cleaned


class Entry:
    """A result as it would be after the form is saved: what ranking needs, and a name for messages."""

    def __init__(self, name, status, time_ms, points, rank, rank_is_official):
        self.name, self.status, self.time_ms, self.points = name, status, time_ms, points
        self.rank_is_official = rank_is_official and status == Status.FINISHED
        self.rank = rank if self.rank_is_official else None

    @classmethod
    def of(cls, result, cleaned=None, official=True):
        """The result with the form's new values (cleaned), its official rank dropped when not `official` (a place
        without a time keeps it: there is no time to rank it by)."""
        values = cleaned or {}
        skater = values.get("skater", result.skater if result.skater_id else None)
        return cls(
            skater.name if skater else values.get("team", result.team), values.get("status", result.status),
            values.get("time_ms", result.time_ms), values.get("points", result.points), result.rank,
            result.rank_is_official and (official or values.get("time_ms", result.time_ms) is None),
        )  # fmt: skip


def rank_problems(race, entries):
    """Sentences naming the results whose official ranks the times no longer agree with, once the other ranks are
    computed from the times (empty when they all agree)."""
    computed_ranks(entries, mass_start=race is not None and race.kind == "mass-start")
    finishers = [(e, e.rank, e.time_ms) for e in entries if e.rank is not None and e.time_ms is not None]
    return [
        _("%(name)s, rank %(rank)s in %(time)s, does not agree with %(other)s, rank %(other_rank)s in %(other_time)s.")
        % {"name": worse.name, "rank": worse.rank, "time": timing.format_time(worse.time_ms), "other": better.name,
           "other_rank": better.rank, "other_time": timing.format_time(better.time_ms)}
        for worse, better in rank_contradictions(finishers)
    ]  # fmt: skip


RANKS_DISAGREE = _(
    "The official ranks no longer agree with the times; nothing was saved. Correct the time, or tick "
    "'Rank by the times' to replace the official ranks of this race with ranks computed from the times."
)


class ResultFormSet(BaseInlineFormSet):
    """A race's results, checked together: after any change, ranks must agree with the times."""

    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.kind == "mass-start":
            return
        official = not self.data.get("rank_by_times")  # the race form's box: the editor drops the official ranks
        entries, edited = [], set()
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            if form.instance.pk:
                edited.add(form.instance.pk)
            if cleaned and not cleaned.get("DELETE") and (cleaned.get("skater") or cleaned.get("team")):
                entries.append(Entry.of(form.instance, cleaned, official))
        if self.instance.pk:  # rows not on the form (none in the admin's inline, but a formset may show a part)
            others = self.instance.results.exclude(pk__in=edited).select_related("skater")
            entries += [Entry.of(result, official=official) for result in others]
        problems = rank_problems(self.instance, entries)
        if problems:
            raise forms.ValidationError([RANKS_DISAGREE, *problems])


class ResultAdminForm(ResultForm):
    """One result on its own page: checked against the rest of its race."""

    def clean(self):
        cleaned = super().clean()
        race = cleaned.get("race") or (self.instance.race if self.instance.race_id else None)
        if race is None or self.errors or race.kind == "mass-start":
            return cleaned
        others = race.results.exclude(pk=self.instance.pk).select_related("skater")
        entries = [Entry.of(self.instance, cleaned), *(Entry.of(result) for result in others)]
        problems = rank_problems(race, entries)
        if problems:
            raise forms.ValidationError([RANKS_DISAGREE, *problems])
        return cleaned


class ResultInline(admin.TabularInline):
    model = Result
    form = ResultForm
    autocomplete_fields = ["skater"]
    readonly_fields = ["rank"]
    fields = ["pair", "lane", "skater", "team", "time_ms", "points", "status", "rank"]
    formset = ResultFormSet
    extra = 4
    ordering = ["pair", "lane"]


class RaceForm(forms.ModelForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rank_by_times = forms.BooleanField(
        label=_("Rank by the times"),
        required=False,
        help_text=_("Replace the official ranks of this race with ranks computed from the times."),
    )
    paste = forms.CharField(
        label=_("Paste times"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 60}),
        help_text=_("One line per skater: pair, name, time (or DNS, DNF, DQ, WDR); matched to the start list."),
    )

    class Meta:
        model = Race
        fields = [
            "competition",
            "date",
            "gender",
            "distance_m",
            "kind",
            "division",
            "round",
            "published",
            "field_complete",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                Race.objects.select_for_update().filter(pk=self.instance.pk).values_list("version", flat=True).first()
            )
            seen = cleaned.get("seen_version")
            if seen is not None and current != seen:
                since = Change.objects.filter(race_id=self.instance.pk).select_related("user").order_by("-id")[:10]
                lines = [
                    f"{c.at:%H:%M:%S} {c.user or '?'}: {c.get_action_display()} {c.model} {c.changed_fields()}"
                    for c in since
                ]
                raise forms.ValidationError(
                    [_("Someone else saved this race while you were editing it; nothing of yours was saved. "
                       "Reload the page to see their changes, then make yours again. Latest changes:")] + lines
                )  # fmt: skip
        if cleaned.get("paste"):
            results = []
            if self.instance.pk:
                results = self.instance.results.select_related("skater").prefetch_related("skater__other_names")
            try:
                cleaned["pasted"] = parse_pasted_times(cleaned["paste"], list(results), cleaned.get("gender"))
            except forms.ValidationError as error:
                self.add_error("paste", error)
            else:
                self.check_pasted_ranks(list(results), cleaned)
        return cleaned

    def check_pasted_ranks(self, results, cleaned):
        """The pasted times on top of the start list must agree with the official ranks kept."""
        official = not cleaned.get("rank_by_times")
        pasted = {p.result.pk: p for p in cleaned["pasted"] if p.result is not None}
        entries = []
        for result in results:
            line = pasted.get(result.pk)
            changed = {"status": line.status, "time_ms": line.time_ms} if line else None
            entries.append(Entry.of(result, changed, official))
        entries += [
            Entry(p.skater.name, p.status, p.time_ms, None, None, False) for p in cleaned["pasted"] if p.result is None
        ]
        problems = rank_problems(self.instance if self.instance.pk else None, entries)
        if problems:
            self.add_error("paste", [RANKS_DISAGREE, *problems])
