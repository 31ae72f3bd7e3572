"""The domain's tables, one module per topic: skaters, competitions (and rinks), races (and results), World Cup
points, the change log and the stored derived facts. Everything is re-exported here: `from results.models import
Race`. QuerySets hold only chainable filters; the reads behind pages are in results/queries/."""

from results.models.changes import Change
from results.models.competitions import (
    CHAMPIONSHIP_KINDS,
    Competition,
    CompetitionKind,
    Rink,
    short_competition_name,
)
from results.models.derived import (
    AdelskalenderEntry,
    PersonalBest,
    RecordEntry,
    RecordScope,
    Rival,
    SeasonBest,
    StreakEnd,
    StreakSummary,
    WinnerAge,
)
from results.models.history import WorldRecord, WorldRecordStatus
from results.models.points import WorldCupPoints
from results.models.public import PUBLIC_RACE, PUBLIC_RESULT, SETTLED_RESULT
from results.models.races import (
    DISTANCES,
    Division,
    Lane,
    Race,
    RaceKind,
    Result,
    Status,
    TeamMember,
    distance_label,
)
from results.models.skaters import Gender, Skater, SkaterName, fold

__all__ = [
    "CHAMPIONSHIP_KINDS", "DISTANCES", "PUBLIC_RACE", "PUBLIC_RESULT", "AdelskalenderEntry", "Change", "Competition", "CompetitionKind",
    "Division", "Gender", "Lane", "PersonalBest", "Race", "RaceKind", "RecordEntry", "RecordScope", "Result", "Rink",
    "Rival", "SETTLED_RESULT", "SeasonBest", "Skater", "Status", "SkaterName", "StreakEnd", "StreakSummary", "TeamMember", "WinnerAge", "WorldRecord", "WorldRecordStatus",
    "WorldCupPoints", "distance_label", "fold", "short_competition_name",
]  # fmt: skip
