from functools import partial

from django import forms
from django.contrib import admin
from django.db.models import F
from django.urls import path
from django.utils.translation import gettext_lazy as _

from results.admin.workflow import history_view, parse_pasted_times, upload_view
from results.models import (
    Change,
    Competition,
    Race,
    Result,
    Rink,
    Skater,
    SkaterName,
    Status,
    TeamMember,
    WorldCupPoints,
)
from results.sport import timing


class TimeInput(forms.CharField):
    """A time typed in any notation, shown back in international notation."""

    def prepare_value(self, value):
        if isinstance(value, int):
            return timing.format_time(value, "en", thousandths=value % 10 != 0)
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

    def clean(self):
        cleaned = super().clean()
        finished = cleaned.get("status") == "FIN"
        if finished and cleaned.get("time_ms") is None and not (self.instance.pk and self.instance.rank_is_official):
            self.add_error("time_ms", _("A finisher needs a time."))
        if not finished and cleaned.get("time_ms") is not None:
            self.add_error("time_ms", _("Only a finisher has a time; clear it or set the status to finished."))
        if not cleaned.get("skater") and not cleaned.get("team"):
            self.add_error("skater", _("Choose a skater, or for a team race the team's IOC code."))
        if self.instance.pk and {"time_ms", "status"} & set(self.changed_data):
            self.instance.rank_is_official = False  # the sheet's rank was for the old time
        return cleaned


class ResultInline(admin.TabularInline):
    model = Result
    form = ResultForm
    autocomplete_fields = ["skater"]
    readonly_fields = ["rank"]
    fields = ["pair", "lane", "skater", "team", "time_ms", "points", "status", "rank"]
    extra = 4
    ordering = ["pair", "lane"]


class RaceForm(forms.ModelForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
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
        if cleaned.get("paste") and self.instance.pk:
            results = self.instance.results.select_related("skater").prefetch_related("skater__other_names")
            try:
                cleaned["pasted"] = parse_pasted_times(cleaned["paste"], list(results))
            except forms.ValidationError as error:
                self.add_error("paste", error)
        return cleaned


@admin.register(Race)
class RaceAdmin(admin.ModelAdmin):
    form = RaceForm
    list_display = ["__str__", "date", "field_complete"]
    list_filter = ["competition__season", "gender", "distance_m", "division", "competition"]
    search_fields = ["competition__name"]
    list_select_related = ["competition"]
    date_hierarchy = "date"
    inlines = [ResultInline]
    readonly_fields = ["slug", "version", "corrected_at"]
    fields = [
        "competition", "date", "gender", "distance_m", "kind", "division", "round", "slug",
        "published", "field_complete", "corrected_at", "paste", "seen_version",
    ]  # fmt: skip

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(partial(upload_view, self)), name="results_race_upload"),
            path(
                "<int:race_id>/changes/",
                self.admin_site.admin_view(partial(history_view, self)),
                name="results_race_history_log",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not obj.slug or "round" in form.changed_data or "division" in form.changed_data:
            obj.slug = obj.make_slug()
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for result, pair, time_ms, status in form.cleaned_data.get("pasted", []):
            result.time_ms, result.status, result.rank_is_official = time_ms, status, False
            if pair is not None:
                result.pair = pair
            if status != Status.FINISHED:
                result.rank = None
            result.save()


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    autocomplete_fields = ["skater"]
    extra = 4


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    form = ResultForm
    inlines = [TeamMemberInline]
    list_display = ["skater", "race", "rank", "display_time", "status"]
    list_filter = ["status", "race__competition__season", "race__distance_m", "race__gender"]
    search_fields = ["skater__name", "race__competition__name"]
    list_select_related = ["skater", "race", "race__competition"]
    autocomplete_fields = ["skater"]

    @admin.display(description=_("time"), ordering="time_ms")
    def display_time(self, obj):
        return timing.format_time(obj.time_ms, "en")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        Race.objects.filter(pk=obj.race_id).update(version=F("version") + 1)

    def get_fields(self, request, obj=None):
        return ["race", *ResultForm.Meta.fields]


class SkaterNameInline(admin.TabularInline):
    model = SkaterName
    fields = ["name", "slug"]
    readonly_fields = ["slug"]
    extra = 1


@admin.register(Skater)
class SkaterAdmin(admin.ModelAdmin):
    list_display = ["name", "nationality", "gender", "birth_date"]
    list_filter = ["nationality", "gender"]
    search_fields = ["name", "other_names__name", "nationality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SkaterNameInline]


@admin.register(Rink)
class RinkAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "altitude_m", "indoor"]
    search_fields = ["name", "city", "other_names"]
    prepopulated_fields = {"slug": ["name"]}


class RaceInline(admin.TabularInline):
    model = Race
    fields = ["date", "gender", "distance_m", "division", "round", "field_complete"]
    show_change_link = True
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["name", "season", "kind", "rink", "start_date"]
    list_filter = ["season", "kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RaceInline]


@admin.register(WorldCupPoints)
class WorldCupPointsAdmin(admin.ModelAdmin):
    list_display = ["season", "division", "gender", "distance_m", "rank", "points"]
    list_filter = ["season", "division", "gender", "distance_m"]
