"""Which registered skater a sheet or official PDF row names: by any name they raced under (accents and case
ignored), by the start number they wore at the same meeting, by a printed short form of their name, or by its words
in another order and spacing ('Kim Minseok' for 'Min-Seok Kim'); a name that the register knows only for the other
gender is a contradiction, never a new skater."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.text import slugify

from results.imports.sheets import name_key
from results.models import Skater, SkaterName
from results.sport.names import near_names
from results.writes import path

GENDER_WORDS = {"F": "woman", "M": "man"}
RACE_WORDS = {"F": "women's", "M": "men's"}


def unique_slug(base, taken):
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def short_key(name):
    """The given name and the last family word: the short form an ISU sheet prints of a long name ('Afonso
    Henrique Pestana Silva' → ('afonso', 'silva')), or None for a name of one word."""
    words = name_key(name).split()
    return (words[0], words[-1]) if len(words) > 1 else None


def joined_keys(name):
    """The name's words run together in each order that keeps their sequence round (a rotation): 'Min-Seok Kim' →
    {'minseokkim', 'kimminseok'}. East Asian names are printed family name first or last, with or without a hyphen or
    a space between the syllables of the given name ('Kim Minseok', 'Cha Min-kyu'): run together they are alike."""
    words = name_key(name).replace("-", " ").replace("'", "").split()
    return {"".join(words[i:] + words[:i]) for i in range(len(words))}


class SkaterIndex:
    """Every skater by every name they raced under, for matching sheet rows."""

    def __init__(self, by=None, note=""):
        self.by, self.note = by, note  # who creates the skaters made for names not found
        self.by_name = defaultdict(list)
        self.by_short = defaultdict(list)
        self.by_joined = defaultdict(list)
        self.slugs = set(Skater.objects.values_list("slug", flat=True))
        skaters = {s.id: s for s in Skater.objects.all()}
        for skater in skaters.values():
            self.add(skater)
        for skater_id, name in SkaterName.objects.values_list("skater_id", "name"):
            self.add(skaters[skater_id], [name])

    def find(self, name, nationality, gender):
        candidates = [s for s in self.by_name.get(name_key(name), []) if s.gender == gender]
        same_country = [s for s in candidates if s.nationality == nationality]
        if same_country:
            return same_country[0]
        # one person under this name who now races for another country
        return candidates[0] if len(candidates) == 1 else None

    def of_other_gender(self, name, nationality, gender):
        """The skater of the other gender registered under exactly this name and nationality, or None."""
        return next(
            (s for s in self.by_name.get(name_key(name), []) if s.gender != gender and s.nationality == nationality),
            None,
        )

    def by_short_form(self, name, nationality, gender):
        """The one skater of this gender and nationality whose name has this given name and last family word."""
        key = short_key(name)
        found = {s for s in self.by_short.get(key, []) if s.gender == gender and s.nationality == nationality}
        return found.pop() if len(found) == 1 else None

    def by_word_order(self, name, nationality, gender):
        """The one skater of this gender and nationality whose name, its words run together, reads as this one in
        some order (joined_keys): 'Kim Minseok' is 'Min-Seok Kim'."""
        found = {s for s in self.by_joined.get(name_key(name).replace("-", "").replace("'", "").replace(" ", ""), [])
                 if s.gender == gender and s.nationality == nationality}  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def near(self, skater):
        """Registered skaters of the same gender whose name is near this new one's (as the admin's add form warns)."""
        names = {s.name: s for same in self.by_name.values() for s in same if s.gender == skater.gender and s != skater}
        return [names[n] for n in near_names(skater.name, names)]

    def add(self, skater, other_names=()):
        for name in (skater.name, *other_names):
            if skater not in self.by_name[name_key(name)]:
                self.by_name[name_key(name)].append(skater)
            key = short_key(name)
            if key and skater not in self.by_short[key]:
                self.by_short[key].append(skater)
            for joined in joined_keys(name):
                if skater not in self.by_joined[joined]:
                    self.by_joined[joined].append(skater)

    def create(self, name, nationality, gender, birth_date=None):
        skater = Skater(
            name=name, nationality=nationality, gender=gender, birth_date=birth_date,
            slug=unique_slug(slugify(name) or "skater", self.slugs),
        )  # fmt: skip
        path.save(skater, by=self.by, note=self.note)
        self.add(skater)
        return skater


@dataclass
class Matched:
    """The skaters of a sheet's rows: `skaters[i]` is rows[i]'s (None for a team, or a skater still to create);
    inexact: (name as printed, skater) matched by a start number or a short form; contradictions: (row, skater) of a
    name the register knows only for the other gender."""

    skaters: list
    inexact: list
    contradictions: list


def match_rows(rows, index):
    """Match every row to a registered skater, in two passes: by name first, then (for the names left) by the
    start number the same nationality wore at the same meeting, or by the short form of a registered name."""
    skaters, inexact, contradictions = [], [], []
    numbers = {}
    for row in rows:
        skater = None if row.team else index.find(row.skater, row.nationality, row.gender)
        skaters.append(skater)
        if skater is not None and row.start_number:
            numbers[(row.competition, row.season, row.start_number, row.nationality)] = skater
    for i, row in enumerate(rows):
        if row.team or skaters[i] is not None:
            continue
        other = index.of_other_gender(row.skater, row.nationality, row.gender)
        if other is not None:
            contradictions.append((row, other))
            continue
        skater = (
            numbers.get((row.competition, row.season, row.start_number, row.nationality)) if row.start_number else None
        )
        skater = skater or index.by_short_form(row.skater, row.nationality, row.gender)
        skater = skater or index.by_word_order(row.skater, row.nationality, row.gender)
        if skater is not None and skater.gender == row.gender:
            skaters[i] = skater
            if (row.skater, skater) not in inexact:
                inexact.append((row.skater, skater))
    return Matched(skaters, inexact, contradictions)


def contradiction(row, other):
    """The sentence for a row whose name the register knows only as a skater of the other gender."""
    return (
        f"{row.skater} ({row.nationality}) is a {GENDER_WORDS[other.gender]} in the skater register, but the file "
        f"says this is a {RACE_WORDS[row.gender]} race; is the race's gender misread?"
    )
