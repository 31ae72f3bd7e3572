"""factory_boy factories: a test builds exactly the rows it needs (the seeds are there too, named by who and where)."""

import datetime

import factory
from django.utils.text import slugify

from results.models import AdelskalenderEntry, Competition, Race, Result, Rink, Skater
from results.writes import path


class WrittenFactory(factory.django.DjangoModelFactory):
    """Rows made as the site makes them: through the write path (logged, ranked, their derived facts queued)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class(*args, **kwargs)
        path.save(obj)
        return obj


class SkaterFactory(WrittenFactory):
    class Meta:
        model = Skater

    name = factory.Sequence(lambda n: f"Test Skater {n}")
    slug = factory.LazyAttribute(lambda skater: slugify(skater.name))
    gender = "F"
    nationality = "NED"
    birth_date = datetime.date(2000, 1, 1)


class RinkFactory(WrittenFactory):
    class Meta:
        model = Rink

    name = factory.Sequence(lambda n: f"Test Rink {n}")
    slug = factory.LazyAttribute(lambda rink: slugify(rink.name))
    city = "Testdorp"
    country = "NED"


class CompetitionFactory(WrittenFactory):
    class Meta:
        model = Competition

    name = factory.Sequence(lambda n: f"Test Cup {n}")
    slug = factory.LazyAttribute(lambda competition: slugify(competition.name))
    kind = "world-cup"
    season = 2030
    rink = factory.SubFactory(RinkFactory)
    start_date = datetime.date(2030, 11, 15)
    end_date = datetime.date(2030, 11, 17)


class RaceFactory(WrittenFactory):
    class Meta:
        model = Race

    competition = factory.SubFactory(CompetitionFactory)
    date = factory.LazyAttribute(lambda race: race.competition.start_date)
    gender = "F"
    distance_m = 1000


class ResultFactory(WrittenFactory):
    class Meta:
        model = Result

    race = factory.SubFactory(RaceFactory)
    skater = factory.SubFactory(SkaterFactory, gender=factory.SelfAttribute("..race.gender"))
    nationality = factory.LazyAttribute(lambda result: result.skater.nationality)
    time_ms = 75000


class AdelskalenderEntryFactory(factory.django.DjangoModelFactory):
    """A stored Adelskalender row (derived data, written directly: tests roll back before any commit refresh)."""

    class Meta:
        model = AdelskalenderEntry

    skater = factory.SubFactory(SkaterFactory)
    gender = factory.LazyAttribute(lambda entry: entry.skater.gender)
    points = factory.Sequence(lambda n: 160_000 + n)
    times = [38000, 118000, 245000, 420000]
