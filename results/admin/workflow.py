"""The editors' admin screens beyond plain forms: sheet upload with preview, a race's changes and restore, pasted times."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.imports.sheets import SheetError, name_key, read_sheet
from results.models import Change, Race, Result, Skater, Status
from results.sport import timing
from results.writes import changes as audit
from results.writes.restores import restore_change
from results.writes.sheet_import import import_rows

MAX_SHEET_BYTES = 5 * 1024 * 1024
SIGNING_SALT = "results.sheet-upload"


class UploadForm(forms.Form):
    sheet = forms.FileField(label=gettext_lazy("Results sheet (CSV)"))
    publish = forms.BooleanField(
        label=gettext_lazy("Publish new races at once"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Leave unticked to enter them as drafts, seen by editors only."),
    )


def read_upload(upload):
    if upload.size > MAX_SHEET_BYTES:
        raise SheetError([f"{upload.name}: the file is larger than 5 MB"])
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError([f"{upload.name}: not UTF-8 text (byte {error.start}); save the sheet as CSV UTF-8"]) from None


@dataclass(frozen=True)
class Upload:
    """One kind of upload. read(cleaned form data) → (payload, dry-run summary, extra context) or SheetError;
    write(payload, user, records_confirmed, dry_run) → summary. The payload travels signed from the preview to the
    confirmation; a time that would be a new world record is written only when the editor ticked that they checked
    it."""

    title: str
    form_class: type
    template: str
    url_name: str
    salt: str
    expired: str
    done: str
    read: Callable
    write: Callable


def upload_flow(model_admin, request, upload):
    """Upload → preview (nothing written) → confirm (all of it, or nothing)."""
    if not request.user.has_perm("results.add_result"):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "title": upload.title, "opts": Race._meta,
               "upload_url": upload.url_name}  # fmt: skip
    if request.method == "POST" and "confirm" in request.POST:
        try:
            payload = signing.loads(request.POST.get("payload", ""), salt=upload.salt, max_age=3600)
            summary = upload.write(payload, request.user, request.POST.get("records_confirmed") == "on")
        except signing.BadSignature:
            messages.error(request, upload.expired)
            return redirect(upload.url_name)
        except SheetError as error:  # the preview again, with what stopped it: nothing chosen is lost
            summary = upload.write(payload, request.user, True, dry_run=True)
            context.update(summary=summary, payload=request.POST["payload"], problems=error.problems,
                           name=payload.get("name", ""))  # fmt: skip
            return TemplateResponse(request, "admin/results/upload_preview.html", context, status=400)
        messages.success(request, upload.done % {"summary": summary})
        return redirect("admin:results_race_changelist")
    form = upload.form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            payload, summary, extra = upload.read(form.cleaned_data)
        except SheetError as error:
            if error.keep:  # the files read without a problem are kept: only the refused ones are chosen again
                form = upload.form_class(initial={"publish": form.cleaned_data["publish"], **error.keep})
            context.update(form=form, problems=error.problems, kept=error.kept)
            return TemplateResponse(request, upload.template, context, status=400)
        payload = signing.dumps({**payload, "publish": form.cleaned_data["publish"]}, salt=upload.salt, compress=True)
        context.update(summary=summary, payload=payload, **extra)
        return TemplateResponse(request, "admin/results/upload_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, upload.template, context, status=400 if form.errors else 200)


def _read_sheet_upload(cleaned):
    upload = cleaned["sheet"]
    text = read_upload(upload)
    return (
        {"name": upload.name, "text": text},
        import_rows(read_sheet(text, upload.name), dry_run=True),
        {"name": upload.name},
    )


def _write_sheet_upload(payload, by, records_confirmed):
    rows = read_sheet(payload["text"], payload["name"])
    return import_rows(
        rows,
        by=by,
        note=f"upload {payload['name']}",
        publish=payload["publish"],
        records_confirmed=records_confirmed,
    )


SHEET_UPLOAD = Upload(
    title=gettext_lazy("Upload a results sheet"), form_class=UploadForm, template="admin/results/upload.html",
    url_name="admin:results_race_upload", salt=SIGNING_SALT,
    expired=gettext_lazy("The preview has expired or was altered; upload the sheet again."),
    done=gettext_lazy("Sheet imported: %(summary)s."), read=_read_sheet_upload, write=_write_sheet_upload,
)  # fmt: skip


def upload_view(model_admin, request):
    return upload_flow(model_admin, request, SHEET_UPLOAD)


CHANGED_MODELS = {"race": Race, "result": Result, "skater": Skater}


def readable_fields(change, skaters):
    """A change's (label, before, after) as an editor reads them: field names as the forms say them, times in
    their notation, skaters by name, statuses and lanes by their labels."""
    model = CHANGED_MODELS.get(change.model)
    names = {f.attname: f for f in model._meta.get_fields() if hasattr(f, "attname")} if model else {}

    def shown(field, value):
        if value in (None, ""):
            return "—"
        if field == "time_ms":
            return timing.format_measured(value)
        if field == "skater_id":
            return str(skaters.get(value, value))
        choices = dict(names[field].choices or ()) if field in names else {}
        return str(choices.get(value, value))

    def label(field):
        if field == "time_ms":
            return _("time")
        return str(names[field].verbose_name) if field in names else field.replace("_", " ")

    return [
        (label(field), shown(field, before), shown(field, after)) for field, before, after in change.changed_fields()
    ]


def skater_of(change, skaters):
    return skaters.get((change.after or change.before or {}).get("skater_id"))


def mentioned_skaters(changes):
    """{id: Skater} of every skater these changes name."""
    mentioned = {(c.after or c.before or {}).get("skater_id") for c in changes}
    mentioned |= {value for c in changes for f, *values in c.changed_fields() if f == "skater_id" for value in values}
    return Skater.objects.in_bulk(mentioned - {None})


def changes_view(model_admin, request, race_id):
    """A race's changes, newest first, each with a button to restore exactly that change (after a confirmation)."""
    race = get_object_or_404(Race.objects.with_competition(), pk=race_id)
    if not request.user.has_perm("results.change_race"):
        raise PermissionDenied
    context = {**model_admin.admin_site.each_context(request), "opts": Race._meta, "original": race}
    if request.method == "POST":
        change = get_object_or_404(Change.objects.select_related("user"), pk=request.POST.get("change"), race=race)
        again = audit.changed_again(change)
        if again:
            labels = [row[0] for (field, *_values), row in zip(change.changed_fields(), readable_fields(change, {}),
                                                                strict=True) if field in again]  # fmt: skip
            messages.error(request, _("This change cannot be restored alone: %(fields)s changed again since. Restore "
                                      "the later change first.") % {"fields": ", ".join(labels)})  # fmt: skip
            return redirect("admin:results_race_changes", race.pk)
        if "confirm" not in request.POST:
            skaters = mentioned_skaters([change])
            context.update(title=_("Restore this change?"), change=change, skater=skater_of(change, skaters),
                           fields=readable_fields(change, skaters))  # fmt: skip
            return TemplateResponse(request, "admin/results/race_restore.html", context)
        restore_change(race, change, by=request.user)
        messages.success(request, _("Restored: the change of %(when)s is undone.") % {
            "when": date_format(timezone.localtime(change.at), "DATETIME_FORMAT")})  # fmt: skip
        return redirect("admin:results_race_changes", race.pk)
    changes = list(Change.objects.filter(race=race).select_related("user").order_by("-id")[:500])
    skaters = mentioned_skaters(changes)
    context.update({
        "title": _("History of %(race)s") % {"race": race},
        "changes": [(c, skater_of(c, skaters), readable_fields(c, skaters)) for c in changes],
    })  # fmt: skip
    return TemplateResponse(request, "admin/results/race_changes.html", context)


