"""Synthetic results with a realistic shape, for benchmarks: seeded and deterministic.

Skaters have careers of 5 to 15 seasons and an ability per distance; each season
has World Cups (two divisions), championships and national races; times spread
around a distance's base time and are kept to hundredths, so ties happen; some
skaters withdraw, fall or are disqualified; some change their name.
"""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils.text import slugify

from results.models import (
    Competition,
    CompetitionKind,
    Division,
    Race,
    Result,
    Rink,
    Skater,
    SkaterName,
    Status,
)
from results.sport import timing
from results.writes.matching import unique_slug

BASE_MS = {
    ("F", 500): 38500, ("F", 1000): 76000, ("F", 1500): 117000, ("F", 3000): 243000, ("F", 5000): 420000,
    ("M", 500): 35000, ("M", 1000): 69500, ("M", 1500): 106500, ("M", 5000): 378000, ("M", 10000): 790000,
}  # fmt: skip
EVENTS = list(BASE_MS)
NATIONS = ["NED", "NOR", "JPN", "USA", "CAN", "GER", "ITA", "KOR", "CHN", "POL", "AUT", "CZE", "BEL", "KAZ", "SUI"]
FIRST = ["Anna", "Bram", "Chen", "Dirk", "Eva", "Finn", "Greta", "Hugo", "Ida", "Jan", "Kaja", "Lars", "Mia", "Nils"]
LAST = ["Berg", "Visser", "Sato", "Kim", "Lund", "Novak", "Rossi", "Meyer", "Smit", "Dahl", "Wójcik", "Müller"]
KINDS = [CompetitionKind.WORLD_CUP] * 6 + [
    CompetitionKind.SINGLE_DISTANCES, CompetitionKind.EUROPEAN, CompetitionKind.NATIONAL, CompetitionKind.OTHER,
]  # fmt: skip


RESULTS_PER_SEASON = 8000  # about what one season of international and national racing holds


def generate(results, seed=1, last_season=2025, batch=20_000, progress=None):
    """Create about `results` results; returns the number made.

    A season always has the same shape (about 8,000 results, 1,000 active skaters),
    so a larger database has more seasons, as the real history does, not fatter ones.
    """
    rng = random.Random(seed)
    rinks = list(Rink.objects.all()) or [
        Rink.objects.create(name="Generated Oval", slug="generated-oval", city="Nowhere", country="NED")
    ]
    field_size = 20
    seasons = max(1, -(-results // RESULTS_PER_SEASON))
    per_season = min(results, RESULTS_PER_SEASON)
    races_per_season = max(1, per_season // field_size)
    competitions_per_season = max(1, races_per_season // 14)  # ten events, World Cups skate two divisions
    skaters_per_season = max(3 * field_size, per_season // 8)  # about 8 races a season each
    first_season = last_season - seasons + 1
    skaters, made = [], 0

    with transaction.atomic():
        slugs = set(Skater.objects.values_list("slug", flat=True))
        competition_slugs = set(Competition.objects.values_list("slug", flat=True))
        for season in range(first_season, first_season + seasons):
            skaters = [s for s in skaters if s[2] > season]
            new = skaters_per_season - len(skaters)
            fresh = []
            for _ in range(max(new, 0)):
                gender = rng.choice("FM")
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {len(slugs)}"
                slug = unique_slug(slugify(name), slugs)
                fresh.append(Skater(name=name, slug=slug, gender=gender, nationality=rng.choice(NATIONS),
                                    birth_date=date(season - rng.randint(17, 24), rng.randint(1, 12), rng.randint(1, 28)),
                                    search_name=name.lower()))  # fmt: skip
            Skater.objects.bulk_create(fresh, batch_size=5000)
            renamed = [s for s in fresh if rng.random() < 0.02]
            SkaterName.objects.bulk_create(
                [SkaterName(skater=s, name=f"{s.name} (born)", slug=f"{s.slug}-born") for s in renamed]
            )
            for s in fresh:
                skaters.append((s, rng.gauss(0, 0.025), season + rng.randint(5, 15)))
            # fastest first: division A draws from the top third, division B from the middle third
            by_gender = {g: sorted((s for s in skaters if s[0].gender == g), key=lambda s: s[1]) for g in "FM"}
            start = date(season, 11, 1)
            for c in range(competitions_per_season):
                kind = rng.choice(KINDS)
                day = start + timedelta(days=7 * c)
                name = f"{timing.season_slug(season)} Generated {kind.label} {c + 1}"
                competition = Competition.objects.create(
                    name=name, slug=unique_slug(slugify(name), competition_slugs), kind=kind, season=season,
                    rink=rng.choice(rinks), start_date=day, end_date=day + timedelta(days=2),
                )  # fmt: skip
                pending = []
                for n in range(10):
                    gender, distance = EVENTS[(c + n) % len(EVENTS)]
                    divisions = ["B", "A"] if kind == CompetitionKind.WORLD_CUP else [Division.NONE]
                    for division in divisions:
                        race = Race(competition=competition, date=day + timedelta(days=n % 3), gender=gender,
                                    distance_m=distance, division=division, field_complete=True)  # fmt: skip
                        race.slug = race.make_slug()
                        pool = by_gender[gender]
                        third = max(field_size, len(pool) // 3)
                        if division == "A":
                            pool = pool[:third]
                        elif division == "B":
                            pool = pool[third : 2 * third] or pool
                        entrants = rng.sample(pool, min(field_size, len(pool)))
                        pending.append((race, entrants))
                Race.objects.bulk_create([race for race, _ in pending])
                rows = []
                for race, entrants in pending:
                    rows.extend(_race_results(rng, race, entrants))
                Result.objects.bulk_create(rows, batch_size=batch)
                made += len(rows)
                if progress:
                    progress(made)
                if made >= results:
                    return made
    return made


def _race_results(rng, race, entrants):
    base = BASE_MS[(race.gender, race.distance_m)]
    rows = []
    for position, (skater, ability, _) in enumerate(entrants):
        roll = rng.random()
        status = Status.FINISHED
        if roll < 0.02:
            status = Status.WDR
        elif roll < 0.03:
            status = Status.DNF
        elif roll < 0.035:
            status = Status.DQ
        time_ms = None
        if status == Status.FINISHED:
            time_ms = int(base * (1 + ability + rng.gauss(0, 0.012)))
            time_ms -= time_ms % 10
        rows.append(Result(race=race, skater=skater, nationality=skater.nationality, time_ms=time_ms, status=status,
                           pair=position // 2 + 1, lane="inner" if position % 2 else "outer",
                           race_date=race.date, race_distance_m=race.distance_m))  # fmt: skip
    times = sorted(r.time_ms for r in rows if r.time_ms)
    for r in rows:
        if r.time_ms:
            r.rank = 1 + sum(1 for t in times if t < r.time_ms)
            r.rank_is_official = True
    return rows
