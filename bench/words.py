"""Dutch-looking care and inspection text from word lists, for the data generator.

Words are drawn with Zipf-like frequencies (function words and "zorg" are everywhere,
"decubitus" is rare), and about one word in twenty is a Dutch compound of two stems
("medicatie" + "overdracht"), which gives the long tail of distinct terms that real
notes have. Everything is deterministic for a given ``random.Random`` seed.
"""

from __future__ import annotations

import itertools
import random


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FUNCTION_WORDS = _split(
    "de het een en van in is op dat te met voor niet zijn er die aan om ook bij als door naar"
    " wordt worden maar nog over wel geen dit zij ze we hij heeft hebben kan moet zou was waren"
    " werd dan omdat volgens tijdens na tot meer veel vaak soms altijd nooit goed hier daar"
)

CARE_WORDS = _split(
    "zorg cliënt cliënten medewerkers bewoner bewoners patiënt patiënten afdeling team teams"
    " bestuur directie raad toezicht zorgverlener zorgverleners verpleegkundige verpleegkundigen"
    " arts artsen specialist huisarts apotheker begeleider begeleiders familie naasten mantelzorger"
    " medicatie dossier zorgplan overdracht overleg rapportage signaal signalen melding meldingen"
    " incident incidenten risico risico's veiligheid kwaliteit cultuur verbetering verbeteringen"
    " afspraak afspraken protocol protocollen werkwijze procedure beleid visie sturing leiderschap"
    " bezetting personeel inzet uitval ziekteverzuim roosters nachtdienst dagdienst avonddienst"
    " evaluatie evalueren bespreken besproken gesprek gesprekken interview rondgang observatie"
    " inspecteur inspecteurs inspectie bevinding bevindingen norm normen kader toetsingskader"
    " locatie instelling organisatie zorggroep stichting wijkteam gemeente zorgkantoor netwerk"
    " samenwerking keten regio huisartsenpost ziekenhuis verpleeghuis thuiszorg ggz jeugdzorg"
    " gehandicaptenzorg wachtlijst wachttijd toegang continuïteit deskundigheid scholing opleiding"
    " bekwaamheid bevoegdheid handtekening aftekenlijst toediening dubbele controle fout fouten"
    " vallen valpartij wond wonden pijn voeding vocht hygiëne infectie isolatie mondzorg"
    " onrust agressie gedrag probleemgedrag vrijheidsbeperking maatregel maatregelen toestemming"
    " vertegenwoordiger wilsbekwaam wilsonbekwaam mentor curator klacht klachten klachtenfunctionaris"
    " cliëntenraad ondernemingsraad verpleegkundigenraad jaarverslag begroting financiële middelen"
    " vertrouwen openheid aanspreekcultuur leren terugkoppeling feedback reflectie casuïstiek"
    " ervaring ervaringen tevredenheid zorgen twijfel indruk beeld duidelijk onduidelijk onvoldoende"
    " voldoende positief negatief zorgelijk kwetsbaar ernstig structureel incidenteel recent"
    " gisteren vandaag vorige week maand jaar afgelopen eerder later direct binnenkort"
    " geeft aan vertelt noemt benoemt ervaart merkt ziet verwacht vindt herkent bevestigt ontkent"
    " geïnformeerd gecoördineerd coördinator ideeën reëel efficiënt privé één"
)

RARE_WORDS = _split(
    "decubitus separeer fixatie dwangzorg meldcode calamiteit valincident sondevoeding insuline"
    " anticoagulantia opiaten delier dementie palliatief euthanasie reanimatie beademing"
    " sepsis mrsa legionella brandveiligheid ontruiming noodplan domotica camerabewaking"
    " uitluisteren tilliften bedhekken onrustband gesloten afdeling wzd wvggz bopz wkkgz"
    " triage spoedeisende ambulance verwarde vermissing suïcide zelfbeschadiging verslaving"
    " methadon alcohol middelengebruik huiselijk geweld kindermishandeling zedenzaak"
)

STEMS = _split(
    "zorg medicatie cliënt team dienst nacht dag wond val risico kwaliteit veiligheid"
    " overdracht overleg plan verbeter incident melding bewoner familie bestuur afdeling"
    " locatie personeel rooster scholing protocol dossier signaal toezicht keten netwerk"
    " verpleeg leer pijn voeding hygiëne infectie gedrag"
)

SUFFIXES = _split(
    "plan overleg beleid cultuur proces dossier register lijst systeem functionaris"
    " coördinator moment ronde gesprek analyse rapport team dienst fout risico"
)

RARE_DAMPING = 0.15  # rare words appear in well under 1 % of paragraphs

ORG_PREFIXES = ("Zorggroep", "Stichting", "Woonzorgcentrum", "GGZ", "Thuiszorg", "Zorgcentrum", "Jeugdzorg")
ORG_NAMES = _split(
    "De Linde Het Baken Oosterlicht Rivierduinen De Wingerd Vitalis Amaris Careyn Zonnehuis"
    " De Zellingen Het Anker De Regenboog Waalboog Sensire Lentis Pluryn Cordaan Laurens Tante Louise"
)
REGIONS = ("Noord", "Oost", "Zuid", "West", "Midden", "Randstad")
PLACES = _split(
    "Utrecht Zwolle Arnhem Nijmegen Leiden Delft Haarlem Groningen Leeuwarden Assen Breda Tilburg"
    " Eindhoven Maastricht Venlo Deventer Apeldoorn Amersfoort Gouda Dordrecht Alkmaar Hoorn"
)
CONVERSATION_TYPES = (
    "interview",
    "groepsgesprek",
    "focusgroep",
    "rondgang",
    "netwerkoverleg",
    "dossierstudie",
)
SPEAKER_ROLES = ("bestuurder", "manager", "verpleegkundige", "arts", "begeleider", "client", "naaste", None)


class TextMaker:
    """Makes sentences and paragraphs of 'Dutch' text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # Rare words at the end: Zipf gives them the lowest weights.
        vocab = [*FUNCTION_WORDS, *CARE_WORDS, *RARE_WORDS]
        self.vocab = vocab
        rare_from = len(FUNCTION_WORDS) + len(CARE_WORDS)
        weights = [
            (RARE_DAMPING if rank >= rare_from else 1.0) / (rank + 1) ** 1.05 for rank in range(len(vocab))
        ]
        self.cum_weights = list(itertools.accumulate(weights))

    def _compound(self) -> str:
        return self.rng.choice(STEMS) + self.rng.choice(SUFFIXES)

    def words(self, n: int) -> list[str]:
        out = self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n)
        for i in range(0, n, 20):  # about one compound per twenty words
            j = i + self.rng.randrange(20)
            if j < n:
                out[j] = self._compound()
        return out

    def text(self, low: int, high: int) -> str:
        """A paragraph of ``low``-``high`` words (skewed towards the short end), in sentences."""
        n = int(self.rng.triangular(low, high, low + (high - low) * 0.25))
        words = self.words(n)
        sentences = []
        i = 0
        while i < n:
            length = self.rng.randint(6, 18)
            chunk = words[i : i + length]
            chunk[0] = chunk[0].capitalize()
            sentences.append(" ".join(chunk) + ".")
            i += length
        return " ".join(sentences)

    def title(self) -> str:
        return " ".join(self.words(self.rng.randint(3, 6))).capitalize()

    def org_name(self) -> str:
        return f"{self.rng.choice(ORG_PREFIXES)} {self.rng.choice(ORG_NAMES)} {self.rng.choice(PLACES)}"
