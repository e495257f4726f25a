"""Fill Dutch translations into the .ts file from a reviewed table, then compile .qm.

Usage: python tools/fill_translations.py  (after pyside6-lupdate added new strings).
The .ts file stays the source of truth for translators (Qt Linguist); this
script only fills entries that are still unfinished and reports what is missing.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from translations_nl_decisions import DECISIONS  # decisions and their log (#15)
from translations_nl_handover import HANDOVER  # account holders and the handover dossier (#15)
from translations_nl_overleg import OVERLEG  # overleg and agenda packs (#15)
from translations_nl_sense import SENSE  # the sense-making screens (#14)
from translations_nl_trajectories import TRAJECTORIES  # supervision trajectories (#15)

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "veldwerk_nl.ts"
QM = TS.with_suffix(".qm")

NL: dict[str, str | tuple[str, str]] = {
    "Veldwerk": "Veldwerk",
    "🔒 Lock": "🔒 Vergrendel",
    "Lock": "Vergrendel",
    "Search everything": "Alles doorzoeken",
    "Locked": "Vergrendeld",
    "Loading demo data…": "Demogegevens laden…",
    "Not synced yet · %n change(s) waiting": (
        "Nog niet gesynchroniseerd · %n wijziging wacht",
        "Nog niet gesynchroniseerd · %n wijzigingen wachten",
    ),
    "Search notes, quotes, signals and observations…": "Zoek in notities, citaten, signalen en observaties…",
    "Search": "Zoeken",
    "Search results": "Zoekresultaten",
    "Export…": "Exporteren…",
    "JSON (complete, can be imported)": "JSON (volledig, te importeren)",
    "CSV tables (zip)": "CSV-tabellen (zip)",
    "REFI-QDA for qualitative analysis (.qdpx)": "REFI-QDA voor kwalitatieve analyse (.qdpx)",
    "Export": "Exporteren",
    "Exported to {0}": "Geëxporteerd naar {0}",
    "Open questions": "Open vragen",
    "Invitations": "Uitnodigingen",
    "+ Invitation": "+ Uitnodiging",
    "Concern: {0}": "Aandachtspunt: {0}",
    "stays soft": "blijft zacht",
    "Invitation": "Uitnodiging",
    "planned": "gepland",
    "invited": "uitgenodigd",
    "confirmed": "bevestigd",
    "declined": "afgemeld",
    "deliberately not invited": "bewust niet uitgenodigd",
    "Why": "Waarom",
    "Question guide ({0}/{1} asked)": "Gespreksleidraad ({0}/{1} gesteld)",
    "Incongruence pair: the board says ↔ the shop floor shows": "Incongruentiepaar: bestuur zegt ↔ werkvloer toont",
    "Shop floor shows": "Werkvloer toont",
    "Save interpretation": "Duiding opslaan",
    "corroborates": "bevestigt",
    "contradicts": "weerspreekt",
    "related to": "hangt samen met",
    "is a hook for": "is haakje voor",
    "hardens": "maakt hard",
    "duplicate of": "dubbel van",
    "incongruent with": "incongruent met",
    "Link": "Koppelen",
    "Interpretation (history)": "Duiding (geschiedenis)",
    "New interpretation": "Nieuwe duiding",
    "Links": "Koppelingen",
    "Link to": "Koppelen aan",
    "{field}: this already exists.": "{field}: dit bestaat al.",
    "Value": "Waarde",
    "File": "Bestand",
    "The file “{value}” cannot be read.": "Het bestand “{value}” is niet te lezen.",
    "Or: a new organisation": "Of: een nieuwe organisatie",
    "Participants": "Deelnemers",
    "Role": "Rol",
    "Caption": "Naam op tegel",
    "Presence": "Aanwezigheid",
    "Mandate": "Mandaat",
    "+ Participant": "+ Deelnemer",
    "present": "aanwezig",
    "partly": "deels",
    "can decide for the organisation": "kan besluiten namens de organisatie",
    "Participants…": "Deelnemers…",
    "Speaker, themes, confidentiality and flags of the paragraph": "Spreker, thema's, vertrouwelijkheid en vlaggen van de alinea",
    "Paragraph": "Alinea",
    "about a party that is not present": "over een partij die niet aanwezig is",
    "no partial interest": "geen deelbelang",
    "partial interest, implicit": "deelbelang, impliciet",
    "partial interest, explicit": "deelbelang, expliciet",
    "followed up": "opgevolgd",
    "Speaker": "Spreker",
    "Interest": "Belang",
    "Attachments (drop files here)": "Bijlagen (sleep bestanden hierheen)",
    "+ Photo or document": "+ Foto of document",
    "Attachments": "Bijlagen",
    "Add photos or documents": "Foto's of documenten toevoegen",
    "Save attachment": "Bijlage opslaan",
    "Synthesis of the session": "Synthese van de sessie",
    "0 not observed": "0 niet waargenomen",
    "1 somewhat": "1 enigszins",
    "2 clearly": "2 duidelijk",
    "not applicable": "niet van toepassing",
    "balanced": "in balans",
    "yes": "ja",
    "no": "nee",
    "discussed": "besproken",
    "deliberate choice": "bewuste keuze",
    "This participant is marked absent.": "Deze deelnemer staat als afwezig.",
    "{field} belongs to another conversation.": "{field} hoort bij een ander gesprek.",
    "{field} does not fit this item.": "{field} past niet bij dit item.",
    "The file is empty.": "Het bestand is leeg.",
    "The file is too large to attach.": "Het bestand is te groot om toe te voegen.",
    "This kind of file cannot be attached (photos, PDF, Office and text files can).": "Dit soort bestand kan niet worden toegevoegd (foto's, PDF-, Office- en tekstbestanden wel).",
    "The image cannot be read: the file is damaged or not an image.": "De afbeelding is onleesbaar: het bestand is beschadigd of geen afbeelding.",
    "This file is already attached here.": "Dit bestand is hier al toegevoegd.",
    "The attachment's file is missing on this laptop.": "Het bestand van de bijlage ontbreekt op deze laptop.",
    "The attachment's file was changed outside Veldwerk and is not shown.": "Het bestand van de bijlage is buiten Veldwerk gewijzigd en wordt niet getoond.",
    "The attachment reference is invalid.": "De verwijzing naar de bijlage is ongeldig.",
    "Finish: synthesis": "Afronden: synthese",
    "Note for the timeline, Enter adds it": "Notitie voor de tijdlijn, Enter voegt toe",
    "Timeline note": "Notitie tijdlijn",
    "Timeline": "Tijdlijn",
    "mandate ✓": "mandaat ✓",
    "no mandate": "geen mandaat",
    "absent": "afwezig",
    "Speaking share by role": "Spreekaandeel per rol",
    "Speaking share by organisation": "Spreekaandeel per organisatie",
    "Any time": "Altijd",
    "Last 30 days": "Afgelopen 30 dagen",
    "Last year": "Afgelopen jaar",
    "Everything": "Alles",
    "Session events": "Sessiegebeurtenissen",
    "Observations": "Observaties",
    "Any valence": "Elke valentie",
    "positive": "positief",
    "negative": "negatief",
    "ambiguous": "ambigu",
    "Period": "Periode",
    "Theme": "Thema",
    "All organisations": "Alle organisaties",
    "All themes": "Alle thema's",
    "Keyboard shortcuts": "Sneltoetsen",
    "Everywhere": "Overal",
    "Capture a signal (from the selection in notes)": "Signaal vastleggen (uit de selectie in notities)",
    "This overview": "Dit overzicht",
    "New paragraph": "Nieuwe alinea",
    "Make the selection a quote": "Selectie wordt citaat",
    "Undo / redo (saved automatically)": "Ongedaan maken / opnieuw (automatisch opgeslagen)",
    "Signal form": "Signaalformulier",
    "Hard / soft": "Hard / zacht",
    "Positive / negative / ambiguous": "Positief / negatief / ambigu",
    "More fields": "Meer velden",
    "Save": "Opslaan",
    "Esc or F1 closes this overview.": "Esc of F1 sluit dit overzicht.",
    "New conversation": "Nieuw gesprek",
    "Starts at": "Begint om",
    "New inspection": "Nieuwe inspectie",
    "Purpose": "Doel",
    "Or: the providers around one client": "Of: de aanbieders rond één cliënt",
    "Team (names, comma separated)": "Team (namen, gescheiden door komma's)",
    "+ Visit": "+ Bezoek",
    "+ New inspection (Ctrl+N)": "+ Nieuwe inspectie (Ctrl+N)",
    "New visit": "Nieuw bezoek",
    "Announced": "Aangekondigd",
    "Date": "Datum",
    "Location": "Locatie",
    "+ Conversation": "+ Gesprek",
    "Network": "Netwerk",
    "← Inspections": "← Inspecties",
    "Declared role": "Rol van de inspectie",
    "Framework": "Kader",
    "Subjects": "Onderwerpen",
    "Themes": "Thema's",
    "Team": "Team",
    "What we already know": "Wat weten we al",
    "Visits (Enter opens)": "Bezoeken (Enter opent)",
    "Visits": "Bezoeken",
    "{0} signals about these subjects, {1} open concerns": "{0} signalen over deze onderwerpen, {1} open aandachtspunten",
    "announced": "aangekondigd",
    "unannounced": "onaangekondigd",
    "{0} · {1} · {2} · {3} conversations": "{0} · {1} · {2} · {3} gesprekken",
    "Capture a signal": "Signaal vastleggen",
    "Signal": "Signaal",
    "Save (Ctrl+Enter)": "Opslaan (Ctrl+Enter)",
    "Kind · valence": "Soort · valentie",
    "More (Tab)": "Meer (Tab)",
    "Quote": "Citaat",
    "Entrance": "Ingang",
    "Channel": "Kanaal",
    "Categories": "Categorieën",
    "Strength": "Sterkte",
    "Certainty": "Zekerheid",
    "Interpretation": "Duiding",
    "Hook": "Haakje",
    "Confidentiality": "Vertrouwelijkheid",
    "Possibly related": "Mogelijk verwant",
    "Possibly related signals": "Mogelijk verwante signalen",
    "1 hint": "1 aanwijzing",
    "2 clear signal": "2 duidelijk signaal",
    "3 strong signal": "3 sterk signaal",
    "impression": "indruk",
    "probable": "waarschijnlijk",
    "established": "vastgesteld",
    "team / account holders": "team / accounthouders",
    "internal": "intern IGJ",
    "restricted (named users)": "beperkt (persoonsgebonden)",
    "stayed soft": "bleef zacht",
    "← Inspection": "← Inspectie",
    "Conversations": "Gesprekken",
    "Notes": "Notities",
    "New signal (Ctrl+Shift+S)": "Nieuw signaal (Ctrl+Shift+S)",
    "Signals ({0})": "Signalen ({0})",
    "saving…": "opslaan…",
    "saved ✓": "opgeslagen ✓",
    "not saved, retrying": "niet opgeslagen, nieuwe poging",
    "Settings": "Instellingen",
    "Settings…": "Instellingen…",
    "Settings (Ctrl+,)": "Instellingen (Ctrl+,)",
    " min": " min",
    "never": "nooit",
    "Language": "Taal",
    "Lock after inactivity": "Vergrendelen na inactiviteit",
    "Words match whole words; end a word with * to match its beginning.": "Woorden zoeken op het hele woord; eindig een woord met * om op het begin te zoeken.",
    "%n result(s)": ("%n resultaat", "%n resultaten"),
    "Inspections": "Inspecties",
    "Navigation": "Navigatie",
    "No inspections yet.": "Nog geen inspecties.",
    "Welcome. Choose a passphrase to encrypt your database on this laptop. It cannot be recovered: write it down somewhere safe.": "Welkom. Kies een wachtwoordzin om uw database op deze laptop te versleutelen. "
    "Die is niet te herstellen: bewaar hem op een veilige plek.",
    "Create database": "Database aanmaken",
    "Enter your passphrase to unlock your database.": "Voer uw wachtwoordzin in om uw database te ontgrendelen.",
    "Unlock": "Ontgrendelen",
    "Passphrase": "Wachtwoordzin",
    "Repeat passphrase": "Herhaal wachtwoordzin",
    "Repeated passphrase": "Herhaalde wachtwoordzin",
    "Your name": "Uw naam",
    "Load demo data": "Demogegevens laden",
    "Language:": "Taal:",
    "Dutch": "Nederlands",
    "English": "Engels",
    "too short": "te kort",
    "weak": "zwak",
    "reasonable": "redelijk",
    "strong": "sterk",
    "Strength: {0}": "Sterkte: {0}",
    "Unexpected error": "Onverwachte fout",
    "Something unexpected went wrong. Your work is saved. Details are in {0}": "Er ging iets onverwachts mis. Uw werk is opgeslagen. Details staan in {0}",
    "preparation": "voorbereiding",
    "fieldwork": "veldwerk",
    "analysis": "analyse",
    "reporting": "rapportage",
    "follow-up": "vervolg",
    "closed": "afgesloten",
    "risk-based": "risicogestuurd",
    "thematic": "thematisch",
    "network": "netwerk",
    "incident": "incident",
    "agenda-setting": "agenderen/stimuleren",
    "sparring partner": "sparringpartner",
    "compliance": "naleving",
    "enforcement": "handhaving",
    "note": "notitie",
    "signal": "signaal",
    "session event": "sessiegebeurtenis",
    "observation": "observatie",
    "Title": "Titel",
    "Subject": "Onderwerp",
    "Type": "Type",
    "Status": "Status",
    "Visit": "Bezoek",
    "Signals": "Signalen",
    "Name": "Naam",
    "Observation": "Waarneming",
    "Organisation": "Organisatie",
    "Kind": "Soort",
    "Valence": "Valentie",
    "Text": "Tekst",
    "Observed at": "Waargenomen op",
    "Review by": "Herbeoordelen op",
    "Start date": "Startdatum",
    "End date": "Einddatum",
    "{field} is required.": "{field} is verplicht.",
    "{field} is too long ({actual} characters; at most {max}).": "{field} is te lang ({actual} tekens; hoogstens {max}).",
    "{field} is too short (at least {min} characters).": "{field} is te kort (minstens {min} tekens).",
    "The two passphrases differ.": "De twee wachtwoordzinnen verschillen.",
    "{field}: “{value}” is not one of the allowed values.": "{field}: “{value}” is geen toegestane waarde.",
    "{field}: “{value}” is not in the framework.": "{field}: “{value}” staat niet in het kader.",
    "{field}: “{value}” is not a valid date.": "{field}: “{value}” is geen geldige datum.",
    "{field} is out of range.": "{field} valt buiten het toegestane bereik.",
    "{field} has an invalid format.": "{field} heeft een ongeldige vorm.",
    "{field} refers to something that does not exist.": "{field} verwijst naar iets dat niet bestaat.",
    "{field} lies before the start date.": "{field} ligt vóór de startdatum.",
    "{field} is invalid.": "{field} is ongeldig.",
    "This passphrase does not open the database. Nothing was changed; try again.": "Deze wachtwoordzin opent de database niet. Er is niets gewijzigd; probeer het opnieuw.",
    "No database found. Create a new one.": "Geen database gevonden. Maak een nieuwe aan.",
    "A database already exists here; unlock it instead.": "Hier staat al een database; ontgrendel die.",
    "This database was made by a newer version of Veldwerk. Update the app.": "Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk de app bij.",
    "The framework file was refused: {reason}": "Het kaderbestand is geweigerd: {reason}",
    "The demo data could not be loaded: {error}": "De demogegevens konden niet worden geladen: {error}",
    "This item no longer exists.": "Dit item bestaat niet meer.",
    "Something went wrong: {error}": "Er ging iets mis: {error}",
    "Convert a soft signal into a finding": "Zacht signaal omzetten in een bevinding",
    "Soft signal": "Zacht signaal",
    "Convert": "Omzetten",
    "Filter: words, kind, conversation…": "Filter: woorden, soort, gesprek…",
    "What we see": "Wat zien we",
    "What we think of it": "Wat vinden we ervan",
    "What next": "Hoe nu verder",
    "Judgement": "Oordeel",
    "Addressed to": "Gericht aan",
    "Context factors": "Contextfactoren",
    "Raise nationally": "Landelijk agenderen",
    "no traffic light": "geen stoplicht",
    "the network": "het netwerk",
    "one party": "één partij",
    "This finding substantiates a soft signal; that signal may therefore appear in reports.": "Deze bevinding onderbouwt een zacht signaal; dat signaal mag daardoor in rapporten komen.",
    "formative (movement)": "formatief (beweging)",
    "summative (traffic lights)": "summatief (stoplichten)",
    "+ Finding": "+ Bevinding",
    "Convert soft signal…": "Zacht signaal omzetten…",
    "Delete finding": "Bevinding verwijderen",
    "Findings per theme": "Bevindingen per thema",
    "{0} sources ({1} internal)": "{0} bronnen ({1} intern)",
    "Saved": "Opgeslagen",
    "New finding: it is saved once “What we see” has text.": "Nieuwe bevinding: wordt opgeslagen zodra “Wat zien we” tekst heeft.",
    "Changed…": "Gewijzigd…",
    "Interventions (escalation ladder)": "Interventies (escalatieladder)",
    "+ Intervention": "+ Interventie",
    "Reflections on purpose, role and effect": "Reflecties op doel, rol en effect",
    "Add reflection": "Reflectie toevoegen",
    "Reflection": "Reflectie",
    "Interventions": "Interventies",
    "Rung": "Trede",
    "Action": "Actie",
    "Planned": "Gepland",
    "Done": "Uitgevoerd",
    "Plan of action": "Plan van aanpak",
    "Overview": "Overzicht",
    "Findings": "Bevindingen",
    "Follow-up": "Vervolg",
    "Report": "Rapport",
    "Intervention": "Interventie",
    "— (the network)": "— (het netwerk)",
    "Action (ladder rung — action)": "Actie (trede — actie)",
    "Follows up finding": "Vervolg op bevinding",
    "Repeat visit": "Terugkerend bezoek",
    "Intended message": "Beoogde boodschap",
    "Rationale": "Motivering",
    "Owner": "Eigenaar",
    "Planned on": "Gepland op",
    "Done on": "Uitgevoerd op",
    "Outcome (reason if rejected)": "Uitkomst (reden bij afwijzing)",
    "Institution's response": "Reactie van de instelling",
    "Report type": "Soort rapport",
    "Report date": "Rapportdatum",
    "Language of the report": "Taal van het rapport",
    "Sections": "Onderdelen",
    "Addressees (one per line)": "Geadresseerden (één per regel)",
    "Summary": "Samenvatting",
    "Role of the inspectorate": "Rol van de inspectie",
    "Context": "Context",
    "Recommendations (one per line)": "Aanbevelingen (één per regel)",
    "Appreciation": "Waardering",
    "Method": "Werkwijze",
    "Placeholders for names in quotes": "Aanduidingen voor namen in citaten",
    "Organisation names in quotes and sources become [organisatie A], [organisatie B] ...": "Namen van organisaties in citaten en bronnen worden [organisatie A], [organisatie B] ...",
    "Preview (F5)": "Voorbeeld (F5)",
    "Save as PDF…": "Opslaan als pdf…",
    "{0}: {1} of {2} sources printable": "{0}: {1} van {2} bronnen in rapport",
    "The preview is out of date: press F5.": "Het voorbeeld is verouderd: druk op F5.",
    "Generating the report…": "Rapport wordt gemaakt…",
    "{0} pages · content hash {1}": "{0} pagina's · inhoudshash {1}",
    "Check the preview, then save it as PDF.": "Controleer het voorbeeld en sla het op als pdf.",
    "Save report": "Rapport opslaan",
    "The report could not be saved: {0}": "Het rapport kon niet worden opgeslagen: {0}",
    "Saved: {0}": "Opgeslagen: {0}",
    "progress": "vooruitgang",
    "stable": "stabiel",
    "decline": "achteruitgang",
    "not assessed": "niet beoordeeld",
    "green": "groen",
    "amber": "oranje",
    "red": "rood",
    "attachment": "bijlage",
    "stays internal: confidential": "blijft intern: vertrouwelijk",
    "stays internal: not marked for the report": "blijft intern: niet gemarkeerd voor rapport",
    "stays internal: soft signal, not converted": "blijft intern: zacht signaal, niet omgezet",
    "done": "uitgevoerd",
    "cancelled": "vervallen",
    "plan under assessment": "plan in beoordeling",
    "plan approved": "plan goedgekeurd",
    "plan rejected": "plan afgewezen",
    "before": "vooraf",
    "midway": "halverwege",
    "afterwards": "achteraf",
    "informal": "informeel",
    "recurring": "terugkerend",
    "individual address": "individueel aanspreken",
    "area report (gebiedsrapportage)": "gebiedsrapportage",
    "letter report (briefrapport)": "briefrapport",
    "Recommendations": "Aanbevelingen",
    "Charts": "Grafieken",
    "Annex: participants by role": "Bijlage: deelnemers naar rol",
    "Annex: method": "Bijlage: werkwijze",
    "Annex: sources": "Bijlage: bronnen",
    "quote": "citaat",
    "interpretation": "interpretatie",
    "question": "vraag",
    "action": "actie",
    "Traffic light": "Stoplicht",
    "Finding": "Bevinding",
    "Outcome": "Uitkomst",
    "Moment": "Moment",
    "A confidential signal can never appear in a report.": "Een vertrouwelijk signaal kan nooit in een rapport komen.",
    "This signal has already been converted into a finding.": "Dit signaal is al omgezet in een bevinding.",
    "Findings still carry traffic lights. Remove them first; then the judgement can be formative.": "Bevindingen hebben nog stoplichten. Haal die eerst weg; daarna kan het oordeel formatief worden.",
    "The import was refused: {reason}": "De import is geweigerd: {reason}",
    "Findings and report": "Bevindingen en rapport",
    "Save the finding now (it also saves by itself)": "Bevinding nu opslaan (gebeurt ook vanzelf)",
    "Report: refresh the preview": "Rapport: voorbeeld vernieuwen",
    "Sync…": "Synchronisatie…",
    "Sync with the office: status, problems, connect (F9 syncs now)": "Synchroniseren met kantoor: status, problemen, verbinden (F9 synchroniseert nu)",
    "Sync now": "Nu synchroniseren",
    "Not connected to the office · %n change(s) waiting": (
        "Niet verbonden met kantoor · %n wijziging wacht",
        "Niet verbonden met kantoor · %n wijzigingen wachten",
    ),
    "Syncing…": "Synchroniseren…",
    "Offline": "Offline",
    "This laptop was disconnected by the office": "Deze laptop is door kantoor losgekoppeld",
    "Synced {0}": "Gesynchroniseerd {0}",
    "Not synced yet": "Nog niet gesynchroniseerd",
    "%n change(s) waiting": ("%n wijziging wacht", "%n wijzigingen wachten"),
    "%n problem(s)": ("%n probleem", "%n problemen"),
    "Sync with the office": "Synchroniseren met kantoor",
    "Connect this laptop": "Deze laptop verbinden",
    "Connect to the office": "Verbinden met kantoor",
    "Server address": "Serveradres",
    "Name of this laptop": "Naam van deze laptop",
    "User name": "Gebruikersnaam",
    "Password": "Wachtwoord",
    "or enrolment code": "of aanmeldcode",
    "Sync now (F9)": "Nu synchroniseren (F9)",
    "Keep mine": "Mijn versie houden",
    "Keep theirs": "Hun versie houden",
    "Save my edit": "Mijn bewerking opslaan",
    "Everything on this laptop, encrypted with a password of its own": "Alles op deze laptop, versleuteld met een eigen wachtwoord",
    "My version": "Mijn versie",
    "Current version": "Huidige versie",
    "Problems": "Problemen",
    "Or write what it should be:": "Of schrijf wat het moet zijn:",
    "This database holds demo data and never syncs with the office.": "Deze database bevat demogegevens en wordt nooit met kantoor gesynchroniseerd.",
    "This laptop is not connected to an office store yet.": "Deze laptop is nog niet met kantoor verbonden.",
    "{0} as {1} · {2}": "{0} als {1} · {2}",
    "Connecting…": "Verbinden…",
    "Connected. The first sync starts now.": "Verbonden. De eerste synchronisatie begint nu.",
    "A database with demo data never syncs with the office.": "Een database met demogegevens wordt nooit met kantoor gesynchroniseerd.",
    "This laptop is already connected.": "Deze laptop is al verbonden.",
    "The office store cannot be reached. Check the address and the network.": "Kantoor is niet bereikbaar. Controleer het adres en het netwerk.",
    "The office refused: unknown user, wrong password or an invalid code.": "Kantoor weigerde: onbekende gebruiker, verkeerd wachtwoord of ongeldige code.",
    "The office did not accept these details: {0}": "Kantoor accepteerde deze gegevens niet: {0}",
    "Sending changes: {0} of {1}": "Wijzigingen versturen: {0} van {1}",
    "Sending files: {0} of {1}": "Bestanden versturen: {0} van {1}",
    "Receiving: {0} changes, {1} %": "Ontvangen: {0} wijzigingen, {1} %",
    "Receiving: {0} changes": "Ontvangen: {0} wijzigingen",
    "Sync finished.": "Synchronisatie klaar.",
    "The office does not know this laptop (anymore). Connect it again.": "Kantoor kent deze laptop (niet meer). Verbind hem opnieuw.",
    "Sync stopped: {0}": "Synchronisatie gestopt: {0}",
    "Refused by the office": "Geweigerd door kantoor",
    "Unknown framework version": "Onbekende kaderversie",
    "Repeat it:": "Herhaal het:",
    "The two passwords differ.": "De twee wachtwoorden verschillen.",
    "Fetching {0} from the office…": "{0} wordt bij kantoor opgehaald…",
    "This file is kept at the office and cannot be fetched now (offline or not connected).": (
        "Dit bestand staat bij kantoor en kan nu niet worden opgehaald (offline of niet verbonden)."
    ),
    "Demo data: stays on this laptop": "Demogegevens: blijven op deze laptop",
    "Sync with the office now": "Nu synchroniseren met kantoor",
    # issue 12: trust at every seam
    "{field} has the wrong type of value.": "{field} heeft het verkeerde soort waarde.",
    "{field} contains a character that cannot be stored.": "{field} bevat een teken dat niet kan worden opgeslagen.",
    "This laptop holds changes of another user that were not sent yet. Connect with that user's account, or make a rescue export and ask the administrator.": (
        "Deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden. Verbind met het "
        "account van die gebruiker, of maak een reddingsexport en neem contact op met de beheerder."
    ),
    "This laptop holds changes of another user that were not sent yet.": (
        "Deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden."
    ),
    'Your text clashed with a colleague\'s change; your version is in <a href="sync">Sync with the office</a>.': (
        "Uw tekst botste met een wijziging van een collega; uw versie staat in "
        '<a href="sync">Synchroniseren met kantoor</a>.'
    ),
    "A colleague removed this paragraph while you typed in it; your text was kept": (
        "Een collega verwijderde deze alinea terwijl u erin typte; uw tekst is bewaard"
    ),
    "This value was changed again since; look at the current version first.": (
        "Deze waarde is sindsdien opnieuw gewijzigd; bekijk eerst de huidige versie."
    ),
    "ReportRelease|internal": "intern",  # not released for the report (elsewhere: the IGJ-internal level)
    "confidential": "vertrouwelijk",
    "in report": "in rapport",
    "IGJ internal": "IGJ-intern",
    "Restricted": "Beperkt",
    "Reporter-confidential": "Melder-vertrouwelijk",
    "Release for the report…": "Vrijgeven voor het rapport…",
    "Withdraw from the report": "Terugtrekken uit het rapport",
    "Release for the report": "Vrijgeven voor het rapport",
    "Release this item for the report? It may then be printed as evidence of a finding. It must not name a person or a reporter.": (
        "Dit onderdeel vrijgeven voor het rapport? Het kan dan worden afgedrukt als onderbouwing van een "
        "bevinding. Het mag geen persoon of melder noemen."
    ),
    "Release": "Vrijgeven",
    "Report…": "Rapport…",
    "Release the selected event for the report, or set its confidentiality": (
        "De gekozen gebeurtenis vrijgeven voor het rapport, of de vertrouwelijkheid instellen"
    ),
    "Release this score for the report, or set its confidentiality": (
        "Deze score vrijgeven voor het rapport, of de vertrouwelijkheid instellen"
    ),
    "%n record(s) from the office set aside": (
        "%n record van kantoor apart gezet",
        "%n records van kantoor apart gezet",
    ),
    "Set aside from the office · {0} {1} · {2}": "Apart gezet van kantoor · {0} {1} · {2}",
    "%n record(s) waiting for access: sent again on every sync until the office gives you access": (
        "%n record wacht op toegang: het wordt bij elke synchronisatie opnieuw verstuurd tot kantoor u toegang geeft",
        "%n records wachten op toegang: ze worden bij elke synchronisatie opnieuw verstuurd tot kantoor u toegang geeft",
    ),
    "Yours (won)": "Uw versie (gewonnen)",
    "Colleague's (lost)": "Versie van collega (verloren)",
    "Yours (lost)": "Uw versie (verloren)",
    "The office has disabled this user account. Contact the administrator.": (
        "Het kantoor heeft dit gebruikersaccount geblokkeerd. Neem contact op met de beheerder."
    ),
    "Too many failed attempts. Wait a few minutes and try again.": (
        "Te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw."
    ),
    "The office is busy. Try again in a moment.": "Het kantoor is bezet. Probeer het zo opnieuw.",
    "This address starts with http://: your password and notes would cross the network unencrypted. Use https://, or ask the administrator.": (
        "Dit adres begint met http://: uw wachtwoord en aantekeningen zouden onversleuteld over het netwerk "
        "gaan. Gebruik https:// of vraag het de beheerder."
    ),
    "The certificate file in the settings cannot be read: {0}": (
        "Het certificaatbestand in de instellingen kan niet worden gelezen: {0}"
    ),
    "The office's certificate is not trusted. Ask the administrator for the organisation's certificate file (setting ca_bundle).": (
        "Het certificaat van het kantoor wordt niet vertrouwd. Vraag de beheerder om het certificaatbestand "
        "van de organisatie (instelling ca_bundle)."
    ),
    "The office has disabled your account. Your work is kept here and is sent once the administrator enables the account again.": (
        "Het kantoor heeft uw account geblokkeerd. Uw werk blijft hier bewaard en wordt verstuurd zodra de "
        "beheerder het account weer vrijgeeft."
    ),
    "Your typing overlapped a colleague's change to the same words": (
        "Uw typwerk overlapte met de wijziging van een collega in dezelfde woorden"
    ),
    "Include restricted and reporter-confidential items": (
        "Ook beperkt toegankelijke en melder-vertrouwelijke gegevens opnemen"
    ),
    "A confidential item is never released for the report. Change its confidentiality first.": (
        "Een vertrouwelijk onderdeel wordt nooit vrijgegeven voor het rapport. Pas eerst de vertrouwelijkheid aan."
    ),
    "{path} is a folder. Choose a file name to export to.": (
        "{path} is een map. Kies een bestandsnaam om naar te exporteren."
    ),
    "The folder of {path} does not exist. Nothing was written.": (
        "De map van {path} bestaat niet. Er is niets geschreven."
    ),
    "{path} cannot be written here (no permission). Nothing was written.": (
        "{path} kan hier niet worden geschreven (geen rechten). Er is niets geschreven."
    ),
    "{path} could not be written (disk full or removed?). Nothing was written.": (
        "{path} kon niet worden geschreven (schijf vol of verwijderd?). Er is niets geschreven."
    ),
}

NL.update(
    {
        "%n signal(s) about these subjects": (
            "%n signaal over deze onderwerpen",
            "%n signalen over deze onderwerpen",
        ),
        "%n open concern(s)": ("%n open aandachtspunt", "%n open aandachtspunten"),
        "{0} · {1} · {2} · %n conversation(s)": (
            "{0} · {1} · {2} · %n gesprek",
            "{0} · {1} · {2} · %n gesprekken",
        ),
        "%n source(s) ({0} internal)": ("%n bron ({0} intern)", "%n bronnen ({0} intern)"),
        "{0}: {1} of %n source(s) printable": (
            "{0}: {1} van %n bron in rapport",
            "{0}: {1} van %n bronnen in rapport",
        ),
        "%n page(s) · content hash {0}": ("%n pagina · inhoudshash {0}", "%n pagina's · inhoudshash {0}"),
        "Receiving: %Ln change(s), {0} %": (
            "Ontvangen: %Ln wijziging, {0} %",
            "Ontvangen: %Ln wijzigingen, {0} %",
        ),
        "Receiving: %Ln change(s)": ("Ontvangen: %Ln wijziging", "Ontvangen: %Ln wijzigingen"),
        "Status": "Status",
        "About Veldwerk": "Over Veldwerk",
        "About Veldwerk…": "Over Veldwerk…",
        "Version {0}": "Versie {0}",
        "Field work for health-care inspectors, also without a connection.": (
            "Veldwerk voor inspecteurs in de zorg, ook zonder verbinding."
        ),
        "Database": "Database",
        "Logs": "Logbestanden",
        "Open data folder": "Gegevensmap openen",
        "Bundled parts and their licences (double-click: licence text)": (
            "Meegeleverde onderdelen en hun licenties (dubbelklik: licentietekst)"
        ),
        "Part": "Onderdeel",
        "Version": "Versie",
        "Licence": "Licentie",
        "No findings yet. Write the first one in the form beside this list: it is saved once “What we see” has text. “+ Finding” starts another; “Convert soft signal…” turns a soft signal into a substantiated finding.": (
            "Nog geen bevindingen. Schrijf de eerste in het formulier naast deze lijst: die wordt opgeslagen "
            "zodra “Wat zien we” tekst heeft. “+ Bevinding” begint een nieuwe; “Zacht signaal omzetten…” maakt "
            "van een zacht signaal een onderbouwde bevinding."
        ),
        "Observed by": "Waargenomen door",
        "Change passphrase": "Wachtwoordzin wijzigen",
        "Change passphrase…": "Wachtwoordzin wijzigen…",
        "The app locks for a moment and opens again with the new passphrase. It cannot be recovered: write it down somewhere safe.": (
            "De app vergrendelt even en opent weer met de nieuwe wachtwoordzin. Die is niet te herstellen: "
            "bewaar hem op een veilige plek."
        ),
        "Current passphrase": "Huidige wachtwoordzin",
        "New passphrase": "Nieuwe wachtwoordzin",
        "Repeat new passphrase": "Herhaal de nieuwe wachtwoordzin",
        "The new passphrase is the same as the current one.": "De nieuwe wachtwoordzin is gelijk aan de huidige.",
        "The current passphrase is not right. Nothing was changed.": (
            "De huidige wachtwoordzin klopt niet. Er is niets gewijzigd."
        ),
        "Count a speaking turn for that tile": "Een spreekbeurt tellen voor die tegel",
        "Undo / redo the last turn or event, one at a time": (
            "De laatste spreekbeurt of gebeurtenis ongedaan maken / opnieuw, één voor één"
        ),
        "In the note line: add the note to the timeline": "In de notitieregel: de notitie aan de tijdlijn toevoegen",
        "Event: {0}": "Gebeurtenis: {0}",
        "Group-session board": "Bord groepsgesprek",
        # a note's kinds (context note_kind): the PDF's words, "duiding" for interpretation
        "note_kind|observation": "waarneming",
        "note_kind|quote": "citaat",
        "note_kind|interpretation": "duiding",
        "note_kind|question": "vraag",
        "note_kind|action": "actie",
    }
)


NL.update(SENSE)
for _table in (DECISIONS, OVERLEG, TRAJECTORIES, HANDOVER):
    NL.update(_table)

# The passphrase change (Settings).
NL.update(
    {
        "Changing the passphrase…": "De wachtwoordzin wordt gewijzigd…",
        "Passphrase changed. Use the new one from now on.": "Wachtwoordzin gewijzigd. Gebruik voortaan de nieuwe.",
        "The passphrase was not changed: {0}": "De wachtwoordzin is niet gewijzigd: {0}",
    }
)

# One vocabulary (issue #13, 6): replaces finished translations too. One term per concept, as
# in the PDF report: "onderbouwing" for evidence, "duiding" for interpretation, "waarneming"
# for a note's observation; formal "u" throughout; no anglicisms ("support", "Batch",
# "Reddingsexport", "records", "items").
REVISED: dict[str, str | tuple[str, str]] = {
    "This item no longer exists.": "Dit onderdeel bestaat niet meer.",
    "{field} does not fit this item.": "{field} past niet bij dit onderdeel.",
    "A soft signal stays internal. It can appear in a report only as a substantiated finding: write the finding and add at least one further piece of evidence that may be reported.": (
        "Een zacht signaal blijft intern. Het kan alleen in een rapport komen als onderbouwde bevinding: "
        "schrijf de bevinding en voeg minstens één andere onderbouwing toe die in een rapport mag."
    ),
    "Evidence from the session": "Onderbouwing uit de sessie",
    "Add evidence": "Onderbouwing toevoegen",
    "Evidence to choose from": "Onderbouwing om uit te kiezen",
    "Brown items stay internal: they support the finding but are not printed in reports.": (
        "Bruine onderdelen blijven intern: ze onderbouwen de bevinding, maar komen niet in rapporten."
    ),
    "Evidence (brown: stays internal)": "Onderbouwing (bruin: blijft intern)",
    "+ Evidence…": "+ Onderbouwing…",
    "Remove evidence": "Onderbouwing weghalen",
    "Evidence of this finding": "Onderbouwing van deze bevinding",
    "Evidence": "Onderbouwing",
    "Evidence (%n)": ("Onderbouwing (%n)", "Onderbouwing (%n)"),
    "evidence in words": "onderbouwing in woorden",
    "Every change is saved at once. A score other than neutral needs evidence from the session: use the Evidence button.": (
        "Elke wijziging wordt direct opgeslagen. Een score anders dan neutraal vraagt onderbouwing uit de "
        "sessie: gebruik de knop Onderbouwing."
    ),
    "Only a soft signal is converted; a hard one can be evidence as it is.": (
        "Alleen een zacht signaal wordt omgezet; een hard signaal kan zo als onderbouwing dienen."
    ),
    "Add at least one further piece of evidence that may appear in a report (a marked note, a hard signal, an observation): a soft signal alone is not a finding.": (
        "Voeg minstens één andere onderbouwing toe die in een rapport mag (een gemarkeerde notitie, een hard "
        "signaal, een observatie): een zacht signaal alleen is geen bevinding."
    ),
    "This finding substantiates a soft signal; that signal must stay among its evidence.": (
        "Deze bevinding onderbouwt een zacht signaal; dat signaal moet bij de onderbouwing blijven."
    ),
    "A score other than neutral needs evidence: pick a note or event from the session.": (
        "Een score anders dan neutraal vraagt onderbouwing: kies een notitie of gebeurtenis uit de sessie."
    ),
    "Kind: observation, quote, interpretation, question, action": "Soort: waarneming, citaat, duiding, vraag, actie",
    "Type your notes. Enter starts a new paragraph; Ctrl+1..5 sets its kind (observation, quote, interpretation, question, action); Ctrl+Q makes the selection a quote.": (
        "Typ uw notities. Enter begint een nieuwe alinea; Ctrl+1..5 zet de soort (waarneming, citaat, duiding, "
        "vraag, actie); Ctrl+Q maakt van de selectie een citaat."
    ),
    "The office store cannot be reached. Your work is kept and sent later.": (
        "Het kantoor is niet bereikbaar. Uw werk blijft bewaard en wordt later verstuurd."
    ),
    "The office has disconnected this laptop. Everything you recorded is still here, including what was not sent yet. Make a rescue export below and contact the administrator.": (
        "Het kantoor heeft deze laptop losgekoppeld. Alles wat u vastlegde staat er nog, ook wat nog niet "
        "verstuurd was. Maak hieronder een noodkopie en neem contact op met de beheerder."
    ),
    "This laptop holds changes of another user that were not sent yet. Connect with that user's account, or make a rescue export and ask the administrator.": (
        "Deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden. Verbind met het "
        "account van die gebruiker, of maak een noodkopie en neem contact op met de beheerder."
    ),
    "The office refused the changes as a whole; they are kept here. Contact support.": (
        "Het kantoor weigerde de wijzigingen als geheel; ze blijven hier bewaard. Neem contact op met de beheerder."
    ),
    "The database is damaged. A backup is in the backups folder; contact support.": (
        "De database is beschadigd. Een reservekopie staat in de map backups; neem contact op met de beheerder."
    ),
    "Your change lost to a concurrent one": "Uw wijziging verloor van een gelijktijdige",
    "Your change won over a concurrent one": "Uw wijziging won van een gelijktijdige",
    "Your value was overwritten by a later change elsewhere": "Uw waarde is overschreven door een latere wijziging elders",
    "Batch refused": "Verzending geweigerd",
    "Rescue export…": "Noodkopie maken…",
    "Rescue export written to {0}": "Noodkopie geschreven naar {0}",
    "Rescue export": "Noodkopie",
    "Rescue password (at least 12 characters):": "Wachtwoord voor de noodkopie (minstens 12 tekens):",
    "The rescue file cannot be opened: {reason}": "De noodkopie kan niet worden geopend: {reason}",
    "%n record(s) waiting for access": ("%n onderdeel wacht op toegang", "%n onderdelen wachten op toegang"),
    "%n record(s) from the office set aside": (
        "%n onderdeel van kantoor apart gezet",
        "%n onderdelen van kantoor apart gezet",
    ),
    "%n record(s) waiting for access: sent again on every sync until the office gives you access": (
        "%n onderdeel wacht op toegang: het wordt bij elke synchronisatie opnieuw verstuurd tot het kantoor u "
        "toegang geeft",
        "%n onderdelen wachten op toegang: ze worden bij elke synchronisatie opnieuw verstuurd tot het kantoor u "
        "toegang geeft",
    ),
}


def _lookup(
    table: dict[str, str | tuple[str, str]], context: str, source: str
) -> str | tuple[str, str] | None:
    return table.get(f"{context}|{source}", table.get(source))  # "Context|source": one context's own word


def _write(message: ET.Element, translation: ET.Element, value: str | tuple[str, str]) -> None:
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        forms = value if isinstance(value, tuple) else (value, value)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value if isinstance(value, str) else value[0]
    translation.attrib.pop("type", None)


def fill() -> list[str]:
    """Fill unfinished entries from ``NL`` and apply ``REVISED`` to every entry; returns the
    sources still without a translation."""
    tree = ET.parse(TS)
    missing = []
    messages = ((c.findtext("name") or "", m) for c in tree.iter("context") for m in c.iter("message"))
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if "%n" in source and message.get("numerus") != "yes":
            # pyside6-lupdate marks only self.tr(..., n) as a plural; QCoreApplication.translate
            # with a count is read as a plain message, which Qt then cannot look up for n != 1.
            message.set("numerus", "yes")
            plain = translation.text or ""
            translation.text = None
            known = _lookup(REVISED, context, source) or _lookup(NL, context, source)
            if known is None and translation.get("type") != "unfinished" and plain:
                known = (plain, plain)
            if known is not None:
                _write(message, translation, known)
                continue
        revised = _lookup(REVISED, context, source)
        if revised is not None:
            _write(message, translation, revised)
            continue
        if translation.get("type") != "unfinished":
            continue
        value = _lookup(NL, context, source)
        if value is None:
            missing.append(f"{context}|{source}")
            continue
        _write(message, translation, value)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return missing


def compile_qm() -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(QM)], check=True)


if __name__ == "__main__":
    gaps = fill()
    compile_qm()
    for gap in gaps:
        print("untranslated:", gap)
    raise SystemExit(1 if gaps else 0)
