from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from results import timing
from results.models import Competition, Race, Result, Rink, Skater, SkaterName, WorldCupPoints
from results.ranking import rerank_races


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
        fields = ["pair", "lane", "skater", "time_ms", "status"]

    def clean(self):
        cleaned = super().clean()
        finished = cleaned.get("status") == "FIN"
        if finished and cleaned.get("time_ms") is None and not (self.instance.pk and self.instance.rank_is_official):
            self.add_error("time_ms", _("A finisher needs a time."))
        if not finished and cleaned.get("time_ms") is not None:
            self.add_error("time_ms", _("Only a finisher has a time; clear it or set the status to finished."))
        return cleaned


class ResultInline(admin.TabularInline):
    model = Result
    form = ResultForm
    autocomplete_fields = ["skater"]
    readonly_fields = ["rank"]
    fields = ["pair", "lane", "skater", "time_ms", "status", "rank"]
    extra = 4
    ordering = ["pair", "lane"]


@admin.register(Race)
class RaceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date", "field_complete"]
    list_filter = ["competition__season", "gender", "distance_m", "division", "competition"]
    search_fields = ["competition__name"]
    list_select_related = ["competition"]
    date_hierarchy = "date"
    inlines = [ResultInline]
    readonly_fields = ["slug"]
    fields = ["competition", "date", "gender", "distance_m", "kind", "division", "round", "slug", "field_complete"]

    def save_model(self, request, obj, form, change):
        if not obj.slug or "round" in form.changed_data or "division" in form.changed_data:
            obj.slug = obj.make_slug()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rerank_races([form.instance.id])


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    form = ResultForm
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
        rerank_races([obj.race_id])

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
