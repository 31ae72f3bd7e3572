"""Olympic medals from official places, without Django: place 1 is gold, 2 silver, 3 bronze, so a tie gives equal
medals (1928, men's 500 m: two golds, no silver, three bronzes); and the nations whose names changed."""

from collections import Counter
from dataclasses import dataclass

MEDALS = {1: "gold", 2: "silver", 3: "bronze"}

# Speed-skating events at each Winter Games (its year): what a medal table would count if every race were held.
OLYMPIC_EVENTS = {
    1924: 5, 1928: 4, 1932: 8, 1936: 4, 1948: 4, 1952: 4, 1956: 4, 1960: 8, 1964: 8, 1968: 8, 1972: 8, 1976: 9,
    1980: 9, 1984: 9, 1988: 10, 1992: 10, 1994: 10, 1998: 10, 2002: 10, 2006: 12, 2010: 12, 2014: 12, 2018: 14,
    2022: 14,
}  # fmt: skip

# nations of their time: (what came before, what came after), by IOC code
HISTORIC = {
    "URS": ((), ("EUN", "RUS", "UKR", "BLR", "KAZ", "EST", "LAT", "LTU")),
    "EUN": (("URS",), ("RUS", "UKR", "BLR", "KAZ")),
    "GDR": (("GER",), ("GER",)),
    "FRG": (("GER",), ("GER",)),
    "TCH": ((), ("CZE", "SVK")),
    "YUG": ((), ("SLO", "CRO", "SRB", "BIH")),
}


def came_from():
    """{a successor: [the nations of their time it came from]}, in HISTORIC's order."""
    found = {}
    for code, (_before, afters) in HISTORIC.items():
        for after in afters:
            found.setdefault(after, []).append(code)
    return found


SUCCESSORS_OF = came_from()


def medal_of(rank):
    return MEDALS.get(rank)


@dataclass(frozen=True)
class Tally:
    nation: str
    gold: int
    silver: int
    bronze: int

    @property
    def total(self):
        return self.gold + self.silver + self.bronze


def medal_table(placings):
    """[Tally] by nation, most golds first (then silvers, bronzes, the code). placings: (nation, official rank) of
    every placed finisher or team; a rank beyond 3 wins nothing."""
    counts = Counter((nation, MEDALS[rank]) for nation, rank in placings if rank in MEDALS)
    nations = sorted({nation for nation, _medal in counts})
    tallies = [Tally(n, counts[(n, "gold")], counts[(n, "silver")], counts[(n, "bronze")]) for n in nations]
    return sorted(tallies, key=lambda t: (-t.gold, -t.silver, -t.bronze, t.nation))
