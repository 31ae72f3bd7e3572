"""How a name printed on an official ISU result sheet ("Given FAMILY") is written on this site ("Given Family").

The ISU prints the family name in capitals, the given names first, East Asian names included ("Min-Sun KIM").
Turning the capitals back into a written name follows the custom of the skater's country: Dutch particles are
lower case ("Jenning de Boo", "Antoinette Rijpma-de Jong", "Sanne in 't Hof"), a Belgian surname keeps its first
particle capitalised ("Daan Van der Elst"), Mc- names keep their second capital ("McLeod").
"""

import difflib
import unicodedata

PARTICLES = {"de", "den", "der", "van", "von", "in", "'t", "te", "ten", "ter", "het", "op"}
LOWER_PARTICLE_COUNTRIES = {"NED", "GRE"}  # GRE: Kai in 't Veld, a Dutch-born skater
FIRST_PARTICLE_CAPITAL_COUNTRIES = {"BEL"}


def is_family_word(word):
    """A word printed in capitals (at least one letter, no lower-case letter): part of the family name."""
    return any(c.isalpha() for c in word) and not any(c.islower() and c != "ß" for c in word)


def split_printed_name(printed):
    """'Jutta LEERDAM' → ('Jutta', 'LEERDAM'); a name printed without capitals ('Connor Howe') has no family part."""
    words = printed.split()
    first_family = len(words)
    while first_family > 1 and is_family_word(words[first_family - 1]):
        first_family -= 1
    if first_family == len(words):
        return printed, ""
    return " ".join(words[:first_family]), " ".join(words[first_family:])


def _capitalise(part):
    if part.lower().startswith("mc") and len(part) > 2:
        return "Mc" + part[2].upper() + part[3:].lower()
    return part[:1].upper() + part[1:].lower()


def written_family_name(family, nationality):
    """'RIJPMA-DE JONG' (NED) → 'Rijpma-de Jong'; 'VAN DER ELST' (BEL) → 'Van der Elst'; 'DI STEFANO' → 'Di Stefano'."""
    words = []
    particle_seen = False
    for word in family.split():
        parts = []
        for part in word.split("-"):
            lowered = part.lower()
            if lowered in PARTICLES and nationality in LOWER_PARTICLE_COUNTRIES:
                parts.append(lowered)
            elif lowered in PARTICLES and nationality in FIRST_PARTICLE_CAPITAL_COUNTRIES and particle_seen:
                parts.append(lowered)
            else:
                parts.append(_capitalise(part))
            particle_seen = particle_seen or lowered in PARTICLES
        words.append("-".join(parts))
    return " ".join(words)


def written_name(printed, nationality):
    """The printed 'Given FAMILY' as the site writes it: 'Min-Sun KIM' → 'Min-Sun Kim'."""
    given, family = split_printed_name(" ".join(printed.split()))
    if not family:
        return given
    return f"{given} {written_family_name(family, nationality)}"


def fold(text):
    """Lower case without accents, for searching: 'Wüst' and 'wust' both give 'wust'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def near_names(name, names, limit=5, cutoff=0.8):
    """The names most like `name` (a typo, another spelling), accents and case ignored, best first: 'Jutta
    Leerdan' finds 'Jutta Leerdam'. Each word order counts once: 'Kim Min-sun' and 'Min-Sun Kim' are near."""
    folded = {}
    for candidate in names:
        folded.setdefault(fold(candidate), candidate)
        folded.setdefault(" ".join(sorted(fold(candidate).split())), candidate)
    wanted = [fold(name), " ".join(sorted(fold(name).split()))]
    found = []
    for key in wanted:
        for match in difflib.get_close_matches(key, folded, n=limit, cutoff=cutoff):
            if folded[match] not in found:
                found.append(folded[match])
    return found[:limit]
