"""Closed vocabularies the code reasons about.

Open, evolving vocabularies (themes, categories, entrances, channels, statuses,
event codes, roles ...) are *framework data* (resources/frameworks), not code.
The values here are stored as-is in the database (CHECK constraints) and
travel over sync, so never rename a value: add a new one.
"""

from __future__ import annotations

from enum import StrEnum


class SignalKind(StrEnum):
    HARD = "hard"
    SOFT = "zacht"


class Valence(StrEnum):
    POSITIVE = "positief"
    NEGATIVE = "negatief"
    AMBIGUOUS = "ambigu"


class Certainty(StrEnum):
    IMPRESSION = "indruk"
    PROBABLE = "waarschijnlijk"
    ESTABLISHED = "vastgesteld"


class Severity(StrEnum):
    MINOR = "gering"
    CONSIDERABLE = "aanzienlijk"
    SERIOUS = "ernstig"
    DIRECT_DANGER = "direct_gevaar"


class PublicSensitivity(StrEnum):
    LOW = "laag"
    MEDIUM = "midden"
    HIGH = "hoog"


class SourceType(StrEnum):
    OWN_OBSERVATION = "eigen_waarneming"
    ORAL_BOARD = "mondeling_bestuur"
    ORAL_STAFF = "mondeling_medewerker"
    ORAL_PATIENT = "mondeling_patient_naaste"
    DOCUMENT = "document"
    REPORTER = "melder"
    COLLEAGUE = "collega_inspecteur"
    SYSTEM = "systeem"


class Confidentiality(StrEnum):
    INTERNAL = "IGJ_INTERN"
    TEAM = "TEAM"
    RESTRICTED = "BEPERKT"
    REPORTER_CONFIDENTIAL = "MELDER_VERTROUWELIJK"


class ReportUse(StrEnum):
    INTERNAL = "intern"
    DIALOGUE = "dialoogpunt"
    CANDIDATE_FINDING = "kandidaat_bevinding"
    FACTUAL_FINDING = "feitelijke_bevinding"


class SharedWithInstitution(StrEnum):
    NO = "nee"
    ORALLY = "mondeling"
    IN_WRITING = "schriftelijk"


class SignalLinkType(StrEnum):
    CORROBORATES = "bevestigt"
    CONTRADICTS = "weerspreekt"
    RELATED = "hangt_samen_met"
    HOOK_FOR = "is_haakje_voor"
    HARDENS = "maakt_hard"
    DUPLICATE_OF = "dubbel_van"
    INCONGRUENT_WITH = "incongruent_met"


class ConcernSignalRole(StrEnum):
    SUPPORTING = "steunend"
    CONTRADICTING = "tegensprekend"
    CONTEXT = "context"


