"""A result's status codes: a finisher, or one of the ways not to finish (the models' Status uses these values)."""

FINISHED = "FIN"
DNS = "DNS"  # did not start
DNF = "DNF"  # did not finish (fell)
DQ = "DQ"  # disqualified
WDR = "WDR"  # withdrew before the start
NON_FINISHES = (DNS, DNF, DQ, WDR)
