"""Dutch for the sense-making screens (issue #14): organisations and networks, the signal
board, status, concerns with their evidence matrix, the timeline and the review list.

Kept apart from ``fill_translations.py`` so neither file outgrows a sitting; the same rules
hold: "aandachtspunt" for a concern, "onderbouwing" for evidence, "motivering" for a
rationale, "ingang" for an entrance, "haakje" for a hook, formal "u".
"""

from __future__ import annotations

SENSE: dict[str, str | tuple[str, str]] = {
    # Concern editor
    "ConcernEditor|Concern": "Aandachtspunt",
    "Evidence matrix": "Matrix van onderbouwing",
    "e.g. Something may be wrong with night staffing on 3 Oost": (
        "bijv. Er speelt mogelijk iets met de nachtbezetting op 3 Oost"
    ),
    "Change status…": "Status wijzigen…",
    "Statement": "Vermoeden",
    "Hypothesis": "Hypothese",
    "Alternative explanations": "Alternatieve verklaringen",
    "ConcernEditor|by": "door",
    "Next verification step": "Volgende verificatiestap",
    "Next review": "Volgende herbeoordeling",
    "Who takes the next step": "Wie de volgende stap zet",
    "Date of the next step": "Datum van de volgende stap",
    "A colleague changed this at the same time as you: {0}. Their version is kept and shown; yours waits under Sync… in the status bar, where you can choose it instead.": (
        "Een collega heeft dit tegelijk met u gewijzigd: {0}. De versie van de collega is bewaard en "
        "staat hier; uw versie wacht onder Synchronisatie… in de statusbalk, waar u die alsnog kunt kiezen."
    ),
    "A colleague changed this while you were editing it: {0}. Your text stays in the field; when you save, their version is kept and yours waits under Sync… in the status bar, where you can choose it.": (
        "Een collega heeft dit gewijzigd terwijl u het bewerkte: {0}. Uw tekst blijft in het veld staan; "
        "bij opslaan blijft de versie van de collega bewaard en wacht uw versie onder Synchronisatie… in "
        "de statusbalk, waar u kunt kiezen."
    ),
    "Status history": "Statusgeschiedenis",
    "Set role": "Rol instellen",
    "Detach": "Loskoppelen",
    "Attach": "Koppelen",
    "Selected signal:": "Gekozen signaal:",
    "Attach a signal of this subject:": "Een signaal van dit onderwerp koppelen:",
    "A competing explanation": "Een concurrerende verklaring",
    "+ Hypothesis": "+ Hypothese",
    "Reword the selected one": "De gekozen hypothese herformuleren",
    "Remove the selected one": "De gekozen hypothese weghalen",
    "Keys 1–4: consistent, inconsistent, neutral, n/a; Delete clears; a click on the selected cell cycles. ◆ diagnostic: the signal fits the hypotheses differently, so it helps to tell them apart; one that fits all of them tells little. The footer counts the inconsistent evidence per hypothesis: the least contradicted one is worth checking first. It is not a verdict and not a score.": (
        "Toetsen 1–4: past, past niet, neutraal, n.v.t.; Delete wist; een klik op de gekozen cel wisselt. "
        "◆ onderscheidend: het signaal past verschillend bij de hypothesen en helpt ze dus uit elkaar te "
        "houden; een signaal dat bij alle past, zegt weinig. De voetregel telt per hypothese de onderbouwing "
        "die er niet bij past: de minst weersproken hypothese is het eerst het toetsen waard. Het is geen "
        "oordeel en geen score."
    ),
    "closed on {0}": "gesloten op {0}",
    "Supporting: {0}": "Ondersteunend: {0}",
    "Contradicting: {0}": "Weersprekend: {0}",
    "ConcernEditor|Observed": "Waargenomen",
    # The evidence matrix (the tooltip's words: past, past niet, neutraal, n.v.t.)
    "EvidenceMatrix|consistent": "past",
    "EvidenceMatrix|inconsistent": "past niet",
    "EvidenceMatrix|neutral": "neutraal",
    "EvidenceMatrix|n/a": "n.v.t.",
    "EvidenceMatrix|supporting": "ondersteunend",
    "EvidenceMatrix|contradicting": "weersprekend",
    "EvidenceMatrix|context": "context",
    "Diagnostic: this signal fits the hypotheses differently.": (
        "Onderscheidend: dit signaal past verschillend bij de hypothesen."
    ),
    "Inconsistent evidence (count)": "Onderbouwing die niet past (aantal)",
    "least contradicted": "minst weersproken",
    "Clear (Delete)": "Wissen (Delete)",
    # Concern list and the review list
    "+ Concern": "+ Aandachtspunt",
    "No concerns yet.": "Nog geen aandachtspunten.",
    "ConcernListView|Concern": "Aandachtspunt",
    "About": "Over",
    "Next step due": "Volgende stap uiterlijk",
    "review date": "herbeoordelingsdatum",
    "next review": "volgende herbeoordeling",
    "next step": "volgende stap",
    "ReviewListView|Concern": "Aandachtspunt",
    "Nothing is due for review.": "Er hoeft niets te worden herbeoordeeld.",
    "%n item(s) due for review, oldest first.": (
        "%n onderdeel te herbeoordelen, oudste eerst.",
        "%n onderdelen te herbeoordelen, oudste eerst.",
    ),
    "To review": "Te herbeoordelen",
    "Due since": "Verlopen sinds",
    "What is due": "Wat verloopt",
    "Item": "Onderdeel",
    "Description": "Beschrijving",
    "Concerns": "Aandachtspunten",
    "Organisations and networks": "Organisaties en netwerken",
    # Directory (the organisations list)
    "{p} positive, {n} negative, {a} ambiguous": "{p} positief, {n} negatief, {a} ambigu",
    "Total: positive, negative, ambiguous": "Totaal: positief, negatief, ambigu",
    "Signals and concerns past their review date": "Signalen en aandachtspunten over hun herbeoordelingsdatum",
    "Sector or focus": "Sector of focus",
    "Region": "Regio",
    "Hard signals": "Harde signalen",
    "Soft signals": "Zachte signalen",
    "Open concerns": "Open aandachtspunten",
    "Due": "Verlopen",
    "organisation": "organisatie",
    "+ Organisation": "+ Organisatie",
    "+ Network": "+ Netwerk",
    "Search by name or region": "Zoek op naam of regio",
    "Search organisations and networks": "Organisaties en netwerken doorzoeken",
    # Findings panel
    "%n piece(s) of evidence": ("%n stuk onderbouwing", "%n stukken onderbouwing"),
    "from %n independent source(s)": ("uit %n onafhankelijke bron", "uit %n onafhankelijke bronnen"),
    "%n independent source(s)": ("%n onafhankelijke bron", "%n onafhankelijke bronnen"),
    "({0} internal)": "({0} intern)",
    # "Wat weten we al" on the inspection page
    "Stays soft": "Blijft zacht",
    "Events": "Gebeurtenissen",
    "Recent": "Recent",
    # Organisation and network editors
    "Life event": "Gebeurtenis",
    "Event": "Gebeurtenis",
    "Source": "Bron",
    "Network membership": "Lidmaatschap van een netwerk",
    "Layer": "Schil",
    "Roles": "Rollen",
    "Joined on": "Lid sinds",
    "Left on": "Vertrokken op",
    "New network": "Nieuw netwerk",
    "Focus": "Focus",
    "Financing domains": "Financieringsdomeinen",
    "New organisation": "Nieuwe organisatie",
    "Sector": "Sector",
    "← Organisations": "← Organisaties",
    "Details": "Gegevens",
    "Edit…": "Bewerken…",
    "Delete": "Verwijderen",
    "Units": "Afdelingen",
    "+ Unit": "+ Afdeling",
    "Unit": "Afdeling",
    "Life events": "Gebeurtenissen",
    "+ Life event": "+ Gebeurtenis",
    "Remove": "Weghalen",
    "Members": "Leden",
    "Networks": "Netwerken",
    "+ Member": "+ Lid",
    "+ Network membership": "+ Netwerklidmaatschap",
    "Joined": "Lid sinds",
    "Left": "Vertrokken",
    "Remove this unit? Signals that name it keep it.": (
        "Deze afdeling weghalen? Signalen die haar noemen, houden haar."
    ),
    "Remove this life event?": "Deze gebeurtenis weghalen?",
    "Remove this membership? For a member that left, set the date it left instead.": (
        "Dit lidmaatschap weghalen? Voor een lid dat vertrok, vult u liever de datum van vertrek in."
    ),
    "Delete {name} with its units, life events and memberships?": (
        "{name} verwijderen, met de afdelingen, gebeurtenissen en lidmaatschappen?"
    ),
    "This organisation is not deleted: signals, concerns or inspections refer to it. The team's memory about it stays.": (
        "Deze organisatie wordt niet verwijderd: signalen, aandachtspunten of inspecties verwijzen ernaar. "
        "Wat het team erover weet, blijft bewaard."
    ),
    # Signal board
    "SignalBoard|hard": "hard",
    "SignalBoard|soft": "zacht",
    "inspectorate internal": "intern inspectie",
    "SignalBoard|team": "team",
    "restricted": "beperkt",
    "reporter confidential": "melder vertrouwelijk",
    "incongruent": "incongruent",
    "By status": "Per status",
    "By category": "Per categorie",
    "By month": "Per maand",
    "Category": "Categorie",
    "Observer": "Waarnemer",
    "Hook: any": "Haakje: alle",
    "With hook": "Met haakje",
    "Without hook": "Zonder haakje",
    "From": "Van",
    "To": "Tot",
    "Clear filters": "Filters wissen",
    "No signals match these filters.": "Geen signalen bij deze filters.",
    "Incongruences": "Incongruenties",
    "No incongruent pairs in view.": "Geen incongruente paren in beeld.",
    "%n signal(s)": ("%n signaal", "%n signalen"),
    "%n entrance(s)": ("%n ingang", "%n ingangen"),
    "%n observer(s)": ("%n waarnemer", "%n waarnemers"),
    "period {0} – {1}": "periode {0} – {1}",
    "%n contradicting": ("%n weersprekend", "%n weersprekend"),
    "(filtered: {0} of {1} signals)": "(gefilterd: {0} van {1} signalen)",
    "No category": "Geen categorie",
    # Signal capture: the source and the earlier signals
    "Alt+↓/↑ choose · Ctrl+L link (again: other link) · Ctrl+D not relevant": (
        "Alt+↓/↑ kiezen · Ctrl+L koppelen (nogmaals: andere koppeling) · Ctrl+D niet relevant"
    ),
    "Source · key": "Bron · kenmerk",
    "Earlier signals (possibly related)": "Eerdere signalen (mogelijk verwant)",
    "Hard or soft": "Hard of zacht",
    "Choose an earlier signal": "Een eerder signaal kiezen",
    "Link it when saving (again: other link)": "Koppelen bij opslaan (nogmaals: andere koppeling)",
    "Not relevant: do not suggest it again": "Niet relevant: niet opnieuw voorstellen",
    "review by {0}": "herbeoordelen op {0}",
    "Source type": "Soort bron",
    "Source key": "Kenmerk van de bron",
    "case number": "zaaknummer",
    "report number": "rapportnummer",
    "visit and date": "bezoek en datum",
    "conversation and date": "gesprek en datum",
    "where it was found (link, article, data set)": "vindplaats (link, artikel, gegevensbestand)",
    "{0}, e.g. {1}": "{0}, bijv. {1}",
    # Status dialog
    "Change the signal's status": "Status van het signaal wijzigen",
    "Change the concern's status": "Status van het aandachtspunt wijzigen",
    "“Made hard” needs a reason in the data: link a signal that hardens this one, or convert it into a finding.": (
        "“Hard gemaakt” vraagt een grond in de gegevens: koppel een signaal dat dit signaal hard maakt, of "
        "zet het om in een bevinding."
    ),
    "Why this status? (required)": "Waarom deze status? (verplicht)",
    "Current status": "Huidige status",
    "New status": "Nieuwe status",
    "History": "Geschiedenis",
    "Staying soft needs a date to look at it again.": "Blijft zacht vraagt een datum om er opnieuw naar te kijken.",
    "The rationale is kept as the reason the concern was closed.": (
        "De motivering blijft bewaard als reden waarom het aandachtspunt is gesloten."
    ),
    # Suggestions while capturing
    "open concern": "open aandachtspunt",
    "same unit": "zelfde afdeling",
    "same category": "zelfde categorie",
    "similar text": "vergelijkbare tekst",
    "network partner": "netwerkpartner",
    "same organisation": "zelfde organisatie",
    "linked: related to": "gekoppeld: hangt samen met",
    "linked: corroborates": "gekoppeld: bevestigt",
    "linked: contradicts": "gekoppeld: weerspreekt",
    # Timeline
    "Signals: negative": "Signalen: negatief",
    "Signals: ambiguous": "Signalen: ambigu",
    "Signals: positive": "Signalen: positief",
    "Visits and conversations": "Bezoeken en gesprekken",
    "Intensified / heightened": "Geïntensiveerd / verscherpt",
    "Concern status": "Status aandachtspunt",
    "TimelineView|Conversation": "Gesprek",
    "TimelineView|Inspection": "Inspectie",
    "Intensified supervision": "Geïntensiveerd toezicht",
    "Heightened supervision": "Verscherpt toezicht",
    "TimelineView|Concern": "Aandachtspunt",
    "Hard signal": "Hard signaal",
    "now": "nu",
    "Member: %1": "Lid: %1",
    "Quiet period, compressed: %1": "Rustige periode, ingekort: %1",
    "Zoom out (Ctrl+-)": "Uitzoomen (Ctrl+-)",
    "Zoom in (Ctrl++)": "Inzoomen (Ctrl++)",
    "Compress quiet periods": "Rustige perioden inkorten",
    "Months without anything shrink to a narrow marked gap, so a build-up of signals stands out": (
        "Maanden zonder iets krimpen tot een smalle, gemarkeerde onderbreking, zodat een opeenstapeling van "
        "signalen opvalt"
    ),
    "● hard signal   ◌ soft signal   ◆ visit   ■ intervention   ▲ concern": (
        "● hard signaal   ◌ zacht signaal   ◆ bezoek   ■ interventie   ▲ aandachtspunt"
    ),
    "TimelineView|to": "tot",
    "TimelineView|PDF…": "Pdf…",
    "Save this period as an internal PDF, without confidential signals (Ctrl+P)": (
        "Deze periode opslaan als interne pdf, zonder vertrouwelijke signalen (Ctrl+P)"
    ),
    "Save timeline as PDF": "Tijdlijn opslaan als pdf",
    "TimelineView|PDF (*.pdf)": "Pdf (*.pdf)",
    "Making the PDF…": "De pdf wordt gemaakt…",
    "Saved: {0} (%n confidential signal(s) left out)": (
        "Opgeslagen: {0} (%n vertrouwelijk signaal weggelaten)",
        "Opgeslagen: {0} (%n vertrouwelijke signalen weggelaten)",
    ),
    # labels: units, network focus and layers, source types
    "ward": "verpleegafdeling",
    "specialist group": "vakgroep",
    "site": "locatie",
    "care axis": "zorgas",
    "labels|team": "team",
    "around a person": "rond een persoon",
    "around a condition": "rond een aandoening",
    "around an area": "rond een gebied",
    "inner circle": "binnenste schil",
    "outer circle": "buitenste schil",
    "own observation": "eigen waarneming",
    "spoken: board": "mondeling: bestuur",
    "spoken: staff member": "mondeling: medewerker",
    "spoken: patient or relative": "mondeling: patiënt of naaste",
    "document": "document",
    "reporter (complaint or report)": "melder (klacht of melding)",
    "fellow inspector": "collega-inspecteur",
    "system or data": "systeem of gegevens",
    # messages: field names and refusals
    "Next step": "Volgende stap",
    "Owner of the next step": "Eigenaar van de volgende stap",
    "Rating": "Beoordeling",
    "A signal is made hard only with a reason in the data: a signal that hardens it, or a finding it was converted into.": (
        "Een signaal wordt alleen hard gemaakt met een grond in de gegevens: een signaal dat het hard maakt, "
        "of een bevinding waarin het is omgezet."
    ),
    "{field}: this is already the current value.": "{field}: dit is al de huidige waarde.",
    "This signal is not attached to the concern.": "Dit signaal is niet aan het aandachtspunt gekoppeld.",
    "A concern is about exactly one organisation or one network.": (
        "Een aandachtspunt gaat over precies één organisatie of één netwerk."
    ),
    # F1: each view's own keys
    "Choose": "Kiezen",
    "Open the chosen one": "Het gekozen onderdeel openen",
    "consistent / inconsistent / neutral / n/a": "past / past niet / neutraal / n.v.t.",
    "Clear the rating": "De beoordeling wissen",
    "Next rating": "Volgende beoordeling",
    "Move between signals and hypotheses": "Tussen signalen en hypothesen bewegen",
    "Signal board": "Signalenbord",
    "Move through a column's cards": "Door de kaarten van een kolom bewegen",
    "Open the signal: interpretation, status history, links, attachments": (
        "Het signaal openen: duiding, statusgeschiedenis, koppelingen, bijlagen"
    ),
    "Next column or filter": "Volgende kolom of filter",
    "Zoom out": "Uitzoomen",
    "Zoom in": "Inzoomen",
    "Save the period shown as an internal PDF": "De getoonde periode opslaan als interne pdf",
    # Sync panel: a clash the concern editor kept (decision 0017)
    "SyncDialog|Concern ‘{0}’: {1}": "Aandachtspunt ‘{0}’: {1}",
    "SyncDialog|your change to ‘{0}’ ({1}) and a colleague's ({2}) coincided; the colleague's value is "
    "there now": (
        "uw wijziging van ‘{0}’ ({1}) en die van een collega ({2}) vielen samen; de waarde van de "
        "collega staat er nu"
    ),
    "SyncDialog|empty": "leeg",
}
