"""The results sheet's columns (DESIGN.md, "Formats"): read by the importer, written by the export, in this order."""

SHEET_COLUMNS = [
    "competition", "season", "venue", "city", "country_of_venue", "date", "gender", "distance_m",
    "division", "rank", "skater", "nationality", "time", "pair", "lane", "status", "source",
]  # fmt: skip