class ConcernRating(StrEnum):
    """One cell of a concern's evidence matrix (Heuer's ACH): how a signal fits a hypothesis."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NEUTRAL = "neutraal"
    NOT_APPLICABLE = "nvt"


class NoteKind(StrEnum):
    OBSERVATION = "waarneming"
    QUOTE = "citaat"
    INTERPRETATION = "interpretatie"
    QUESTION = "vraag"
    ACTION = "actie"


class PartialInterest(StrEnum):
    NONE = "geen"
    IMPLICIT = "impliciet"
    EXPLICIT = "expliciet"


class InspectionStatus(StrEnum):
    PREPARATION = "voorbereiding"
    FIELDWORK = "veldwerk"
    ANALYSIS = "analyse"
    REPORTING = "rapportage"
    FOLLOW_UP = "vervolg"
    CLOSED = "afgesloten"


class InspectionType(StrEnum):
    RISK = "risico"
    THEMATIC = "thema"
    NETWORK = "netwerk"
    INCIDENT = "incident"
    FOLLOW_UP = "vervolg"


class InspectorateRole(StrEnum):
    """The role the inspectorate declares it takes ("welke pet")."""

    AGENDA_SETTING = "agenderen_stimuleren"
    SPARRING_PARTNER = "sparringpartner"
    COMPLIANCE = "naleving"
    ENFORCEMENT = "handhaving"


class SupervisionLevel(StrEnum):
    MICRO = "micro"
    MESO = "meso"
    MACRO = "macro"


class SubjectKind(StrEnum):
    ORGANISATION = "organisatie"
    NETWORK = "netwerk"
    CLIENT_NETWORK = "clientnetwerk"


class TeamRole(StrEnum):
    LEAD = "projectleider"
    INSPECTOR = "inspecteur"
    SENIOR_INSPECTOR = "senior_inspecteur"
    ACCOUNT_HOLDER = "accounthouder"
    ANALYST = "analist"
    LEGAL = "jurist"


class InvitationStatus(StrEnum):
    PLANNED = "gepland"
    INVITED = "uitgenodigd"
    CONFIRMED = "bevestigd"
    DECLINED = "afgemeld"
    NOT_INVITED = "bewust_niet_uitgenodigd"


class Presence(StrEnum):
    PRESENT = "aanwezig"
    ABSENT = "afwezig"
    PARTLY = "deels"


class NetworkLayer(StrEnum):
    INNER = "binnenste_schil"
    OUTER = "buitenste_schil"


class NetworkFocus(StrEnum):
    PERSON = "persoon"
    CONDITION = "aandoening"
    AREA = "gebied"


class UnitType(StrEnum):
    WARD = "afdeling"
    SPECIALIST_GROUP = "vakgroep"
    SITE = "locatie"
    CARE_AXIS = "as"
    TEAM = "team"


class Movement(StrEnum):
    """Formative judgement: the direction the network or provider is moving."""

    PROGRESS = "vooruitgang"
    STABLE = "stabiel"
    DECLINE = "achteruitgang"
    NOT_ASSESSED = "niet_beoordeeld"


class TrafficLight(StrEnum):
    GREEN = "groen"
    AMBER = "oranje"
    RED = "rood"


class AddressedTo(StrEnum):
    NETWORK = "netwerk"
    PARTY = "partij"


class EvidenceKind(StrEnum):
    NOTE = "notitie"
    SIGNAL = "signaal"
    SESSION_EVENT = "sessiegebeurtenis"
    OBSERVATION = "observatie"
    ATTACHMENT = "bijlage"


class JudgementMode(StrEnum):
    """Formative judges movement; summative adds a traffic light per finding (TESKO/TAG style)."""

    FORMATIVE = "formatief"
    SUMMATIVE = "summatief"


class PlanAssessment(StrEnum):
    """The inspectorate's assessment of a demanded plan of action (plan van aanpak)."""

    PENDING = "in_beoordeling"
    APPROVED = "goedgekeurd"
    REJECTED = "afgewezen"


class InterventionStatus(StrEnum):
    PLANNED = "gepland"
    DONE = "uitgevoerd"
    CANCELLED = "vervallen"


class ReflectionMoment(StrEnum):
    BEFORE = "vooraf"
    MIDWAY = "halverwege"
    AFTER = "achteraf"


class SyncOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class DeliberationKind(StrEnum):
    """The kinds of overleg where a team discusses signals and decides how to act."""

    MDO = "mdo"  # multidisciplinair overleg
    PERIODIC = "apk"  # periodieke bespreking van een zorgaanbieder (APK)
    LMO = "lmo"  # overleg met het Landelijk Meldpunt / meldingen
    TEAM = "teamoverleg"
    PEER = "intercollegiaal"  # intercollegiale consultatie


class TrajectoryKind(StrEnum):
    """Geïntensiveerd toezicht is no formal measure; verscherpt toezicht is one."""

    INTENSIFIED = "geintensiveerd"
    HEIGHTENED = "verscherpt"


class ReportFrequency(StrEnum):
    """How often a trajectory's reporting duty falls due."""

    ONCE = "eenmalig"
    FORTNIGHTLY = "tweewekelijks"
    MONTHLY = "maandelijks"
    QUARTERLY = "per_kwartaal"
    HALF_YEARLY = "halfjaarlijks"
