"""Writes are explicit (issue 26, part 1): every write is a call of the write path naming who acts, which logs it,
ranks the race and queues what goes stale; no ORM signal takes part, and saving what is stored does nothing."""

from pathlib import Path

import pytest

from results.models import Change, Race, Skater
from results.writes import path
from results.writes.sheet_import import import_sheet
from tests.helpers.builders import row, sheet

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_saving_an_unchanged_skater_writes_nothing_logs_nothing_and_makes_no_page_stale(
    editor, django_capture_on_commit_callbacks
):
    leerdam = Skater.objects.get(name="Jutta Leerdam")
    logged = Change.objects.count()
    with django_capture_on_commit_callbacks() as stale:
        assert path.save(leerdam, by=editor) is False
    assert stale == [] and Change.objects.count() == logged
    leerdam.nationality = "BEL"
    with django_capture_on_commit_callbacks() as stale:
        assert path.save(leerdam, by=editor) is True
    change = Change.objects.get(model="skater", object_id=leerdam.id, action=Change.Action.UPDATE)
    assert (change.user, change.before["nationality"], change.after["nationality"]) == (editor, "NED", "BEL")
    assert stale  # the pages that show her are made stale when the transaction commits


@pytest.mark.django_db
def test_a_race_made_complete_by_an_import_is_in_the_change_log(editor):
    import_sheet(
        sheet(row(skater="Jutta Leerdam", time="1:14.44"), row(rank="2", skater="Miho Takagi", time="1:15.00"))
    )
    race = Race.objects.get(competition__name="Test Cup")
    assert race.field_complete is False  # two rows without pairs: not known to be the whole field
    import_sheet(sheet(row(skater="Jutta Leerdam", time="1:14.44"), row(rank="2", skater="Miho Takagi", time="1:15.00")),
                 complete=True)  # fmt: skip
    race.refresh_from_db()
    change = Change.objects.filter(model="race", object_id=race.id, action=Change.Action.UPDATE).get()
    assert (change.before["field_complete"], change.after["field_complete"]) == (False, True)


def test_no_orm_signal_receiver_has_a_domain_effect():
    """The write path is called, never connected: no receiver of the ORM's save or delete signals in the code."""
    sources = [p for p in (ROOT / "results").rglob("*.py") if "migrations" not in p.parts]
    assert len(sources) > 50
    connected = [p.name for p in sources if any(s in p.read_text() for s in ("post_save", "pre_save", "post_delete"))]
    assert connected == []


def test_the_public_rule_is_written_once():
    """'Published, in a published competition' is results/models/public.py's, in Q, SQL and Python alike: no other
    module writes the flags into a condition of its own."""
    import re

    written_again = re.compile(r"\w+\.published\s+(AND|and)\s+\w+\.(competition\.)?published|published=True")
    sources = [p for p in (ROOT / "results").rglob("*.py") if "migrations" not in p.parts and p.name != "public.py"]
    again = [p.name for p in sources if written_again.search(p.read_text())]
    assert again == []


@pytest.mark.django_db
def test_a_field_the_change_log_does_not_track_still_makes_its_race_page_stale(django_capture_on_commit_callbacks):
    from results.models import Result

    result = Result.objects.filter(time_in_tenths=False, time_ms__isnull=False, race__kind="individual").first()
    version = result.race.version
    result.time_in_tenths = True  # the time was hand-timed after all: shown 1:14.4, not 1:14.44
    with django_capture_on_commit_callbacks() as stale:
        assert path.save(result) is True
    result.race.refresh_from_db()
    assert stale and result.race.version == version + 1
