"""A result's status codes: a finisher, one of the ways not to finish, or a starter who has not skated yet (the
models' Status uses these values)."""

FINISHED = "FIN"
DNS = "DNS"  # did not start
DNF = "DNF"  # did not finish (fell)
DQ = "DQ"  # disqualified
WDR = "WDR"  # withdrew before the start
NOT_SKATED = "NYS"  # on the start list, not skated yet
NON_FINISHES = (DNS, DNF, DQ, WDR)
DECIDE_NOTHING = {WDR, DNS, NOT_SKATED}  # a streak or a meeting goes on as if the race were not there
