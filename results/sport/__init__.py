"""The rules of the sport, in plain Python with no Django: times and their notations, seasons, samalog points,
ranks within a race, complete fields, a race's lines, records and markers, win streaks, head-to-head meetings,
classifications (championships, Adelskalender, World Cup) and rivals. Each module is tested without a database."""
