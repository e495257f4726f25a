"""Dutch for supervision trajectories, reporting duties and reports (issue #15).

Same rules as ``translations_nl_sense.py``: "aandachtspunt" for a concern, "onderbouwing"
for evidence, "motivering" for a rationale, "overleg" for a deliberation, formal "u".
"""

from __future__ import annotations

TRAJECTORIES: dict[str, str | tuple[str, str]] = {
    # The tab and its banner
    "Shell|Supervision": "Toezicht",
    "TrajectoryView|The board has not been informed of this trajectory (since {since}, %n month(s))": (
        "Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n maand)",
        "Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n maanden)",
    ),
    "TrajectoryView|The board has not been informed of this trajectory (since {since}, %n day(s))": (
        "Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n dag)",
        "Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n dagen)",
    ),
    "SupervisionView|+ Trajectory": "+ Traject",
    "SupervisionView|End…": "Beëindigen…",
    "SupervisionView|+ Reporting duty": "+ Rapportageverplichting",
    "SupervisionView|Edit duty…": "Verplichting bewerken…",
    "SupervisionView|Remove duty": "Verplichting verwijderen",
    "SupervisionView|Report received…": "Rapportage ontvangen…",
    "SupervisionView|Trajectory · reporting duty · due date": "Traject · rapportageverplichting · termijn",
    "SupervisionView|State": "Stand",
    "SupervisionView|Late reports": "Te late rapportages",
    "SupervisionView|No supervision trajectory. Start one with “+ Trajectory”.": (
        "Geen toezichtstraject. Start er een met “+ Traject”."
    ),
    "SupervisionView|active": "lopend",
    "SupervisionView|ended": "beëindigd",
    "SupervisionView|now": "nu",
    "SupervisionView|received {date}": "ontvangen {date}",
    "SupervisionView|{subject} — due {date}": "{subject} — uiterlijk {date}",
    "SupervisionView|Capture a signal…": "Signaal vastleggen…",
    "SupervisionView|Rationale": "Motivering",
    "SupervisionView|Conditions": "Scherpe afspraken",
    "SupervisionView|Owner: {name}": "Eigenaar: {name}",
    "SupervisionView|Board informed on {date}": "Bestuur geïnformeerd op {date}",
    "SupervisionView|Board informed": "Bestuur geïnformeerd",
    "SupervisionView|Board not informed": "Bestuur niet geïnformeerd",
    "SupervisionView|Rationale for ending": "Motivering van de beëindiging",
    "SupervisionView|Remove": "Verwijderen",
    "SupervisionView|Remove this reporting duty with the reports recorded under it?": (
        "Deze rapportageverplichting verwijderen, met de rapportages die eronder zijn vastgelegd?"
    ),
    "SupervisionView|Report not received: {subject} (due {date})": (
        "Rapportage niet ontvangen: {subject} (uiterlijk {date})"
    ),
    # Forms
    "TrajectoryDialog|Supervision trajectory": "Toezichtstraject",
    "TrajectoryDialog|Type": "Soort",
    "TrajectoryDialog|Start": "Start",
    "TrajectoryDialog|Rationale": "Motivering",
    "TrajectoryDialog|Conditions": "Scherpe afspraken",
    "TrajectoryDialog|One condition per line": "Eén afspraak per regel",
    "TrajectoryDialog|Owner": "Eigenaar",
    "TrajectoryDialog|The board has been informed": "Het bestuur is geïnformeerd",
    "TrajectoryDialog|Board informed on": "Bestuur geïnformeerd op",
    "TrajectoryDialog|End": "Einde",
    "TrajectoryDialog|Rationale for ending": "Motivering van de beëindiging",
    "EndTrajectoryDialog|End supervision trajectory": "Toezichtstraject beëindigen",
    "EndTrajectoryDialog|End": "Einde",
    "EndTrajectoryDialog|Rationale for ending": "Motivering van de beëindiging",
    "DutyDialog|Reporting duty": "Rapportageverplichting",
    "DutyDialog|What is reported": "Waarover gerapporteerd wordt",
    "DutyDialog|Frequency": "Frequentie",
    "DutyDialog|First due on": "Eerste termijn",
    "ReportDialog|Report received": "Rapportage ontvangen",
    "ReportDialog|Due date": "Termijn",
    "ReportDialog|Received on": "Ontvangen op",
    "ReportDialog|Summary": "Samenvatting",
    "ReportDialog|Signal captured from it": "Signaal dat eruit is vastgelegd",
    # Labels and messages
    "TrajectoryLabels|Intensified supervision": "Geïntensiveerd toezicht",
    "TrajectoryLabels|Heightened supervision": "Verscherpt toezicht",
    "TrajectoryLabels|once": "eenmalig",
    "TrajectoryLabels|every two weeks": "tweewekelijks",
    "TrajectoryLabels|monthly": "maandelijks",
    "TrajectoryLabels|quarterly": "per kwartaal",
    "TrajectoryLabels|every six months": "halfjaarlijks",
    "TrajectoryLabels|received": "ontvangen",
    "TrajectoryLabels|late": "te laat",
    "TrajectoryLabels|due soon": "binnenkort",
    "TrajectoryLabels|planned": "gepland",
    "TrajectoryLabels|Type": "Soort",
    "TrajectoryLabels|Rationale for ending": "Motivering van de beëindiging",
    "TrajectoryLabels|Conditions": "Scherpe afspraken",
    "TrajectoryLabels|Board informed": "Bestuur geïnformeerd",
    "TrajectoryLabels|Board informed on": "Bestuur geïnformeerd op",
    "TrajectoryLabels|What is reported": "Waarover gerapporteerd wordt",
    "TrajectoryLabels|Frequency": "Frequentie",
    "TrajectoryLabels|First due on": "Eerste termijn",
    "TrajectoryLabels|Due date": "Termijn",
    "TrajectoryLabels|Received on": "Ontvangen op",
    "TrajectoryLabels|Summary": "Samenvatting",
    "TrajectoryLabels|A date the board was informed needs “Board informed” ticked.": (
        "Een datum waarop het bestuur is geïnformeerd vraagt om een vinkje bij “Bestuur geïnformeerd”."
    ),
    "TrajectoryLabels|{field} lies in the future.": "{field} ligt in de toekomst.",
    "TrajectoryLabels|{field} lies after the end of the trajectory.": "{field} ligt na het einde van het traject.",
    "TrajectoryLabels|{field} is not one of the duty's due dates.": (
        "{field} is geen termijn van deze rapportageverplichting."
    ),
    "TrajectoryLabels|{field} lies after the first due date of a reporting duty.": (
        "{field} ligt na de eerste termijn van een rapportageverplichting."
    ),
    "TrajectoryLabels|{field} lies before the first due date of a reporting duty.": (
        "{field} ligt voor de eerste termijn van een rapportageverplichting."
    ),
    "TrajectoryLabels|A report for this due date was already recorded.": (
        "Voor deze termijn is al een rapportage vastgelegd."
    ),
    "TrajectoryLabels|The signal is about another organisation than the trajectory.": (
        "Het signaal gaat over een andere organisatie dan het traject."
    ),
    "Choose a trajectory, duty or due date": "Kies een traject, verplichting of vervaldatum",
    "Record the report for the chosen due date": "Leg de rapportage voor de gekozen vervaldatum vast",
    "SupervisionView|Supervision": "Toezicht",
    "messages|{field}: only a signal the whole team sees fits here, not one of an inspection.": (
        "{field}: alleen een signaal dat het hele team ziet past hier, niet een signaal van een inspectie."
    ),
}
