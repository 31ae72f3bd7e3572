"""How a name printed on an official ISU result sheet ("Given FAMILY") is written on this site ("Given Family").

The ISU prints the family name in capitals, the given names first, East Asian names included ("Min-Sun KIM").
Turning the capitals back into a written name follows the custom of the skater's country: Dutch particles are
lower case ("Jenning de Boo", "Antoinette Rijpma-de Jong", "Sanne in 't Hof"), a Belgian surname keeps its first
particle capitalised ("Daan Van der Elst"), Mc- names keep their second capital ("McLeod").
"""

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
