"""Upload official ISU result PDFs (several at once): preview (nothing written) → confirm (all, or nothing)."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.models import Race
from results.writes.isu_pdf import MAX_BYTES, OfficialSheet, PdfRefused, read_pdf
from results.writes.pdf_import import checked, write
from results.writes.sheets import SheetError

SIGNING_SALT = "results.pdf-upload"
MAX_FILES = 40


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(one, initial) for one in files]


class PdfUploadForm(forms.Form):
    pdfs = MultipleFileField(label=gettext_lazy("Official ISU result PDFs"))
    publish = forms.BooleanField(
        label=gettext_lazy("Publish new races at once"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Leave unticked to enter them as drafts, seen by editors only."),
    )

    def clean_pdfs(self):
        files = self.cleaned_data["pdfs"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files at once.") % {"n": MAX_FILES})
        return files


def read_uploads(files):
    sheets, problems = [], []
    for upload in files:
        if upload.size > MAX_BYTES:
            problems.append(
                _("%(name)s: the file is over 10 MB; an ISU result PDF is far smaller.") % {"name": upload.name}
            )
            continue
        try:
            sheets.append(read_pdf(upload.read(), upload.name))
        except PdfRefused as error:
            problems.append(str(error))
    if problems:
        raise SheetError(problems)
    return sheets


def pdf_upload_view(model_admin, request):
    if not request.user.has_perm("results.add_result"):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request), "title": _("Upload official result PDFs"), "opts": Race._meta,
        "upload_url": "admin:results_race_upload_pdfs",
    }  # fmt: skip
    if request.method == "POST" and "confirm" in request.POST:
        try:
            payload = signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT, max_age=3600)
            sheets = [OfficialSheet.from_payload(data) for data in payload["sheets"]]
            summary = write(checked(sheets), user=request.user, publish=payload["publish"])
        except signing.BadSignature:
            messages.error(request, _("The preview has expired or was altered; upload the PDFs again."))
            return redirect("admin:results_race_upload_pdfs")
        except SheetError as error:
            context.update(form=PdfUploadForm(), problems=error.problems)
            return TemplateResponse(request, "admin/results/upload_pdfs.html", context, status=400)
        messages.success(request, _("PDFs imported: %(summary)s.") % {"summary": summary})
        return redirect("admin:results_race_changelist")
    form = PdfUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            sheets = read_uploads(form.cleaned_data["pdfs"])
            read = checked(sheets)
            summary = write(read, dry_run=True)
        except SheetError as error:
            context.update(form=form, problems=error.problems)
            return TemplateResponse(request, "admin/results/upload_pdfs.html", context, status=400)
        payload = signing.dumps(
            {"sheets": [sheet.to_payload() for sheet in sheets], "publish": form.cleaned_data["publish"]},
            salt=SIGNING_SALT,
            compress=True,
        )
        name = ", ".join(sheet.filename for sheet in sheets)
        context.update(summary=summary, payload=payload, name=name, notes=read.notes)
        return TemplateResponse(request, "admin/results/upload_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/results/upload_pdfs.html", context, status=400 if form.errors else 200)
