"""Write a skater register (read and checked by results/imports/register.py).

Each row is one person; `other_names` (separated by ' | ') are the other names and
spellings they raced under, so result rows naming any of them find the same skater
and each of those names' slugs redirects to the profile. Importing it again changes nothing.
"""

from django.db import transaction
from django.utils.text import slugify

from results.imports.register import read_register
from results.models import SkaterName
from results.writes import path
from results.writes.matching import SkaterIndex, unique_slug


@transaction.atomic
def import_register(text, filename="register", by=None):
    """Create or update skaters from a register; returns (created, updated)."""
    rows = read_register(text, filename)
    note = f"skater register {filename}"
    index = SkaterIndex(by=by, note=note)
    known_names = set(SkaterName.objects.values_list("skater_id", "name"))
    created = updated = 0
    for row in rows:
        skater = index.find(row["skater"], row["nationality"], row["gender"])
        for other in row["other_names"]:
            skater = skater or index.find(other, row["nationality"], row["gender"])
        if skater is None:
            skater = index.create(row["skater"], row["nationality"], row["gender"], row["birth_date"])
            created += 1
        else:
            wanted = {"name": row["skater"], "nationality": row["nationality"]}
            if row["birth_date"]:
                wanted["birth_date"] = row["birth_date"]
            if any(getattr(skater, k) != v for k, v in wanted.items()):
                old_name = skater.name
                for k, v in wanted.items():
                    setattr(skater, k, v)
                if old_name != skater.name:
                    row["other_names"].append(old_name)
                    skater.slug = unique_slug(slugify(skater.name), index.slugs - {skater.slug})
                path.save(skater, by=by, note=note)
                updated += 1
        for other in row["other_names"]:
            if other != skater.name and (skater.id, other) not in known_names:
                path.save(SkaterName(skater=skater, name=other), by=by, note=note)
                known_names.add((skater.id, other))
        index.add(skater, row["other_names"])
    return created, updated
