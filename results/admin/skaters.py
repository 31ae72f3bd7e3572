"""Skaters in the admin: a lookup that offers only the race's gender and the nearest names on a typo, a warning
before a near-duplicate is created, and the merge of a duplicate into the right skater (its address then leads
there)."""

from functools import partial
from urllib.parse import urlparse

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.admin.writing import WritePathAdmin
from results.models import Change, Race, Result, Skater, SkaterName, TeamMember
from results.sport.names import near_names
from results.writes import path as write_path

MERGE_NOTE = "merge of duplicate skaters"


def near_duplicates(name, gender, exclude=None):
    """Skaters of this gender whose name is near this one, nearest first."""
    skaters = Skater.objects.filter(gender=gender).exclude(pk=exclude)
    by_name = {}
    for skater_id, skater_name in skaters.values_list("id", "name"):
        by_name.setdefault(skater_name, skater_id)
    near = near_names(name, by_name)
    found = Skater.objects.in_bulk([by_name[n] for n in near])
    return [found[by_name[n]] for n in near]


class SkaterForm(forms.ModelForm):
    new_skater = forms.BooleanField(
        label=gettext_lazy("This is a new skater"),
        required=False,
        help_text=gettext_lazy("Tick it when the warning names skaters who are not this one."),
    )

    class Meta:
        model = Skater
        fields = ["name", "slug", "gender", "nationality", "birth_date"]

    def clean(self):
        cleaned = super().clean()
        name, gender = cleaned.get("name"), cleaned.get("gender")
        if self.instance.pk is None and name and gender and not cleaned.get("new_skater"):
            near = near_duplicates(name, gender)
            if near:
                listed = "; ".join(f"{s.name} ({s.nationality}{', ' + str(s.birth_date) if s.birth_date else ''})"
                                   for s in near)  # fmt: skip
                raise forms.ValidationError(
                    _(
                        "Near an existing skater: %(listed)s. Choose that skater instead, or tick 'This is a new skater'."
                    )
                    % {"listed": listed}
                )
        return cleaned


def gender_of_race_behind(request):
    """The gender of the race whose change page asks (the lookup request's Referer), or None."""
    try:
        match = resolve(urlparse(request.headers.get("Referer", "")).path)
    except Resolver404:
        return None
    if match.url_name != "results_race_change":
        return None
    return Race.objects.filter(pk=match.kwargs.get("object_id")).values_list("gender", flat=True).first()


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Skater.objects.none(), label=gettext_lazy("The right skater"))

    def __init__(self, source, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Skater.objects.filter(gender=source.gender).exclude(pk=source.pk)
        near = near_duplicates(source.name, source.gender, exclude=source.pk)
        if near:
            self.fields["into"].initial = near[0].pk


def may_merge(user, skater):
    """Editors merge the skaters they created themselves; an administrator any."""
    if user.is_superuser:
        return True
    created = Change.objects.filter(model="skater", object_id=skater.pk, action=Change.Action.CREATE).first()
    return created is not None and created.user_id == user.pk


@transaction.atomic
def merge(source, target, by=None):
    """Move every result and other name of `source` to `target`, keep its name and address as another name of
    target's (the old address redirects), and delete it. Returns the races both skated (then nothing is done)."""
    shared = Result.objects.filter(skater=target, race__results__skater=source).select_related("race__competition")
    if shared:
        return [result.race for result in shared]
    for result in Result.objects.filter(skater=source):
        result.skater = target
        write_path.save(result, by=by, note=MERGE_NOTE)  # logged; the derived facts of both skaters computed again
    for member in TeamMember.objects.filter(skater=source):
        member.skater = target
        write_path.save(member, by=by)
    known = set(target.other_names.values_list("name", flat=True))
    names = [(other.name, other.slug) for other in source.other_names.all()]
    if source.name != target.name:
        names.append((source.name, source.slug))
    for name, slug in names:
        if name not in known:
            write_path.save(SkaterName(skater=target, name=name, slug=slug), by=by)
    write_path.delete(source, by=by, note=MERGE_NOTE)
    return []


def merge_view(model_admin, request, skater_id):
    source = get_object_or_404(Skater, pk=skater_id)
    if not may_merge(request.user, source):
        raise PermissionDenied
    form = MergeForm(source, request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["into"]
        shared = merge(source, target, by=request.user)
        if not shared:
            messages.success(request, _("%(source)s merged into %(target)s; the old address leads there.") % {
                "source": source.name, "target": target.name})  # fmt: skip
            return redirect("admin:results_skater_change", target.pk)
        form.add_error("into", _("Both skated %(races)s: correct those results first.") % {
            "races": "; ".join(str(race) for race in shared)})  # fmt: skip
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Merge %(name)s into another skater") % {"name": source.name},
        "opts": Skater._meta,
        "original": source,
        "form": form,
        "results": Result.objects.filter(skater=source).select_related("race__competition"),
    }
    return TemplateResponse(request, "admin/results/skater_merge.html", context, status=400 if form.errors else 200)


class SkaterNameInline(admin.TabularInline):
    model = SkaterName
    fields = ["name", "slug"]
    readonly_fields = ["slug"]
    extra = 1


@admin.register(Skater)
class SkaterAdmin(WritePathAdmin):
    form = SkaterForm
    list_display = ["name", "nationality", "gender", "birth_date"]
    list_filter = ["nationality", "gender"]
    search_fields = ["name", "other_names__name", "nationality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SkaterNameInline]

    def get_fields(self, request, obj=None):
        return [*SkaterForm.Meta.fields, *([] if obj else ["new_skater"])]

    def get_urls(self):
        merging = self.admin_site.admin_view(partial(merge_view, self))
        return [path("<int:skater_id>/merge/", merging, name="results_skater_merge"), *super().get_urls()]

    def get_search_results(self, request, queryset, search_term):
        """In a race's skater lookup: only the race's gender, and on a typo the nearest names."""
        gender = gender_of_race_behind(request) if "field_name" in request.GET else None
        if gender:
            queryset = queryset.filter(gender=gender)
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if gender and search_term and not found.exists():
            near = near_duplicates(search_term, gender)
            found = queryset.filter(pk__in=[skater.pk for skater in near])
        return found, duplicates
