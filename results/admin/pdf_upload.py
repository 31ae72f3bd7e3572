"""Upload official ISU result PDFs (several at once): preview (nothing written) → confirm (all, or nothing)."""

from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.admin.workflow import Upload, upload_flow
from results.imports.isu_pdf import MAX_BYTES, OfficialSheet, PdfRefused
from results.imports.pdf_reader import read_bounded
from results.imports.sheets import SheetError
from results.writes.pdf_import import checked, write

SIGNING_SALT = "results.pdf-upload"
KEPT_SALT = "results.pdf-upload.kept"  # another salt: a preview's payload is never taken for kept files
MAX_FILES = 40
MAX_NAME = 200  # characters of a file name: the ISU's are under 70


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
    pdfs = MultipleFileField(label=gettext_lazy("Official ISU result PDFs"), required=False, max_length=MAX_NAME)
    # signed: the files of a refused try that were read without a problem
    kept = forms.CharField(widget=forms.HiddenInput, required=False)
    publish = forms.BooleanField(
        label=gettext_lazy("Publish new races at once"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Leave unticked to enter them as drafts, seen by editors only."),
    )

    def clean_pdfs(self):
        files = [upload for upload in self.cleaned_data["pdfs"] if upload]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files at once.") % {"n": MAX_FILES})
        return files

    def clean_kept(self):
        if not self.cleaned_data["kept"]:
            return []
        try:
            kept = signing.loads(self.cleaned_data["kept"], salt=KEPT_SALT, max_age=3600)
        except signing.BadSignature:
            raise forms.ValidationError(_("The kept files have expired; choose them again.")) from None
        return [OfficialSheet.from_payload(data) for data in kept]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("pdfs") and not cleaned.get("kept"):
            self.add_error("pdfs", forms.ValidationError(self.fields["pdfs"].error_messages["required"]))
        return cleaned


def read_uploads(files):
    """The OfficialSheets of uploaded files, each read in a reader process, and the problems of those refused."""
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
    return sheets, problems


def _read_pdf_upload(cleaned):
    read_now, problems = read_uploads(cleaned["pdfs"])
    chosen = {sheet.filename: sheet for sheet in [*cleaned["kept"], *read_now]}  # a file chosen again replaces it
    sheets = list(chosen.values())
    try:
        if problems:
            raise SheetError(problems)
        read = checked(sheets)
        summary = write(read, dry_run=True)
    except SheetError as error:
        refused = {problem.split(":", 1)[0] for problem in error.problems}
        kept = [sheet for sheet in sheets if sheet.filename not in refused]
        token = signing.dumps([sheet.to_payload() for sheet in kept], salt=KEPT_SALT, compress=True)
        raise SheetError(error.problems, kept=[sheet.filename for sheet in kept], keep={"kept": token}) from None
    names = ", ".join(sheet.filename for sheet in sheets)
    payload = {"sheets": [sheet.to_payload() for sheet in sheets], "name": names}
    return payload, summary, {"name": names, "notes": read.notes}


def _write_pdf_upload(payload, by, records_confirmed, dry_run=False):
    sheets = [OfficialSheet.from_payload(data) for data in payload["sheets"]]
    return write(
        checked(sheets), by=by, publish=payload["publish"], records_confirmed=records_confirmed, dry_run=dry_run
    )


PDF_UPLOAD = Upload(
    title=gettext_lazy("Upload official result PDFs"), form_class=PdfUploadForm,
    template="admin/results/upload_pdfs.html", url_name="admin:results_race_upload_pdfs", salt=SIGNING_SALT,
    expired=gettext_lazy("The preview has expired or was altered; upload the PDFs again."),
    done=gettext_lazy("PDFs imported: %(summary)s."), read=_read_pdf_upload, write=_write_pdf_upload,
)  # fmt: skip


def pdf_upload_view(model_admin, request):
    return upload_flow(model_admin, request, PDF_UPLOAD)
