from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from results.imports.records import read_records
from results.writes.record_import import import_records
from results.writes.register import import_register
from results.writes.sheet_import import import_sheet
from tests.helpers import seeded

ROOT = Path(__file__).resolve().parent.parent
SHEETS = sorted((ROOT / "seeds" / "sheets").glob("*.csv"))
COMPLETE_SHEETS = {
    "olympics-1924-2014.csv",
    "olympics-2018.csv",
}  # complete fields without pairs, as the Makefile's COMPLETE_SHEETS
RECORDS = ROOT / "seeds" / "world-records.csv"
FIXTURES = ["fixtures/rinks.json", "fixtures/world_cup_points.json", "fixtures/editors.json"]


def load_seeds():
    call_command("loaddata", *[ROOT / f for f in FIXTURES], verbosity=0)
    import_register((ROOT / "seeds" / "skaters.csv").read_text(encoding="utf-8"), "skaters.csv")
    for sheet in SHEETS:
        import_sheet(sheet.read_text(encoding="utf-8"), sheet.name, complete=sheet.name in COMPLETE_SHEETS)
    import_records(read_records(RECORDS.read_text(encoding="utf-8"), RECORDS.name))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the real seed results (tests roll back their own changes)."""
    with django_db_blocker.unblock():
        load_seeds()
        seeded.save()


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ed", password="correct horse battery staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture(autouse=True)
def english_by_default():
    """A request in Dutch leaves Dutch active in the thread; each test starts in English."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Test transactions never commit, so the data version never changes: pages are not cached in tests
    (test_caching.py turns a real cache on and runs the commit hooks itself)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests render pages without running collectstatic first, and WhiteNoise does not read the files a
    collectstatic may have left (each test client's middleware would scan them all again)."""
    settings.STATIC_ROOT = None
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
