// EWS ResponseCodes met in practice (mapEwsResponseCode in src/core/errors/error-map.ts points here). The generic
// 'ews.response.error' stays the fallback for codes without an entry of their own.
import { L, type CatalogueEntry, type Localised } from './types.js';

/** "Exchange answered <code> for <whom>." — the plain meaning of a code that needs no further words. */
const answeredFor = (code: string, whom: '{mailbox}' | '{username}'): Localised =>
  L(`Exchange answered ${code} for ${whom}.`, `Exchange antwortete ${code} für ${whom}.`, `Exchange antwoordde ${code} voor ${whom}.`);

export const doctorEwsEntries = {
  'ews.access.denied': {
    title: L('Exchange denied access', 'Exchange hat den Zugriff verweigert', 'Exchange heeft de toegang geweigerd'),
    meaning: L(
      'Exchange answered ErrorAccessDenied for {mailbox}: the account may not read this item or folder.',
      'Exchange antwortete ErrorAccessDenied für {mailbox}: das Konto darf dieses Element oder diesen Ordner nicht lesen.',
      'Exchange antwoordde ErrorAccessDenied voor {mailbox}: het account mag dit item of deze map niet lezen.',
    ),
    causes: [
      L('Delegate mode without Reviewer rights on the folder.', 'Stellvertretermodus ohne Prüfer-Rechte (Reviewer) auf den Ordner.', 'Gedelegeerde modus zonder Reviewer-rechten op de map.'),
      L('The impersonation management scope does not include this mailbox.', 'Der Verwaltungsbereich des Identitätswechsels umfasst dieses Postfach nicht.', 'Het beheerbereik van de impersonatie omvat dit postvak niet.'),
      L('The item is private and the account is not the owner.', 'Das Element ist privat und das Konto ist nicht der Besitzer.', 'Het item is privé en het account is niet de eigenaar.'),
    ],
    fix: L(
      'Run `calpump setup-script --profile P` and apply the printed rights (Reviewer on the calendar, or ApplicationImpersonation scoped to a group that contains {mailbox}).',
      'Führen Sie `calpump setup-script --profile P` aus und vergeben Sie die ausgegebenen Rechte (Reviewer auf den Kalender oder ApplicationImpersonation für eine Gruppe, die {mailbox} enthält).',
      'Voer `calpump setup-script --profile P` uit en ken de getoonde rechten toe (Reviewer op de agenda, of ApplicationImpersonation voor een groep die {mailbox} bevat).',
    ),
    delay: L('New permissions can take up to 10 minutes to apply.', 'Neue Berechtigungen können bis zu 10 Minuten brauchen, bis sie wirken.', 'Nieuwe rechten kunnen tot 10 minuten nodig hebben voor ze werken.'),
  },
  'ews.item.notFound': {
    title: L('Item not found', 'Element nicht gefunden', 'Item niet gevonden'),
    meaning: L('Exchange answered ErrorItemNotFound: the item was deleted or moved since it was listed.', 'Exchange antwortete ErrorItemNotFound: das Element wurde seit dem Auflisten gelöscht oder verschoben.', 'Exchange antwoordde ErrorItemNotFound: het item is sinds het ophalen verwijderd of verplaatst.'),
    causes: [L('The user deleted or moved the item while Calpump was reading.', 'Der Benutzer hat das Element während des Lesens gelöscht oder verschoben.', 'De gebruiker verwijderde of verplaatste het item tijdens het lezen.')],
    fix: L('Nothing to do: the next run reads the folder again.', 'Nichts zu tun: der nächste Lauf liest den Ordner erneut.', 'Niets te doen: de volgende run leest de map opnieuw.'),
  },
  'ews.syncState.invalid': {
    title: L('The stored sync state is no longer valid', 'Der gespeicherte Synchronisationsstand ist nicht mehr gültig', 'De opgeslagen synchronisatiestatus is niet meer geldig'),
    meaning: answeredFor('ErrorInvalidSyncStateData', '{mailbox}'),
    causes: [
      L('The mailbox was moved to another database or server.', 'Das Postfach wurde in eine andere Datenbank oder auf einen anderen Server verschoben.', 'Het postvak is naar een andere database of server verplaatst.'),
      L('The state file belongs to another folder or Exchange version.', 'Die Statusdatei gehört zu einem anderen Ordner oder einer anderen Exchange-Version.', 'Het statusbestand hoort bij een andere map of Exchange-versie.'),
    ],
    fix: L('Calpump reads the whole window again and stores a fresh state; nothing to do unless it repeats on every run.', 'Calpump liest das ganze Zeitfenster neu und speichert einen frischen Stand; nichts zu tun, außer es wiederholt sich bei jedem Lauf.', 'Calpump leest het hele venster opnieuw en slaat een nieuwe status op; niets te doen tenzij het bij elke run terugkomt.'),
  },
  'ews.mailbox.storeUnavailable': {
    title: L('The mailbox database is not available', 'Die Postfachdatenbank ist nicht verfügbar', 'De postvakdatabase is niet beschikbaar'),
    meaning: answeredFor('ErrorMailboxStoreUnavailable', '{mailbox}'),
    causes: [
      L('The database is dismounted or failing over (DAG switch-over).', 'Die Datenbank ist getrennt oder wechselt den Server (DAG-Umschaltung).', 'De database is ontkoppeld of schakelt over (DAG-switch-over).'),
      L('Maintenance on the mailbox server.', 'Wartung am Postfachserver.', 'Onderhoud aan de postvakserver.'),
    ],
    fix: L('Check the database copy status (Get-MailboxDatabaseCopyStatus) and retry later.', 'Prüfen Sie den Status der Datenbankkopien (Get-MailboxDatabaseCopyStatus) und versuchen Sie es später erneut.', 'Controleer de status van de databasekopieën (Get-MailboxDatabaseCopyStatus) en probeer het later opnieuw.'),
    delay: L('Usually clears within minutes once the database is mounted.', 'Behebt sich meist innerhalb von Minuten, sobald die Datenbank eingebunden ist.', 'Lost zich meestal binnen minuten op zodra de database gekoppeld is.'),
  },
  'ews.mailbox.moving': {
    title: L('The mailbox is being moved', 'Das Postfach wird gerade verschoben', 'Het postvak wordt verplaatst'),
    meaning: answeredFor('ErrorMailboxMoveInProgress', '{mailbox}'),
    causes: [L('A move request (New-MoveRequest or a migration batch) is finalising.', 'Eine Verschiebungsanforderung (New-MoveRequest oder ein Migrationsbatch) wird abgeschlossen.', 'Een verplaatsingsaanvraag (New-MoveRequest of een migratiebatch) wordt afgerond.')],
    fix: L('Wait for the move to complete (Get-MoveRequest {mailbox} | Get-MoveRequestStatistics) and run again.', 'Warten Sie das Ende der Verschiebung ab (Get-MoveRequest {mailbox} | Get-MoveRequestStatistics) und starten Sie erneut.', 'Wacht tot de verplaatsing klaar is (Get-MoveRequest {mailbox} | Get-MoveRequestStatistics) en voer opnieuw uit.'),
    delay: L('Until the move has completed.', 'Bis die Verschiebung abgeschlossen ist.', 'Tot de verplaatsing voltooid is.'),
  },
  'ews.server.connectionFailed': {
    title: L('Exchange could not reach the mailbox server', 'Exchange erreichte den Postfachserver nicht', 'Exchange kon de postvakserver niet bereiken'),
    meaning: L('Exchange answered ErrorConnectionFailed: the front-end server could not connect to the server that holds {mailbox}.', 'Exchange antwortete ErrorConnectionFailed: der Front-End-Server konnte den Server mit {mailbox} nicht erreichen.', 'Exchange antwoordde ErrorConnectionFailed: de front-endserver kon de server met {mailbox} niet bereiken.'),
    causes: [
      L('A back-end server or its services are down.', 'Ein Back-End-Server oder seine Dienste laufen nicht.', 'Een back-endserver of zijn services zijn uitgevallen.'),
      L('Network trouble between Exchange servers.', 'Netzwerkprobleme zwischen den Exchange-Servern.', 'Netwerkproblemen tussen Exchange-servers.'),
    ],
    fix: L('Check the Exchange services on the mailbox server (Test-ServiceHealth) and retry.', 'Prüfen Sie die Exchange-Dienste auf dem Postfachserver (Test-ServiceHealth) und wiederholen Sie.', 'Controleer de Exchange-services op de postvakserver (Test-ServiceHealth) en probeer opnieuw.'),
  },
  'ews.server.timeout': {
    title: L('Exchange timed out', 'Zeitüberschreitung in Exchange', 'Time-out in Exchange'),
    meaning: L('Exchange answered ErrorTimeoutExpired: the operation took too long on the server.', 'Exchange antwortete ErrorTimeoutExpired: der Vorgang dauerte auf dem Server zu lange.', 'Exchange antwoordde ErrorTimeoutExpired: de bewerking duurde te lang op de server.'),
    causes: [
      L('A very large folder or time window.', 'Ein sehr großer Ordner oder ein sehr langes Zeitfenster.', 'Een zeer grote map of een zeer lang tijdvenster.'),
      L('The server is overloaded.', 'Der Server ist überlastet.', 'De server is overbelast.'),
    ],
    fix: L('Shorten the job\'s window or lower its concurrency, and retry.', 'Verkürzen Sie das Zeitfenster des Jobs oder senken Sie die Parallelität und wiederholen Sie.', 'Verkort het venster van de taak of verlaag de gelijktijdigheid, en probeer opnieuw.'),
  },
  'ews.impersonation.headerInvalid': {
    title: L('The impersonation target is not valid', 'Das Ziel des Identitätswechsels ist ungültig', 'Het doel van de impersonatie is ongeldig'),
    meaning: answeredFor('ErrorInvalidExchangeImpersonationHeaderData', '{mailbox}'),
    causes: [
      L('The address is not a mailbox (a contact, a group, or a typo).', 'Die Adresse ist kein Postfach (ein Kontakt, eine Gruppe oder ein Tippfehler).', 'Het adres is geen postvak (een contactpersoon, een groep of een typefout).'),
      L('The UPN was given where the SMTP address is needed.', 'Es wurde der UPN statt der SMTP-Adresse angegeben.', 'De UPN is opgegeven waar het SMTP-adres nodig is.'),
    ],
    fix: L('Use the primary SMTP address of a mailbox: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.', 'Verwenden Sie die primäre SMTP-Adresse eines Postfachs: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.', 'Gebruik het primaire SMTP-adres van een postvak: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.'),
  },
  'ews.impersonation.failed': {
    title: L('Impersonation failed', 'Identitätswechsel fehlgeschlagen', 'Impersonatie mislukt'),
    meaning: answeredFor('ErrorImpersonationFailed', '{mailbox}'),
    causes: [
      L('The target account is disabled or has no mailbox rights in Active Directory.', 'Das Zielkonto ist deaktiviert oder hat in Active Directory keine Postfachrechte.', 'Het doelaccount is uitgeschakeld of heeft geen postvakrechten in Active Directory.'),
      L('Exchange could not read the account from a domain controller.', 'Exchange konnte das Konto von keinem Domänencontroller lesen.', 'Exchange kon het account niet lezen van een domeincontroller.'),
    ],
    fix: L('Check the target account in Active Directory and the Exchange event log; retry later.', 'Prüfen Sie das Zielkonto in Active Directory und das Exchange-Ereignisprotokoll; später erneut versuchen.', 'Controleer het doelaccount in Active Directory en het Exchange-gebeurtenislogboek; probeer later opnieuw.'),
  },
  'ews.publicFolder.noReplica': {
    title: L('No public folder replica is available', 'Kein Replikat des öffentlichen Ordners verfügbar', 'Geen replica van de openbare map beschikbaar'),
    meaning: L('Exchange answered ErrorNoPublicFolderReplicaAvailable.', 'Exchange antwortete ErrorNoPublicFolderReplicaAvailable.', 'Exchange antwoordde ErrorNoPublicFolderReplicaAvailable.'),
    causes: [L('The public folder mailbox holding the content is unavailable or being migrated.', 'Das Postfach mit dem Inhalt des öffentlichen Ordners ist nicht verfügbar oder wird migriert.', 'Het postvak met de inhoud van de openbare map is niet beschikbaar of wordt gemigreerd.')],
    fix: L('Check Get-PublicFolder -Identity <folder> | fl ContentMailboxName and that mailbox\'s database; retry later.', 'Prüfen Sie Get-PublicFolder -Identity <Ordner> | fl ContentMailboxName und die Datenbank dieses Postfachs; später erneut versuchen.', 'Controleer Get-PublicFolder -Identity <map> | fl ContentMailboxName en de database van dat postvak; probeer later opnieuw.'),
  },
  'ews.calendarView.rangeTooBig': {
    title: L('The calendar window is too large', 'Das Kalenderfenster ist zu groß', 'Het agendavenster is te groot'),
    meaning: L('Exchange answered ErrorCalendarViewRangeTooBig: one CalendarView may span at most two years.', 'Exchange antwortete ErrorCalendarViewRangeTooBig: eine CalendarView darf höchstens zwei Jahre umfassen.', 'Exchange antwoordde ErrorCalendarViewRangeTooBig: één CalendarView mag hoogstens twee jaar beslaan.'),
    causes: [L('A window longer than the server allows was requested in one call.', 'Ein längeres Fenster als erlaubt wurde in einem Aufruf angefordert.', 'Er is een langer venster dan toegestaan in één aanroep gevraagd.')],
    fix: L('Shorten the job\'s window (days back + days ahead); Calpump splits windows itself, so report this if it repeats.', 'Verkürzen Sie das Fenster des Jobs (Tage zurück + Tage voraus); Calpump teilt Fenster selbst, melden Sie es, wenn es sich wiederholt.', 'Verkort het venster van de taak (dagen terug + dagen vooruit); Calpump splitst vensters zelf, meld het als het terugkomt.'),
  },
  'ews.find.countLimit': {
    title: L('Too many items in one answer', 'Zu viele Elemente in einer Antwort', 'Te veel items in één antwoord'),
    meaning: L('Exchange answered ErrorExceededFindCountLimit: the server caps items per find (EWSFindCountLimit, often 1000).', 'Exchange antwortete ErrorExceededFindCountLimit: der Server begrenzt Elemente pro Suche (EWSFindCountLimit, oft 1000).', 'Exchange antwoordde ErrorExceededFindCountLimit: de server begrenst items per zoekactie (EWSFindCountLimit, vaak 1000).'),
    causes: [L('A busy calendar with more occurrences in one window than the throttling policy allows.', 'Ein voller Kalender mit mehr Terminen in einem Fenster, als die Drosselungsrichtlinie erlaubt.', 'Een volle agenda met meer afspraken in één venster dan het throttlingbeleid toestaat.')],
    fix: L('Shorten the job\'s window, or raise EwsFindCountLimit in a throttling policy for the service account.', 'Verkürzen Sie das Fenster oder erhöhen Sie EwsFindCountLimit in einer Drosselungsrichtlinie für das Dienstkonto.', 'Verkort het venster, of verhoog EwsFindCountLimit in een throttlingbeleid voor het serviceaccount.'),
  },
  'ews.server.internalError': {
    title: L('Exchange had an internal error', 'Interner Fehler in Exchange', 'Interne fout in Exchange'),
    meaning: L('Exchange answered ErrorInternalServerError: {text}', 'Exchange antwortete ErrorInternalServerError: {text}', 'Exchange antwoordde ErrorInternalServerError: {text}'),
    causes: [
      L('A corrupt item or folder in the mailbox.', 'Ein beschädigtes Element oder ein beschädigter Ordner im Postfach.', 'Een beschadigd item of beschadigde map in het postvak.'),
      L('A transient server fault.', 'Ein vorübergehender Serverfehler.', 'Een tijdelijke serverfout.'),
    ],
    fix: L('Retry; if it repeats for one mailbox, check the Exchange application log on the mailbox server.', 'Wiederholen; tritt es für ein Postfach wiederholt auf, prüfen Sie das Anwendungsprotokoll des Postfachservers.', 'Probeer opnieuw; komt het terug voor één postvak, controleer dan het toepassingslogboek van de postvakserver.'),
  },
  'ews.request.invalid': {
    title: L('Exchange rejected the request', 'Exchange hat die Anfrage abgelehnt', 'Exchange heeft het verzoek geweigerd'),
    meaning: L('Exchange answered {code}: {text}', 'Exchange antwortete {code}: {text}', 'Exchange antwoordde {code}: {text}'),
    causes: [
      L('The profile\'s Exchange version is newer than the server.', 'Die Exchange-Version im Profil ist neuer als der Server.', 'De Exchange-versie in het profiel is nieuwer dan de server.'),
      L('A proxy or filter changed the request.', 'Ein Proxy oder Filter hat die Anfrage verändert.', 'Een proxy of filter heeft het verzoek gewijzigd.'),
    ],
    fix: L('Set the profile\'s Exchange version to match the server (the doctor shows ServerVersionInfo) and retry; report it with a debug log if it stays.', 'Stellen Sie die Exchange-Version im Profil passend zum Server ein (der Doktor zeigt ServerVersionInfo) und wiederholen Sie; bleibt es, melden Sie es mit einem Debug-Protokoll.', 'Stel de Exchange-versie in het profiel in op die van de server (de doctor toont ServerVersionInfo) en probeer opnieuw; blijft het, meld het met een debuglogboek.'),
  },
  'ews.account.disabled': {
    title: L('The account is disabled', 'Das Konto ist deaktiviert', 'Het account is uitgeschakeld'),
    meaning: answeredFor('ErrorAccountDisabled', '{username}'),
    causes: [L('The service account was disabled in Active Directory.', 'Das Dienstkonto wurde in Active Directory deaktiviert.', 'Het serviceaccount is uitgeschakeld in Active Directory.')],
    fix: L('Enable the account (Enable-ADAccount) or use another service account in the profile.', 'Aktivieren Sie das Konto (Enable-ADAccount) oder verwenden Sie ein anderes Dienstkonto im Profil.', 'Schakel het account in (Enable-ADAccount) of gebruik een ander serviceaccount in het profiel.'),
  },
  'ews.account.passwordExpired': {
    title: L('The password has expired', 'Das Kennwort ist abgelaufen', 'Het wachtwoord is verlopen'),
    meaning: answeredFor('ErrorPasswordExpired', '{username}'),
    causes: [L('The domain password policy applies to the service account.', 'Die Kennwortrichtlinie der Domäne gilt für das Dienstkonto.', 'Het wachtwoordbeleid van het domein geldt voor het serviceaccount.')],
    fix: L('Set a new password, store it with `calpump profiles edit P --password-stdin`, and consider PasswordNeverExpires for the service account.', 'Setzen Sie ein neues Kennwort, speichern Sie es mit `calpump profiles edit P --password-stdin` und erwägen Sie PasswordNeverExpires für das Dienstkonto.', 'Stel een nieuw wachtwoord in, sla het op met `calpump profiles edit P --password-stdin` en overweeg PasswordNeverExpires voor het serviceaccount.'),
  },
  'ews.mailbox.secondaryAddress': {
    title: L('Not the primary address', 'Nicht die primäre Adresse', 'Niet het primaire adres'),
    meaning: L('Exchange answered ErrorNonPrimarySmtpAddress: {mailbox} is a secondary address.', 'Exchange antwortete ErrorNonPrimarySmtpAddress: {mailbox} ist eine sekundäre Adresse.', 'Exchange antwoordde ErrorNonPrimarySmtpAddress: {mailbox} is een secundair adres.'),
    causes: [L('The mailbox was renamed or has several addresses.', 'Das Postfach wurde umbenannt oder hat mehrere Adressen.', 'Het postvak is hernoemd of heeft meerdere adressen.')],
    fix: L('Use the primary SMTP address: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.', 'Verwenden Sie die primäre SMTP-Adresse: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.', 'Gebruik het primaire SMTP-adres: Get-Mailbox {mailbox} | fl PrimarySmtpAddress.'),
  },
  'ews.mailbox.invalidAddress': {
    title: L('Not a valid mailbox address', 'Keine gültige Postfachadresse', 'Geen geldig postvakadres'),
    meaning: answeredFor('{code}', '{mailbox}'),
    causes: [L('A typo, or an account name without @ and no mail domain in the profile.', 'Ein Tippfehler oder ein Kontoname ohne @ und ohne Mail-Domäne im Profil.', 'Een typefout, of een accountnaam zonder @ en geen maildomein in het profiel.')],
    fix: L('Give the full primary SMTP address, or set the profile\'s mail domain.', 'Geben Sie die vollständige primäre SMTP-Adresse an oder setzen Sie die Mail-Domäne im Profil.', 'Geef het volledige primaire SMTP-adres, of stel het maildomein van het profiel in.'),
  },
  'ews.version.unsupported': {
    title: L('The Exchange version does not match', 'Die Exchange-Version passt nicht', 'De Exchange-versie komt niet overeen'),
    meaning: L('Exchange answered {code}: the requested schema version is not supported here.', 'Exchange antwortete {code}: die angeforderte Schemaversion wird hier nicht unterstützt.', 'Exchange antwoordde {code}: de gevraagde schemaversie wordt hier niet ondersteund.'),
    causes: [L('The profile asks for a newer Exchange version than the server runs.', 'Das Profil fordert eine neuere Exchange-Version an, als der Server hat.', 'Het profiel vraagt een nieuwere Exchange-versie dan de server draait.')],
    fix: L('Clear or lower the profile\'s Exchange version (Exchange2010_SP2 works everywhere).', 'Entfernen oder senken Sie die Exchange-Version im Profil (Exchange2010_SP2 funktioniert überall).', 'Wis of verlaag de Exchange-versie in het profiel (Exchange2010_SP2 werkt overal).'),
  },
  'ews.id.malformed': {
    title: L('An item or folder id is malformed', 'Eine Element- oder Ordner-Id ist fehlerhaft', 'Een item- of map-id is ongeldig'),
    meaning: L('Exchange answered {code}: the id given is not one this server issued.', 'Exchange antwortete {code}: die Id stammt nicht von diesem Server.', 'Exchange antwoordde {code}: de id komt niet van deze server.'),
    causes: [L('A folder id from another profile, mailbox or backend (Graph ids differ from EWS ids).', 'Eine Ordner-Id aus einem anderen Profil, Postfach oder Backend (Graph-Ids unterscheiden sich von EWS-Ids).', 'Een map-id uit een ander profiel, postvak of backend (Graph-id\'s verschillen van EWS-id\'s).')],
    fix: L('Pick the folder again with `calpump folders --profile P --mailbox M`, or use the distinguished name calendar.', 'Wählen Sie den Ordner erneut mit `calpump folders --profile P --mailbox M` oder verwenden Sie den festen Namen calendar.', 'Kies de map opnieuw met `calpump folders --profile P --mailbox M`, of gebruik de vaste naam calendar.'),
  },
  'ews.server.proxyFailed': {
    title: L('Exchange could not forward the request', 'Exchange konnte die Anfrage nicht weiterleiten', 'Exchange kon het verzoek niet doorsturen'),
    meaning: L('Exchange answered {code}: the server could not proxy the request to the site that holds {mailbox}.', 'Exchange antwortete {code}: der Server konnte die Anfrage nicht an den Standort mit {mailbox} weiterleiten.', 'Exchange antwoordde {code}: de server kon het verzoek niet doorsturen naar de site met {mailbox}.'),
    causes: [
      L('The mailbox lives in another AD site or version whose servers do not answer.', 'Das Postfach liegt an einem anderen AD-Standort oder in einer anderen Version, deren Server nicht antworten.', 'Het postvak staat in een andere AD-site of versie waarvan de servers niet antwoorden.'),
      L('A hybrid mailbox that moved to Exchange Online.', 'Ein Hybrid-Postfach, das nach Exchange Online verschoben wurde.', 'Een hybride postvak dat naar Exchange Online is verplaatst.'),
    ],
    fix: L('Check where the mailbox lives (Get-Mailbox {mailbox} | fl ServerName or Get-RemoteMailbox) and use a profile for that organisation.', 'Prüfen Sie, wo das Postfach liegt (Get-Mailbox {mailbox} | fl ServerName oder Get-RemoteMailbox), und verwenden Sie ein Profil für diese Organisation.', 'Controleer waar het postvak staat (Get-Mailbox {mailbox} | fl ServerName of Get-RemoteMailbox) en gebruik een profiel voor die organisatie.'),
  },
  'ews.server.directoryUnavailable': {
    title: L('Exchange cannot reach Active Directory', 'Exchange erreicht Active Directory nicht', 'Exchange kan Active Directory niet bereiken'),
    meaning: L('Exchange answered {code}.', 'Exchange antwortete {code}.', 'Exchange antwoordde {code}.'),
    causes: [L('No domain controller answers the Exchange server.', 'Kein Domänencontroller antwortet dem Exchange-Server.', 'Geen domeincontroller antwoordt de Exchange-server.')],
    fix: L('Check the domain controllers and Exchange\'s AD topology service; retry later.', 'Prüfen Sie die Domänencontroller und den AD-Topologiedienst von Exchange; später erneut versuchen.', 'Controleer de domeincontrollers en de AD-topologieservice van Exchange; probeer later opnieuw.'),
  },
} satisfies Record<string, CatalogueEntry>;
