"""What pages show: tables, rows, charts, cards, embeds and the notation of times, built from what queries read."""
