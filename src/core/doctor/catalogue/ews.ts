import { L, type CatalogueEntry } from './types.js';

export const ewsEntries = {
  'ews.auth.unauthorized': {
    title: L('Exchange rejected the credentials (HTTP 401)', 'Exchange hat die Anmeldedaten abgelehnt (HTTP 401)', 'Exchange heeft de aanmeldgegevens geweigerd (HTTP 401)'),
    meaning: L(
      'The EWS endpoint answered 401 Unauthorized for {username}.',
      'Der EWS-Endpunkt antwortete 401 Unauthorized für {username}.',
      'Het EWS-eindpunt antwoordde 401 Unauthorized voor {username}.',
    ),
    fix: L(
      'Check the user name (UPN such as svc@contoso.com or DOMAIN\\user) and the password; then check that the authentication method of the profile (Basic or NTLM) is enabled on the EWS virtual directory: Get-WebServicesVirtualDirectory | fl Name,BasicAuthentication,WindowsAuthentication.',
      'Prüfen Sie den Benutzernamen (UPN wie svc@contoso.com oder DOMÄNE\\benutzer) und das Kennwort; prüfen Sie dann, ob die Authentifizierung des Profils (Basic oder NTLM) am virtuellen EWS-Verzeichnis aktiviert ist: Get-WebServicesVirtualDirectory | fl Name,BasicAuthentication,WindowsAuthentication.',
      'Controleer de gebruikersnaam (UPN zoals svc@contoso.com of DOMEIN\\gebruiker) en het wachtwoord; controleer daarna of de verificatiemethode van het profiel (Basic of NTLM) aan staat op de virtuele EWS-map: Get-WebServicesVirtualDirectory | fl Name,BasicAuthentication,WindowsAuthentication.',
    ),
  },
  'ews.auth.schemeNotOffered': {
    title: L('The server does not offer the chosen authentication method', 'Der Server bietet die gewählte Authentifizierung nicht an', 'De server biedt de gekozen verificatiemethode niet aan'),
    meaning: L(
      'The profile uses {wanted}, but /EWS/Exchange.asmx only offers: {offered}.',
      'Das Profil verwendet {wanted}, aber /EWS/Exchange.asmx bietet nur: {offered}.',
      'Het profiel gebruikt {wanted}, maar /EWS/Exchange.asmx biedt alleen: {offered}.',
    ),
    fix: L(
      'Switch the profile to one of the offered methods, or enable it on the server: Set-WebServicesVirtualDirectory -Identity "EXCH\\EWS (Default Web Site)" -BasicAuthentication $true (or -WindowsAuthentication $true).',
      'Stellen Sie das Profil auf eine angebotene Methode um oder aktivieren Sie sie am Server: Set-WebServicesVirtualDirectory -Identity "EXCH\\EWS (Default Web Site)" -BasicAuthentication $true (oder -WindowsAuthentication $true).',
      'Zet het profiel op een van de aangeboden methoden, of schakel die in op de server: Set-WebServicesVirtualDirectory -Identity "EXCH\\EWS (Default Web Site)" -BasicAuthentication $true (of -WindowsAuthentication $true).',
    ),
  },
  'ews.auth.formsLogin': {
    title: L('A web login page answered instead of EWS', 'Statt EWS antwortete eine Web-Anmeldeseite', 'In plaats van EWS antwoordde een webaanmeldpagina'),
    meaning: L(
      'The server returned an HTML page (forms-based authentication) where a SOAP answer was expected.',
      'Der Server lieferte eine HTML-Seite (formularbasierte Authentifizierung), wo eine SOAP-Antwort erwartet wurde.',
      'De server gaf een HTML-pagina (formuliergebaseerde verificatie) waar een SOAP-antwoord werd verwacht.',
    ),
    fix: L(
      'Forms authentication must be off for /EWS: on the reverse proxy or load balancer publish /EWS with Basic or NTLM pass-through, or point the profile at the internal server URL.',
      'Für /EWS muss die formularbasierte Authentifizierung aus sein: veröffentlichen Sie /EWS am Reverse-Proxy oder Load Balancer mit Basic- oder NTLM-Durchreichung, oder verwenden Sie die interne Server-URL.',
      'Formuliergebaseerde verificatie moet uit staan voor /EWS: publiceer /EWS op de reverse proxy of load balancer met Basic- of NTLM-doorgifte, of gebruik de interne server-URL.',
    ),
  },
  'ews.impersonation.denied': {
    title: L('Impersonation is not allowed for this account', 'Identitätswechsel ist für dieses Konto nicht erlaubt', 'Impersonatie is niet toegestaan voor dit account'),
    meaning: L(
      'Exchange answered ErrorImpersonateUserDenied: {username} may not act as {mailbox}.',
      'Exchange antwortete ErrorImpersonateUserDenied: {username} darf nicht als {mailbox} handeln.',
      'Exchange antwoordde ErrorImpersonateUserDenied: {username} mag niet optreden als {mailbox}.',
    ),
    fix: L(
      'Grant the right in the Exchange Management Shell: New-ManagementRoleAssignment -Name "Calpump impersonation" -Role ApplicationImpersonation -User "{username}" (limit it with -CustomRecipientWriteScope; `calpump setup-script` prints the full script).',
      'Vergeben Sie das Recht in der Exchange-Verwaltungsshell: New-ManagementRoleAssignment -Name "Calpump impersonation" -Role ApplicationImpersonation -User "{username}" (begrenzen mit -CustomRecipientWriteScope; `calpump setup-script` gibt das ganze Skript aus).',
      'Ken het recht toe in de Exchange Management Shell: New-ManagementRoleAssignment -Name "Calpump impersonation" -Role ApplicationImpersonation -User "{username}" (beperk het met -CustomRecipientWriteScope; `calpump setup-script` geeft het volledige script).',
    ),
    delay: L('A new role assignment can take about 10 minutes to apply.', 'Eine neue Rollenzuweisung kann etwa 10 Minuten brauchen, bis sie wirkt.', 'Een nieuwe roltoewijzing kan ongeveer 10 minuten nodig hebben voor ze werkt.'),
  },
  'ews.delegate.accessDenied': {
    title: L('No access to the calendar folder', 'Kein Zugriff auf den Kalenderordner', 'Geen toegang tot de agendamap'),
    meaning: L(
      'Exchange answered {code}: {username} has no read right on the calendar of {mailbox}.',
      'Exchange antwortete {code}: {username} hat kein Leserecht auf den Kalender von {mailbox}.',
      'Exchange antwoordde {code}: {username} heeft geen leesrecht op de agenda van {mailbox}.',
    ),
    fix: L(
      'Give the service account Reviewer rights on the calendar folder: Add-MailboxFolderPermission -Identity "{mailbox}:\\<calendar folder>" -User "{username}" -AccessRights Reviewer (the folder name is localised; `calpump setup-script` looks it up by type), or switch the profile to impersonation.',
      'Geben Sie dem Dienstkonto Prüfer-Rechte (Reviewer) auf den Kalenderordner: Add-MailboxFolderPermission -Identity "{mailbox}:\\<Kalenderordner>" -User "{username}" -AccessRights Reviewer (der Ordnername ist lokalisiert; `calpump setup-script` ermittelt ihn über den Typ), oder stellen Sie das Profil auf Identitätswechsel um.',
      'Geef het serviceaccount Reviewer-rechten op de agendamap: Add-MailboxFolderPermission -Identity "{mailbox}:\\<agendamap>" -User "{username}" -AccessRights Reviewer (de mapnaam is vertaald; `calpump setup-script` zoekt die op type op), of zet het profiel op impersonatie.',
    ),
  },
  'ews.mailbox.notFound': {
    title: L('Mailbox not found', 'Postfach nicht gefunden', 'Postvak niet gevonden'),
    meaning: L(
      'Exchange does not know the mailbox {mailbox} (ErrorNonExistentMailbox, or ErrorMailRecipientNotFound for free/busy).',
      'Exchange kennt das Postfach {mailbox} nicht (ErrorNonExistentMailbox, oder ErrorMailRecipientNotFound bei Frei/Gebucht).',
      'Exchange kent het postvak {mailbox} niet (ErrorNonExistentMailbox, of ErrorMailRecipientNotFound bij vrij/bezet).',
    ),
    fix: L(
      'Use the primary SMTP address, not the UPN (they often differ: Get-Mailbox {mailbox} | fl UserPrincipalName,PrimarySmtpAddress). For accounts given without @, set the profile\'s mail domain.',
      'Verwenden Sie die primäre SMTP-Adresse, nicht den UPN (sie unterscheiden sich oft: Get-Mailbox {mailbox} | fl UserPrincipalName,PrimarySmtpAddress). Für Konten ohne @ setzen Sie die Mail-Domäne im Profil.',
      'Gebruik het primaire SMTP-adres, niet de UPN (die verschillen vaak: Get-Mailbox {mailbox} | fl UserPrincipalName,PrimarySmtpAddress). Stel voor accounts zonder @ het maildomein van het profiel in.',
    ),
  },
  'ews.folder.notFound': {
    title: L('Folder not found', 'Ordner nicht gefunden', 'Map niet gevonden'),
    meaning: L('The folder {folder} does not exist in {mailbox}.', 'Der Ordner {folder} existiert nicht in {mailbox}.', 'De map {folder} bestaat niet in {mailbox}.'),
    fix: L(
      'List the folders with `calpump folders --profile P --mailbox {mailbox}` and use an id or a distinguished name (calendar).',
      'Listen Sie die Ordner mit `calpump folders --profile P --mailbox {mailbox}` auf und verwenden Sie eine Id oder einen festen Namen (calendar).',
      'Toon de mappen met `calpump folders --profile P --mailbox {mailbox}` en gebruik een id of een vaste naam (calendar).',
    ),
  },
  'ews.server.busy': {
    title: L('Exchange is throttling requests', 'Exchange drosselt Anfragen', 'Exchange beperkt verzoeken'),
    meaning: L(
      'Exchange answered ErrorServerBusy and asked to wait {backoffMs} ms; retries ran out.',
      'Exchange antwortete ErrorServerBusy und bat, {backoffMs} ms zu warten; die Wiederholungen sind erschöpft.',
      'Exchange antwoordde ErrorServerBusy en vroeg {backoffMs} ms te wachten; de herhalingen zijn op.',
    ),
    fix: L(
      'Lower the job\'s concurrency or spread schedules; an EWS throttling policy for the service account (New-ThrottlingPolicy, Set-ThrottlingPolicyAssociation) lifts the limits.',
      'Senken Sie die Parallelität des Jobs oder verteilen Sie die Zeitpläne; eine EWS-Drosselungsrichtlinie für das Dienstkonto (New-ThrottlingPolicy, Set-ThrottlingPolicyAssociation) hebt die Grenzen an.',
      'Verlaag de gelijktijdigheid van de taak of spreid de schema\'s; een EWS-throttlingbeleid voor het serviceaccount (New-ThrottlingPolicy, Set-ThrottlingPolicyAssociation) verhoogt de grenzen.',
    ),
  },
  'ews.response.error': {
    title: L('Exchange reported an error', 'Exchange meldete einen Fehler', 'Exchange meldde een fout'),
    meaning: L('Exchange answered {code}: {text}', 'Exchange antwortete {code}: {text}', 'Exchange antwoordde {code}: {text}'),
    fix: L(
      'Look the code up in the Exchange documentation; run `calpump doctor --profile P` to check the chain step by step.',
      'Schlagen Sie den Code in der Exchange-Dokumentation nach; `calpump doctor --profile P` prüft die Kette Schritt für Schritt.',
      'Zoek de code op in de Exchange-documentatie; `calpump doctor --profile P` controleert de keten stap voor stap.',
    ),
  },
  'ews.soap.fault': {
    title: L('Exchange returned a SOAP fault', 'Exchange lieferte einen SOAP-Fehler', 'Exchange gaf een SOAP-fout'),
    meaning: L('The request failed with a SOAP fault: {text}', 'Die Anfrage scheiterte mit einem SOAP-Fehler: {text}', 'Het verzoek mislukte met een SOAP-fout: {text}'),
    fix: L(
      'Check the Exchange version in the profile (exchangeVersion) and the server\'s event log; if it persists, run `calpump doctor` and send its JSON output to support.',
      'Prüfen Sie die Exchange-Version im Profil (exchangeVersion) und das Ereignisprotokoll des Servers; wenn es bleibt, führen Sie `calpump doctor` aus und senden Sie die JSON-Ausgabe an den Support.',
      'Controleer de Exchange-versie in het profiel (exchangeVersion) en het gebeurtenislogboek van de server; blijft het, voer `calpump doctor` uit en stuur de JSON-uitvoer naar support.',
    ),
  },
  'ews.response.malformed': {
    title: L('The server answer could not be read', 'Die Antwort des Servers war nicht lesbar', 'Het antwoord van de server was onleesbaar'),
    meaning: L(
      'The answer from {url} is not valid EWS XML (truncated, wrong content type, or not from Exchange).',
      'Die Antwort von {url} ist kein gültiges EWS-XML (abgeschnitten, falscher Inhaltstyp oder nicht von Exchange).',
      'Het antwoord van {url} is geen geldige EWS-XML (afgekapt, verkeerd inhoudstype of niet van Exchange).',
    ),
    fix: L(
      'Check that the URL ends in /EWS/Exchange.asmx and that no proxy or firewall rewrites the answer; retry — a dropped connection also truncates answers.',
      'Prüfen Sie, dass die URL auf /EWS/Exchange.asmx endet und kein Proxy oder keine Firewall die Antwort verändert; wiederholen Sie — auch ein Verbindungsabbruch schneidet Antworten ab.',
      'Controleer of de URL eindigt op /EWS/Exchange.asmx en dat geen proxy of firewall het antwoord wijzigt; probeer opnieuw — ook een verbroken verbinding kapt antwoorden af.',
    ),
  },
  'ews.xml.unsafe': {
    title: L('The server answer contained a DTD', 'Die Antwort des Servers enthielt eine DTD', 'Het antwoord van de server bevatte een DTD'),
    meaning: L(
      'The answer declared a DOCTYPE or entities, which Exchange never sends; it was refused to prevent XML entity attacks.',
      'Die Antwort deklarierte einen DOCTYPE oder Entitäten, was Exchange nie sendet; sie wurde zum Schutz vor XML-Entity-Angriffen abgewiesen.',
      'Het antwoord declareerde een DOCTYPE of entiteiten, wat Exchange nooit stuurt; het is geweigerd tegen XML-entiteitaanvallen.',
    ),
    fix: L(
      'Something between Calpump and Exchange answers instead of Exchange: check the URL and any proxy in use.',
      'Etwas zwischen Calpump und Exchange antwortet anstelle von Exchange: prüfen Sie die URL und einen verwendeten Proxy.',
      'Iets tussen Calpump en Exchange antwoordt in plaats van Exchange: controleer de URL en een eventuele proxy.',
    ),
  },
  'ews.autodiscover.failed': {
    title: L('Autodiscover did not find the EWS URL', 'Autodiscover hat die EWS-URL nicht gefunden', 'Autodiscover vond de EWS-URL niet'),
    meaning: L(
      'No autodiscover endpoint for {email} answered with an EWS URL. Tried: {tried}',
      'Kein Autodiscover-Endpunkt für {email} lieferte eine EWS-URL. Versucht: {tried}',
      'Geen autodiscover-eindpunt voor {email} gaf een EWS-URL. Geprobeerd: {tried}',
    ),
    fix: L(
      'Enter the EWS URL by hand (https://mail.contoso.com/EWS/Exchange.asmx), or publish autodiscover.<domain> in DNS with a valid certificate.',
      'Tragen Sie die EWS-URL von Hand ein (https://mail.contoso.com/EWS/Exchange.asmx) oder veröffentlichen Sie autodiscover.<domäne> im DNS mit gültigem Zertifikat.',
      'Vul de EWS-URL handmatig in (https://mail.contoso.com/EWS/Exchange.asmx) of publiceer autodiscover.<domein> in DNS met een geldig certificaat.',
    ),
  },
} satisfies Record<string, CatalogueEntry>;
