// Microsoft 365 entries: sign-in (Entra ID / MSAL) and Microsoft Graph. Fixes name the exact place in the
// Microsoft Entra admin center or the Exchange Online PowerShell command an administrator runs.
import { L, type CatalogueEntry } from './types.js';

const ENTRA_APP = {
  en: 'Microsoft Entra admin center → Identity → Applications → App registrations → the app ({clientId})',
  de: 'Microsoft Entra Admin Center → Identität → Anwendungen → App-Registrierungen → die App ({clientId})',
  nl: 'Microsoft Entra-beheercentrum → Identiteit → Toepassingen → App-registraties → de app ({clientId})',
};

const graphAuthEntries = {
  'auth.loginRequired': {
    title: L('Sign-in needed', 'Anmeldung erforderlich', 'Aanmelden nodig'),
    meaning: L(
      'Profile {profile} has no valid sign-in in its token cache (never signed in, signed out, or the refresh token expired or was revoked).',
      'Profil {profile} hat keine gültige Anmeldung im Token-Cache (nie angemeldet, abgemeldet, oder das Aktualisierungstoken ist abgelaufen bzw. widerrufen).',
      'Profiel {profile} heeft geen geldige aanmelding in de tokencache (nooit aangemeld, afgemeld, of het vernieuwingstoken is verlopen of ingetrokken).',
    ),
    fix: L(
      'Sign in once with `calpump auth login --profile {profile}` (or "Sign in" in the app). For unattended jobs use a profile with client credentials (secret or certificate) instead.',
      'Melden Sie sich einmal mit `calpump auth login --profile {profile}` an (oder „Anmelden" in der App). Für unbeaufsichtigte Aufträge verwenden Sie stattdessen ein Profil mit Client-Anmeldeinformationen (Geheimnis oder Zertifikat).',
      'Meld u eenmaal aan met `calpump auth login --profile {profile}` (of "Aanmelden" in de app). Gebruik voor onbewaakte taken een profiel met clientreferenties (geheim of certificaat).',
    ),
  },
  'auth.login.stateMismatch': {
    title: L('The sign-in answer does not belong to this sign-in', 'Die Anmeldeantwort gehört nicht zu dieser Anmeldung', 'Het aanmeldantwoord hoort niet bij deze aanmelding'),
    meaning: L(
      'The browser returned to {redirectUri} with a different "state" than Calpump sent, so the answer was rejected (an old browser tab, or a forged request).',
      'Der Browser kehrte mit einem anderen „state" zu {redirectUri} zurück, als Calpump gesendet hat; die Antwort wurde abgelehnt (ein alter Browser-Tab oder eine gefälschte Anfrage).',
      'De browser keerde terug naar {redirectUri} met een andere "state" dan Calpump verstuurde; het antwoord is geweigerd (een oud browsertabblad of een vervalst verzoek).',
    ),
    fix: L(
      'Close old sign-in tabs and run `calpump auth login --profile {profile}` again, finishing it in the tab it opens.',
      'Schließen Sie alte Anmelde-Tabs und führen Sie `calpump auth login --profile {profile}` erneut aus; schließen Sie die Anmeldung im neu geöffneten Tab ab.',
      'Sluit oude aanmeldtabbladen en voer `calpump auth login --profile {profile}` opnieuw uit; rond de aanmelding af in het tabblad dat opent.',
    ),
  },
  'auth.login.noCode': {
    title: L('The sign-in answer has no authorization code', 'Die Anmeldeantwort enthält keinen Autorisierungscode', 'Het aanmeldantwoord bevat geen autorisatiecode'),
    meaning: L('The browser returned to {redirectUri} without a code and without an error.', 'Der Browser kehrte ohne Code und ohne Fehler zu {redirectUri} zurück.', 'De browser keerde terug naar {redirectUri} zonder code en zonder fout.'),
    fix: L(
      'Check that the app registration\'s redirect URI ({redirectUri}) is registered under Authentication → "Mobile and desktop applications" (not "Web" or "Single-page application"), then sign in again.',
      'Prüfen Sie, dass der Umleitungs-URI ({redirectUri}) in der App-Registrierung unter Authentifizierung → „Mobile Anwendungen und Desktopanwendungen" eingetragen ist (nicht „Web" oder „Single-Page-Anwendung"), und melden Sie sich erneut an.',
      'Controleer of de omleidings-URI ({redirectUri}) in de app-registratie onder Verificatie → "Mobiele en bureaubladtoepassingen" staat (niet "Web" of "Toepassing met één pagina") en meld u opnieuw aan.',
    ),
  },
  'auth.login.failed': {
    title: L('Sign-in was refused', 'Die Anmeldung wurde abgelehnt', 'Aanmelden is geweigerd'),
    meaning: L('The identity provider answered {error}: {description}', 'Der Identitätsanbieter antwortete {error}: {description}', 'De identiteitsprovider antwoordde {error}: {description}'),
    fix: L(
      'Read the description above; "access_denied" means the sign-in was cancelled or the account may not use the app. Sign in again with an account of the tenant, or ask an administrator to check the app registration.',
      'Lesen Sie die Beschreibung oben; „access_denied" bedeutet, dass die Anmeldung abgebrochen wurde oder das Konto die App nicht verwenden darf. Melden Sie sich mit einem Konto des Mandanten erneut an oder lassen Sie die App-Registrierung prüfen.',
      'Lees de beschrijving hierboven; "access_denied" betekent dat de aanmelding is geannuleerd of dat het account de app niet mag gebruiken. Meld u opnieuw aan met een account van de tenant, of laat een beheerder de app-registratie controleren.',
    ),
  },
  'auth.login.timeout': {
    title: L('Sign-in was not finished in time', 'Die Anmeldung wurde nicht rechtzeitig abgeschlossen', 'Aanmelden is niet op tijd afgerond'),
    meaning: L('No answer reached {redirectUri} within {seconds} s.', 'Innerhalb von {seconds} s kam keine Antwort bei {redirectUri} an.', 'Binnen {seconds} s kwam er geen antwoord op {redirectUri}.'),
    fix: L(
      'Run `calpump auth login --profile {profile}` again and finish the sign-in in the browser; if no browser opens, copy the printed address into one on this machine. On a server without a browser use the device-code flow (--flow deviceCode).',
      'Führen Sie `calpump auth login --profile {profile}` erneut aus und schließen Sie die Anmeldung im Browser ab; öffnet sich keiner, kopieren Sie die ausgegebene Adresse in einen Browser auf diesem Rechner. Auf einem Server ohne Browser verwenden Sie den Gerätecode-Ablauf (--flow deviceCode).',
      'Voer `calpump auth login --profile {profile}` opnieuw uit en rond de aanmelding af in de browser; opent er geen, kopieer dan het getoonde adres naar een browser op deze machine. Gebruik op een server zonder browser de apparaatcode-stroom (--flow deviceCode).',
    ),
  },
  'auth.login.cancelled': {
    title: L('Sign-in was cancelled', 'Die Anmeldung wurde abgebrochen', 'Aanmelden is geannuleerd'),
    meaning: L('Calpump stopped waiting for the browser sign-in of profile {profile}.', 'Calpump hat das Warten auf die Browser-Anmeldung von Profil {profile} beendet.', 'Calpump is gestopt met wachten op de browseraanmelding van profiel {profile}.'),
    fix: L('Start the sign-in again when you are ready: `calpump auth login --profile {profile}` or "Sign in" in the app.', 'Starten Sie die Anmeldung erneut, wenn Sie so weit sind: `calpump auth login --profile {profile}` oder „Anmelden" in der App.', 'Start het aanmelden opnieuw wanneer u klaar bent: `calpump auth login --profile {profile}` of "Aanmelden" in de app.'),
  },
  'auth.loopback.portInUse': {
    title: L('The sign-in port is in use', 'Der Anmelde-Port ist belegt', 'De aanmeldpoort is in gebruik'),
    meaning: L(
      'Calpump listens on 127.0.0.1:{port} for the browser\'s return ({redirectUri}), but another program already uses that port.',
      'Calpump wartet auf 127.0.0.1:{port} auf die Rückkehr des Browsers ({redirectUri}), aber ein anderes Programm belegt diesen Port.',
      'Calpump luistert op 127.0.0.1:{port} naar de terugkeer van de browser ({redirectUri}), maar een ander programma gebruikt die poort al.',
    ),
    fix: L(
      'Close the other program (netstat -ano | findstr :{port} shows it), or choose another port: `calpump profiles edit {profile} --redirect-uri http://localhost:8401/` and add the same URI to the app registration under Authentication → "Mobile and desktop applications".',
      'Beenden Sie das andere Programm (netstat -ano | findstr :{port} zeigt es), oder wählen Sie einen anderen Port: `calpump profiles edit {profile} --redirect-uri http://localhost:8401/` und tragen Sie denselben URI in der App-Registrierung unter Authentifizierung → „Mobile Anwendungen und Desktopanwendungen" ein.',
      'Sluit het andere programma (netstat -ano | findstr :{port} toont het), of kies een andere poort: `calpump profiles edit {profile} --redirect-uri http://localhost:8401/` en voeg dezelfde URI toe in de app-registratie onder Verificatie → "Mobiele en bureaubladtoepassingen".',
    ),
  },
  'auth.consent.missing': {
    title: L('The app has no consent in this tenant (AADSTS65001)', 'Der App fehlt die Zustimmung in diesem Mandanten (AADSTS65001)', 'De app heeft geen toestemming in deze tenant (AADSTS65001)'),
    meaning: L(
      'Entra ID answered AADSTS65001: neither the user nor an administrator has consented to the permissions the app {clientId} asks for.',
      'Entra ID antwortete AADSTS65001: weder der Benutzer noch ein Administrator hat den Berechtigungen der App {clientId} zugestimmt.',
      'Entra ID antwoordde AADSTS65001: noch de gebruiker noch een beheerder heeft toestemming gegeven voor de machtigingen van app {clientId}.',
    ),
    fix: L(
      `${ENTRA_APP.en} → API permissions → Add a permission → Microsoft Graph → Calendars.Read (Application for unattended sync, Delegated for sign-in) and User.Read.All, Place.Read.All → "Grant admin consent for <tenant>" (needs Global or Privileged Role Administrator).`,
      `${ENTRA_APP.de} → API-Berechtigungen → Berechtigung hinzufügen → Microsoft Graph → Calendars.Read (Anwendung für unbeaufsichtigte Synchronisierung, Delegiert für Anmeldung) sowie User.Read.All, Place.Read.All → „Administratorzustimmung für <Mandant> erteilen" (erfordert Globaler Administrator oder Administrator für privilegierte Rollen).`,
      `${ENTRA_APP.nl} → API-machtigingen → Een machtiging toevoegen → Microsoft Graph → Calendars.Read (Toepassing voor onbewaakte synchronisatie, Gedelegeerd voor aanmelden) en User.Read.All, Place.Read.All → "Beheerderstoestemming verlenen voor <tenant>" (vereist Globale beheerder of Beheerder van bevoorrechte rollen).`,
    ),
    delay: L('Consent takes a few minutes to apply.', 'Die Zustimmung wirkt nach einigen Minuten.', 'Toestemming werkt na enkele minuten.'),
  },
  'auth.secret.invalid': {
    title: L('The client secret is wrong (AADSTS7000215)', 'Der geheime Clientschlüssel ist falsch (AADSTS7000215)', 'Het clientgeheim is onjuist (AADSTS7000215)'),
    meaning: L(
      'Entra ID rejected the client secret stored for profile {profile} (app {clientId}). A common cause is storing the secret\'s ID instead of its value.',
      'Entra ID hat den für Profil {profile} gespeicherten geheimen Clientschlüssel abgelehnt (App {clientId}). Häufige Ursache: die ID des Schlüssels statt seines Werts wurde gespeichert.',
      'Entra ID heeft het voor profiel {profile} opgeslagen clientgeheim geweigerd (app {clientId}). Vaak is de ID van het geheim opgeslagen in plaats van de waarde.',
    ),
    fix: L(
      `${ENTRA_APP.en} → Certificates & secrets → New client secret; copy the "Value" column (shown only once) and store it with \`calpump profiles edit {profile} --client-secret-stdin\`.`,
      `${ENTRA_APP.de} → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel; kopieren Sie die Spalte „Wert" (nur einmal sichtbar) und speichern Sie ihn mit \`calpump profiles edit {profile} --client-secret-stdin\`.`,
      `${ENTRA_APP.nl} → Certificaten en geheimen → Nieuw clientgeheim; kopieer de kolom "Waarde" (slechts eenmaal zichtbaar) en sla die op met \`calpump profiles edit {profile} --client-secret-stdin\`.`,
    ),
  },
  'auth.secret.expired': {
    title: L('The client secret has expired (AADSTS7000222)', 'Der geheime Clientschlüssel ist abgelaufen (AADSTS7000222)', 'Het clientgeheim is verlopen (AADSTS7000222)'),
    meaning: L('The client secret of app {clientId} used by profile {profile} is past its expiry date.', 'Der geheime Clientschlüssel der App {clientId} (Profil {profile}) ist abgelaufen.', 'Het clientgeheim van app {clientId} (profiel {profile}) is verlopen.'),
    fix: L(
      `${ENTRA_APP.en} → Certificates & secrets → New client secret; store its value with \`calpump profiles edit {profile} --client-secret-stdin\`, then delete the expired one.`,
      `${ENTRA_APP.de} → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel; speichern Sie den Wert mit \`calpump profiles edit {profile} --client-secret-stdin\` und löschen Sie den abgelaufenen.`,
      `${ENTRA_APP.nl} → Certificaten en geheimen → Nieuw clientgeheim; sla de waarde op met \`calpump profiles edit {profile} --client-secret-stdin\` en verwijder het verlopen geheim.`,
    ),
  },
  'auth.certificate.rejected': {
    title: L('The app certificate was not accepted (AADSTS700027)', 'Das App-Zertifikat wurde nicht akzeptiert (AADSTS700027)', 'Het app-certificaat is niet geaccepteerd (AADSTS700027)'),
    meaning: L(
      'Entra ID could not verify the signed client assertion of profile {profile}: the certificate (SHA-256 {thumbprint}) is not registered on app {clientId}, or it expired.',
      'Entra ID konnte die signierte Client-Assertion von Profil {profile} nicht prüfen: das Zertifikat (SHA-256 {thumbprint}) ist nicht bei App {clientId} hinterlegt oder abgelaufen.',
      'Entra ID kon de ondertekende clientbevestiging van profiel {profile} niet verifiëren: het certificaat (SHA-256 {thumbprint}) is niet geregistreerd bij app {clientId}, of het is verlopen.',
    ),
    fix: L(
      `${ENTRA_APP.en} → Certificates & secrets → Certificates → Upload certificate (the public .cer/.pem only); the private key stays in Calpump (\`calpump profiles edit {profile} --certificate-file key-and-cert.pem\`).`,
      `${ENTRA_APP.de} → Zertifikate & Geheimnisse → Zertifikate → Zertifikat hochladen (nur die öffentliche .cer/.pem); der private Schlüssel bleibt in Calpump (\`calpump profiles edit {profile} --certificate-file schluessel-und-zert.pem\`).`,
      `${ENTRA_APP.nl} → Certificaten en geheimen → Certificaten → Certificaat uploaden (alleen het openbare .cer/.pem); de persoonlijke sleutel blijft in Calpump (\`calpump profiles edit {profile} --certificate-file sleutel-en-cert.pem\`).`,
    ),
  },
  'auth.certificate.unreadable': {
    title: L('The stored certificate cannot be used', 'Das gespeicherte Zertifikat ist nicht verwendbar', 'Het opgeslagen certificaat is niet bruikbaar'),
    meaning: L('Profile {profile} needs one PEM with the private key and the certificate: {problem}.', 'Profil {profile} braucht eine PEM-Datei mit privatem Schlüssel und Zertifikat: {problem}.', 'Profiel {profile} heeft één PEM nodig met de persoonlijke sleutel en het certificaat: {problem}.'),
    fix: L(
      'Export the certificate with its private key as PEM (openssl pkcs12 -in app.pfx -nodes -out key-and-cert.pem) and store it with `calpump profiles edit {profile} --certificate-file key-and-cert.pem`.',
      'Exportieren Sie das Zertifikat mit privatem Schlüssel als PEM (openssl pkcs12 -in app.pfx -nodes -out schluessel-und-zert.pem) und speichern Sie es mit `calpump profiles edit {profile} --certificate-file schluessel-und-zert.pem`.',
      'Exporteer het certificaat met de persoonlijke sleutel als PEM (openssl pkcs12 -in app.pfx -nodes -out sleutel-en-cert.pem) en sla het op met `calpump profiles edit {profile} --certificate-file sleutel-en-cert.pem`.',
    ),
  },
  'auth.credential.missing': {
    title: L('No app credential is stored', 'Keine App-Anmeldeinformation gespeichert', 'Geen app-referentie opgeslagen'),
    meaning: L('Profile {profile} uses {flow} but has no stored {secret}.', 'Profil {profile} verwendet {flow}, hat aber kein gespeichertes {secret}.', 'Profiel {profile} gebruikt {flow} maar heeft geen opgeslagen {secret}.'),
    fix: L(
      'Store it with `calpump profiles edit {profile} --client-secret-stdin` (secret) or `--certificate-file key-and-cert.pem` (certificate), or `--password-stdin` for the legacy password flow.',
      'Speichern Sie es mit `calpump profiles edit {profile} --client-secret-stdin` (Geheimnis) oder `--certificate-file schluessel-und-zert.pem` (Zertifikat), bzw. `--password-stdin` für den veralteten Kennwort-Ablauf.',
      'Sla het op met `calpump profiles edit {profile} --client-secret-stdin` (geheim) of `--certificate-file sleutel-en-cert.pem` (certificaat), of `--password-stdin` voor de verouderde wachtwoordstroom.',
    ),
  },
  'auth.app.notFound': {
    title: L('The app is unknown in this tenant (AADSTS700016)', 'Die App ist in diesem Mandanten unbekannt (AADSTS700016)', 'De app is onbekend in deze tenant (AADSTS700016)'),
    meaning: L('Entra ID has no application {clientId} in tenant {tenantId}.', 'Entra ID kennt keine Anwendung {clientId} im Mandanten {tenantId}.', 'Entra ID kent geen toepassing {clientId} in tenant {tenantId}.'),
    fix: L(
      'Copy "Application (client) ID" and "Directory (tenant) ID" from the app\'s Overview page in the Microsoft Entra admin center into the profile (`calpump profiles edit {profile} --client-id … --tenant-id …`). An app from another tenant must first be consented in this one.',
      'Übernehmen Sie „Anwendungs-ID (Client)" und „Verzeichnis-ID (Mandant)" von der Übersichtsseite der App im Microsoft Entra Admin Center ins Profil (`calpump profiles edit {profile} --client-id … --tenant-id …`). Eine App aus einem anderen Mandanten braucht hier zuerst eine Zustimmung.',
      'Neem "Toepassings-id (client)" en "Map-id (tenant)" over van de overzichtspagina van de app in het Microsoft Entra-beheercentrum (`calpump profiles edit {profile} --client-id … --tenant-id …`). Een app uit een andere tenant heeft hier eerst toestemming nodig.',
    ),
  },
  'auth.tenant.notFound': {
    title: L('The tenant does not exist (AADSTS90002)', 'Der Mandant existiert nicht (AADSTS90002)', 'De tenant bestaat niet (AADSTS90002)'),
    meaning: L('Entra ID at {authorityHost} knows no tenant {tenantId}.', 'Entra ID unter {authorityHost} kennt keinen Mandanten {tenantId}.', 'Entra ID op {authorityHost} kent geen tenant {tenantId}.'),
    fix: L(
      'Use the Directory (tenant) ID GUID or the tenant\'s onmicrosoft.com domain; for national clouds set the authority host (e.g. https://login.microsoftonline.us).',
      'Verwenden Sie die Verzeichnis-ID (GUID) oder die onmicrosoft.com-Domäne des Mandanten; für nationale Clouds setzen Sie den Autoritätshost (z. B. https://login.microsoftonline.us).',
      'Gebruik de map-id (GUID) of het onmicrosoft.com-domein van de tenant; stel voor nationale clouds de autoriteitshost in (bijv. https://login.microsoftonline.us).',
    ),
  },
  'auth.user.notAssigned': {
    title: L('The user is not assigned to the app (AADSTS50105)', 'Der Benutzer ist der App nicht zugewiesen (AADSTS50105)', 'De gebruiker is niet toegewezen aan de app (AADSTS50105)'),
    meaning: L('{username} may not sign in to app {clientId}: the app requires assignment.', '{username} darf sich nicht bei App {clientId} anmelden: die App erfordert eine Zuweisung.', '{username} mag zich niet aanmelden bij app {clientId}: de app vereist toewijzing.'),
    fix: L(
      'Microsoft Entra admin center → Enterprise applications → the app → Users and groups → Add user/group → add the account (or a group it belongs to).',
      'Microsoft Entra Admin Center → Unternehmensanwendungen → die App → Benutzer und Gruppen → Benutzer/Gruppe hinzufügen → das Konto (oder eine seiner Gruppen) hinzufügen.',
      'Microsoft Entra-beheercentrum → Bedrijfstoepassingen → de app → Gebruikers en groepen → Gebruiker/groep toevoegen → voeg het account (of een groep ervan) toe.',
    ),
  },
  'auth.password.invalid': {
    title: L('User name or password is wrong (AADSTS50126)', 'Benutzername oder Kennwort falsch (AADSTS50126)', 'Gebruikersnaam of wachtwoord onjuist (AADSTS50126)'),
    meaning: L('Entra ID rejected the password of {username}.', 'Entra ID hat das Kennwort von {username} abgelehnt.', 'Entra ID heeft het wachtwoord van {username} geweigerd.'),
    fix: L(
      'Store the right password with `calpump profiles edit {profile} --password-stdin`. Better: switch the profile to client credentials or interactive sign-in — the password flow is legacy.',
      'Speichern Sie das richtige Kennwort mit `calpump profiles edit {profile} --password-stdin`. Besser: stellen Sie das Profil auf Client-Anmeldeinformationen oder interaktive Anmeldung um — der Kennwort-Ablauf ist veraltet.',
      'Sla het juiste wachtwoord op met `calpump profiles edit {profile} --password-stdin`. Beter: zet het profiel om naar clientreferenties of interactief aanmelden — de wachtwoordstroom is verouderd.',
    ),
  },
  'auth.mfaRequired': {
    title: L('The password flow cannot pass multi-factor authentication', 'Der Kennwort-Ablauf kann keine Mehrstufige Authentifizierung', 'De wachtwoordstroom kan geen meervoudige verificatie'),
    meaning: L('Entra ID requires MFA or another interactive check for {username} ({code}); the legacy password flow cannot answer it.', 'Entra ID verlangt für {username} MFA oder eine andere interaktive Prüfung ({code}); der veraltete Kennwort-Ablauf kann sie nicht beantworten.', 'Entra ID vereist MFA of een andere interactieve controle voor {username} ({code}); de verouderde wachtwoordstroom kan die niet beantwoorden.'),
    fix: L(
      'Switch the profile to interactive sign-in or device code (`calpump profiles edit {profile} --flow interactive`), or to client credentials for unattended sync.',
      'Stellen Sie das Profil auf interaktive Anmeldung oder Gerätecode um (`calpump profiles edit {profile} --flow interactive`), oder auf Client-Anmeldeinformationen für unbeaufsichtigte Synchronisierung.',
      'Zet het profiel om naar interactief aanmelden of apparaatcode (`calpump profiles edit {profile} --flow interactive`), of naar clientreferenties voor onbewaakte synchronisatie.',
    ),
  },
  'auth.deviceCode.expired': {
    title: L('The device code expired', 'Der Gerätecode ist abgelaufen', 'De apparaatcode is verlopen'),
    meaning: L('Nobody entered the code at the verification page in time.', 'Niemand hat den Code rechtzeitig auf der Bestätigungsseite eingegeben.', 'Niemand heeft de code op tijd ingevoerd op de verificatiepagina.'),
    fix: L('Run `calpump auth login --profile {profile}` again and enter the new code within 15 minutes.', 'Führen Sie `calpump auth login --profile {profile}` erneut aus und geben Sie den neuen Code innerhalb von 15 Minuten ein.', 'Voer `calpump auth login --profile {profile}` opnieuw uit en voer de nieuwe code binnen 15 minuten in.'),
  },
  'auth.failed': {
    title: L('Sign-in to Microsoft 365 failed', 'Anmeldung bei Microsoft 365 fehlgeschlagen', 'Aanmelden bij Microsoft 365 mislukt'),
    meaning: L('Entra ID at {authorityHost} answered {code}: {description}', 'Entra ID unter {authorityHost} antwortete {code}: {description}', 'Entra ID op {authorityHost} antwoordde {code}: {description}'),
    fix: L(
      'Look the AADSTS code up at https://login.microsoftonline.com/error and check the app registration (client ID, tenant ID, credentials, API permissions).',
      'Schlagen Sie den AADSTS-Code unter https://login.microsoftonline.com/error nach und prüfen Sie die App-Registrierung (Client-ID, Mandanten-ID, Anmeldeinformationen, API-Berechtigungen).',
      'Zoek de AADSTS-code op via https://login.microsoftonline.com/error en controleer de app-registratie (client-id, tenant-id, referenties, API-machtigingen).',
    ),
  },
  'auth.password.legacy': {
    title: L('The password flow is legacy', 'Der Kennwort-Ablauf ist veraltet', 'De wachtwoordstroom is verouderd'),
    meaning: L('Profile {profile} signs in with user name and password (ROPC). It fails for accounts with MFA and Microsoft is retiring it.', 'Profil {profile} meldet sich mit Benutzername und Kennwort an (ROPC). Das scheitert bei Konten mit MFA, und Microsoft stellt es ein.', 'Profiel {profile} meldt zich aan met gebruikersnaam en wachtwoord (ROPC). Dat mislukt bij accounts met MFA en Microsoft stopt ermee.'),
    fix: L('Prefer client credentials (unattended) or interactive/device-code sign-in.', 'Verwenden Sie besser Client-Anmeldeinformationen (unbeaufsichtigt) oder interaktive bzw. Gerätecode-Anmeldung.', 'Gebruik liever clientreferenties (onbewaakt) of interactief/apparaatcode-aanmelden.'),
  },
  'auth.ewsOnline.retiring': {
    title: L('EWS in Exchange Online is retiring', 'EWS in Exchange Online wird eingestellt', 'EWS in Exchange Online wordt uitgefaseerd'),
    meaning: L('Profile {profile} uses EWS against Exchange Online, which stops working on 2027-04-01.', 'Profil {profile} verwendet EWS gegen Exchange Online; das funktioniert ab dem 01.04.2027 nicht mehr.', 'Profiel {profile} gebruikt EWS tegen Exchange Online; dat werkt vanaf 1 april 2027 niet meer.'),
    fix: L(
      'Create a Microsoft Graph profile for the same tenant (`calpump profiles add --kind graph …`) and move the jobs to it before 2027-04-01.',
      'Legen Sie für denselben Mandanten ein Microsoft-Graph-Profil an (`calpump profiles add --kind graph …`) und stellen Sie die Aufträge vor dem 01.04.2027 darauf um.',
      'Maak voor dezelfde tenant een Microsoft Graph-profiel (`calpump profiles add --kind graph …`) en zet de taken er vóór 1 april 2027 op over.',
    ),
  },
} satisfies Record<string, CatalogueEntry>;

