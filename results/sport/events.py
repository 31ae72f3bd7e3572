"""Events (a gender and a distance) and how addresses name them: 'women-1000m', 'men-mass-start'."""

import re

DISTANCES = (500, 1000, 1500, 3000, 5000, 10000)  # the individual distances
GENDER_WORDS = {"F": "women", "M": "men"}
_EVENT = re.compile(r"(women|men)-(\d{3,5})m")


def gender_word(gender):
    """'F' → 'women', 'M' → 'men': the word in addresses (not translated: addresses stay the same)."""
    return GENDER_WORDS[gender]


def event_slug(gender, distance_m):
    return f"{gender_word(gender)}-{distance_m}m"


def parse_event_slug(slug):
    """'women-1000m' → ('F', 1000); None for anything else, or a distance that is not an individual one."""
    match = _EVENT.fullmatch(slug)
    if not match or int(match.group(2)) not in DISTANCES:
        return None
    gender = next(code for code, word in GENDER_WORDS.items() if word == match.group(1))
    return gender, int(match.group(2))


SEARCH_GENDERS = {"women": "F", "woman": "F", "ladies": "F", "vrouwen": "F", "dames": "F",
                  "men": "M", "man": "M", "mannen": "M", "heren": "M"}  # fmt: skip
_SEARCH_DISTANCE = re.compile(r"(\d{3,5})\s*m?")


def race_search(text):
    """What an editor types to find a race, read as (gender or None, distance or None, the other words):
    'women 500 heerenveen' → ('F', 500, ['heerenveen']); Dutch words too ('vrouwen 1000m')."""
    gender, distance, words = None, None, []
    for word in text.lower().split():
        found = _SEARCH_DISTANCE.fullmatch(word)
        if word in SEARCH_GENDERS:
            gender = SEARCH_GENDERS[word]
        elif found and int(found.group(1)) in DISTANCES:
            distance = int(found.group(1))
        else:
            words.append(word)
    return gender, distance, words
