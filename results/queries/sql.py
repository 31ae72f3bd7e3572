"""Rows read with SQL written out (connection.cursor()), for the few reads a hot page makes on every view.

Django builds and compiles a QuerySet's SQL each time it runs: about a millisecond of Python for a query the
database answers in a few hundredths of one. A read is written out, in SQL that SQLite and PostgreSQL both take,
only where that saves at least a tenth of its page's uncached time at 1M results (make bench-sql measures each
against its QuerySet twin); tests/test_queries.py compares each with its twin, on the seed data, on both
databases. Dates come back from SQLite as text and are read as dates here.
"""

from datetime import date

from django.db import connection


def rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def as_date(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


# --- whole model instances from written-out SQL --------------------------------------------------------------------
# Model.from_db takes a model's values in the order of its concrete fields, named by attname (its documentation's
# own example reads them so: _meta.concrete_fields, attname); our models name no db_column, so the attname is the
# column. A related model's columns ride along a raw query as "prefix__attname" and are read back with each field's
# to_python, which turns SQLite's text and integers into dates and booleans.


def columns(model, alias, prefix=None):
    """The select list of a model's fields from the table under `alias` (as prefix__attname when prefix is given)."""
    names = [field.attname for field in model._meta.concrete_fields]
    if prefix is None:
        return ", ".join(f"{alias}.{name}" for name in names)
    return ", ".join(f"{alias}.{name} AS {prefix}__{name}" for name in names)


def related(instance, model, prefix):
    """The `model` instance whose columns rode along `instance`'s raw query under `prefix`."""
    fields = model._meta.concrete_fields
    values = [field.to_python(getattr(instance, f"{prefix}__{field.attname}")) for field in fields]
    return model.from_db(connection.alias, [field.attname for field in fields], values)
