"""The skaters a skater met most: who else raced in the same races.

A meeting is a race both skaters have a result in (any status: a withdrawal still
puts two names on one start list). Pure: takes (race, skater) pairs, gives each
skater's `limit` most-met others, most met first, ties by the lower skater id.
"""

from collections import Counter, defaultdict


def most_met(entries, limit):
    """entries: (race_id, skater_id) pairs; → {skater_id: [(rival_id, meetings)]}."""
    fields, races_of = defaultdict(list), defaultdict(list)
    for race, skater in entries:
        fields[race].append(skater)
        races_of[skater].append(race)
    most = {}
    for skater, races in races_of.items():
        met = Counter(other for race in races for other in fields[race])
        del met[skater]
        most[skater] = sorted(met.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    return most
