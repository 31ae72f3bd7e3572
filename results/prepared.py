"""QuerySets compiled to SQL once per process and run again with new values.

Django builds a QuerySet and compiles its SQL every time it is evaluated: 0.2–1.5 ms of
Python for the queries behind a page, which the database answers in a few hundredths of
a millisecond. Those queries have a fixed shape; only their values change. A prepared
query is written as an ordinary QuerySet with a named placeholder where each value goes,

    race_results = Prepared(lambda race: Result.objects.filter(race_id=race), race=BigIntegerField())
    race_results.objects(race=race.id)

is compiled on its first run, and afterwards only binds the values, runs the SQL and turns
the rows into what the QuerySet would have given (model instances with their
select_related objects, values_list tuples or values dicts), converted by Django's own
converters. A list placeholder ([field]) serves `__in`: one parameter, however long the
list (json_each on SQLite, an array on PostgreSQL). A page of rows is a slice whose bounds
are bound like values (Pages serves a Paginator). The SQL depends only on the database
backend, so one compilation serves every thread's connection. tests/test_prepared.py
compares every prepared query with the QuerySet evaluated as usual, on both databases.
"""

import json

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression, IntegerField
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)


class Param(Expression):
    """A value given when the prepared query runs."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]

    def bind(self, value, connection):
        return self.output_field.get_db_prep_value(value, connection, prepared=False)


class ParamList(Param):
    """A list of values given when the query runs, as one parameter: for `field__in=`."""

    def as_sql(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [self]

    def as_postgresql(self, compiler, connection):
        return f"(SELECT unnest(%s::{self.output_field.cast_db_type(connection)}[]))", [self]

    def bind(self, values, connection):
        values = [self.output_field.get_db_prep_value(v, connection, prepared=False) for v in values]
        return values if connection.vendor == "postgresql" else json.dumps(values)


class Prepared:
    def __init__(self, build, **params):
        """build: a function of the placeholders (by name) returning a QuerySet; params: name → model field
        for the value's type, or [field] for a list of them."""
        self.build, self.params = build, params
        self._compiled = {}

    def objects(self, **values):
        """The model instances the QuerySet would give."""
        compiled, rows = self._run(values)
        assert compiled.iterable is ModelIterable, "objects() is for a QuerySet of model instances"
        return compiled.made(rows)

    def rows(self, **values):
        """The rows the QuerySet would give: tuples (values_list), single values (flat=True) or dicts (values)."""
        compiled, rows = self._run(values)
        assert compiled.iterable in (ValuesListIterable, FlatValuesListIterable, ValuesIterable), "rows() is for values"
        return compiled.made(rows)

    def slice(self, start, stop, **values):
        """What QuerySet[start:stop] gives; the bounds are bound like the values (one compiled query for every
        page)."""
        compiled, rows = self._run({**values, LIMIT: stop - start, OFFSET: start}, sliced=True)
        return compiled.made(rows)

    def first(self, **values):
        """The first object (or row) the QuerySet would give, or None."""
        compiled, rows = self._run(values)
        found = compiled.made(rows[:1])
        return found[0] if found else None

    def _run(self, values, sliced=False):
        connection = connections[DEFAULT_DB_ALIAS]
        compiled = self._compile(connection, sliced)
        params = [p.bind(values[p.name], connection) if isinstance(p, Param) else p for p in compiled.params]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return compiled, cursor.fetchall()

    def _compile(self, connection, sliced=False):
        compiled = self._compiled.get((connection.alias, sliced))
        if compiled is None:
            placeholders = {
                name: ParamList(name, field[0]) if isinstance(field, list) else Param(name, field)
                for name, field in self.params.items()
            }
            compiled = Compiled(self.build(**placeholders), connection.alias, sliced)
            self._compiled[(connection.alias, sliced)] = compiled
        return compiled


class Pages:
    """A prepared query as a Paginator's list: its length from a prepared count, a page from a slice."""

    def __init__(self, prepared, counted, **values):
        """counted: a prepared query of one row holding the count (or of none: 0)."""
        self.prepared, self.counted, self.values = prepared, counted, values

    def count(self):
        return self.counted.first(**self.values) or 0

    def __getitem__(self, bounds):
        return self.prepared.slice(bounds.start or 0, bounds.stop, **self.values)


LIMIT, OFFSET = "limit", "offset"
# bounds no query asks for, compiled into a sliced query's SQL and then replaced by parameters
_OFFSET, _LIMIT = 7_777_777_701, 1_111_111


class Compiled:
    """One QuerySet's SQL, parameters (placeholders among them) and what turns its rows into instances."""

    def __init__(self, queryset, alias, sliced=False):
        self.alias = alias
        self.iterable = queryset._iterable_class
        if sliced:
            queryset = queryset[_OFFSET : _OFFSET + _LIMIT]
        self.compiler = queryset.query.get_compiler(using=alias)
        self.sql, self.params = self.compiler.as_sql()
        if sliced:
            bounds = f"LIMIT {_LIMIT} OFFSET {_OFFSET}"
            assert self.sql.endswith(bounds), f"a sliced query ends with its bounds: {self.sql[-60:]}"
            self.sql = self.sql.removesuffix(bounds) + "LIMIT %s OFFSET %s"
            self.params = (*self.params, Param(LIMIT, IntegerField()), Param(OFFSET, IntegerField()))
        if self.iterable is ValuesIterable:  # the names ValuesIterable gives its dicts
            query = queryset.query
            self.names = list(query.selected or [*query.extra_select, *query.values_select, *query.annotation_select])
        if self.iterable is ModelIterable:
            select, klass_info = self.compiler.select, self.compiler.klass_info
            fields = klass_info["select_fields"]
            self.start, self.end = fields[0], fields[-1] + 1
            self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
            fetch_mode = queryset._fetch_mode
            assert not fetch_mode.track_peers, "a prepared query does not fetch peers"
            model = klass_info["model"]
            self.from_db = lambda db, names, values: model.from_db(db, names, values, fetch_mode=fetch_mode)
            self.related_populators = get_related_populators(klass_info, select, alias, fetch_mode)
            self.annotations = self.compiler.annotation_col_map or {}

    def made(self, rows):
        """The rows turned into what the QuerySet gives."""
        if self.iterable is ModelIterable:
            made = []
            for row in self.compiler.results_iter(results=[rows]):
                instance = self.from_db(self.alias, self.init_list, row[self.start : self.end])
                for populator in self.related_populators:
                    populator.populate(row, instance)
                for name, at in self.annotations.items():
                    setattr(instance, name, row[at])
                made.append(instance)
            return made
        converted = self.compiler.results_iter(results=[rows], tuple_expected=True)
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in converted]
        if self.iterable is ValuesIterable:
            return [dict(zip(self.names, row, strict=True)) for row in converted]
        return list(converted)
