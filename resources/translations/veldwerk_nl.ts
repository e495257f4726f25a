<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="146" />
        <source>About Veldwerk</source>
        <translation>Over Veldwerk</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="156" />
        <source>Version {0}</source>
        <translation>Versie {0}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="158" />
        <source>Field work for health-care inspectors, also without a connection.</source>
        <translation>Veldwerk voor inspecteurs in de zorg, ook zonder verbinding.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="168" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="169" />
        <source>Logs</source>
        <translation>Logbestanden</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="170" />
        <source>Open data folder</source>
        <translation>Gegevensmap openen</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="180" />
        <source>Bundled parts and their licences (double-click: licence text)</source>
        <translation>Meegeleverde onderdelen en hun licenties (dubbelklik: licentietekst)</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="184" />
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="184" />
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="184" />
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
</context>
<context>
    <name>AccountHolderDialog</name>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="51" />
        <source>Change account holder</source>
        <translation>Accounthouder wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="70" />
        <source>e.g. leave, new portfolio, workload</source>
        <translation>bijv. verlof, nieuwe portefeuille, werkdruk</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="72" />
        <source>New account holder</source>
        <translation>Nieuwe accounthouder</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="73" />
        <location filename="../../ui/account_holder_dialog.py" line="82" />
        <source>Since</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="74" />
        <location filename="../../ui/account_holder_dialog.py" line="82" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="82" />
        <source>Account holder</source>
        <translation>Accounthouder</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="82" />
        <source>Recorded by</source>
        <translation>Vastgelegd door</translation>
    </message>
    <message>
        <location filename="../../ui/account_holder_dialog.py" line="101" />
        <source>Account holders (current first)</source>
        <translation>Accounthouders (huidige eerst)</translation>
    </message>
