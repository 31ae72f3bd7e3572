"""Upload official ISU result PDFs (several at once): preview (nothing written) → confirm (all, or nothing)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.admin.workflow import Upload, upload_flow
from results.writes.isu_pdf import MAX_BYTES, OfficialSheet, PdfRefused
from results.writes.pdf_import import checked, write
from results.writes.pdf_reader import read_bounded
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
        outcome = read_bounded(upload.read(), upload.name).outcome  # in a reader process: the worker stays small
        if isinstance(outcome, PdfRefused):
            problems.append(str(outcome))
        else:
            sheets.append(outcome)
    if problems:
        raise SheetError(problems)
    return sheets


def _read_pdf_upload(cleaned):
    sheets = read_uploads(cleaned["pdfs"])
    read = checked(sheets)
    extra = {"name": ", ".join(sheet.filename for sheet in sheets), "notes": read.notes}
    return {"sheets": [sheet.to_payload() for sheet in sheets]}, write(read, dry_run=True), extra


def _write_pdf_upload(payload, user, records_confirmed):
    sheets = [OfficialSheet.from_payload(data) for data in payload["sheets"]]
    return write(checked(sheets), user=user, publish=payload["publish"], records_confirmed=records_confirmed)


PDF_UPLOAD = Upload(
    title=gettext_lazy("Upload official result PDFs"), form_class=PdfUploadForm,
    template="admin/results/upload_pdfs.html", url_name="admin:results_race_upload_pdfs", salt=SIGNING_SALT,
    expired=gettext_lazy("The preview has expired or was altered; upload the PDFs again."),
    done=gettext_lazy("PDFs imported: %(summary)s."), read=_read_pdf_upload, write=_write_pdf_upload,
)  # fmt: skip


def pdf_upload_view(model_admin, request):
    return upload_flow(model_admin, request, PDF_UPLOAD)
