"""Dutch for overleg (deliberation), agenda packs and the review cycle (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

OVERLEG: dict[str, str | tuple[str, str]] = {
    "AgendaPack|+ %n internal item(s) left out": (
        "+ %n intern onderdeel niet opgenomen",
        "+ %n interne onderdelen niet opgenomen",
    ),
    "AgendaPack|None.": "Geen.",
    "AgendaPack|New since the last review on {0} (%n)": (
        "Nieuw sinds de vorige bespreking op {0} (%n)",
        "Nieuw sinds de vorige bespreking op {0} (%n)",
    ),
    "AgendaPack|Never reviewed before: all signals (%n)": (
        "Nooit eerder besproken: alle signalen (%n)",
        "Nooit eerder besproken: alle signalen (%n)",
    ),
    "AgendaPack|%n signal(s) in its evidence matrix": (
        "%n signaal in de onderbouwingsmatrix",
        "%n signalen in de onderbouwingsmatrix",
    ),
    "AgendaPack|Open concerns (%n)": ("Open aandachtspunten (%n)", "Open aandachtspunten (%n)"),
    "AgendaPack|Contradictions and incongruences (%n)": (
        "Tegenspraak en incongruentie (%n)",
        "Tegenspraak en incongruentie (%n)",
    ),
    "AgendaPack|Past their review date (%n)": (
        "Herbeoordeling verlopen (%n)",
        "Herbeoordeling verlopen (%n)",
    ),
    "AgendaPack|Planned interventions (%n)": ("Geplande interventies (%n)", "Geplande interventies (%n)"),
    "AgendaPack|late": "te laat",
    "AgendaPack|Trajectory reports due (%n)": (
        "Verwachte trajectrapportages (%n)",
        "Verwachte trajectrapportages (%n)",
    ),
    "AgendaPack|Come back on {0}": "Terugkomen op {0}",
    "AgendaPack|Decisions in this meeting (%n)": (
        "Besluiten in dit overleg (%n)",
        "Besluiten in dit overleg (%n)",
    ),
    "DeliberationDialog|Edit meeting": "Overleg bewerken",
    "DeliberationDialog|New meeting": "Nieuw overleg",
    "DeliberationDialog|One name or role per line": "Eén naam of rol per regel",
    "DeliberationDialog|Chair": "Voorzitter",
    "DeliberationDialog|Add to agenda": "Op de agenda zetten",
    "DeliberationDialog|Up": "Omhoog",
    "DeliberationDialog|Down": "Omlaag",
    "DeliberationDialog|Agenda: organisations and networks": "Agenda: organisaties en netwerken",
    "DeliberationPage|{0} (last periodic review: {1})": "{0} (laatste periodieke bespreking: {1})",
    "DeliberationPage|never": "nooit",
    "DeliberationPage|Overdue for review (%n)": (
        "Bespreking achterstallig (%n)",
        "Bespreking achterstallig (%n)",
    ),
    "DeliberationPage|No meeting chosen.": "Geen overleg gekozen.",
    "DeliberationPage|Chair: {0}": "Voorzitter: {0}",
    "DeliberationPage|Participants: {0}": "Deelnemers: {0}",
    "DeliberationPage|Agenda (%n)": ("Agenda (%n)", "Agenda (%n)"),
    "DeliberationPage|Put an organisation or network on the agenda to see its pack.": (
        "Zet een organisatie of netwerk op de agenda om het agendapakket te zien."
    ),
    "DeliberationPage|Delete meeting": "Overleg verwijderen",
    "DeliberationPage|Delete this meeting and its agenda?": "Dit overleg en de agenda verwijderen?",
    "DeliberationPage|Save agenda pack as PDF": "Agendapakket opslaan als pdf",
    "DeliberationPage|PDF (*.pdf)": "Pdf (*.pdf)",
    "DeliberationPage|Saved: {0} (%n internal signal(s) left out)": (
        "Opgeslagen: {0} (%n intern signaal niet opgenomen)",
        "Opgeslagen: {0} (%n interne signalen niet opgenomen)",
    ),
    "DeliberationPage|Meetings": "Overleg",
    "DeliberationPage|+ Meeting": "+ Overleg",
    "DeliberationPage|+ Decision": "+ Besluit",
    "DeliberationPage|PDF…": "Pdf…",
    "DeliberationPage|Save the agenda pack as an internal PDF, without confidential signals": (
        "Het agendapakket opslaan als interne pdf, zonder vertrouwelijke signalen"
    ),
    "DeliberationPage|Making the PDF…": "De pdf wordt gemaakt…",
    "DeliberationPage|Saved: {0}": "Opgeslagen: {0}",
    "DeliberationPage|Edit…": "Bewerken…",
    "DeliberationPage|Delete": "Verwijderen",
    "Shell|Meetings": "Overleg",
    "deliberation|MDO": "MDO",
    "deliberation|Periodic review (APK)": "Periodieke bespreking (APK)",
    "deliberation|LMO": "LMO",
    "deliberation|Team meeting": "Teamoverleg",
    "deliberation|Peer consultation": "Intercollegiale consultatie",
    "deliberation|{0} (network)": "{0} (netwerk)",
    "messages|Chair": "Voorzitter",
    "messages|Agenda": "Agenda",
    "messages|Participants": "Deelnemers",
    "messages|Date": "Datum",
    "messages|Decisions were taken in this meeting; they stay on record, so it cannot be deleted.": (
        "In dit overleg zijn besluiten genomen; die blijven bewaard, dus het overleg kan niet worden verwijderd."
    ),
}
