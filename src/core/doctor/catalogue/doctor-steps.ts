// Failures only the doctor detects (they sit between steps rather than in one server answer).
import { L, type CatalogueEntry } from './types.js';

export const doctorStepEntries = {
  'doctor.noTestMailbox': {
    title: L('No mailbox to test', 'Kein Postfach zum Testen', 'Geen postvak om te testen'),
    meaning: L('The mailbox steps need a mailbox, and none was given.', 'Die Postfach-Schritte brauchen ein Postfach, aber keines wurde angegeben.', 'De postvakstappen hebben een postvak nodig, maar er is er geen opgegeven.'),
    fix: L('Pass --mailbox user@domain, or set testMailbox in the profile.', 'Geben Sie --mailbox benutzer@domäne an oder setzen Sie testMailbox im Profil.', 'Geef --mailbox gebruiker@domein op, of stel testMailbox in het profiel in.'),
  },
  'doctor.ews.notEws': {
    title: L('The address does not answer like EWS', 'Die Adresse antwortet nicht wie EWS', 'Het adres antwoordt niet zoals EWS'),
    meaning: L('{url} answered HTTP {status} ({contentType}) without an authentication challenge or a SOAP answer.', '{url} antwortete HTTP {status} ({contentType}) ohne Anmeldeaufforderung oder SOAP-Antwort.', '{url} antwoordde HTTP {status} ({contentType}) zonder verificatieverzoek of SOAP-antwoord.'),
    causes: [
      L('The URL points at another web site or a load balancer\'s default page.', 'Die URL zeigt auf eine andere Website oder die Standardseite eines Load Balancers.', 'De URL wijst naar een andere website of de standaardpagina van een load balancer.'),
      L('Anonymous access is enabled on the EWS virtual directory.', 'Anonymer Zugriff ist am virtuellen EWS-Verzeichnis aktiviert.', 'Anonieme toegang staat aan op de virtuele EWS-map.'),
    ],
    fix: L('Use https://<exchange server>/EWS/Exchange.asmx and check the virtual directory: Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl,*Authentication.', 'Verwenden Sie https://<Exchange-Server>/EWS/Exchange.asmx und prüfen Sie das virtuelle Verzeichnis: Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl,*Authentication.', 'Gebruik https://<Exchange-server>/EWS/Exchange.asmx en controleer de virtuele map: Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl,*Authentication.'),
  },
  'doctor.ews.noServerVersion': {
    title: L('The answer carries no Exchange version', 'Die Antwort enthält keine Exchange-Version', 'Het antwoord bevat geen Exchange-versie'),
    meaning: L('The SOAP answer from {url} has no ServerVersionInfo header.', 'Die SOAP-Antwort von {url} hat keinen ServerVersionInfo-Header.', 'Het SOAP-antwoord van {url} heeft geen ServerVersionInfo-header.'),
    causes: [L('Something other than Exchange answers at this address (a proxy, a test server).', 'An dieser Adresse antwortet etwas anderes als Exchange (ein Proxy, ein Testserver).', 'Op dit adres antwoordt iets anders dan Exchange (een proxy, een testserver).')],
    fix: L('Point the profile at the Exchange server\'s /EWS/Exchange.asmx.', 'Richten Sie das Profil auf /EWS/Exchange.asmx des Exchange-Servers.', 'Richt het profiel op /EWS/Exchange.asmx van de Exchange-server.'),
  },
  'doctor.ews.upnNotSmtp': {
    title: L('A UPN was given instead of the mailbox address', 'Statt der Postfachadresse wurde ein UPN angegeben', 'Er is een UPN opgegeven in plaats van het postvakadres'),
    meaning: L('{mailbox} is a sign-in name (UPN); the mailbox\'s primary SMTP address is {smtp}.', '{mailbox} ist ein Anmeldename (UPN); die primäre SMTP-Adresse des Postfachs ist {smtp}.', '{mailbox} is een aanmeldnaam (UPN); het primaire SMTP-adres van het postvak is {smtp}.'),
    causes: [L('Sign-in names and mail addresses differ in this organisation (e.g. corp.contoso.local vs contoso.com).', 'Anmeldenamen und Mailadressen unterscheiden sich in dieser Organisation (z. B. corp.contoso.local gegenüber contoso.com).', 'Aanmeldnamen en e-mailadressen verschillen in deze organisatie (bijv. corp.contoso.local tegenover contoso.com).')],
    fix: L('Use {smtp} for this mailbox (EWS addresses mailboxes by SMTP address).', 'Verwenden Sie {smtp} für dieses Postfach (EWS adressiert Postfächer über die SMTP-Adresse).', 'Gebruik {smtp} voor dit postvak (EWS adresseert postvakken op SMTP-adres).'),
  },
  'doctor.graph.tokenLacksPermission': {
    title: L('The token lacks a needed permission', 'Dem Token fehlt eine nötige Berechtigung', 'Het token mist een benodigde machtiging'),
    meaning: L('The access token of app {clientId} grants {granted}; Calpump also needs {missing}.', 'Das Zugriffstoken der App {clientId} gewährt {granted}; Calpump braucht zusätzlich {missing}.', 'Het toegangstoken van app {clientId} verleent {granted}; Calpump heeft ook {missing} nodig.'),
    causes: [
      L('The permission was added to the app registration but admin consent was not granted.', 'Die Berechtigung wurde der App-Registrierung hinzugefügt, aber die Administratorzustimmung fehlt.', 'De machtiging is aan de app-registratie toegevoegd, maar beheerderstoestemming is niet verleend.'),
      L('A delegated permission was added where an application permission is needed (or the other way round).', 'Es wurde eine delegierte statt einer Anwendungsberechtigung hinzugefügt (oder umgekehrt).', 'Er is een gedelegeerde machtiging toegevoegd waar een toepassingsmachtiging nodig is (of andersom).'),
    ],
    fix: L('Add {missing} as {kind} permission of Microsoft Graph to the app registration and grant admin consent (`calpump setup-script --profile P` prints the commands).', 'Fügen Sie {missing} als {kind}-Berechtigung von Microsoft Graph zur App-Registrierung hinzu und erteilen Sie die Administratorzustimmung (`calpump setup-script --profile P` gibt die Befehle aus).', 'Voeg {missing} toe als {kind}-machtiging van Microsoft Graph aan de app-registratie en verleen beheerderstoestemming (`calpump setup-script --profile P` toont de opdrachten).'),
    delay: L('Consent takes a few minutes to reach new tokens.', 'Die Zustimmung braucht einige Minuten, bis sie in neuen Tokens ankommt.', 'Toestemming heeft enkele minuten nodig om in nieuwe tokens te komen.'),
  },
} satisfies Record<string, CatalogueEntry>;
