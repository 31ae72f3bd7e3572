"""QuerySets compiled to SQL once per process and run again with new values.

Django builds a QuerySet and compiles its SQL every time it is evaluated: 0.2–1.5 ms of
Python for the queries behind a page, which the database answers in a few hundredths of
a millisecond. Those queries have a fixed shape; only their values change. A prepared
query is written as an ordinary QuerySet with a named placeholder where each value goes,

    race_results = Prepared(lambda race: Result.objects.filter(race_id=race), race=BigIntegerField())
    race_results.objects(race=race.id)

is compiled on its first run, and afterwards only binds the values, runs the SQL and turns
the rows into what the QuerySet would have given (model instances with their
select_related objects, or values_list rows), converted by Django's own converters.
A list placeholder ([field]) serves `__in`: one parameter, however long the list.
tests/test_prepared.py compares every prepared query with the QuerySet evaluated as usual.
"""

import json

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Expression
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable, get_related_populators


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
        made = []
        for row in compiled.compiler.results_iter(results=[rows]):
            instance = compiled.from_db(compiled.alias, compiled.init_list, row[compiled.start : compiled.end])
            for populator in compiled.related_populators:
                populator.populate(row, instance)
            for name, at in compiled.annotations.items():
                setattr(instance, name, row[at])
            made.append(instance)
        return made

    def rows(self, **values):
        """The values_list rows the QuerySet would give (single values with flat=True)."""
        compiled, rows = self._run(values)
        converted = compiled.compiler.results_iter(results=[rows], tuple_expected=True)
        if compiled.iterable is FlatValuesListIterable:
            return [row[0] for row in converted]
        assert compiled.iterable is ValuesListIterable, "rows() is for a values_list() QuerySet"
        return list(converted)

    def first(self, **values):
        """The first object (or row) the QuerySet would give, or None."""
        compiled = self._compile(connections[DEFAULT_DB_ALIAS])
        found = self.objects(**values) if compiled.iterable is ModelIterable else self.rows(**values)
        return found[0] if found else None

    def _run(self, values):
        connection = connections[DEFAULT_DB_ALIAS]
        compiled = self._compile(connection)
        params = [p.bind(values[p.name], connection) if isinstance(p, Param) else p for p in compiled.params]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return compiled, cursor.fetchall()

    def _compile(self, connection):
        compiled = self._compiled.get(connection.alias)
        if compiled is None:
            placeholders = {
                name: ParamList(name, field[0]) if isinstance(field, list) else Param(name, field)
                for name, field in self.params.items()
            }
            compiled = self._compiled[connection.alias] = Compiled(self.build(**placeholders), connection.alias)
        return compiled


class Compiled:
    """One QuerySet's SQL, parameters (placeholders among them) and what turns its rows into instances."""

    def __init__(self, queryset, alias):
        self.alias = alias
        self.iterable = queryset._iterable_class
        self.compiler = queryset.query.get_compiler(using=alias)
        self.sql, self.params = self.compiler.as_sql()
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
