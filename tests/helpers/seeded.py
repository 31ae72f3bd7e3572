"""The seeded database kept in copies of its tables, so that a test which flushes the database (a live server's,
a backup's) gets the seeds back in a fraction of a second instead of importing every sheet again.

The copies are plain tables (`seedcopy__<table>`) next to the real ones, written with SQL both databases take; a flush
empties only Django's own tables, so they survive it. Putting them back empties every Django table and copies the
rows in one transaction (the foreign keys are checked at its commit), then moves each table's id sequence past the
ids copied in."""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

PREFIX = "seedcopy__"


def django_tables():
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def save():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in django_tables():
            cursor.execute(f"DROP TABLE IF EXISTS {quote(PREFIX + table)}")
            cursor.execute(f"CREATE TABLE {quote(PREFIX + table)} AS SELECT * FROM {quote(table)}")


def restore():
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        tables = django_tables()
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table in tables:
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(PREFIX + table)}")
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(sql)
