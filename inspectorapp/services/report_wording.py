"""Words a report needs that are not in the framework: evidence kinds, movement, defaults.

Reports are made on the database thread without Qt, in the report's own language
(Dutch for institutions, English on request), so these live here, not in the .ts files.
"""

from __future__ import annotations

from inspectorapp.domain.enums import EvidenceKind, InspectorateRole, Movement, NoteKind

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        EvidenceKind.NOTE: "Notitie",
        NoteKind.QUOTE: "Citaat",
        NoteKind.OBSERVATION: "Waarneming",
        NoteKind.INTERPRETATION: "Interpretatie",
        NoteKind.QUESTION: "Vraag",
        NoteKind.ACTION: "Actie",
        EvidenceKind.SIGNAL: "Signaal",
        EvidenceKind.SESSION_EVENT: "Gebeurtenis in de bijeenkomst",
        EvidenceKind.OBSERVATION: "Observatie (schema)",
        EvidenceKind.ATTACHMENT: "Bijlage",
        Movement.PROGRESS: "Vooruitgang",
        Movement.STABLE: "Stabiel",
        Movement.DECLINE: "Achteruitgang",
        Movement.NOT_ASSESSED: "Niet beoordeeld",
        "network": "Het netwerk",
        "organisation": "organisatie",
        "no_organisation": "Zonder organisatie",
        "conversation": "Gesprek",
        "participant": "Deelnemer",
        "hard_signal": "Feitelijk signaal",
        "converted_signal": "Signaal, onderbouwd als bevinding",
        InspectorateRole.AGENDA_SETTING: (
            "De inspectie trad in dit traject op in een agenderende en stimulerende rol. Wij "
            "brengen in beeld wat we zien, bespreken wat we ervan vinden en vragen het netwerk "
            "zelf te laten zien hoe het verder komt."
        ),
        InspectorateRole.SPARRING_PARTNER: (
            "De inspectie trad in dit traject op als kritische sparringpartner: meedenkend, "
            "maar niet vrijblijvend."
        ),
        InspectorateRole.COMPLIANCE: (
            "De inspectie trad in dit traject op als toezichthouder op de naleving van wet- en "
            "regelgeving en veldnormen."
        ),
        InspectorateRole.ENFORCEMENT: (
            "De inspectie trad in dit traject op als handhaver; dit rapport kan de grondslag "
            "zijn voor maatregelen."
        ),
        "method": (
            "De inspectie bracht {visits} bezoek(en) en voerde {conversations} gesprek(ken) en "
            "bijeenkomsten. Bevindingen berusten op aantekeningen van de gesprekken, "
            "observaties van bijeenkomsten met het observatieschema en documenten. Citaten "
            "worden toegeschreven aan een rol, niet aan een persoon."
        ),
    },
    "en": {
        EvidenceKind.NOTE: "Note",
        NoteKind.QUOTE: "Quote",
        NoteKind.OBSERVATION: "Observation",
        NoteKind.INTERPRETATION: "Interpretation",
        NoteKind.QUESTION: "Question",
        NoteKind.ACTION: "Action",
        EvidenceKind.SIGNAL: "Signal",
        EvidenceKind.SESSION_EVENT: "Event in the meeting",
        EvidenceKind.OBSERVATION: "Observation (scheme)",
        EvidenceKind.ATTACHMENT: "Attachment",
        Movement.PROGRESS: "Progress",
        Movement.STABLE: "Stable",
        Movement.DECLINE: "Decline",
        Movement.NOT_ASSESSED: "Not assessed",
        "network": "The network",
        "organisation": "organisation",
        "no_organisation": "No organisation",
        "conversation": "Conversation",
        "participant": "Participant",
        "hard_signal": "Factual signal",
        "converted_signal": "Signal, substantiated as a finding",
        InspectorateRole.AGENDA_SETTING: (
            "In this trajectory the inspectorate acted in an agenda-setting and encouraging "
            "role: we show what we see, discuss what we think of it and ask the network to "
            "show how it moves on."
        ),
        InspectorateRole.SPARRING_PARTNER: (
            "In this trajectory the inspectorate acted as a critical sparring partner: thinking "
            "along, but not without obligation."
        ),
        InspectorateRole.COMPLIANCE: (
            "In this trajectory the inspectorate supervised compliance with legislation and field standards."
        ),
        InspectorateRole.ENFORCEMENT: (
            "In this trajectory the inspectorate acted as enforcer; this report can be the basis "
            "for measures."
        ),
        "method": (
            "The inspectorate made {visits} visit(s) and held {conversations} conversation(s) and "
            "meetings. Findings rest on notes of the conversations, observations of meetings "
            "with the observation scheme, and documents. Quotes are attributed to a role, not "
            "to a person."
        ),
    },
}


def word(language: str, key: str) -> str:
    table = WORDS["en" if language == "en" else "nl"]
    return table[key]
