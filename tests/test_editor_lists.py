"""The admin's lists for editors: newest first, a search that reads 'women 500 heerenveen', a race added from its
competition, and sheets as Dutch Excel saves them (semicolons)."""

import csv
import io

import pytest

from results.models import Competition, Race
from results.writes.sheet_import import import_sheet
from tests.helpers.builders import row, sheet


def test_the_race_list_is_newest_first(client, editor):
    client.force_login(editor)
    listed = list(client.get("/admin/results/race/").context["cl"].result_list)
    assert listed[0].date == Race.objects.latest("date").date
    assert [race.date for race in listed] == sorted((race.date for race in listed), reverse=True)


def test_the_race_search_reads_gender_distance_and_place(client, editor):
    client.force_login(editor)
    found = list(client.get("/admin/results/race/", {"q": "women 500 heerenveen"}).context["cl"].queryset)
    assert found and all((r.gender, r.distance_m) == ("F", 500) for r in found)
    assert all(r.competition.rink.city == "Heerenveen" or "Heerenveen" in r.competition.name for r in found)
    dutch = client.get("/admin/results/race/", {"q": "vrouwen 500m thialf"}).context["cl"].queryset
    assert set(dutch) == set(found)


def test_a_race_is_added_from_its_competition(client, editor):
    client.force_login(editor)
    beijing = Competition.objects.get(slug="2023-24-world-cup-2-beijing")
    page = client.get(f"/admin/results/competition/{beijing.pk}/change/").content.decode()
    link = f"/admin/results/race/add/?competition={beijing.pk}&amp;date={beijing.start_date}"
    assert link in page
    form = client.get(link.replace("&amp;", "&")).context["adminform"].form
    assert form.initial["competition"] == str(beijing.pk)


@pytest.mark.django_db
def test_a_sheet_separated_by_semicolons_is_read():
    rows = list(
        csv.reader(io.StringIO(sheet(row(skater="Semi One"), row(rank="2", skater="Semi Two", time="1.15,20"))))
    )
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    summary = import_sheet(out.getvalue(), "excel-nl.csv")
    assert summary.results_created == 2
    race = Race.objects.get(competition__name="Test Cup")
    assert sorted(race.results.values_list("time_ms", flat=True)) == [74440, 75200]