const graphApiEntries = {
  'graph.permission.missing': {
    title: L('The app lacks a Microsoft Graph permission', 'Der App fehlt eine Microsoft-Graph-Berechtigung', 'De app mist een Microsoft Graph-machtiging'),
    meaning: L(
      'Microsoft Graph answered 403 {code} for {operation}: the token of app {clientId} has no {permission} permission.',
      'Microsoft Graph antwortete 403 {code} für {operation}: das Token der App {clientId} hat keine Berechtigung {permission}.',
      'Microsoft Graph antwoordde 403 {code} voor {operation}: het token van app {clientId} heeft geen machtiging {permission}.',
    ),
    fix: L(
      `${ENTRA_APP.en} → API permissions → Add a permission → Microsoft Graph → Application permissions → {permission} → Add, then "Grant admin consent for <tenant>".`,
      `${ENTRA_APP.de} → API-Berechtigungen → Berechtigung hinzufügen → Microsoft Graph → Anwendungsberechtigungen → {permission} → Hinzufügen, dann „Administratorzustimmung für <Mandant> erteilen".`,
      `${ENTRA_APP.nl} → API-machtigingen → Een machtiging toevoegen → Microsoft Graph → Toepassingsmachtigingen → {permission} → Toevoegen, daarna "Beheerderstoestemming verlenen voor <tenant>".`,
    ),
    delay: L('Consent takes a few minutes to apply; sign in again (or wait for the next token) afterwards.', 'Die Zustimmung wirkt nach einigen Minuten; danach neu anmelden (oder das nächste Token abwarten).', 'Toestemming werkt na enkele minuten; meld daarna opnieuw aan (of wacht op het volgende token).'),
  },
  'graph.mailbox.accessDenied': {
    title: L('The app may not read this mailbox', 'Die App darf dieses Postfach nicht lesen', 'De app mag dit postvak niet lezen'),
    meaning: L(
      'Microsoft Graph answered 403 ErrorAccessDenied for {mailbox}: an application access policy or RBAC for Applications scope limits app {clientId} to other mailboxes.',
      'Microsoft Graph antwortete 403 ErrorAccessDenied für {mailbox}: eine Anwendungszugriffsrichtlinie oder ein RBAC-für-Anwendungen-Bereich beschränkt App {clientId} auf andere Postfächer.',
      'Microsoft Graph antwoordde 403 ErrorAccessDenied voor {mailbox}: een toepassingstoegangsbeleid of een RBAC voor toepassingen-bereik beperkt app {clientId} tot andere postvakken.',
    ),
    fix: L(
      'Add the mailbox to the mail-enabled security group the app is scoped to (Add-DistributionGroupMember -Identity "Calpump mailboxes" -Member {mailbox}). To set the scope up: New-ApplicationAccessPolicy -AppId {clientId} -PolicyScopeGroupId "Calpump mailboxes" -AccessRight RestrictAccess, or with RBAC for Applications: New-ManagementScope + New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.Read". Check with Test-ApplicationAccessPolicy -AppId {clientId} -Identity {mailbox}.',
      'Nehmen Sie das Postfach in die E-Mail-aktivierte Sicherheitsgruppe auf, auf die die App beschränkt ist (Add-DistributionGroupMember -Identity "Calpump mailboxes" -Member {mailbox}). Einrichten der Beschränkung: New-ApplicationAccessPolicy -AppId {clientId} -PolicyScopeGroupId "Calpump mailboxes" -AccessRight RestrictAccess, oder mit RBAC für Anwendungen: New-ManagementScope + New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.Read". Prüfen mit Test-ApplicationAccessPolicy -AppId {clientId} -Identity {mailbox}.',
      'Voeg het postvak toe aan de e-mailbeveiligingsgroep waartoe de app is beperkt (Add-DistributionGroupMember -Identity "Calpump mailboxes" -Member {mailbox}). De beperking instellen: New-ApplicationAccessPolicy -AppId {clientId} -PolicyScopeGroupId "Calpump mailboxes" -AccessRight RestrictAccess, of met RBAC voor toepassingen: New-ManagementScope + New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.Read". Controleer met Test-ApplicationAccessPolicy -AppId {clientId} -Identity {mailbox}.',
    ),
    delay: L('Policy and group changes can take up to 30 minutes (RBAC for Applications up to 2 hours).', 'Richtlinien- und Gruppenänderungen können bis zu 30 Minuten dauern (RBAC für Anwendungen bis zu 2 Stunden).', 'Wijzigingen in beleid en groepen kunnen tot 30 minuten duren (RBAC voor toepassingen tot 2 uur).'),
  },
  'graph.token.invalid': {
    title: L('Microsoft Graph rejected the access token', 'Microsoft Graph hat das Zugriffstoken abgelehnt', 'Microsoft Graph heeft het toegangstoken geweigerd'),
    meaning: L('Graph answered 401 {code} even after a fresh token was requested: {description}', 'Graph antwortete 401 {code}, auch nach Anforderung eines neuen Tokens: {description}', 'Graph antwoordde 401 {code}, ook na het aanvragen van een nieuw token: {description}'),
    fix: L(
      'Check that the profile\'s Graph host ({graphHost}) belongs to the same cloud as its authority host ({authorityHost}), then sign in again with `calpump auth logout --profile {profile}` and `calpump auth login --profile {profile}`.',
      'Prüfen Sie, dass der Graph-Host des Profils ({graphHost}) zur selben Cloud gehört wie der Autoritätshost ({authorityHost}), und melden Sie sich mit `calpump auth logout --profile {profile}` und `calpump auth login --profile {profile}` neu an.',
      'Controleer of de Graph-host van het profiel ({graphHost}) bij dezelfde cloud hoort als de autoriteitshost ({authorityHost}) en meld opnieuw aan met `calpump auth logout --profile {profile}` en `calpump auth login --profile {profile}`.',
    ),
  },
  'graph.mailbox.notFound': {
    title: L('No such mailbox in Microsoft 365', 'Kein solches Postfach in Microsoft 365', 'Geen dergelijk postvak in Microsoft 365'),
    meaning: L('Microsoft Graph has no mailbox for {mailbox} ({code}).', 'Microsoft Graph hat kein Postfach für {mailbox} ({code}).', 'Microsoft Graph heeft geen postvak voor {mailbox} ({code}).'),
    fix: L(
      'Check the address (use the primary SMTP address or the UPN); an on-premises mailbox in a hybrid setup is not reachable through Graph — use an EWS profile for it.',
      'Prüfen Sie die Adresse (primäre SMTP-Adresse oder UPN); ein lokales Postfach in einer Hybridumgebung ist über Graph nicht erreichbar — verwenden Sie dafür ein EWS-Profil.',
      'Controleer het adres (primair SMTP-adres of UPN); een on-premises postvak in een hybride omgeving is niet bereikbaar via Graph — gebruik er een EWS-profiel voor.',
    ),
  },
  'graph.folder.notFound': {
    title: L('The calendar does not exist', 'Der Kalender existiert nicht', 'De agenda bestaat niet'),
    meaning: L('Mailbox {mailbox} has no calendar with id {folder}.', 'Postfach {mailbox} hat keinen Kalender mit der ID {folder}.', 'Postvak {mailbox} heeft geen agenda met id {folder}.'),
    fix: L('List the calendars with `calpump folders --profile {profile} --mailbox {mailbox}` and use an id from there (or "calendar" for the default calendar).', 'Listen Sie die Kalender mit `calpump folders --profile {profile} --mailbox {mailbox}` auf und verwenden Sie eine ID daraus (oder „calendar" für den Standardkalender).', 'Toon de agenda\'s met `calpump folders --profile {profile} --mailbox {mailbox}` en gebruik een id daaruit (of "calendar" voor de standaardagenda).'),
  },
  'graph.throttled': {
    title: L('Microsoft Graph kept throttling the requests', 'Microsoft Graph hat die Anfragen dauerhaft gedrosselt', 'Microsoft Graph bleef de verzoeken afknijpen'),
    meaning: L('{operation} was answered with HTTP {status} {attempts} times in a row (last Retry-After: {retryAfter} s).', '{operation} wurde {attempts}-mal hintereinander mit HTTP {status} beantwortet (letztes Retry-After: {retryAfter} s).', '{operation} kreeg {attempts} keer na elkaar HTTP {status} (laatste Retry-After: {retryAfter} s).'),
    fix: L('Run the job later or less often, or export fewer mailboxes at a time; other apps of the tenant share the same Exchange Online limits.', 'Führen Sie den Auftrag später oder seltener aus oder exportieren Sie weniger Postfächer gleichzeitig; andere Apps des Mandanten teilen dieselben Exchange-Online-Grenzen.', 'Voer de taak later of minder vaak uit, of exporteer minder postvakken tegelijk; andere apps van de tenant delen dezelfde Exchange Online-limieten.'),
  },
  'graph.server': {
    title: L('Microsoft Graph failed', 'Microsoft Graph ist fehlgeschlagen', 'Microsoft Graph is mislukt'),
    meaning: L('{operation} answered HTTP {status} {code}: {description}', '{operation} antwortete HTTP {status} {code}: {description}', '{operation} antwoordde HTTP {status} {code}: {description}'),
    fix: L('Retry later; if it persists check https://admin.microsoft.com → Health → Service health for Exchange Online incidents, and report the request-id in the evidence.', 'Später erneut versuchen; bleibt es, prüfen Sie https://admin.microsoft.com → Integrität → Dienstintegrität auf Exchange-Online-Störungen und melden Sie die request-id aus den Belegen.', 'Probeer het later opnieuw; blijft het, controleer dan https://admin.microsoft.com → Status → Servicestatus op Exchange Online-incidenten en meld de request-id uit het bewijs.'),
  },
  'graph.response.invalid': {
    title: L('Microsoft Graph sent an answer Calpump cannot read', 'Microsoft Graph sendete eine unlesbare Antwort', 'Microsoft Graph stuurde een onleesbaar antwoord'),
    meaning: L('{operation}: {problem}', '{operation}: {problem}', '{operation}: {problem}'),
    fix: L('Check that the Graph host in the profile ({graphHost}) is Microsoft Graph and not a proxy\'s error page; run again with --log-level all to see the answer.', 'Prüfen Sie, dass der Graph-Host im Profil ({graphHost}) Microsoft Graph ist und keine Fehlerseite eines Proxys; mit --log-level all sehen Sie die Antwort.', 'Controleer of de Graph-host in het profiel ({graphHost}) Microsoft Graph is en geen foutpagina van een proxy; met --log-level all ziet u het antwoord.'),
  },
} satisfies Record<string, CatalogueEntry>;

export const graphEntries = { ...graphAuthEntries, ...graphApiEntries };
