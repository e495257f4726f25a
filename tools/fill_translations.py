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
    "Evidence from the session": "Bewijs uit de sessie",
    "Synthesis of the session": "Synthese van de sessie",
    "Every change is saved at once. A score other than neutral needs evidence from the session: use the Evidence button.": "Elke wijziging wordt direct opgeslagen. Een score anders dan neutraal vraagt bewijs uit de sessie: gebruik de knop Bewijs.",
    "0 not observed": "0 niet waargenomen",
    "1 somewhat": "1 enigszins",
    "2 clearly": "2 duidelijk",
    "not applicable": "niet van toepassing",
    "balanced": "in balans",
    "yes": "ja",
    "no": "nee",
    "evidence in words": "bewijs in woorden",
    "discussed": "besproken",
    "deliberate choice": "bewuste keuze",
    "This participant is marked absent.": "Deze deelnemer staat als afwezig.",
    "{field} belongs to another conversation.": "{field} hoort bij een ander gesprek.",
    "{field} does not fit this item.": "{field} past niet bij dit item.",
    "A score other than neutral needs evidence: pick a note or event from the session.": "Een score anders dan neutraal vraagt bewijs: kies een notitie of gebeurtenis uit de sessie.",
    "The file is empty.": "Het bestand is leeg.",
    "The file is too large to attach.": "Het bestand is te groot om toe te voegen.",
    "This kind of file cannot be attached (photos, PDF, Office and text files can).": "Dit soort bestand kan niet worden toegevoegd (foto's, PDF-, Office- en tekstbestanden wel).",
    "The image cannot be read: the file is damaged or not an image.": "De afbeelding is onleesbaar: het bestand is beschadigd of geen afbeelding.",
    "This file is already attached here.": "Dit bestand is hier al toegevoegd.",
    "The attachment's file is missing on this laptop.": "Het bestand van de bijlage ontbreekt op deze laptop.",
    "The attachment's file was changed outside Veldwerk and is not shown.": "Het bestand van de bijlage is buiten Veldwerk gewijzigd en wordt niet getoond.",
    "The attachment reference is invalid.": "De verwijzing naar de bijlage is ongeldig.",
    "Evidence (%n)": ("Bewijs (%n)", "Bewijs (%n)"),
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
    "Kind: observation, quote, interpretation, question, action": "Soort: waarneming, citaat, interpretatie, vraag, actie",
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
    "Type your notes. Enter starts a new paragraph; Ctrl+1..5 sets its kind (observation, quote, interpretation, question, action); Ctrl+Q makes the selection a quote.": "Typ uw notities. Enter begint een nieuwe alinea; Ctrl+1..5 zet de soort (waarneming, citaat, interpretatie, vraag, actie); Ctrl+Q maakt van de selectie een citaat.",
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
    "The database is damaged. A backup is in the backups folder; contact support.": "De database is beschadigd. Een reservekopie staat in de map backups; neem contact op met support.",
    "This database was made by a newer version of Veldwerk. Update the app.": "Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk de app bij.",
    "The framework file was refused: {reason}": "Het kaderbestand is geweigerd: {reason}",
    "The demo data could not be loaded: {error}": "De demogegevens konden niet worden geladen: {error}",
    "This item no longer exists.": "Dit item bestaat niet meer.",
    "Something went wrong: {error}": "Er ging iets mis: {error}",
}


def fill() -> list[str]:
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished":
            continue
        value = NL.get(source)
        if value is None:
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            forms = value if isinstance(value, tuple) else (value, value)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        del translation.attrib["type"]
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
