"""What the markers on a result (results/sport/records.py) say in the page language."""

from django.utils.translation import gettext_lazy as _

MARKER_TITLES = {
    "WR": _("world record, as the sport keeps it"),
    "PR": _("personal record, as held in this database"),
    "SB": _("season best, as held in this database"),
    "TR": _("track record, as held in this database"),
    "NR": _("national record, as held in this database"),
}