LINE = re.compile(r"[,;\t]+")
STATUSES = {s.value for s in Status if s != Status.FINISHED}


class Pasted(NamedTuple):
    """One pasted line: the start list's result it fills in, or (a race without that skater yet) the skater from
    the register; the pair, the time, the status."""

    result: object
    skater: object
    pair: int | None
    time_ms: int | None
    status: str


def register_match(name, gender):
    """(the one skater of this gender in the register under this name, None), or (None, a reason)."""
    key = name_key(name)
    candidates = Skater.objects.filter(gender=gender).search(name).prefetch_related("other_names")[:20]
    found = [s for s in candidates if key in {name_key(n) for n in [s.name, *(o.name for o in s.other_names.all())]}]
    if len(found) == 1:
        return found[0], None
    if found:
        return None, _("more than one skater is named %(name)s: add the right one to the start list") % {"name": name}
    return None, _("%(name)s is neither on the start list nor in the skater register") % {"name": name}


def parse_pasted_times(text, results, gender=None):
    """Lines of 'pair, name, time' (or a status) matched to the start list by name; a name not on it is looked up
    in the register (a race entered from a pasted block has no start list yet).

    Returns [Pasted] or raises ValidationError naming each bad line.
    """
    by_name = {}
    for result in results:
        for name in [result.skater.name, *(o.name for o in result.skater.other_names.all())]:
            by_name[name_key(name)] = result
    parsed, problems, seen = [], [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        words = [w.strip(",;") for w in line.split() if w.strip(",;")]
        if not words:
            continue
        pair = int(words.pop(0)) if words and words[0].isdigit() else None
        if len(words) < 2:
            problems.append(_("line %(n)s: write the pair, the name and the time") % {"n": number})
            continue
        last, name = words[-1], " ".join(words[:-1])
        result = by_name.get(name_key(name))
        skater = result.skater if result else None
        if result is None:
            skater, reason = register_match(name, gender) if gender else (None, None)
            if skater is None:
                reason = reason or _("%(name)s is not on the start list") % {"name": name}
                problems.append(_("line %(n)s: %(reason)s") % {"n": number, "reason": reason})
                continue
        if skater.id in seen:
            problems.append(_("line %(n)s: %(name)s is already on line %(other)s") % {
                "n": number, "name": name, "other": seen[skater.id]})  # fmt: skip
            continue
        seen[skater.id] = number
        if last.upper() in STATUSES:
            parsed.append(Pasted(result, skater, pair, None, last.upper()))
            continue
        try:
            parsed.append(Pasted(result, skater, pair, timing.parse_time(last), Status.FINISHED))
        except timing.TimeFormatError as error:
            problems.append(_("line %(n)s: %(error)s") % {"n": number, "error": error})
    if problems:
        raise forms.ValidationError(problems)
    return parsed
