"""The reads behind each page family, as plain QuerySets and rows: one module per page family (race_page,
competition_page, skater_page and careers, head_to_head, home, insights), plus starts (the start histories that
streaks, markers and talking points are computed from). Views call these; templates never query."""
