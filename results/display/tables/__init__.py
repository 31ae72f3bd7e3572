"""The site's tables: django-tables2 classes rendered by {% render_table %} through templates/tables/table.html
(headers with scope and aria-sort, a caption, sort links that keep the query, the shared pagination). base.py holds
what they share; races.py, skaters.py and insights.py the tables of those pages."""
