"""All tables. Import from here so that every model is registered on ``Base.metadata``."""

from .base import Base, Synced
from .capture import (
    Attachment,
    Concern,
    ConcernSignal,
    NoteParagraph,
    Signal,
    SignalCategory,
    SignalInterpretation,
    SignalLink,
)
from .deliberation import (
    AccountHolder,
    Decision,
    DecisionSubject,
    Deliberation,
    DeliberationItem,
    ReportingDuty,
    Trajectory,
    TrajectoryReport,
)
from .frameworks import FrameworkVersion, TaxonomyItem
from .group_sessions import ObservationEvidence, ObservationScore, SessionEvent, SpeakingTurn
from .inspections import (
    Conversation,
    Inspection,
    InspectionMember,
    InspectionSubject,
    Invitation,
    Participant,
    Visit,
)
from .organisations import (
    LifeEvent,
    Network,
    NetworkBody,
    NetworkMembership,
    Organisation,
    Person,
    Unit,
)
from .outcomes import Finding, FindingEvidence, Intervention, Reflection, ReportDraft
from .sense import (
    ConcernHypothesis,
    ConcernStatusChange,
    EvidenceRating,
    SignalStatusChange,
    SuggestionDismissal,
)
from .sync_state import (
    SyncApplying,
    SyncBlob,
    SyncHeld,
    SyncInflight,
    SyncIssue,
    SyncRecord,
    SyncSetAside,
)
from .system import AuditLog, Outbox, SearchRef, StoreMeta

__all__ = [
    "AccountHolder",
    "Attachment",
    "AuditLog",
    "Base",
    "Concern",
    "ConcernHypothesis",
    "ConcernSignal",
    "ConcernStatusChange",
    "Conversation",
    "Decision",
    "DecisionSubject",
    "Deliberation",
    "DeliberationItem",
    "EvidenceRating",
    "Finding",
    "FindingEvidence",
    "FrameworkVersion",
    "Inspection",
    "InspectionMember",
    "InspectionSubject",
    "Intervention",
    "Invitation",
    "LifeEvent",
    "Network",
    "NetworkBody",
    "NetworkMembership",
    "NoteParagraph",
    "ObservationEvidence",
    "ObservationScore",
    "Organisation",
    "Outbox",
    "Participant",
    "Person",
    "Reflection",
    "ReportDraft",
    "ReportingDuty",
    "SearchRef",
    "SessionEvent",
    "Signal",
    "SignalCategory",
    "SignalInterpretation",
    "SignalLink",
    "SignalStatusChange",
    "SpeakingTurn",
    "StoreMeta",
    "SuggestionDismissal",
    "SyncApplying",
    "SyncBlob",
    "SyncHeld",
    "SyncInflight",
    "SyncIssue",
    "SyncRecord",
    "SyncSetAside",
    "Synced",
    "TaxonomyItem",
    "Trajectory",
    "TrajectoryReport",
    "Unit",
    "Visit",
    "synced_tables",
]


def synced_tables() -> list[str]:
    """Names of the tables whose changes go to the outbox, in dependency order."""
    return [t.name for t in Base.metadata.sorted_tables if t.name in _SYNCED]


_SYNCED = {m.class_.__tablename__ for m in Base.registry.mappers if getattr(m.class_, "__synced__", False)}
