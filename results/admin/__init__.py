from functools import partial

from django.contrib import admin
from django.db.models import Q
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from results.admin.entry import entry_view
from results.admin.forms import RaceForm, ResultAdminForm, ResultForm, ResultInline
from results.admin.pdf_upload import pdf_upload_view
from results.admin.skaters import SkaterAdmin  # noqa: F401  (registers the skaters' admin)
from results.admin.workflow import changes_view, upload_view
from results.admin.writing import WritePathAdmin
from results.models import (
    Competition,
    Race,
    RaceKind,
    Result,
    Rink,
    Status,
    TeamMember,
    WorldCupPoints,
)
from results.sport import timing
from results.sport.events import race_search
from results.writes import path as write_path


@admin.register(Race)
class RaceAdmin(WritePathAdmin):
    form = RaceForm
    list_display = ["__str__", "date", "field_complete"]
    list_filter = ["competition__season", "gender", "distance_m", "division", "competition"]
    search_fields = ["competition__name"]
    search_help_text = _("For example: women 500 heerenveen (gender, distance, and words of the competition or rink)")
    list_select_related = ["competition"]
    date_hierarchy = "date"
    ordering = ["-date", "competition__name", "gender", "distance_m", "-division"]

    def get_search_results(self, request, queryset, search_term):
        """'women 500 heerenveen': the gender and distance as fields, each other word in the competition's name,
        its rink's name or city."""
        gender, distance, words = race_search(search_term)
        if gender:
            queryset = queryset.filter(gender=gender)
        if distance:
            queryset = queryset.filter(distance_m=distance, kind=RaceKind.INDIVIDUAL)
        for word in words:
            queryset = queryset.filter(
                Q(competition__name__icontains=word) | Q(competition__rink__name__icontains=word)
                | Q(competition__rink__city__icontains=word)
            )  # fmt: skip
        return queryset, False

    inlines = [ResultInline]
    readonly_fields = ["slug", "version", "corrected_at"]
    fields = [
        "competition", "date", "gender", "distance_m", "kind", "division", "round", "slug",
        "published", "field_complete", "corrected_at", "number", "start_time", "referee", "starter", "conditions",
        "rank_by_times", "paste", "seen_version",
    ]  # fmt: skip

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(partial(upload_view, self)), name="results_race_upload"),
            path(
                "upload-pdfs/",
                self.admin_site.admin_view(partial(pdf_upload_view, self)),
                name="results_race_upload_pdfs",
            ),
            path(
                "<int:race_id>/entry/", self.admin_site.admin_view(partial(entry_view, self)), name="results_race_entry"
            ),
            path(
                "<int:race_id>/changes/",
                self.admin_site.admin_view(partial(changes_view, self)),
                name="results_race_changes",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not obj.slug or "round" in form.changed_data or "division" in form.changed_data:
            obj.slug = obj.make_slug()
        if change and form.has_changed():
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        saved = form.instance.results.in_bulk()  # as the inline left them
        for pasted in form.cleaned_data.get("pasted", []):
            result = saved[pasted.result.pk] if pasted.result else Result(race=form.instance, skater=pasted.skater)
            result.time_ms, result.status = pasted.time_ms, pasted.status
            if pasted.pair is not None:
                result.pair = pasted.pair
            if pasted.status != Status.FINISHED:
                result.rank, result.rank_is_official = None, False
            write_path.save(result, by=request.user)
        if form.cleaned_data.get("rank_by_times"):
            for result in form.instance.results.filter(rank_is_official=True, time_ms__isnull=False):
                result.rank_is_official = False
                write_path.save(result, by=request.user)


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    autocomplete_fields = ["skater"]
    extra = 4


@admin.register(Result)
class ResultAdmin(WritePathAdmin):
    form = ResultAdminForm
    inlines = [TeamMemberInline]
    list_display = ["skater", "race", "rank", "display_time", "status"]
    list_filter = ["status", "race__competition__season", "race__distance_m", "race__gender"]
    search_fields = ["skater__name", "race__competition__name"]
    list_select_related = ["skater", "race", "race__competition"]
    autocomplete_fields = ["skater"]

    @admin.display(description=_("time"), ordering="time_ms")
    def display_time(self, obj):
        return timing.format_time(obj.time_ms, "en", tenths=obj.time_in_tenths)  # hand-timed: 18:04.8

    def get_fields(self, request, obj=None):
        return ["race", *ResultForm.Meta.fields]


@admin.register(Rink)
class RinkAdmin(WritePathAdmin):
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
class CompetitionAdmin(WritePathAdmin):
    list_display = ["name", "season", "kind", "rink", "start_date"]
    list_filter = ["season", "kind"]
    search_fields = ["name"]
    ordering = ["-start_date", "name"]
    readonly_fields = ["add_race"]

    @admin.display(description=_("races"))
    def add_race(self, competition):
        if not competition.pk:
            return "—"
        return format_html(
            '<a class="addlink" href="{}?competition={}&amp;date={}">{}</a>',
            reverse("admin:results_race_add"), competition.pk, competition.start_date, _("Add a race"),
        )  # fmt: skip

    prepopulated_fields = {"slug": ["name"]}
    inlines = [RaceInline]


@admin.register(WorldCupPoints)
class WorldCupPointsAdmin(WritePathAdmin):
    list_display = ["season", "division", "gender", "distance_m", "rank", "points"]
    list_filter = ["season", "division", "gender", "distance_m"]
