"""Dutch for decisions, their log and the rationale rule (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

DECISIONS: dict[str, str | tuple[str, str]] = {
    # the dialog
    "DecisionDialog|Edit decision": "Besluit bewerken",
    "DecisionDialog|New decision": "Nieuw besluit",
    "DecisionDialog|Come back on": "Terugkomen op",
    "DecisionDialog|Why this decision? (required)": "Waarom dit besluit? (verplicht)",
    "DecisionDialog|Delete…": "Verwijderen…",
    "DecisionDialog|on": "op",
    "DecisionDialog|Decision": "Besluit",
    "DecisionDialog|Decided by": "Besloten door",
    "DecisionDialog|What it is about (tick; a new status is optional)": (
        "Waar het over gaat (aanvinken; een nieuwe status is optioneel)"
    ),
    "DecisionDialog|Taken in the overleg “{title}”": "Genomen in het overleg “{title}”",
    "DecisionDialog|Come back on a date": "Terugkomen op een datum",
    "DecisionDialog|Signal or concern": "Signaal of aandachtspunt",
    "DecisionDialog|Review on": "Herbeoordelen op",
    "DecisionDialog|Concern": "Aandachtspunt",
    "DecisionDialog|Click again to delete": "Klik nogmaals om te verwijderen",
    # the log
    "DecisionLogView|Search rationale, type, who, overleg…": "Zoek in motivering, soort, wie, overleg…",
    "DecisionLogView|+ Decision": "+ Besluit",
    "DecisionLogView|No decisions yet.": "Nog geen besluiten.",
    "DecisionLogView|Decisions": "Besluiten",
    "DecisionLogView|Edit the chosen decision": "Het gekozen besluit bewerken",
    "DecisionLogView|Last periodic review: {date}": "Laatste periodieke bespreking: {date}",
    "DecisionLogView|Last periodic review: none yet": "Laatste periodieke bespreking: nog geen",
    "DecisionLogView|By": "Door",
    "DecisionLogView|Overleg": "Overleg",
    "DecisionLogView|Status changes": "Statuswijzigingen",
    "DecisionLogView|No decision matches the search.": "Geen besluit past bij de zoekopdracht.",
    "Shell|Decisions": "Besluiten",
    # how a decision is named
    "decisions|MDO": "MDO",
    "decisions|APK": "APK",
    "decisions|LMO": "LMO",
    "decisions|team meeting": "teamoverleg",
    "decisions|peer consultation": "intercollegiaal overleg",
    "decisions|Come back on {date}": "Terugkomen op {date}",
    "decisions|Decision ({date})": "Besluit ({date})",
    "decisions|Decision ({overleg} {date})": "Besluit ({overleg} {date})",
    # refusals
    "messages|Concern": "Aandachtspunt",
    "messages|Decided by": "Besloten door",
    "messages|Decision date": "Datum van het besluit",
    "messages|Come back on": "Terugkomen op",
    "messages|Overleg": "Overleg",
    "messages|What it is about": "Waar het over gaat",
    "messages|A decision not to act needs a rationale: should something go wrong after all, the team "
    "must be able to account for it.": (
        "Een besluit om niet te handelen heeft een motivering nodig: als het dan toch misgaat, moet het "
        "team daarover verantwoording kunnen afleggen."
    ),
    "messages|Enforcement needs a rationale: the team must be able to account for this step afterwards.": (
        "Handhaving heeft een motivering nodig: het team moet achteraf verantwoording kunnen afleggen "
        "over deze stap."
    ),
    "messages|{field} lies in the past: choose today or a later day.": (
        "{field} ligt in het verleden: kies vandaag of een latere dag."
    ),
    "messages|{field} lies in the future.": "{field} ligt in de toekomst.",
    "messages|{field} belongs to another organisation or network.": (
        "{field} hoort bij een andere organisatie of een ander netwerk."
    ),
}