</context>
<context>
    <name>AgendaPack</name>
    <message>
        <location filename="../../ui/agenda_pack_view.py" line="25" />
        <source>None.</source>
        <translation>Geen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="35" />
        <source>+ %n internal item(s) left out</source>
        <translation><numerusform>+ %n intern onderdeel niet opgenomen</numerusform><numerusform>+ %n interne onderdelen niet opgenomen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="40" />
        <source>New since the last review on {0} (%n)</source>
        <translation><numerusform>Nieuw sinds de vorige bespreking op {0} (%n)</numerusform><numerusform>Nieuw sinds de vorige bespreking op {0} (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="43" />
        <source>Never reviewed before: all signals (%n)</source>
        <translation><numerusform>Nooit eerder besproken: alle signalen (%n)</numerusform><numerusform>Nooit eerder besproken: alle signalen (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="54" />
        <source>%n signal(s) in its evidence matrix</source>
        <translation><numerusform>%n signaal in de onderbouwingsmatrix</numerusform><numerusform>%n signalen in de onderbouwingsmatrix</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="58" />
        <source>Open concerns (%n)</source>
        <translation><numerusform>Open aandachtspunten (%n)</numerusform><numerusform>Open aandachtspunten (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="63" />
        <source>Contradictions and incongruences (%n)</source>
        <translation><numerusform>Tegenspraak en incongruentie (%n)</numerusform><numerusform>Tegenspraak en incongruentie (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="68" />
        <source>Past their review date (%n)</source>
        <translation><numerusform>Herbeoordeling verlopen (%n)</numerusform><numerusform>Herbeoordeling verlopen (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="75" />
        <source>Planned interventions (%n)</source>
        <translation><numerusform>Geplande interventies (%n)</numerusform><numerusform>Geplande interventies (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/agenda_pack_view.py" line="77" />
        <source>late</source>
        <translation>te laat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="82" />
        <source>Trajectory reports due (%n)</source>
        <translation><numerusform>Verwachte trajectrapportages (%n)</numerusform><numerusform>Verwachte trajectrapportages (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/agenda_pack_view.py" line="89" />
        <source>Come back on {0}</source>
        <translation>Terugkomen op {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/agenda_pack_view.py" line="94" />
        <source>Decisions in this meeting (%n)</source>
        <translation><numerusform>Besluiten in dit overleg (%n)</numerusform><numerusform>Besluiten in dit overleg (%n)</numerusform></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/attachments_panel.py" line="71" />
        <source>Attachments (drop files here)</source>
        <translation>Bijlagen (sleep bestanden hierheen)</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="72" />
        <source>+ Photo or document</source>
        <translation>+ Foto of document</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="73" />
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="136" />
        <source>Add photos or documents</source>
        <translation>Foto's of documenten toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="200" />
        <source>Fetching {0} from the office…</source>
        <translation>{0} wordt bij kantoor opgehaald…</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="215" />
        <source>This file is kept at the office and cannot be fetched now (offline or not connected).</source>
        <translation>Dit bestand staat bij kantoor en kan nu niet worden opgehaald (offline of niet verbonden).</translation>
    </message>
    <message>
        <location filename="../../ui/attachments_panel.py" line="221" />
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
</context>
<context>
    <name>ConcernEditor</name>
    <message numerus="yes">
        <location filename="../../ui/concern_data.py" line="54" />
        <source>%n signal(s)</source>
        <translation><numerusform>%n signaal</numerusform><numerusform>%n signalen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/concern_data.py" line="55" />
        <source>%n independent source(s)</source>
        <translation><numerusform>%n onafhankelijke bron</numerusform><numerusform>%n onafhankelijke bronnen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/concern_data.py" line="56" />
        <source>%n entrance(s)</source>
        <translation><numerusform>%n ingang</numerusform><numerusform>%n ingangen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/concern_data.py" line="57" />
        <source>%n observer(s)</source>
        <translation><numerusform>%n waarnemer</numerusform><numerusform>%n waarnemers</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/concern_data.py" line="61" />
        <source>period {0} – {1}</source>
        <translation>periode {0} – {1}</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="91" />
        <location filename="../../ui/concern_editor.py" line="96" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="97" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="98" />
        <source>Evidence matrix</source>
        <translation>Matrix van onderbouwing</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="132" />
        <source>e.g. Something may be wrong with night staffing on 3 Oost</source>
        <translation>bijv. Er speelt mogelijk iets met de nachtbezetting op 3 Oost</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="142" />
        <source>Change status…</source>
        <translation>Status wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="163" />
        <location filename="../../ui/concern_fields.py" line="60" />
        <source>Statement</source>
        <translation>Vermoeden</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="164" />
        <location filename="../../ui/concern_fields.py" line="61" />
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="165" />
        <location filename="../../ui/concern_fields.py" line="62" />
        <source>Alternative explanations</source>
        <translation>Alternatieve verklaringen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="166" />
        <location filename="../../ui/concern_fields.py" line="63" />
        <source>Open questions</source>
        <translation>Open vragen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="169" />
        <source>by</source>
        <translation>door</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="171" />
        <source>before</source>
        <translation>vooraf</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="173" />
        <location filename="../../ui/concern_fields.py" line="64" />
        <source>Next verification step</source>
        <translation>Volgende verificatiestap</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="176" />
        <location filename="../../ui/concern_fields.py" line="68" />
        <source>Next review</source>
        <translation>Volgende herbeoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="178" />
        <location filename="../../ui/concern_fields.py" line="67" />
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="182" />
        <location filename="../../ui/concern_editor.py" line="322" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="183" />
        <source>Status history</source>
        <translation>Statusgeschiedenis</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="209" />
        <source>Set role</source>
        <translation>Rol instellen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="211" />
        <source>Detach</source>
        <translation>Loskoppelen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="219" />
        <source>Attach</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="223" />
        <source>Selected signal:</source>
        <translation>Gekozen signaal:</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="229" />
        <source>Attach a signal of this subject:</source>
        <translation>Een signaal van dit onderwerp koppelen:</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="252" />
        <source>A competing explanation</source>
        <translation>Een concurrerende verklaring</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="253" />
        <source>+ Hypothesis</source>
        <translation>+ Hypothese</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="255" />
        <source>Reword the selected one</source>
        <translation>De gekozen hypothese herformuleren</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="257" />
        <source>Remove the selected one</source>
        <translation>De gekozen hypothese weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="261" />
        <source>Keys 1–4: consistent, inconsistent, neutral, n/a; Delete clears; a click on the selected cell cycles. ◆ diagnostic: the signal fits the hypotheses differently, so it helps to tell them apart; one that fits all of them tells little. The footer counts the inconsistent evidence per hypothesis: the least contradicted one is worth checking first. It is not a verdict and not a score.</source>
        <translation>Toetsen 1–4: past, past niet, neutraal, n.v.t.; Delete wist; een klik op de gekozen cel wisselt. ◆ onderscheidend: het signaal past verschillend bij de hypothesen en helpt ze dus uit elkaar te houden; een signaal dat bij alle past, zegt weinig. De voetregel telt per hypothese de onderbouwing die er niet bij past: de minst weersproken hypothese is het eerst het toetsen waard. Het is geen oordeel en geen score.</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="304" />
        <source>closed on {0}</source>
        <translation>gesloten op {0}</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="312" />
        <source>Supporting: {0}</source>
        <translation>Ondersteunend: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="314" />
        <source>Contradicting: {0}</source>
        <translation>Weersprekend: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="322" />
        <source>Observed</source>
        <translation>Waargenomen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="322" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/concern_editor.py" line="322" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/concern_fields.py" line="65" />
        <source>Who takes the next step</source>
        <translation>Wie de volgende stap zet</translation>
    </message>
    <message>
        <location filename="../../ui/concern_fields.py" line="66" />
        <source>Date of the next step</source>
        <translation>Datum van de volgende stap</translation>
    </message>
    <message>
        <location filename="../../ui/concern_fields.py" line="77" />
        <source>A colleague changed this at the same time as you: {0}. Their version is kept and shown; yours waits under Sync… in the status bar, where you can choose it instead.</source>
        <translation>Een collega heeft dit tegelijk met u gewijzigd: {0}. De versie van de collega is bewaard en staat hier; uw versie wacht onder Synchronisatie… in de statusbalk, waar u die alsnog kunt kiezen.</translation>
    </message>
    <message>
        <location filename="../../ui/concern_fields.py" line="82" />
        <source>A colleague changed this while you were editing it: {0}. Your text stays in the field; when you save, their version is kept and yours waits under Sync… in the status bar, where you can choose it.</source>
        <translation>Een collega heeft dit gewijzigd terwijl u het bewerkte: {0}. Uw tekst blijft in het veld staan; bij opslaan blijft de versie van de collega bewaard en wacht uw versie onder Synchronisatie… in de statusbalk, waar u kunt kiezen.</translation>
    </message>
</context>
<context>
    <name>ConcernListView</name>
    <message>
        <location filename="../../ui/concern_list.py" line="82" />
        <source>+ Concern</source>
        <translation>+ Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="85" />
        <source>No concerns yet.</source>
        <translation>Nog geen aandachtspunten.</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="100" />
        <source>Concerns</source>
        <translation>Aandachtspunten</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="101" />
        <source>Choose</source>
        <translation>Kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="102" />
        <source>Open the chosen one</source>
        <translation>Het gekozen onderdeel openen</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="125" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="126" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="127" />
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="128" />
        <source>Next step due</source>
        <translation>Volgende stap uiterlijk</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="129" />
        <source>Next review</source>
        <translation>Volgende herbeoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/concern_list.py" line="130" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
</context>
<context>
    <name>ConversationForm</name>
    <message>
        <location filename="../../ui/visit_forms.py" line="124" />
        <source>New conversation</source>
        <translation>Nieuw gesprek</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="134" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="135" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="136" />
        <source>Starts at</source>
        <translation>Begint om</translation>
    </message>
</context>
<context>
    <name>ConvertSignalDialog</name>
    <message>
        <location filename="../../ui/convert_signal_dialog.py" line="60" />
        <source>Convert a soft signal into a finding</source>
        <translation>Zacht signaal omzetten in een bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/convert_signal_dialog.py" line="68" />
        <source>A soft signal stays internal. It can appear in a report only as a substantiated finding: write the finding and add at least one further piece of evidence that may be reported.</source>
        <translation>Een zacht signaal blijft intern. Het kan alleen in een rapport komen als onderbouwde bevinding: schrijf de bevinding en voeg minstens één andere onderbouwing toe die in een rapport mag.</translation>
    </message>
    <message>
        <location filename="../../ui/convert_signal_dialog.py" line="75" />
        <source>Soft signal</source>
        <translation>Zacht signaal</translation>
    </message>
    <message>
        <location filename="../../ui/convert_signal_dialog.py" line="97" />
        <source>Convert</source>
        <translation>Omzetten</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/decision_dialog.py" line="90" />
        <source>Edit decision</source>
        <translation>Besluit bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="90" />
        <source>New decision</source>
        <translation>Nieuw besluit</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="102" />
        <source>Come back on</source>
        <translation>Terugkomen op</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="106" />
        <source>Why this decision? (required)</source>
        <translation>Waarom dit besluit? (verplicht)</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="142" />
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="152" />
        <source>on</source>
        <translation>op</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="156" />
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="157" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="159" />
        <source>Decided by</source>
        <translation>Besloten door</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="166" />
        <source>What it is about (tick; a new status is optional)</source>
        <translation>Waar het over gaat (aanvinken; een nieuwe status is optioneel)</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="189" />
        <source>Taken in the overleg “{title}”</source>
        <translation>Genomen in het overleg “{title}”</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="196" />
        <source>Come back on a date</source>
        <translation>Terugkomen op een datum</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="221" />
        <source>Signal or concern</source>
        <translation>Signaal of aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="222" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="223" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="224" />
        <source>New status</source>
        <translation>Nieuwe status</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="225" />
        <source>Review on</source>
        <translation>Herbeoordelen op</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="241" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="241" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/decision_dialog.py" line="377" />
        <source>Click again to delete</source>
        <translation>Klik nogmaals om te verwijderen</translation>
    </message>
</context>
<context>
    <name>DecisionLogView</name>
    <message>
        <location filename="../../ui/decision_log.py" line="100" />
        <source>Search rationale, type, who, overleg…</source>
        <translation>Zoek in motivering, soort, wie, overleg…</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="106" />
        <source>+ Decision</source>
        <translation>+ Besluit</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="123" />
        <location filename="../../ui/decision_log.py" line="219" />
        <source>No decisions yet.</source>
        <translation>Nog geen besluiten.</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="142" />
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="143" />
        <source>Choose</source>
        <translation>Kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="144" />
        <source>Edit the chosen decision</source>
        <translation>Het gekozen besluit bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="175" />
        <source>Last periodic review: {date}</source>
        <translation>Laatste periodieke bespreking: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="177" />
        <source>Last periodic review: none yet</source>
        <translation>Laatste periodieke bespreking: nog geen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="181" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="182" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="183" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="184" />
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="185" />
        <source>Overleg</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="186" />
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="187" />
        <source>Status changes</source>
        <translation>Statuswijzigingen</translation>
    </message>
    <message>
        <location filename="../../ui/decision_log.py" line="217" />
        <source>No decision matches the search.</source>
        <translation>Geen besluit past bij de zoekopdracht.</translation>
    </message>
</context>
<context>
    <name>DeliberationDialog</name>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="76" />
        <source>Edit meeting</source>
        <translation>Overleg bewerken</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="76" />
        <source>New meeting</source>
        <translation>Nieuw overleg</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="101" />
        <source>One name or role per line</source>
        <translation>Eén naam of rol per regel</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="108" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="109" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="110" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="111" />
        <source>Chair</source>
        <translation>Voorzitter</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="112" />
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="113" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="121" />
        <source>Add to agenda</source>
        <translation>Op de agenda zetten</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="124" />
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="126" />
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="128" />
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="150" />
        <source>Agenda: organisations and networks</source>
        <translation>Agenda: organisaties en netwerken</translation>
    </message>
</context>
<context>
    <name>DeliberationPage</name>
    <message>
        <location filename="../../ui/deliberation_page.py" line="201" />
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="203" />
        <source>{0} (last periodic review: {1})</source>
        <translation>{0} (laatste periodieke bespreking: {1})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deliberation_page.py" line="209" />
        <source>Overdue for review (%n)</source>
        <translation>
            <numerusform>Bespreking achterstallig (%n)</numerusform>
            <numerusform>Bespreking achterstallig (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="246" />
        <source>No meeting chosen.</source>
        <translation>Geen overleg gekozen.</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="253" />
        <source>Chair: {0}</source>
        <translation>Voorzitter: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="255" />
        <source>Participants: {0}</source>
        <translation>Deelnemers: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deliberation_page.py" line="269" />
        <source>Agenda (%n)</source>
        <translation>
            <numerusform>Agenda (%n)</numerusform>
            <numerusform>Agenda (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="285" />
        <source>Put an organisation or network on the agenda to see its pack.</source>
        <translation>Zet een organisatie of netwerk op de agenda om het agendapakket te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="342" />
        <source>Delete meeting</source>
        <translation>Overleg verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="342" />
        <source>Delete this meeting and its agenda?</source>
        <translation>Dit overleg en de agenda verwijderen?</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="368" />
        <source>Save agenda pack as PDF</source>
        <translation>Agendapakket opslaan als pdf</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="370" />
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="380" />
        <source>Making the PDF…</source>
        <translation>De pdf wordt gemaakt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deliberation_page.py" line="393" />
        <source>Saved: {0} (%n internal signal(s) left out)</source>
        <translation>
            <numerusform>Opgeslagen: {0} (%n intern signaal niet opgenomen)</numerusform>
            <numerusform>Opgeslagen: {0} (%n interne signalen niet opgenomen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="395" />
        <source>Saved: {0}</source>
        <translation>Opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="419" />
        <location filename="../../ui/deliberation_page.py" line="428" />
        <source>Meetings</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="420" />
        <source>+ Meeting</source>
        <translation>+ Overleg</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="421" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="422" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="423" />
        <source>+ Decision</source>
        <translation>+ Besluit</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="424" />
        <source>PDF…</source>
        <translation>Pdf…</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_page.py" line="426" />
        <source>Save the agenda pack as an internal PDF, without confidential signals</source>
        <translation>Het agendapakket opslaan als interne pdf, zonder vertrouwelijke signalen</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../ui/organisation_list.py" line="65" />
        <source>{p} positive, {n} negative, {a} ambiguous</source>
        <translation>{p} positief, {n} negatief, {a} ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="98" />
        <source>Total: positive, negative, ambiguous</source>
        <translation>Totaal: positief, negatief, ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="100" />
        <source>Signals and concerns past their review date</source>
        <translation>Signalen en aandachtspunten over hun herbeoordelingsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="105" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="106" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="107" />
        <source>Sector or focus</source>
        <translation>Sector of focus</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="108" />
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="109" />
        <source>Hard signals</source>
        <translation>Harde signalen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="110" />
        <source>Soft signals</source>
        <translation>Zachte signalen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="111" />
        <source>Open concerns</source>
        <translation>Open aandachtspunten</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="112" />
        <source>Due</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="131" />
        <source>network</source>
        <translation>netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="133" />
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
</context>
<context>
    <name>DutyDialog</name>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="274" />
        <source>Reporting duty</source>
        <translation>Rapportageverplichting</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="287" />
        <source>What is reported</source>
        <translation>Waarover gerapporteerd wordt</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="288" />
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="289" />
        <source>First due on</source>
        <translation>Eerste termijn</translation>
    </message>
</context>
<context>
    <name>EndTrajectoryDialog</name>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="241" />
        <source>End supervision trajectory</source>
        <translation>Toezichtstraject beëindigen</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="250" />
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="251" />
        <source>Rationale for ending</source>
        <translation>Motivering van de beëindiging</translation>
    </message>
</context>
<context>
    <name>EvidenceMatrix</name>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="43" />
        <source>consistent</source>
        <translation>past</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="44" />
        <source>inconsistent</source>
        <translation>past niet</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="45" />
        <source>neutral</source>
        <translation>neutraal</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="46" />
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="53" />
        <source>supporting</source>
        <translation>ondersteunend</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="54" />
        <source>contradicting</source>
        <translation>weersprekend</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="55" />
        <source>context</source>
        <translation>context</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="119" />
        <source>Diagnostic: this signal fits the hypotheses differently.</source>
        <translation>Onderscheidend: dit signaal past verschillend bij de hypothesen.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="146" />
        <source>Inconsistent evidence (count)</source>
        <translation>Onderbouwing die niet past (aantal)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="153" />
        <source>least contradicted</source>
        <translation>minst weersproken</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="169" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="212" />
        <source>Evidence matrix</source>
        <translation>Matrix van onderbouwing</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="215" />
        <source>consistent / inconsistent / neutral / n/a</source>
        <translation>past / past niet / neutraal / n.v.t.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="217" />
        <source>Clear the rating</source>
        <translation>De beoordeling wissen</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="218" />
        <source>Next rating</source>
        <translation>Volgende beoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="219" />
        <source>Move between signals and hypotheses</source>
        <translation>Tussen signalen en hypothesen bewegen</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_matrix.py" line="290" />
        <source>Clear (Delete)</source>
        <translation>Wissen (Delete)</translation>
    </message>
</context>
<context>
    <name>EvidencePicker</name>
    <message>
        <location filename="../../ui/synthesis_form.py" line="57" />
        <source>Evidence from the session</source>
        <translation>Onderbouwing uit de sessie</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_picker.py" line="71" />
        <source>Add evidence</source>
        <translation>Onderbouwing toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_picker.py" line="76" />
        <source>Filter: words, kind, conversation…</source>
        <translation>Filter: woorden, soort, gesprek…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_picker.py" line="82" />
        <source>Evidence to choose from</source>
        <translation>Onderbouwing om uit te kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_picker.py" line="91" />
        <source>Brown items stay internal: they support the finding but are not printed in reports.</source>
        <translation>Bruine onderdelen blijven intern: ze onderbouwen de bevinding, maar komen niet in rapporten.</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <location filename="../../ui/finding_editor.py" line="136" />
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="137" />
        <location filename="../../ui/finding_editor.py" line="152" />
        <source>What we see</source>
        <translation>Wat zien we</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="138" />
        <location filename="../../ui/finding_editor.py" line="153" />
        <source>What we think of it</source>
        <translation>Wat vinden we ervan</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="139" />
        <location filename="../../ui/finding_editor.py" line="154" />
        <source>What next</source>
        <translation>Hoe nu verder</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="140" />
        <source>Judgement</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="141" />
        <source>Addressed to</source>
        <translation>Gericht aan</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="142" />
        <source>Context factors</source>
        <translation>Contextfactoren</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="143" />
        <source>Raise nationally</source>
        <translation>Landelijk agenderen</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="144" />
        <source>Evidence (brown: stays internal)</source>
        <translation>Onderbouwing (bruin: blijft intern)</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="149" />
        <source>+ Evidence…</source>
        <translation>+ Onderbouwing…</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="150" />
        <source>Remove evidence</source>
        <translation>Onderbouwing weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="151" />
        <source>Evidence of this finding</source>
        <translation>Onderbouwing van deze bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="159" />
        <source>no traffic light</source>
        <translation>geen stoplicht</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="163" />
        <source>the network</source>
        <translation>het netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="163" />
        <source>one party</source>
        <translation>één partij</translation>
    </message>
    <message>
        <location filename="../../ui/finding_editor.py" line="214" />
        <source>This finding substantiates a soft signal; that signal may therefore appear in reports.</source>
        <translation>Deze bevinding onderbouwt een zacht signaal; dat signaal mag daardoor in rapporten komen.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="132" />
        <source>Judgement</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="134" />
        <source>formative (movement)</source>
        <translation>formatief (beweging)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="135" />
        <source>summative (traffic lights)</source>
        <translation>summatief (stoplichten)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="138" />
        <source>+ Finding</source>
        <translation>+ Bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="139" />
        <source>Convert soft signal…</source>
        <translation>Zacht signaal omzetten…</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="140" />
        <source>Delete finding</source>
        <translation>Bevinding verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="141" />
        <source>Findings per theme</source>
        <translation>Bevindingen per thema</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="144" />
        <source>No findings yet. Write the first one in the form beside this list: it is saved once “What we see” has text. “+ Finding” starts another; “Convert soft signal…” turns a soft signal into a substantiated finding.</source>
        <translation>Nog geen bevindingen. Schrijf de eerste in het formulier naast deze lijst: die wordt opgeslagen zodra “Wat zien we” tekst heeft. “+ Bevinding” begint een nieuwe; “Zacht signaal omzetten…” maakt van een zacht signaal een onderbouwde bevinding.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/findings_panel.py" line="192" />
        <source>%n piece(s) of evidence</source>
        <translation>
            <numerusform>%n stuk onderbouwing</numerusform>
            <numerusform>%n stukken onderbouwing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/findings_panel.py" line="193" />
        <source>from %n independent source(s)</source>
        <translation>
            <numerusform>uit %n onafhankelijke bron</numerusform>
            <numerusform>uit %n onafhankelijke bronnen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="194" />
        <source>({0} internal)</source>
        <translation>({0} intern)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="224" />
        <location filename="../../ui/findings_panel.py" line="283" />
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="233" />
        <source>New finding: it is saved once “What we see” has text.</source>
        <translation>Nieuwe bevinding: wordt opgeslagen zodra “Wat zien we” tekst heeft.</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="242" />
        <source>Changed…</source>
        <translation>Gewijzigd…</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="116" />
        <source>Interventions (escalation ladder)</source>
        <translation>Interventies (escalatieladder)</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="117" />
        <source>+ Intervention</source>
        <translation>+ Interventie</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="118" />
        <source>Reflections on purpose, role and effect</source>
        <translation>Reflecties op doel, rol en effect</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="119" />
        <source>Add reflection</source>
        <translation>Reflectie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="120" />
        <source>Reflection</source>
        <translation>Reflectie</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="121" />
        <source>Interventions</source>
        <translation>Interventies</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="124" />
        <source>Rung</source>
        <translation>Trede</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="125" />
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="126" />
        <source>Addressed to</source>
        <translation>Gericht aan</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="127" />
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="128" />
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="129" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="130" />
        <source>Plan of action</source>
        <translation>Plan van aanpak</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_panel.py" line="170" />
        <source>the network</source>
        <translation>het netwerk</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../../ui/handover_view.py" line="172" />
        <source>Change account holder…</source>
        <translation>Accounthouder wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="173" />
        <source>PDF…</source>
        <translation>Pdf…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="130" />
        <location filename="../../ui/handover_view.py" line="174" />
        <source>Save the dossier as an internal PDF</source>
        <translation>Het dossier opslaan als interne pdf</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="130" />
        <source>Handover</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="215" />
        <source>Handover dossier for {0}</source>
        <translation>Overdrachtsdossier voor {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="217" />
        <source>+ %n internal item(s) left out</source>
        <translation>
            <numerusform>+ %n intern onderdeel niet opgenomen</numerusform>
            <numerusform>+ %n interne onderdelen niet opgenomen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="235" />
        <source>None.</source>
        <translation>Geen.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="238" />
        <source>Account holder</source>
        <translation>Accounthouder</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="240" />
        <source>No account holder recorded.</source>
        <translation>Geen accounthouder vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="242" />
        <location filename="../../ui/handover_view.py" line="246" />
        <source>{0}, since {1}</source>
        <translation>{0}, vanaf {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="250" />
        <source>Open concerns (%n)</source>
        <translation>
            <numerusform>Open aandachtspunten (%n)</numerusform>
            <numerusform>Open aandachtspunten (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="256" />
        <source>Closed concerns (%n)</source>
        <translation>
            <numerusform>Afgesloten aandachtspunten (%n)</numerusform>
            <numerusform>Afgesloten aandachtspunten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="265" />
        <source>Status: {0} · owner: {1} · opened {2}</source>
        <translation>Status: {0} · eigenaar: {1} · geopend {2}</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="275" />
        <source>fits</source>
        <translation>past</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="276" />
        <source>does not fit</source>
        <translation>past niet</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="277" />
        <source>neutral</source>
        <translation>neutraal</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="278" />
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="281" />
        <source>supporting</source>
        <translation>steunend</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="282" />
        <source>contradicting</source>
        <translation>tegensprekend</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="283" />
        <source>context</source>
        <translation>context</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="294" />
        <source>Next step: {0} ({1}, due {2})</source>
        <translation>Volgende stap: {0} ({1}, uiterlijk {2})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="300" />
        <source>Signals (%n)</source>
        <translation>
            <numerusform>Signalen (%n)</numerusform>
            <numerusform>Signalen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="303" />
        <source>hard</source>
        <translation>hard</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="303" />
        <source>soft</source>
        <translation>zacht</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="305" />
        <source>positive</source>
        <translation>positief</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="306" />
        <source>negative</source>
        <translation>negatief</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="307" />
        <source>ambiguous</source>
        <translation>ambigu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="318" />
        <source>Timeline (latest %n)</source>
        <translation>
            <numerusform>Tijdlijn (laatste %n)</numerusform>
            <numerusform>Tijdlijn (laatste %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="326" />
        <source>Decisions (%n)</source>
        <translation>
            <numerusform>Besluiten (%n)</numerusform>
            <numerusform>Besluiten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="332" />
        <source>come back to it on {0}</source>
        <translation>terugkomen op {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="339" />
        <source>Supervision trajectories (%n)</source>
        <translation>
            <numerusform>Toezichtstrajecten (%n)</numerusform>
            <numerusform>Toezichtstrajecten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="344" />
        <source>Rationale: {0}</source>
        <translation>Motivering: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="346" />
        <source>Rationale for ending: {0}</source>
        <translation>Motivering van de beëindiging: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="350" />
        <source>Board informed on {0}</source>
        <translation>Bestuur geïnformeerd op {0}</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="352" />
        <source>Board not informed</source>
        <translation>Bestuur niet geïnformeerd</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="358" />
        <source>Intensified supervision</source>
        <translation>Geïntensiveerd toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="360" />
        <source>Heightened supervision</source>
        <translation>Verscherpt toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="362" />
        <source>running</source>
        <translation>loopt</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="362" />
        <source>ended</source>
        <translation>beëindigd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="367" />
        <source>Key contacts (%n)</source>
        <translation>
            <numerusform>Sleutelcontacten (%n)</numerusform>
            <numerusform>Sleutelcontacten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="371" />
        <source>(name left out)</source>
        <translation>(naam niet opgenomen)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/handover_view.py" line="378" />
        <source>Latest reflections (%n)</source>
        <translation>
            <numerusform>Laatste reflecties (%n)</numerusform>
            <numerusform>Laatste reflecties (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="404" />
        <source>Save handover dossier as PDF</source>
        <translation>Overdrachtsdossier opslaan als pdf</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="406" />
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="416" />
        <source>Making the PDF…</source>
        <translation>De pdf wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/handover_view.py" line="426" />
        <source>Saved: {0}</source>
        <translation>Opgeslagen: {0}</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../ui/help_overlay.py" line="31" />
        <location filename="../../ui/help_overlay.py" line="98" />
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="55" />
        <source>Everywhere</source>
        <translation>Overal</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="57" />
        <source>New inspection</source>
        <translation>Nieuwe inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="58" />
        <source>Search everything</source>
        <translation>Alles doorzoeken</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="59" />
        <source>Capture a signal (from the selection in notes)</source>
        <translation>Signaal vastleggen (uit de selectie in notities)</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="60" />
        <source>Sync with the office now</source>
        <translation>Nu synchroniseren met kantoor</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="61" />
        <source>Lock</source>
        <translation>Vergrendel</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="62" />
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="63" />
        <source>This overview</source>
        <translation>Dit overzicht</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="67" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="69" />
        <source>New paragraph</source>
        <translation>Nieuwe alinea</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="72" />
        <source>Kind: observation, quote, interpretation, question, action</source>
        <translation>Soort: waarneming, citaat, duiding, vraag, actie</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="74" />
        <source>Make the selection a quote</source>
        <translation>Selectie wordt citaat</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="75" />
        <source>Speaker, themes, confidentiality and flags of the paragraph</source>
        <translation>Spreker, thema's, vertrouwelijkheid en vlaggen van de alinea</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="76" />
        <source>Undo / redo (saved automatically)</source>
        <translation>Ongedaan maken / opnieuw (automatisch opgeslagen)</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="80" />
        <source>Signal form</source>
        <translation>Signaalformulier</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="82" />
        <source>Hard / soft</source>
        <translation>Hard / zacht</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="83" />
        <source>Positive / negative / ambiguous</source>
        <translation>Positief / negatief / ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="84" />
        <source>More fields</source>
        <translation>Meer velden</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="85" />
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="89" />
        <source>Findings and report</source>
        <translation>Bevindingen en rapport</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="91" />
        <source>Save the finding now (it also saves by itself)</source>
        <translation>Bevinding nu opslaan (gebeurt ook vanzelf)</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="92" />
        <source>Report: refresh the preview</source>
        <translation>Rapport: voorbeeld vernieuwen</translation>
    </message>
    <message>
        <location filename="../../ui/help_overlay.py" line="99" />
        <source>Esc or F1 closes this overview.</source>
        <translation>Esc of F1 sluit dit overzicht.</translation>
    </message>
</context>
<context>
    <name>InspectionForm</name>
    <message>
        <location filename="../../ui/inspection_form.py" line="59" />
        <source>New inspection</source>
        <translation>Nieuwe inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="88" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="89" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="90" />
        <source>Declared role</source>
        <translation>Rol van de inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="91" />
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="92" />
        <source>Subjects</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="93" />
        <source>Or: a new organisation</source>
        <translation>Of: een nieuwe organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="94" />
        <source>Or: the providers around one client</source>
        <translation>Of: de aanbieders rond één cliënt</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="95" />
        <source>Themes</source>
        <translation>Thema's</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="96" />
        <source>Team (names, comma separated)</source>
        <translation>Team (namen, gescheiden door komma's)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="97" />
        <source>Open questions</source>
        <translation>Open vragen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="119" />
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../ui/inspection_page.py" line="181" />
        <source>← Inspections</source>
        <translation>← Inspecties</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="185" />
        <source>Declared role</source>
        <translation>Rol van de inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="186" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="187" />
        <source>Framework</source>
        <translation>Kader</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="188" />
        <source>Subjects</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="189" />
        <source>Themes</source>
        <translation>Thema's</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="190" />
        <source>Open questions</source>
        <translation>Open vragen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="191" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="192" />
        <source>What we already know</source>
        <translation>Wat weten we al</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="194" />
        <source>Invitations</source>
        <translation>Uitnodigingen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="200" />
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="200" />
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="200" />
        <source>Follow-up</source>
        <translation>Vervolg</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="200" />
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="203" />
        <source>Visits (Enter opens)</source>
        <translation>Bezoeken (Enter opent)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="204" />
        <source>+ Visit</source>
        <translation>+ Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="205" />
        <source>+ Invitation</source>
        <translation>+ Uitnodiging</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="206" />
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="210" />
        <source>JSON (complete, can be imported)</source>
        <translation>JSON (volledig, te importeren)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="211" />
        <source>CSV tables (zip)</source>
        <translation>CSV-tabellen (zip)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="212" />
        <source>REFI-QDA for qualitative analysis (.qdpx)</source>
        <translation>REFI-QDA voor kwalitatieve analyse (.qdpx)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="216" />
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="276" />
        <source>Stays soft</source>
        <translation>Blijft zacht</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="277" />
        <source>Open concerns</source>
        <translation>Open aandachtspunten</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="279" />
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="286" />
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspection_page.py" line="248" />
        <source>%n signal(s) about these subjects</source>
        <translation>
            <numerusform>%n signaal over deze onderwerpen</numerusform>
            <numerusform>%n signalen over deze onderwerpen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspection_page.py" line="250" />
        <source>%n open concern(s)</source>
        <translation>
            <numerusform>%n open aandachtspunt</numerusform>
            <numerusform>%n open aandachtspunten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inspection_page.py" line="255" />
        <source>{0} · {1} · {2} · %n conversation(s)</source>
        <translation>
            <numerusform>{0} · {1} · {2} · %n gesprek</numerusform>
            <numerusform>{0} · {1} · {2} · %n gesprekken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="254" />
        <source>announced</source>
        <translation>aangekondigd</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_page.py" line="254" />
        <source>unannounced</source>
        <translation>onaangekondigd</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../ui/inspection_table.py" line="57" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_table.py" line="58" />
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_table.py" line="59" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_table.py" line="60" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_table.py" line="61" />
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_table.py" line="62" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="78" />
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="92" />
        <source>— (the network)</source>
        <translation>— (het netwerk)</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="135" />
        <source>Action (ladder rung — action)</source>
        <translation>Actie (trede — actie)</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="136" />
        <source>Addressed to</source>
        <translation>Gericht aan</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="137" />
        <source>Follows up finding</source>
        <translation>Vervolg op bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="138" />
        <source>Repeat visit</source>
        <translation>Terugkerend bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="139" />
        <source>Intended message</source>
        <translation>Beoogde boodschap</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="140" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="141" />
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="142" />
        <source>Planned on</source>
        <translation>Gepland op</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="143" />
        <source>Done on</source>
        <translation>Uitgevoerd op</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="144" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="145" />
        <source>Plan of action</source>
        <translation>Plan van aanpak</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="146" />
        <source>Outcome (reason if rejected)</source>
        <translation>Uitkomst (reden bij afwijzing)</translation>
    </message>
    <message>
        <location filename="../../ui/intervention_dialog.py" line="147" />
        <source>Institution's response</source>
        <translation>Reactie van de instelling</translation>
    </message>
</context>
<context>
    <name>InvitationForm</name>
    <message>
        <location filename="../../ui/visit_forms.py" line="174" />
        <source>Invitation</source>
        <translation>Uitnodiging</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="183" />
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="184" />
        <source>invited</source>
        <translation>uitgenodigd</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="185" />
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="186" />
        <source>declined</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="187" />
        <source>deliberately not invited</source>
        <translation>bewust niet uitgenodigd</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="192" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="193" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="194" />
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="195" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>LifeEventDialog</name>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="229" />
        <source>Life event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="240" />
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="241" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="242" />
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="243" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>Veldwerk</source>
        <translation>Veldwerk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <location filename="../../ui/main_window.py" line="166" />
        <location filename="../../ui/main_window.py" line="168" />
        <source>Lock</source>
        <translation>Vergrendel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>Sync…</source>
        <translation>Synchronisatie…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>Sync with the office: status, problems, connect (F9 syncs now)</source>
        <translation>Synchroniseren met kantoor: status, problemen, verbinden (F9 synchroniseert nu)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>Search everything</source>
        <translation>Alles doorzoeken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169" />
        <source>Capture a signal</source>
        <translation>Signaal vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>New inspection</source>
        <translation>Nieuwe inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171" />
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <location filename="../../ui/main_window.py" line="173" />
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Settings (Ctrl+,)</source>
        <translation>Instellingen (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344" />
        <source>Loading demo data…</source>
        <translation>Demogegevens laden…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417" />
        <source>Exported to {0}</source>
        <translation>Geëxporteerd naar {0}</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="276" />
        <source>Network membership</source>
        <translation>Lidmaatschap van een netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="297" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="297" />
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="298" />
        <source>Layer</source>
        <translation>Schil</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="299" />
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="300" />
        <source>Joined on</source>
        <translation>Lid sinds</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="301" />
        <source>Left on</source>
        <translation>Vertrokken op</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="146" />
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="146" />
        <source>New network</source>
        <translation>Nieuw netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="160" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="161" />
        <source>Focus</source>
        <translation>Focus</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="162" />
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="163" />
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="164" />
        <source>Financing domains</source>
        <translation>Financieringsdomeinen</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="105" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="105" />
        <source>New organisation</source>
        <translation>Nieuwe organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="114" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="115" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="116" />
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="117" />
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="118" />
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
</context>
<context>
    <name>OrganisationList</name>
    <message>
        <location filename="../../ui/organisation_list.py" line="212" />
        <location filename="../../ui/organisation_list.py" line="217" />
        <source>Organisations and networks</source>
        <translation>Organisaties en netwerken</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="213" />
        <source>+ Organisation</source>
        <translation>+ Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="214" />
        <source>+ Network</source>
        <translation>+ Netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="215" />
        <source>Search by name or region</source>
        <translation>Zoek op naam of regio</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_list.py" line="216" />
        <source>Search organisations and networks</source>
        <translation>Organisaties en netwerken doorzoeken</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <location filename="../../ui/organisation_page.py" line="316" />
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="324" />
        <source>network</source>
        <translation>netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="344" />
        <source>← Organisations</source>
        <translation>← Organisaties</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="345" />
        <location filename="../../ui/organisation_page.py" line="348" />
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="349" />
        <location filename="../../ui/organisation_page.py" line="361" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="350" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="352" />
        <source>Units</source>
        <translation>Afdelingen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="353" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="319" />
        <location filename="../../ui/organisation_page.py" line="353" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="320" />
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="321" />
        <location filename="../../ui/organisation_page.py" line="327" />
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="326" />
        <source>Focus</source>
        <translation>Focus</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="328" />
        <source>Financing domains</source>
        <translation>Financieringsdomeinen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="332" />
        <source>Account holder</source>
        <translation>Accounthouder</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="351" />
        <source>Change account holder…</source>
        <translation>Accounthouder wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="354" />
        <source>+ Unit</source>
        <translation>+ Afdeling</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="355" />
        <source>Life events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="357" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="357" />
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="357" />
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="357" />
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="359" />
        <source>+ Life event</source>
        <translation>+ Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="362" />
        <location filename="../../ui/organisation_page.py" line="457" />
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="368" />
        <source>Members</source>
        <translation>Leden</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="368" />
        <source>Networks</source>
        <translation>Netwerken</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="369" />
        <source>+ Member</source>
        <translation>+ Lid</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="369" />
        <source>+ Network membership</source>
        <translation>+ Netwerklidmaatschap</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="372" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="372" />
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="373" />
        <source>Layer</source>
        <translation>Schil</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="374" />
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="375" />
        <source>Joined</source>
        <translation>Lid sinds</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="376" />
        <source>Left</source>
        <translation>Vertrokken</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="422" />
        <source>Remove this unit? Signals that name it keep it.</source>
        <translation>Deze afdeling weghalen? Signalen die haar noemen, houden haar.</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="430" />
        <source>Remove this life event?</source>
        <translation>Deze gebeurtenis weghalen?</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="438" />
        <source>Remove this membership? For a member that left, set the date it left instead.</source>
        <translation>Dit lidmaatschap weghalen? Voor een lid dat vertrok, vult u liever de datum van vertrek in.</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="446" />
        <source>Delete {name} with its units, life events and memberships?</source>
        <translation>{name} verwijderen, met de afdelingen, gebeurtenissen en lidmaatschappen?</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_page.py" line="480" />
        <source>This organisation is not deleted: signals, concerns or inspections refer to it. The team's memory about it stays.</source>
        <translation>Deze organisatie wordt niet verwijderd: signalen, aandachtspunten of inspecties verwijzen ernaar. Wat het team erover weet, blijft bewaard.</translation>
    </message>
</context>
<context>
    <name>ParagraphDialog</name>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="32" />
        <source>Paragraph</source>
        <translation>Alinea</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="56" />
        <source>team / account holders</source>
        <translation>team / accounthouders</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="57" />
        <source>internal</source>
        <translation>intern IGJ</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="58" />
        <source>restricted (named users)</source>
        <translation>beperkt (persoonsgebonden)</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="62" />
        <source>about a party that is not present</source>
        <translation>over een partij die niet aanwezig is</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="66" />
        <source>no partial interest</source>
        <translation>geen deelbelang</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="67" />
        <source>partial interest, implicit</source>
        <translation>deelbelang, impliciet</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="68" />
        <source>partial interest, explicit</source>
        <translation>deelbelang, expliciet</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="72" />
        <source>followed up</source>
        <translation>opgevolgd</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="76" />
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="77" />
        <source>Themes</source>
        <translation>Thema's</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="78" />
        <source>Confidentiality</source>
        <translation>Vertrouwelijkheid</translation>
    </message>
    <message>
        <location filename="../../ui/paragraph_dialog.py" line="80" />
        <source>Interest</source>
        <translation>Belang</translation>
    </message>
</context>
<context>
    <name>ParticipantsDialog</name>
    <message>
        <location filename="../../ui/participants_dialog.py" line="43" />
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="52" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="53" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="54" />
        <source>Caption</source>
        <translation>Naam op tegel</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="55" />
        <source>Presence</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="56" />
        <source>Mandate</source>
        <translation>Mandaat</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="60" />
        <source>+ Participant</source>
        <translation>+ Deelnemer</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="113" />
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="113" />
        <source>absent</source>
        <translation>afwezig</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="113" />
        <source>partly</source>
        <translation>deels</translation>
    </message>
    <message>
        <location filename="../../ui/participants_dialog.py" line="117" />
        <source>can decide for the organisation</source>
        <translation>kan besluiten namens de organisatie</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="44" />
        <location filename="../../ui/passphrase_dialog.py" line="75" />
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="57" />
        <source>The app locks for a moment and opens again with the new passphrase. It cannot be recovered: write it down somewhere safe.</source>
        <translation>De app vergrendelt even en opent weer met de nieuwe wachtwoordzin. Die is niet te herstellen: bewaar hem op een veilige plek.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="64" />
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="65" />
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="66" />
        <source>Repeat new passphrase</source>
        <translation>Herhaal de nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="97" />
        <source>too short</source>
        <translation>te kort</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="97" />
        <source>weak</source>
        <translation>zwak</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="97" />
        <source>reasonable</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="97" />
        <source>strong</source>
        <translation>sterk</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="98" />
        <source>Strength: {0}</source>
        <translation>Sterkte: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="111" />
        <source>The new passphrase is the same as the current one.</source>
        <translation>De nieuwe wachtwoordzin is gelijk aan de huidige.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="121" />
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>De huidige wachtwoordzin klopt niet. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="145" />
        <source>Changing the passphrase…</source>
        <translation>De wachtwoordzin wordt gewijzigd…</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="154" />
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Wachtwoordzin gewijzigd. Gebruik voortaan de nieuwe.</translation>
    </message>
    <message>
        <location filename="../../ui/passphrase_dialog.py" line="167" />
        <source>The passphrase was not changed: {0}</source>
        <translation>De wachtwoordzin is niet gewijzigd: {0}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="315" />
        <source>Report received</source>
        <translation>Rapportage ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="341" />
        <source>Due date</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="342" />
        <source>Received on</source>
        <translation>Ontvangen op</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="343" />
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="344" />
        <source>Signal captured from it</source>
        <translation>Signaal dat eruit is vastgelegd</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../ui/report_panel.py" line="168" />
        <source>Report type</source>
        <translation>Soort rapport</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="169" />
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="170" />
        <source>Language of the report</source>
        <translation>Taal van het rapport</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="172" />
        <location filename="../../ui/report_panel.py" line="193" />
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="173" />
        <source>Addressees (one per line)</source>
        <translation>Geadresseerden (één per regel)</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="174" />
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="175" />
        <source>Role of the inspectorate</source>
        <translation>Rol van de inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="176" />
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="177" />
        <source>Recommendations (one per line)</source>
        <translation>Aanbevelingen (één per regel)</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="178" />
        <source>Appreciation</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="179" />
        <source>Method</source>
        <translation>Werkwijze</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="180" />
        <source>Findings per theme</source>
        <translation>Bevindingen per thema</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="187" />
        <source>Placeholders for names in quotes</source>
        <translation>Aanduidingen voor namen in citaten</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="189" />
        <source>Organisation names in quotes and sources become [organisatie A], [organisatie B] ...</source>
        <translation>Namen van organisaties in citaten en bronnen worden [organisatie A], [organisatie B] ...</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="191" />
        <source>Preview (F5)</source>
        <translation>Voorbeeld (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="192" />
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_panel.py" line="260" />
        <source>{0}: {1} of %n source(s) printable</source>
        <translation>
            <numerusform>{0}: {1} van %n bron in rapport</numerusform>
            <numerusform>{0}: {1} van %n bronnen in rapport</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_panel.py" line="367" />
        <source>%n page(s) · content hash {0}</source>
        <translation>
            <numerusform>%n pagina · inhoudshash {0}</numerusform>
            <numerusform>%n pagina's · inhoudshash {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="311" />
        <source>The preview is out of date: press F5.</source>
        <translation>Het voorbeeld is verouderd: druk op F5.</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="324" />
        <source>Generating the report…</source>
        <translation>Rapport wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="371" />
        <source>Check the preview, then save it as PDF.</source>
        <translation>Controleer het voorbeeld en sla het op als pdf.</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="377" />
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="390" />
        <source>The report could not be saved: {0}</source>
        <translation>Het rapport kon niet worden opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/report_panel.py" line="399" />
        <source>Saved: {0}</source>
        <translation>Opgeslagen: {0}</translation>
    </message>
</context>
<context>
    <name>ReportRelease</name>
    <message>
        <location filename="../../ui/report_release.py" line="48" />
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="49" />
        <source>in report</source>
        <translation>in rapport</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="49" />
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="53" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="54" />
        <source>IGJ internal</source>
        <translation>IGJ-intern</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="55" />
        <source>Restricted</source>
        <translation>Beperkt</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="56" />
        <source>Reporter-confidential</source>
        <translation>Melder-vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="67" />
        <source>Release for the report…</source>
        <translation>Vrijgeven voor het rapport…</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="71" />
        <source>Withdraw from the report</source>
        <translation>Terugtrekken uit het rapport</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="75" />
        <source>Confidentiality</source>
        <translation>Vertrouwelijkheid</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="90" />
        <source>Release for the report</source>
        <translation>Vrijgeven voor het rapport</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="92" />
        <source>Release this item for the report? It may then be printed as evidence of a finding. It must not name a person or a reporter.</source>
        <translation>Dit onderdeel vrijgeven voor het rapport? Het kan dan worden afgedrukt als onderbouwing van een bevinding. Het mag geen persoon of melder noemen.</translation>
    </message>
    <message>
        <location filename="../../ui/report_release.py" line="99" />
        <source>Release</source>
        <translation>Vrijgeven</translation>
    </message>
</context>
<context>
    <name>ReviewListView</name>
    <message>
        <location filename="../../ui/review_list.py" line="118" />
        <source>review date</source>
        <translation>herbeoordelingsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="119" />
        <source>next review</source>
        <translation>volgende herbeoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="120" />
        <source>next step</source>
        <translation>volgende stap</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="129" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="129" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="143" />
        <source>Nothing is due for review.</source>
        <translation>Er hoeft niets te worden herbeoordeeld.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/review_list.py" line="145" />
        <source>%n item(s) due for review, oldest first.</source>
        <translation>
            <numerusform>%n onderdeel te herbeoordelen, oudste eerst.</numerusform>
            <numerusform>%n onderdelen te herbeoordelen, oudste eerst.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="100" />
        <location filename="../../ui/review_list.py" line="171" />
        <source>To review</source>
        <translation>Te herbeoordelen</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="101" />
        <source>Choose</source>
        <translation>Kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="102" />
        <source>Open the chosen one</source>
        <translation>Het gekozen onderdeel openen</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="174" />
        <source>Due since</source>
        <translation>Verlopen sinds</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="175" />
        <source>What is due</source>
        <translation>Wat verloopt</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="176" />
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="177" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="178" />
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/review_list.py" line="179" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../ui/search_view.py" line="142" />
        <source>Search notes, quotes, signals and observations…</source>
        <translation>Zoek in notities, citaten, signalen en observaties…</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="143" />
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="144" />
        <source>Words match whole words; end a word with * to match its beginning.</source>
        <translation>Woorden zoeken op het hele woord; eindig een woord met * om op het begin te zoeken.</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="145" />
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="148" />
        <source>Any time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="148" />
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="148" />
        <source>Last year</source>
        <translation>Afgelopen jaar</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="153" />
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="154" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="155" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="156" />
        <source>Session events</source>
        <translation>Sessiegebeurtenissen</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="157" />
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="163" />
        <source>Any valence</source>
        <translation>Elke valentie</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="164" />
        <source>positive</source>
        <translation>positief</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="165" />
        <source>negative</source>
        <translation>negatief</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="166" />
        <source>ambiguous</source>
        <translation>ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="170" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="171" />
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="172" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="173" />
        <source>Valence</source>
        <translation>Valentie</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="174" />
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="192" />
        <source>All organisations</source>
        <translation>Alle organisaties</translation>
    </message>
    <message>
        <location filename="../../ui/search_view.py" line="196" />
        <source>All themes</source>
        <translation>Alle thema's</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search_view.py" line="230" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultaat</numerusform>
            <numerusform>%n resultaten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionBoard</name>
    <message>
        <location filename="../../ui/session_board.py" line="209" />
        <source>Finish: synthesis</source>
        <translation>Afronden: synthese</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="210" />
        <source>Note for the timeline, Enter adds it</source>
        <translation>Notitie voor de tijdlijn, Enter voegt toe</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="211" />
        <source>Timeline note</source>
        <translation>Notitie tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="212" />
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="213" />
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="215" />
        <source>Release the selected event for the report, or set its confidentiality</source>
        <translation>De gekozen gebeurtenis vrijgeven voor het rapport, of de vertrouwelijkheid instellen</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="308" />
        <source>mandate ✓</source>
        <translation>mandaat ✓</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="308" />
        <source>no mandate</source>
        <translation>geen mandaat</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="310" />
        <source>absent</source>
        <translation>afwezig</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="381" />
        <source>Speaking share by role</source>
        <translation>Spreekaandeel per rol</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="382" />
        <source>Speaking share by organisation</source>
        <translation>Spreekaandeel per organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="444" />
        <source>Count a speaking turn for that tile</source>
        <translation>Een spreekbeurt tellen voor die tegel</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="445" />
        <source>Undo / redo the last turn or event, one at a time</source>
        <translation>De laatste spreekbeurt of gebeurtenis ongedaan maken / opnieuw, één voor één</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="446" />
        <source>In the note line: add the note to the timeline</source>
        <translation>In de notitieregel: de notitie aan de tijdlijn toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="450" />
        <source>Event: {0}</source>
        <translation>Gebeurtenis: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/session_board.py" line="451" />
        <source>Group-session board</source>
        <translation>Bord groepsgesprek</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35" />
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45" />
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="49" />
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="50" />
        <location filename="../../ui/settings_dialog.py" line="56" />
        <source>Lock after inactivity</source>
        <translation>Vergrendelen na inactiviteit</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="51" />
        <location filename="../../ui/settings_dialog.py" line="57" />
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62" />
        <source>Change passphrase…</source>
        <translation>Wachtwoordzin wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65" />
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67" />
        <source>About Veldwerk…</source>
        <translation>Over Veldwerk…</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="201" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="202" />
        <source>Concerns</source>
        <translation>Aandachtspunten</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="203" />
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="204" />
        <source>Decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="205" />
        <source>Supervision</source>
        <translation>Toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="206" />
        <source>Handover</source>
        <translation>Overdracht</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="276" />
        <location filename="../../ui/shell.py" line="290" />
        <location filename="../../ui/shell.py" line="291" />
        <source>Inspections</source>
        <translation>Inspecties</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="277" />
        <source>Organisations and networks</source>
        <translation>Organisaties en netwerken</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="278" />
        <source>To review</source>
        <translation>Te herbeoordelen</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="279" />
        <source>Meetings</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="280" />
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="285" />
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="292" />
        <source>+ New inspection (Ctrl+N)</source>
        <translation>+ Nieuwe inspectie (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="293" />
        <source>No inspections yet.</source>
        <translation>Nog geen inspecties.</translation>
    </message>
</context>
<context>
    <name>SignalBoard</name>
    <message>
        <location filename="../../ui/signal_cards.py" line="46" />
        <source>hard</source>
        <translation>hard</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="47" />
        <source>soft</source>
        <translation>zacht</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="50" />
        <source>negative</source>
        <translation>negatief</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="51" />
        <source>positive</source>
        <translation>positief</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="52" />
        <source>ambiguous</source>
        <translation>ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="55" />
        <source>inspectorate internal</source>
        <translation>intern inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="56" />
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="57" />
        <source>restricted</source>
        <translation>beperkt</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="58" />
        <source>reporter confidential</source>
        <translation>melder vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="62" />
        <source>incongruent</source>
        <translation>incongruent</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="63" />
        <source>contradicts</source>
        <translation>weerspreekt</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="64" />
        <source>corroborates</source>
        <translation>bevestigt</translation>
    </message>
    <message>
        <location filename="../../ui/signal_cards.py" line="65" />
        <source>hardens</source>
        <translation>maakt hard</translation>
    </message>
</context>
<context>
    <name>SignalBoardView</name>
    <message>
        <location filename="../../ui/signal_board.py" line="174" />
        <source>By status</source>
        <translation>Per status</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="175" />
        <source>By category</source>
        <translation>Per categorie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="176" />
        <source>By month</source>
        <translation>Per maand</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="178" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="179" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="180" />
        <source>Valence</source>
        <translation>Valentie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="181" />
        <source>Entrance</source>
        <translation>Ingang</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="182" />
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="183" />
        <source>Unit</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="184" />
        <source>Observer</source>
        <translation>Waarnemer</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="185" />
        <source>Confidentiality</source>
        <translation>Vertrouwelijkheid</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="204" />
        <source>Hook: any</source>
        <translation>Haakje: alle</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="205" />
        <source>With hook</source>
        <translation>Met haakje</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="206" />
        <source>Without hook</source>
        <translation>Zonder haakje</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="208" />
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="209" />
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="210" />
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="230" />
        <source>No signals match these filters.</source>
        <translation>Geen signalen bij deze filters.</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="232" />
        <source>Incongruences</source>
        <translation>Incongruenties</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="242" />
        <source>No incongruent pairs in view.</source>
        <translation>Geen incongruente paren in beeld.</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="257" />
        <source>Signal board</source>
        <translation>Signalenbord</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="258" />
        <source>Move through a column's cards</source>
        <translation>Door de kaarten van een kolom bewegen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="259" />
        <source>Open the signal: interpretation, status history, links, attachments</source>
        <translation>Het signaal openen: duiding, statusgeschiedenis, koppelingen, bijlagen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="260" />
        <source>Next column or filter</source>
        <translation>Volgende kolom of filter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signal_board.py" line="361" />
        <source>%n signal(s)</source>
        <translation>
            <numerusform>%n signaal</numerusform>
            <numerusform>%n signalen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signal_board.py" line="363" />
        <source>from %n independent source(s)</source>
        <translation>
            <numerusform>uit %n onafhankelijke bron</numerusform>
            <numerusform>uit %n onafhankelijke bronnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signal_board.py" line="365" />
        <source>%n entrance(s)</source>
        <translation>
            <numerusform>%n ingang</numerusform>
            <numerusform>%n ingangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signal_board.py" line="366" />
        <source>%n observer(s)</source>
        <translation>
            <numerusform>%n waarnemer</numerusform>
            <numerusform>%n waarnemers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="369" />
        <source>period {0} – {1}</source>
        <translation>periode {0} – {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/signal_board.py" line="370" />
        <source>%n contradicting</source>
        <translation>
            <numerusform>%n weersprekend</numerusform>
            <numerusform>%n weersprekend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="372" />
        <source>(filtered: {0} of {1} signals)</source>
        <translation>(gefilterd: {0} van {1} signalen)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_board.py" line="424" />
        <source>No category</source>
        <translation>Geen categorie</translation>
    </message>
</context>
<context>
    <name>SignalCapture</name>
    <message>
        <location filename="../../ui/signal_capture.py" line="66" />
        <location filename="../../ui/signal_capture.py" line="425" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="85" />
        <source>Incongruence pair: the board says ↔ the shop floor shows</source>
        <translation>Incongruentiepaar: bestuur zegt ↔ werkvloer toont</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="92" />
        <source>Shop floor shows</source>
        <translation>Werkvloer toont</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="115" />
        <source>Alt+↓/↑ choose · Ctrl+L link (again: other link) · Ctrl+D not relevant</source>
        <translation>Alt+↓/↑ kiezen · Ctrl+L koppelen (nogmaals: andere koppeling) · Ctrl+D niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="123" />
        <source>Save (Ctrl+Enter)</source>
        <translation>Opslaan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="128" />
        <location filename="../../ui/signal_capture.py" line="166" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="134" />
        <source>Kind · valence</source>
        <translation>Soort · valentie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="135" />
        <location filename="../../ui/signal_capture.py" line="167" />
        <source>Observation</source>
        <translation>Waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="138" />
        <source>More (Tab)</source>
        <translation>Meer (Tab)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="140" />
        <location filename="../../ui/signal_capture.py" line="168" />
        <source>Quote</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="141" />
        <source>Entrance</source>
        <translation>Ingang</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="142" />
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="143" />
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="144" />
        <source>Strength</source>
        <translation>Sterkte</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="145" />
        <source>Certainty</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="146" />
        <source>Interpretation</source>
        <translation>Duiding</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="147" />
        <source>Hook</source>
        <translation>Haakje</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="148" />
        <location filename="../../ui/signal_capture.py" line="169" />
        <source>Observed by</source>
        <translation>Waargenomen door</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="149" />
        <source>Confidentiality</source>
        <translation>Vertrouwelijkheid</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="150" />
        <source>Source · key</source>
        <translation>Bron · kenmerk</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="155" />
        <source>Earlier signals (possibly related)</source>
        <translation>Eerdere signalen (mogelijk verwant)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="427" />
        <source>Hard or soft</source>
        <translation>Hard of zacht</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="428" />
        <source>Valence</source>
        <translation>Valentie</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="429" />
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="430" />
        <source>Choose an earlier signal</source>
        <translation>Een eerder signaal kiezen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="431" />
        <source>Link it when saving (again: other link)</source>
        <translation>Koppelen bij opslaan (nogmaals: andere koppeling)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="432" />
        <source>Not relevant: do not suggest it again</source>
        <translation>Niet relevant: niet opnieuw voorstellen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="170" />
        <source>Possibly related signals</source>
        <translation>Mogelijk verwante signalen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="215" />
        <source>1 hint</source>
        <translation>1 aanwijzing</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="216" />
        <source>2 clear signal</source>
        <translation>2 duidelijk signaal</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="217" />
        <source>3 strong signal</source>
        <translation>3 sterk signaal</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="222" />
        <source>impression</source>
        <translation>indruk</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="223" />
        <source>probable</source>
        <translation>waarschijnlijk</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="224" />
        <source>established</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="228" />
        <source>team / account holders</source>
        <translation>team / accounthouders</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="229" />
        <source>internal</source>
        <translation>intern IGJ</translation>
    </message>
    <message>
        <location filename="../../ui/signal_capture.py" line="230" />
        <source>restricted (named users)</source>
        <translation>beperkt (persoonsgebonden)</translation>
    </message>
</context>
<context>
    <name>SignalDetailDialog</name>
    <message>
        <location filename="../../ui/signal_detail.py" line="49" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="64" />
        <source>Save interpretation</source>
        <translation>Duiding opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="73" />
        <source>corroborates</source>
        <translation>bevestigt</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="74" />
        <source>contradicts</source>
        <translation>weerspreekt</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="75" />
        <source>related to</source>
        <translation>hangt samen met</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="76" />
        <source>is a hook for</source>
        <translation>is haakje voor</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="77" />
        <source>hardens</source>
        <translation>maakt hard</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="78" />
        <source>duplicate of</source>
        <translation>dubbel van</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="79" />
        <source>incongruent with</source>
        <translation>incongruent met</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="84" />
        <source>Link</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="90" />
        <source>Change status…</source>
        <translation>Status wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="105" />
        <source>Observation</source>
        <translation>Waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="106" />
        <source>Quote</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="110" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="111" />
        <source>Status history</source>
        <translation>Statusgeschiedenis</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="112" />
        <source>Interpretation (history)</source>
        <translation>Duiding (geschiedenis)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="113" />
        <source>New interpretation</source>
        <translation>Nieuwe duiding</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="115" />
        <source>Links</source>
        <translation>Koppelingen</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="120" />
        <source>Link to</source>
        <translation>Koppelen aan</translation>
    </message>
    <message>
        <location filename="../../ui/signal_detail.py" line="148" />
        <source>review by {0}</source>
        <translation>herbeoordelen op {0}</translation>
    </message>
</context>
<context>
    <name>SourceFields</name>
    <message>
        <location filename="../../ui/signal_source.py" line="25" />
        <source>Source type</source>
        <translation>Soort bron</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="33" />
        <source>Source key</source>
        <translation>Kenmerk van de bron</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="53" />
        <source>case number</source>
        <translation>zaaknummer</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="54" />
        <source>report number</source>
        <translation>rapportnummer</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="55" />
        <source>visit and date</source>
        <translation>bezoek en datum</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="56" />
        <source>conversation and date</source>
        <translation>gesprek en datum</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="57" />
        <source>where it was found (link, article, data set)</source>
        <translation>vindplaats (link, artikel, gegevensbestand)</translation>
    </message>
    <message>
        <location filename="../../ui/signal_source.py" line="60" />
        <source>{0}, e.g. {1}</source>
        <translation>{0}, bijv. {1}</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/status_dialog.py" line="117" />
        <source>Change the signal's status</source>
        <translation>Status van het signaal wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="119" />
        <source>Change the concern's status</source>
        <translation>Status van het aandachtspunt wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="127" />
        <source>“Made hard” needs a reason in the data: link a signal that hardens this one, or convert it into a finding.</source>
        <translation>“Hard gemaakt” vraagt een grond in de gegevens: koppel een signaal dat dit signaal hard maakt, of zet het om in een bevinding.</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="136" />
        <source>Why this status? (required)</source>
        <translation>Waarom deze status? (verplicht)</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="142" />
        <source>Review by</source>
        <translation>Herbeoordelen op</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="142" />
        <source>Next review</source>
        <translation>Volgende herbeoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="152" />
        <source>Current status</source>
        <translation>Huidige status</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="153" />
        <source>New status</source>
        <translation>Nieuwe status</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="155" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="158" />
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="211" />
        <source>Staying soft needs a date to look at it again.</source>
        <translation>Blijft zacht vraagt een datum om er opnieuw naar te kijken.</translation>
    </message>
    <message>
        <location filename="../../ui/status_dialog.py" line="213" />
        <source>The rationale is kept as the reason the concern was closed.</source>
        <translation>De motivering blijft bewaard als reden waarom het aandachtspunt is gesloten.</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <location filename="../../ui/suggestion_list.py" line="17" />
        <source>stays soft</source>
        <translation>blijft zacht</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="18" />
        <source>open concern</source>
        <translation>open aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="19" />
        <source>same unit</source>
        <translation>zelfde afdeling</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="20" />
        <source>same category</source>
        <translation>zelfde categorie</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="21" />
        <source>similar text</source>
        <translation>vergelijkbare tekst</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="22" />
        <source>network partner</source>
        <translation>netwerkpartner</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="23" />
        <source>same organisation</source>
        <translation>zelfde organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="26" />
        <source>linked: related to</source>
        <translation>gekoppeld: hangt samen met</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="27" />
        <source>linked: corroborates</source>
        <translation>gekoppeld: bevestigt</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_list.py" line="28" />
        <source>linked: contradicts</source>
        <translation>gekoppeld: weerspreekt</translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <location filename="../../ui/trajectory_view.py" line="175" />
        <source>Supervision</source>
        <translation>Toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="176" />
        <source>Choose a trajectory, duty or due date</source>
        <translation>Kies een traject, verplichting of vervaldatum</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="177" />
        <source>Record the report for the chosen due date</source>
        <translation>Leg de rapportage voor de gekozen vervaldatum vast</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="182" />
        <source>+ Trajectory</source>
        <translation>+ Traject</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="183" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="184" />
        <source>End…</source>
        <translation>Beëindigen…</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="185" />
        <source>+ Reporting duty</source>
        <translation>+ Rapportageverplichting</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="186" />
        <source>Edit duty…</source>
        <translation>Verplichting bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="187" />
        <source>Remove duty</source>
        <translation>Verplichting verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="188" />
        <source>Report received…</source>
        <translation>Rapportage ontvangen…</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="192" />
        <source>Trajectory · reporting duty · due date</source>
        <translation>Traject · rapportageverplichting · termijn</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="192" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="192" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="194" />
        <source>Late reports</source>
        <translation>Te late rapportages</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="195" />
        <source>No supervision trajectory. Start one with “+ Trajectory”.</source>
        <translation>Geen toezichtstraject. Start er een met “+ Traject”.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="246" />
        <source>active</source>
        <translation>lopend</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="246" />
        <source>ended</source>
        <translation>beëindigd</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="263" />
        <source>received {date}</source>
        <translation>ontvangen {date}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="291" />
        <source>{subject} — due {date}</source>
        <translation>{subject} — uiterlijk {date}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="296" />
        <source>Capture a signal…</source>
        <translation>Signaal vastleggen…</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="333" />
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="341" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="345" />
        <source>Conditions</source>
        <translation>Scherpe afspraken</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="347" />
        <source>Owner: {name}</source>
        <translation>Eigenaar: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="349" />
        <source>Board informed on {date}</source>
        <translation>Bestuur geïnformeerd op {date}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="350" />
        <source>Board informed</source>
        <translation>Bestuur geïnformeerd</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="352" />
        <source>Board not informed</source>
        <translation>Bestuur niet geïnformeerd</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="354" />
        <source>Rationale for ending</source>
        <translation>Motivering van de beëindiging</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="404" />
        <source>Remove</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="405" />
        <source>Remove this reporting duty with the reports recorded under it?</source>
        <translation>Deze rapportageverplichting verwijderen, met de rapportages die eronder zijn vastgelegd?</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_view.py" line="434" />
        <source>Report not received: {subject} (due {date})</source>
        <translation>Rapportage niet ontvangen: {subject} (uiterlijk {date})</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="122" />
        <source>Demo data: stays on this laptop</source>
        <translation>Demogegevens: blijven op deze laptop</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_controller.py" line="128" />
        <source>Not connected to the office · %n change(s) waiting</source>
        <translation>
            <numerusform>Niet verbonden met kantoor · %n wijziging wacht</numerusform>
            <numerusform>Niet verbonden met kantoor · %n wijzigingen wachten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="130" />
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="134" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="136" />
        <source>This laptop was disconnected by the office</source>
        <translation>Deze laptop is door kantoor losgekoppeld</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="138" />
        <source>Synced {0}</source>
        <translation>Gesynchroniseerd {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_controller.py" line="140" />
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_controller.py" line="125" />
        <location filename="../../ui/sync_controller.py" line="141" />
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n wijziging wacht</numerusform>
            <numerusform>%n wijzigingen wachten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_controller.py" line="143" />
        <source>%n record(s) waiting for access</source>
        <translation>
            <numerusform>%n onderdeel wacht op toegang</numerusform><numerusform>%n onderdelen wachten op toegang</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_controller.py" line="145" />
        <source>%n record(s) from the office set aside</source>
        <translation>
            <numerusform>%n onderdeel van kantoor apart gezet</numerusform><numerusform>%n onderdelen van kantoor apart gezet</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_controller.py" line="147" />
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n probleem</numerusform>
            <numerusform>%n problemen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/sync_dialog.py" line="53" />
        <source>Sync with the office</source>
        <translation>Synchroniseren met kantoor</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="66" />
        <source>Connect this laptop</source>
        <translation>Deze laptop verbinden</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="69" />
        <source>Connect to the office</source>
        <translation>Verbinden met kantoor</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="71" />
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="72" />
        <source>Name of this laptop</source>
        <translation>Naam van deze laptop</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="73" />
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="74" />
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="75" />
        <source>or enrolment code</source>
        <translation>of aanmeldcode</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="80" />
        <source>Sync now (F9)</source>
        <translation>Nu synchroniseren (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="99" />
        <source>Keep mine</source>
        <translation>Mijn versie houden</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="101" />
        <source>Keep theirs</source>
        <translation>Hun versie houden</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="103" />
        <source>Save my edit</source>
        <translation>Mijn bewerking opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="107" />
        <source>Rescue export…</source>
        <translation>Noodkopie maken…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="110" />
        <source>Everything on this laptop, encrypted with a password of its own</source>
        <translation>Alles op deze laptop, versleuteld met een eigen wachtwoord</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="234" />
        <source>My version</source>
        <translation>Mijn versie</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="120" />
        <location filename="../../ui/sync_dialog.py" line="232" />
        <location filename="../../ui/sync_dialog.py" line="234" />
        <source>Current version</source>
        <translation>Huidige versie</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="136" />
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="140" />
        <source>Or write what it should be:</source>
        <translation>Of schrijf wat het moet zijn:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="168" />
        <source>This database holds demo data and never syncs with the office.</source>
        <translation>Deze database bevat demogegevens en wordt nooit met kantoor gesynchroniseerd.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="170" />
        <source>This laptop is not connected to an office store yet.</source>
        <translation>Deze laptop is nog niet met kantoor verbonden.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="173" />
        <source>{0} as {1} · {2}</source>
        <translation>{0} als {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="186" />
        <source>Set aside from the office · {0} {1} · {2}</source>
        <translation>Apart gezet van kantoor · {0} {1} · {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_dialog.py" line="194" />
        <source>%n record(s) waiting for access: sent again on every sync until the office gives you access</source>
        <translation>
            <numerusform>%n onderdeel wacht op toegang: het wordt bij elke synchronisatie opnieuw verstuurd tot het kantoor u toegang geeft</numerusform><numerusform>%n onderdelen wachten op toegang: ze worden bij elke synchronisatie opnieuw verstuurd tot het kantoor u toegang geeft</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="230" />
        <source>Yours (won)</source>
        <translation>Uw versie (gewonnen)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="230" />
        <source>Colleague's (lost)</source>
        <translation>Versie van collega (verloren)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="232" />
        <source>Yours (lost)</source>
        <translation>Uw versie (verloren)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="266" />
        <source>Rescue export written to {0}</source>
        <translation>Noodkopie geschreven naar {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="279" />
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="288" />
        <source>Connected. The first sync starts now.</source>
        <translation>Verbonden. De eerste synchronisatie begint nu.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="294" />
        <source>A database with demo data never syncs with the office.</source>
        <translation>Een database met demogegevens wordt nooit met kantoor gesynchroniseerd.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="295" />
        <source>This laptop is already connected.</source>
        <translation>Deze laptop is al verbonden.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="297" />
        <source>This laptop holds changes of another user that were not sent yet. Connect with that user's account, or make a rescue export and ask the administrator.</source>
        <translation>Deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden. Verbind met het account van die gebruiker, of maak een noodkopie en neem contact op met de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="300" />
        <source>The office store cannot be reached. Check the address and the network.</source>
        <translation>Kantoor is niet bereikbaar. Controleer het adres en het netwerk.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="301" />
        <source>The office refused: unknown user, wrong password or an invalid code.</source>
        <translation>Kantoor weigerde: onbekende gebruiker, verkeerd wachtwoord of ongeldige code.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="302" />
        <source>The office did not accept these details: {0}</source>
        <translation>Kantoor accepteerde deze gegevens niet: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="304" />
        <source>The office has disabled this user account. Contact the administrator.</source>
        <translation>Het kantoor heeft dit gebruikersaccount geblokkeerd. Neem contact op met de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="306" />
        <source>Too many failed attempts. Wait a few minutes and try again.</source>
        <translation>Te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="307" />
        <source>The office is busy. Try again in a moment.</source>
        <translation>Het kantoor is bezet. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="309" />
        <source>This address starts with http://: your password and notes would cross the network unencrypted. Use https://, or ask the administrator.</source>
        <translation>Dit adres begint met http://: uw wachtwoord en aantekeningen zouden onversleuteld over het netwerk gaan. Gebruik https:// of vraag het de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="312" />
        <source>The certificate file in the settings cannot be read: {0}</source>
        <translation>Het certificaatbestand in de instellingen kan niet worden gelezen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="314" />
        <source>The office's certificate is not trusted. Ask the administrator for the organisation's certificate file (setting ca_bundle).</source>
        <translation>Het certificaat van het kantoor wordt niet vertrouwd. Vraag de beheerder om het certificaatbestand van de organisatie (instelling ca_bundle).</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="336" />
        <source>Sending changes: {0} of {1}</source>
        <translation>Wijzigingen versturen: {0} van {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="340" />
        <source>Sending files: {0} of {1}</source>
        <translation>Bestanden versturen: {0} van {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_dialog.py" line="345" />
        <source>Receiving: %Ln change(s), {0} %</source>
        <translation>
            <numerusform>Ontvangen: %Ln wijziging, {0} %</numerusform>
            <numerusform>Ontvangen: %Ln wijzigingen, {0} %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_dialog.py" line="346" />
        <source>Receiving: %Ln change(s)</source>
        <translation>
            <numerusform>Ontvangen: %Ln wijziging</numerusform>
            <numerusform>Ontvangen: %Ln wijzigingen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="351" />
        <source>Sync finished.</source>
        <translation>Synchronisatie klaar.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="352" />
        <source>The office store cannot be reached. Your work is kept and sent later.</source>
        <translation>Het kantoor is niet bereikbaar. Uw werk blijft bewaard en wordt later verstuurd.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="354" />
        <source>The office has disconnected this laptop. Everything you recorded is still here, including what was not sent yet. Make a rescue export below and contact the administrator.</source>
        <translation>Het kantoor heeft deze laptop losgekoppeld. Alles wat u vastlegde staat er nog, ook wat nog niet verstuurd was. Maak hieronder een noodkopie en neem contact op met de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="358" />
        <source>The office has disabled your account. Your work is kept here and is sent once the administrator enables the account again.</source>
        <translation>Het kantoor heeft uw account geblokkeerd. Uw werk blijft hier bewaard en wordt verstuurd zodra de beheerder het account weer vrijgeeft.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="361" />
        <source>The office does not know this laptop (anymore). Connect it again.</source>
        <translation>Kantoor kent deze laptop (niet meer). Verbind hem opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="363" />
        <source>The office refused the changes as a whole; they are kept here. Contact support.</source>
        <translation>Het kantoor weigerde de wijzigingen als geheel; ze blijven hier bewaard. Neem contact op met de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="366" />
        <source>Sync stopped: {0}</source>
        <translation>Synchronisatie gestopt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="387" />
        <source>your change to ‘{0}’ ({1}) and a colleague's ({2}) coincided; the colleague's value is there now</source>
        <translation>uw wijziging van ‘{0}’ ({1}) en die van een collega ({2}) vielen samen; de waarde van de collega staat er nu</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="395" />
        <source>Concern ‘{0}’: {1}</source>
        <translation>Aandachtspunt ‘{0}’: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="409" />
        <source>empty</source>
        <translation>leeg</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="444" />
        <source>A colleague removed this paragraph while you typed in it; your text was kept</source>
        <translation>Een collega verwijderde deze alinea terwijl u erin typte; uw tekst is bewaard</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="449" />
        <source>Your change lost to a concurrent one</source>
        <translation>Uw wijziging verloor van een gelijktijdige</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="450" />
        <source>Your change won over a concurrent one</source>
        <translation>Uw wijziging won van een gelijktijdige</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="451" />
        <source>Your value was overwritten by a later change elsewhere</source>
        <translation>Uw waarde is overschreven door een latere wijziging elders</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="454" />
        <source>Refused by the office</source>
        <translation>Geweigerd door kantoor</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="455" />
        <source>Batch refused</source>
        <translation>Verzending geweigerd</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="456" />
        <source>Unknown framework version</source>
        <translation>Onbekende kaderversie</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="457" />
        <source>Your typing overlapped a colleague's change to the same words</source>
        <translation>Uw typwerk overlapte met de wijziging van een collega in dezelfde woorden</translation>
    </message>
</context>
<context>
    <name>SynthesisForm</name>
    <message>
        <location filename="../../ui/synthesis_form.py" line="102" />
        <source>evidence in words</source>
        <translation>onderbouwing in woorden</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="109" />
        <source>Release this score for the report, or set its confidentiality</source>
        <translation>Deze score vrijgeven voor het rapport, of de vertrouwelijkheid instellen</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="117" />
        <source>discussed</source>
        <translation>besproken</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="118" />
        <source>deliberate choice</source>
        <translation>bewuste keuze</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="150" />
        <source>0 not observed</source>
        <translation>0 niet waargenomen</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="151" />
        <source>1 somewhat</source>
        <translation>1 enigszins</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="152" />
        <source>2 clearly</source>
        <translation>2 duidelijk</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="155" />
        <source>not applicable</source>
        <translation>niet van toepassing</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="164" />
        <source>balanced</source>
        <translation>in balans</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="168" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="169" />
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="254" />
        <source>Synthesis of the session</source>
        <translation>Synthese van de sessie</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="271" />
        <source>Every change is saved at once. A score other than neutral needs evidence from the session: use the Evidence button.</source>
        <translation>Elke wijziging wordt direct opgeslagen. Een score anders dan neutraal vraagt onderbouwing uit de sessie: gebruik de knop Onderbouwing.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/synthesis_form.py" line="297" />
        <source>Evidence (%n)</source>
        <translation>
            <numerusform>Onderbouwing (%n)</numerusform><numerusform>Onderbouwing (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/synthesis_form.py" line="317" />
        <source>saving…</source>
        <translation>opslaan…</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="44" />
        <source>Signals: negative</source>
        <translation>Signalen: negatief</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="45" />
        <source>Signals: ambiguous</source>
        <translation>Signalen: ambigu</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="46" />
        <source>Signals: positive</source>
        <translation>Signalen: positief</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="47" />
        <source>Visits and conversations</source>
        <translation>Bezoeken en gesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="48" />
        <source>Life events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="49" />
        <source>Inspections</source>
        <translation>Inspecties</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="50" />
        <source>Intensified / heightened</source>
        <translation>Geïntensiveerd / verscherpt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="51" />
        <source>Interventions</source>
        <translation>Interventies</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="52" />
        <source>Concern status</source>
        <translation>Status aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="55" />
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="56" />
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="57" />
        <source>Life event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="58" />
        <source>Inspection</source>
        <translation>Inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="59" />
        <source>Intensified supervision</source>
        <translation>Geïntensiveerd toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="60" />
        <source>Heightened supervision</source>
        <translation>Verscherpt toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="61" />
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="62" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="73" />
        <source>Hard signal</source>
        <translation>Hard signaal</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="74" />
        <source>Soft signal</source>
        <translation>Zacht signaal</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="81" />
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="86" />
        <source>Member: %1</source>
        <translation>Lid: %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="90" />
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_canvas.py" line="142" />
        <source>Quiet period, compressed: %1</source>
        <translation>Rustige periode, ingekort: %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="79" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>Uitzoomen (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="85" />
        <source>Zoom in (Ctrl++)</source>
        <translation>Inzoomen (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="94" />
        <source>PDF…</source>
        <translation>Pdf…</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="95" />
        <source>Save this period as an internal PDF, without confidential signals (Ctrl+P)</source>
        <translation>Deze periode opslaan als interne pdf, zonder vertrouwelijke signalen (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="103" />
        <source>Compress quiet periods</source>
        <translation>Rustige perioden inkorten</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="106" />
        <source>Months without anything shrink to a narrow marked gap, so a build-up of signals stands out</source>
        <translation>Maanden zonder iets krimpen tot een smalle, gemarkeerde onderbreking, zodat een opeenstapeling van signalen opvalt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="110" />
        <source>● hard signal   ◌ soft signal   ◆ visit   ■ intervention   ▲ concern</source>
        <translation>● hard signaal   ◌ zacht signaal   ◆ bezoek   ■ interventie   ▲ aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="119" />
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="121" />
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="157" />
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="158" />
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="159" />
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="160" />
        <source>Save the period shown as an internal PDF</source>
        <translation>De getoonde periode opslaan als interne pdf</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="288" />
        <source>Save timeline as PDF</source>
        <translation>Tijdlijn opslaan als pdf</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="290" />
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="302" />
        <source>Making the PDF…</source>
        <translation>De pdf wordt gemaakt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline_view.py" line="316" />
        <source>Saved: {0} (%n confidential signal(s) left out)</source>
        <translation>
            <numerusform>Opgeslagen: {0} (%n vertrouwelijk signaal weggelaten)</numerusform>
            <numerusform>Opgeslagen: {0} (%n vertrouwelijke signalen weggelaten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/timeline_view.py" line="318" />
        <source>Saved: {0}</source>
        <translation>Opgeslagen: {0}</translation>
    </message>
</context>
<context>
    <name>TrajectoryDialog</name>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="179" />
        <source>Supervision trajectory</source>
        <translation>Toezichtstraject</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="196" />
        <source>One condition per line</source>
        <translation>Eén afspraak per regel</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="198" />
        <source>The board has been informed</source>
        <translation>Het bestuur is geïnformeerd</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="205" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="206" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="207" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="208" />
        <source>Conditions</source>
        <translation>Scherpe afspraken</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="209" />
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="211" />
        <source>Board informed on</source>
        <translation>Bestuur geïnformeerd op</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="212" />
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="213" />
        <source>Rationale for ending</source>
        <translation>Motivering van de beëindiging</translation>
    </message>
</context>
<context>
    <name>TrajectoryLabels</name>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="45" />
        <source>Intensified supervision</source>
        <translation>Geïntensiveerd toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="46" />
        <source>Heightened supervision</source>
        <translation>Verscherpt toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="49" />
        <source>once</source>
        <translation>eenmalig</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="50" />
        <source>every two weeks</source>
        <translation>tweewekelijks</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="51" />
        <source>monthly</source>
        <translation>maandelijks</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="52" />
        <source>quarterly</source>
        <translation>per kwartaal</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="53" />
        <source>every six months</source>
        <translation>halfjaarlijks</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="56" />
        <source>received</source>
        <translation>ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="57" />
        <source>late</source>
        <translation>te laat</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="58" />
        <source>due soon</source>
        <translation>binnenkort</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="59" />
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="62" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="63" />
        <source>Rationale for ending</source>
        <translation>Motivering van de beëindiging</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="64" />
        <source>Conditions</source>
        <translation>Scherpe afspraken</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="65" />
        <source>Board informed</source>
        <translation>Bestuur geïnformeerd</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="66" />
        <source>Board informed on</source>
        <translation>Bestuur geïnformeerd op</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="67" />
        <source>What is reported</source>
        <translation>Waarover gerapporteerd wordt</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="68" />
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="69" />
        <source>First due on</source>
        <translation>Eerste termijn</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="70" />
        <source>Due date</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="71" />
        <source>Received on</source>
        <translation>Ontvangen op</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="72" />
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="75" />
        <source>A date the board was informed needs “Board informed” ticked.</source>
        <translation>Een datum waarop het bestuur is geïnformeerd vraagt om een vinkje bij “Bestuur geïnformeerd”.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="78" />
        <source>{field} lies in the future.</source>
        <translation>{field} ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="79" />
        <source>{field} lies after the end of the trajectory.</source>
        <translation>{field} ligt na het einde van het traject.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="80" />
        <source>{field} is not one of the duty's due dates.</source>
        <translation>{field} is geen termijn van deze rapportageverplichting.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="81" />
        <source>{field} lies after the first due date of a reporting duty.</source>
        <translation>{field} ligt na de eerste termijn van een rapportageverplichting.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="84" />
        <source>{field} lies before the first due date of a reporting duty.</source>
        <translation>{field} ligt voor de eerste termijn van een rapportageverplichting.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="87" />
        <source>A report for this due date was already recorded.</source>
        <translation>Voor deze termijn is al een rapportage vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_dialog.py" line="88" />
        <source>The signal is about another organisation than the trajectory.</source>
        <translation>Het signaal gaat over een andere organisatie dan het traject.</translation>
    </message>
</context>
<context>
    <name>TrajectoryView</name>
    <message numerus="yes">
        <location filename="../../ui/trajectory_view.py" line="71" />
        <source>The board has not been informed of this trajectory (since {since}, %n month(s))</source>
        <translation><numerusform>Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n maand)</numerusform><numerusform>Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n maanden)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/trajectory_view.py" line="78" />
        <source>The board has not been informed of this trajectory (since {since}, %n day(s))</source>
        <translation><numerusform>Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n dag)</numerusform><numerusform>Het bestuur is niet geïnformeerd over dit traject (sinds {since}, %n dagen)</numerusform></translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="192" />
        <source>Unit</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="203" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_dialogs.py" line="204" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/unlock_page.py" line="142" />
        <source>Welcome. Choose a passphrase to encrypt your database on this laptop. It cannot be recovered: write it down somewhere safe.</source>
        <translation>Welkom. Kies een wachtwoordzin om uw database op deze laptop te versleutelen. Die is niet te herstellen: bewaar hem op een veilige plek.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="146" />
        <source>Create database</source>
        <translation>Database aanmaken</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="148" />
        <source>Enter your passphrase to unlock your database.</source>
        <translation>Voer uw wachtwoordzin in om uw database te ontgrendelen.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="149" />
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="150" />
        <location filename="../../ui/unlock_page.py" line="155" />
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="151" />
        <location filename="../../ui/unlock_page.py" line="156" />
        <source>Repeat passphrase</source>
        <translation>Herhaal wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="152" />
        <location filename="../../ui/unlock_page.py" line="157" />
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="153" />
        <source>Load demo data</source>
        <translation>Demogegevens laden</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="154" />
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="158" />
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="159" />
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="174" />
        <source>too short</source>
        <translation>te kort</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="174" />
        <source>weak</source>
        <translation>zwak</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="174" />
        <source>reasonable</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="174" />
        <source>strong</source>
        <translation>sterk</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_page.py" line="175" />
        <source>Strength: {0}</source>
        <translation>Sterkte: {0}</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../ui/visit_forms.py" line="71" />
        <source>New visit</source>
        <translation>Nieuw bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="77" />
        <source>Announced</source>
        <translation>Aangekondigd</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="79" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/visit_forms.py" line="80" />
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <location filename="../../ui/visit_page.py" line="181" />
        <source>← Inspection</source>
        <translation>← Inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="182" />
        <location filename="../../ui/visit_page.py" line="185" />
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="183" />
        <source>+ Conversation</source>
        <translation>+ Gesprek</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="184" />
        <source>Participants…</source>
        <translation>Deelnemers…</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="186" />
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="189" />
        <source>Your text clashed with a colleague's change; your version is in &lt;a href="sync"&gt;Sync with the office&lt;/a&gt;.</source>
        <translation>Uw tekst botste met een wijziging van een collega; uw versie staat in &lt;a href="sync"&gt;Synchroniseren met kantoor&lt;/a&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="195" />
        <source>Type your notes. Enter starts a new paragraph; Ctrl+1..5 sets its kind (observation, quote, interpretation, question, action); Ctrl+Q makes the selection a quote.</source>
        <translation>Typ uw notities. Enter begint een nieuwe alinea; Ctrl+1..5 zet de soort (waarneming, citaat, duiding, vraag, actie); Ctrl+Q maakt van de selectie een citaat.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="199" />
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="200" />
        <source>New signal (Ctrl+Shift+S)</source>
        <translation>Nieuw signaal (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="248" />
        <source>Signals ({0})</source>
        <translation>Signalen ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="251" />
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="323" />
        <source>Question guide ({0}/{1} asked)</source>
        <translation>Gespreksleidraad ({0}/{1} gesteld)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="444" />
        <source>saving…</source>
        <translation>opslaan…</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="445" />
        <source>saved ✓</source>
        <translation>opgeslagen ✓</translation>
    </message>
    <message>
        <location filename="../../ui/visit_page.py" line="446" />
        <source>not saved, retrying</source>
        <translation>niet opgeslagen, nieuwe poging</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../inspectorapp/bootstrap.py" line="56" />
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <location filename="../../inspectorapp/bootstrap.py" line="57" />
        <source>Something unexpected went wrong. Your work is saved. Details are in {0}</source>
        <translation>Er ging iets onverwachts mis. Uw werk is opgeslagen. Details staan in {0}</translation>
    </message>
</context>
<context>
    <name>decisions</name>
    <message>
        <location filename="../../ui/decision_text.py" line="18" />
        <source>MDO</source>
        <translation>MDO</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="19" />
        <source>APK</source>
        <translation>APK</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="20" />
        <source>LMO</source>
        <translation>LMO</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="21" />
        <source>team meeting</source>
        <translation>teamoverleg</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="22" />
        <source>peer consultation</source>
        <translation>intercollegiaal overleg</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="37" />
        <source>Come back on {date}</source>
        <translation>Terugkomen op {date}</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="50" />
        <source>Decision ({date})</source>
        <translation>Besluit ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/decision_text.py" line="51" />
        <source>Decision ({overleg} {date})</source>
        <translation>Besluit ({overleg} {date})</translation>
    </message>
</context>
<context>
    <name>deliberation</name>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="46" />
        <source>MDO</source>
        <translation>MDO</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="47" />
        <source>Periodic review (APK)</source>
        <translation>Periodieke bespreking (APK)</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="48" />
        <source>LMO</source>
        <translation>LMO</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="49" />
        <source>Team meeting</source>
        <translation>Teamoverleg</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="50" />
        <source>Peer consultation</source>
        <translation>Intercollegiale consultatie</translation>
    </message>
    <message>
        <location filename="../../ui/deliberation_dialog.py" line="57" />
        <source>{0} (network)</source>
        <translation>{0} (netwerk)</translation>
    </message>
</context>
<context>
    <name>file_exports</name>
    <message>
        <location filename="../../ui/file_exports.py" line="30" />
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/file_exports.py" line="36" />
        <source>Include restricted and reporter-confidential items</source>
        <translation>Ook beperkt toegankelijke en melder-vertrouwelijke gegevens opnemen</translation>
    </message>
    <message>
        <location filename="../../ui/file_exports.py" line="92" />
        <location filename="../../ui/file_exports.py" line="98" />
        <location filename="../../ui/file_exports.py" line="110" />
        <source>Rescue export</source>
        <translation>Noodkopie</translation>
    </message>
    <message>
        <location filename="../../ui/file_exports.py" line="93" />
        <source>Rescue password (at least 12 characters):</source>
        <translation>Wachtwoord voor de noodkopie (minstens 12 tekens):</translation>
    </message>
    <message>
        <location filename="../../ui/file_exports.py" line="99" />
        <source>Repeat it:</source>
        <translation>Herhaal het:</translation>
    </message>
    <message>
        <location filename="../../ui/file_exports.py" line="105" />
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="58" />
        <source>preparation</source>
        <translation>voorbereiding</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59" />
        <source>fieldwork</source>
        <translation>veldwerk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>analysis</source>
        <translation>analyse</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>reporting</source>
        <translation>rapportage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <location filename="../../ui/labels.py" line="76" />
        <source>follow-up</source>
        <translation>vervolg</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72" />
        <source>risk-based</source>
        <translation>risicogestuurd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73" />
        <source>thematic</source>
        <translation>thematisch</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74" />
        <source>network</source>
        <translation>netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75" />
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85" />
        <source>agenda-setting</source>
        <translation>agenderen/stimuleren</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86" />
        <source>sparring partner</source>
        <translation>sparringpartner</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87" />
        <source>compliance</source>
        <translation>naleving</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88" />
        <location filename="../../ui/labels.py" line="209" />
        <source>enforcement</source>
        <translation>handhaving</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97" />
        <location filename="../../ui/labels.py" line="172" />
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98" />
        <source>invited</source>
        <translation>uitgenodigd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99" />
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100" />
        <source>declined</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101" />
        <source>deliberately not invited</source>
        <translation>bewust niet uitgenodigd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110" />
        <location filename="../../ui/labels.py" line="145" />
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111" />
        <location filename="../../ui/labels.py" line="146" />
        <source>signal</source>
        <translation>signaal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112" />
        <location filename="../../ui/labels.py" line="147" />
        <source>session event</source>
        <translation>sessiegebeurtenis</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113" />
        <location filename="../../ui/labels.py" line="148" />
        <source>observation</source>
        <translation>observatie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122" />
        <source>progress</source>
        <translation>vooruitgang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123" />
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124" />
        <source>decline</source>
        <translation>achteruitgang</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125" />
        <source>not assessed</source>
        <translation>niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134" />
        <source>green</source>
        <translation>groen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135" />
        <source>amber</source>
        <translation>oranje</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136" />
        <source>red</source>
        <translation>rood</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149" />
        <source>attachment</source>
        <translation>bijlage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159" />
        <source>stays internal: confidential</source>
        <translation>blijft intern: vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160" />
        <source>stays internal: not marked for the report</source>
        <translation>blijft intern: niet gemarkeerd voor rapport</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161" />
        <source>stays internal: soft signal, not converted</source>
        <translation>blijft intern: zacht signaal, niet omgezet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173" />
        <source>done</source>
        <translation>uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174" />
        <source>cancelled</source>
        <translation>vervallen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183" />
        <source>plan under assessment</source>
        <translation>plan in beoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184" />
        <source>plan approved</source>
        <translation>plan goedgekeurd</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185" />
        <source>plan rejected</source>
        <translation>plan afgewezen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="194" />
        <source>before</source>
        <translation>vooraf</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195" />
        <source>midway</source>
        <translation>halverwege</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="196" />
        <source>afterwards</source>
        <translation>achteraf</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="205" />
        <source>internal</source>
        <translation>intern IGJ</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="206" />
        <source>informal</source>
        <translation>informeel</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="207" />
        <source>recurring</source>
        <translation>terugkerend</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="208" />
        <source>individual address</source>
        <translation>individueel aanspreken</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="218" />
        <source>area report (gebiedsrapportage)</source>
        <translation>gebiedsrapportage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="219" />
        <source>letter report (briefrapport)</source>
        <translation>briefrapport</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="228" />
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229" />
        <source>Role of the inspectorate</source>
        <translation>Rol van de inspectie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="230" />
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="231" />
        <source>Findings per theme</source>
        <translation>Bevindingen per thema</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="232" />
        <source>Recommendations</source>
        <translation>Aanbevelingen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="233" />
        <source>Appreciation</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="234" />
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="235" />
        <source>Annex: participants by role</source>
        <translation>Bijlage: deelnemers naar rol</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="236" />
        <source>Annex: method</source>
        <translation>Bijlage: werkwijze</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="237" />
        <source>Annex: sources</source>
        <translation>Bijlage: bronnen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="262" />
        <source>ward</source>
        <translation>verpleegafdeling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="263" />
        <source>specialist group</source>
        <translation>vakgroep</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="264" />
        <source>site</source>
        <translation>locatie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="265" />
        <source>care axis</source>
        <translation>zorgas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="266" />
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="275" />
        <source>around a person</source>
        <translation>rond een persoon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="276" />
        <source>around a condition</source>
        <translation>rond een aandoening</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="277" />
        <source>around an area</source>
        <translation>rond een gebied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="286" />
        <source>inner circle</source>
        <translation>binnenste schil</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="287" />
        <source>outer circle</source>
        <translation>buitenste schil</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="297" />
        <source>own observation</source>
        <translation>eigen waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="298" />
        <source>spoken: board</source>
        <translation>mondeling: bestuur</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="299" />
        <source>spoken: staff member</source>
        <translation>mondeling: medewerker</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="300" />
        <source>spoken: patient or relative</source>
        <translation>mondeling: patiënt of naaste</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="301" />
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="302" />
        <source>reporter (complaint or report)</source>
        <translation>melder (klacht of melding)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="303" />
        <source>fellow inspector</source>
        <translation>collega-inspecteur</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="304" />
        <source>system or data</source>
        <translation>systeem of gegevens</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20" />
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21" />
        <source>Repeated passphrase</source>
        <translation>Herhaalde wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="24" />
        <source>Observation</source>
        <translation>Waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25" />
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="26" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27" />
        <source>Valence</source>
        <translation>Valentie</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28" />
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29" />
        <source>Paragraph</source>
        <translation>Alinea</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30" />
        <source>Subjects</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31" />
        <source>Evidence</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34" />
        <source>Observed at</source>
        <translation>Waargenomen op</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35" />
        <source>Review by</source>
        <translation>Herbeoordelen op</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36" />
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37" />
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38" />
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39" />
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40" />
        <source>What we see</source>
        <translation>Wat zien we</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41" />
        <source>What we think of it</source>
        <translation>Wat vinden we ervan</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42" />
        <source>What next</source>
        <translation>Hoe nu verder</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43" />
        <source>Traffic light</source>
        <translation>Stoplicht</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44" />
        <source>Signal</source>
        <translation>Signaal</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45" />
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46" />
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47" />
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48" />
        <source>Done on</source>
        <translation>Uitgevoerd op</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>Planned on</source>
        <translation>Gepland op</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>Report date</source>
        <translation>Rapportdatum</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54" />
        <source>Judgement</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55" />
        <location filename="../../ui/messages.py" line="56" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57" />
        <source>Rationale</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58" />
        <source>Next review</source>
        <translation>Volgende herbeoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59" />
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60" />
        <source>Owner of the next step</source>
        <translation>Eigenaar van de volgende stap</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61" />
        <source>Next step due</source>
        <translation>Volgende stap uiterlijk</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62" />
        <source>Alternative explanations</source>
        <translation>Alternatieve verklaringen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63" />
        <source>Open questions</source>
        <translation>Open vragen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64" />
        <location filename="../../ui/messages.py" line="65" />
        <location filename="../../ui/messages.py" line="66" />
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67" />
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68" />
        <source>Rating</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69" />
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70" />
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71" />
        <source>Concern</source>
        <translation>Aandachtspunt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72" />
        <source>Decided by</source>
        <translation>Besloten door</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73" />
        <source>Decision date</source>
        <translation>Datum van het besluit</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74" />
        <source>Come back on</source>
        <translation>Terugkomen op</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75" />
        <source>Overleg</source>
        <translation>Overleg</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76" />
        <source>What it is about</source>
        <translation>Waar het over gaat</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77" />
        <source>Account holder</source>
        <translation>Accounthouder</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78" />
        <source>Since</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80" />
        <source>Organisation or network</source>
        <translation>Organisatie of netwerk</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82" />
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83" />
        <source>Chair</source>
        <translation>Voorzitter</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84" />
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94" />
        <source>{field} is required.</source>
        <translation>{field} is verplicht.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95" />
        <source>{field} is too long ({actual} characters; at most {max}).</source>
        <translation>{field} is te lang ({actual} tekens; hoogstens {max}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98" />
        <source>{field} is too short (at least {min} characters).</source>
        <translation>{field} is te kort (minstens {min} tekens).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99" />
        <source>The two passphrases differ.</source>
        <translation>De twee wachtwoordzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100" />
        <source>This laptop holds changes of another user that were not sent yet.</source>
        <translation>Deze laptop bevat wijzigingen van een andere gebruiker die nog niet zijn verzonden.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103" />
        <source>{field}: “{value}” is not one of the allowed values.</source>
        <translation>{field}: “{value}” is geen toegestane waarde.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="106" />
        <source>This value was changed again since; look at the current version first.</source>
        <translation>Deze waarde is sindsdien opnieuw gewijzigd; bekijk eerst de huidige versie.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109" />
        <source>{field}: “{value}” is not in the framework.</source>
        <translation>{field}: “{value}” staat niet in het kader.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110" />
        <source>{field}: “{value}” is not a valid date.</source>
        <translation>{field}: “{value}” is geen geldige datum.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111" />
        <source>{field} is out of range.</source>
        <translation>{field} valt buiten het toegestane bereik.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112" />
        <source>{field} has an invalid format.</source>
        <translation>{field} heeft een ongeldige vorm.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113" />
        <source>{field} has the wrong type of value.</source>
        <translation>{field} heeft het verkeerde soort waarde.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114" />
        <source>{field} contains a character that cannot be stored.</source>
        <translation>{field} bevat een teken dat niet kan worden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117" />
        <source>{field} refers to something that does not exist.</source>
        <translation>{field} verwijst naar iets dat niet bestaat.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120" />
        <source>{field} lies before the start date.</source>
        <translation>{field} ligt vóór de startdatum.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121" />
        <source>{field}: this already exists.</source>
        <translation>{field}: dit bestaat al.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122" />
        <source>The file “{value}” cannot be read.</source>
        <translation>Het bestand “{value}” is niet te lezen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123" />
        <source>This participant is marked absent.</source>
        <translation>Deze deelnemer staat als afwezig.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124" />
        <source>{field} belongs to another conversation.</source>
        <translation>{field} hoort bij een ander gesprek.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125" />
        <source>{field} does not fit this item.</source>
        <translation>{field} past niet bij dit onderdeel.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126" />
        <source>{field}: only a signal the whole team sees fits here, not one of an inspection.</source>
        <translation>{field}: alleen een signaal dat het hele team ziet past hier, niet een signaal van een inspectie.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129" />
        <source>Only a soft signal is converted; a hard one can be evidence as it is.</source>
        <translation>Alleen een zacht signaal wordt omgezet; een hard signaal kan zo als onderbouwing dienen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132" />
        <source>A confidential signal can never appear in a report.</source>
        <translation>Een vertrouwelijk signaal kan nooit in een rapport komen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133" />
        <source>A confidential item is never released for the report. Change its confidentiality first.</source>
        <translation>Een vertrouwelijk onderdeel wordt nooit vrijgegeven voor het rapport. Pas eerst de vertrouwelijkheid aan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137" />
        <source>This signal has already been converted into a finding.</source>
        <translation>Dit signaal is al omgezet in een bevinding.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140" />
        <source>Add at least one further piece of evidence that may appear in a report (a marked note, a hard signal, an observation): a soft signal alone is not a finding.</source>
        <translation>Voeg minstens één andere onderbouwing toe die in een rapport mag (een gemarkeerde notitie, een hard signaal, een observatie): een zacht signaal alleen is geen bevinding.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145" />
        <source>This finding substantiates a soft signal; that signal must stay among its evidence.</source>
        <translation>Deze bevinding onderbouwt een zacht signaal; dat signaal moet bij de onderbouwing blijven.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148" />
        <source>Findings still carry traffic lights. Remove them first; then the judgement can be formative.</source>
        <translation>Bevindingen hebben nog stoplichten. Haal die eerst weg; daarna kan het oordeel formatief worden.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152" />
        <source>A signal is made hard only with a reason in the data: a signal that hardens it, or a finding it was converted into.</source>
        <translation>Een signaal wordt alleen hard gemaakt met een grond in de gegevens: een signaal dat het hard maakt, of een bevinding waarin het is omgezet.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157" />
        <source>{field}: this is already the current value.</source>
        <translation>{field}: dit is al de huidige waarde.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158" />
        <source>This signal is not attached to the concern.</source>
        <translation>Dit signaal is niet aan het aandachtspunt gekoppeld.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="159" />
        <source>A decision not to act needs a rationale: should something go wrong after all, the team must be able to account for it.</source>
        <translation>Een besluit om niet te handelen heeft een motivering nodig: als het dan toch misgaat, moet het team daarover verantwoording kunnen afleggen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="164" />
        <source>Enforcement needs a rationale: the team must be able to account for this step afterwards.</source>
        <translation>Handhaving heeft een motivering nodig: het team moet achteraf verantwoording kunnen afleggen over deze stap.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168" />
        <source>{field} lies in the past: choose today or a later day.</source>
        <translation>{field} ligt in het verleden: kies vandaag of een latere dag.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171" />
        <source>{field} lies in the future.</source>
        <translation>{field} ligt in de toekomst.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="172" />
        <source>{field} belongs to another organisation or network.</source>
        <translation>{field} hoort bij een andere organisatie of een ander netwerk.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="175" />
        <source>A concern is about exactly one organisation or one network.</source>
        <translation>Een aandachtspunt gaat over precies één organisatie of één netwerk.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="178" />
        <source>Decisions were taken in this meeting; they stay on record, so it cannot be deleted.</source>
        <translation>In dit overleg zijn besluiten genomen; die blijven bewaard, dus het overleg kan niet worden verwijderd.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="181" />
        <source>{field} lies too far ahead (at most {latest}).</source>
        <translation>{field} ligt te ver vooruit (uiterlijk {latest}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182" />
        <source>A score other than neutral needs evidence: pick a note or event from the session.</source>
        <translation>Een score anders dan neutraal vraagt onderbouwing: kies een notitie of gebeurtenis uit de sessie.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="186" />
        <source>{field} is invalid.</source>
        <translation>{field} is ongeldig.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="197" />
        <source>This passphrase does not open the database. Nothing was changed; try again.</source>
        <translation>Deze wachtwoordzin opent de database niet. Er is niets gewijzigd; probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="201" />
        <source>No database found. Create a new one.</source>
        <translation>Geen database gevonden. Maak een nieuwe aan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202" />
        <source>A database already exists here; unlock it instead.</source>
        <translation>Hier staat al een database; ontgrendel die.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="205" />
        <source>The database is damaged. A backup is in the backups folder; contact support.</source>
        <translation>De database is beschadigd. Een reservekopie staat in de map backups; neem contact op met de beheerder.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209" />
        <source>This database was made by a newer version of Veldwerk. Update the app.</source>
        <translation>Deze database is gemaakt door een nieuwere versie van Veldwerk. Werk de app bij.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="212" />
        <source>The framework file was refused: {reason}</source>
        <translation>Het kaderbestand is geweigerd: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="213" />
        <source>The demo data could not be loaded: {error}</source>
        <translation>De demogegevens konden niet worden geladen: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="214" />
        <source>This item no longer exists.</source>
        <translation>Dit onderdeel bestaat niet meer.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="215" />
        <source>The import was refused: {reason}</source>
        <translation>De import is geweigerd: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216" />
        <source>The rescue file cannot be opened: {reason}</source>
        <translation>De noodkopie kan niet worden geopend: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="217" />
        <source>{path} is a folder. Choose a file name to export to.</source>
        <translation>{path} is een map. Kies een bestandsnaam om naar te exporteren.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220" />
        <source>The folder of {path} does not exist. Nothing was written.</source>
        <translation>De map van {path} bestaat niet. Er is niets geschreven.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223" />
        <source>{path} cannot be written here (no permission). Nothing was written.</source>
        <translation>{path} kan hier niet worden geschreven (geen rechten). Er is niets geschreven.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="226" />
        <source>{path} could not be written (disk full or removed?). Nothing was written.</source>
        <translation>{path} kon niet worden geschreven (schijf vol of verwijderd?). Er is niets geschreven.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229" />
        <source>The file is empty.</source>
        <translation>Het bestand is leeg.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230" />
        <source>The file is too large to attach.</source>
        <translation>Het bestand is te groot om toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="231" />
        <source>This kind of file cannot be attached (photos, PDF, Office and text files can).</source>
        <translation>Dit soort bestand kan niet worden toegevoegd (foto's, PDF-, Office- en tekstbestanden wel).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="234" />
        <source>The image cannot be read: the file is damaged or not an image.</source>
        <translation>De afbeelding is onleesbaar: het bestand is beschadigd of geen afbeelding.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="237" />
        <source>This file is already attached here.</source>
        <translation>Dit bestand is hier al toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238" />
        <source>The attachment's file is missing on this laptop.</source>
        <translation>Het bestand van de bijlage ontbreekt op deze laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241" />
        <source>The attachment's file was changed outside Veldwerk and is not shown.</source>
        <translation>Het bestand van de bijlage is buiten Veldwerk gewijzigd en wordt niet getoond.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="244" />
        <source>The attachment reference is invalid.</source>
        <translation>De verwijzing naar de bijlage is ongeldig.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="246" />
        <location filename="../../ui/messages.py" line="248" />
        <source>Something went wrong: {error}</source>
        <translation>Er ging iets mis: {error}</translation>
    </message>
</context>
<context>
    <name>note_kind</name>
    <message>
        <location filename="../../ui/labels.py" line="248" />
        <source>observation</source>
        <translation>waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="249" />
        <source>quote</source>
        <translation>citaat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="250" />
        <source>interpretation</source>
        <translation>duiding</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="251" />
        <source>question</source>
        <translation>vraag</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="252" />
        <source>action</source>
        <translation>actie</translation>
    </message>
</context>
</TS>