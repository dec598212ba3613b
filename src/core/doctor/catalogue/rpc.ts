// Errors of the UI hosts: the RPC dispatcher, `calpump serve` and the Electron app.
import { L, type CatalogueEntry } from './types.js';

export const rpcEntries = {
  'rpc.unknownMethod': {
    title: L('Unknown request', 'Unbekannte Anfrage', 'Onbekend verzoek'),
    meaning: L('The UI asked for "{method}", which this Calpump does not offer.', 'Die Oberfläche fragte nach „{method}“, das dieses Calpump nicht anbietet.', 'De interface vroeg om "{method}", wat deze Calpump niet aanbiedt.'),
    fix: L('Reload the window; if the UI and the host come from different versions, update Calpump.', 'Laden Sie das Fenster neu; stammen Oberfläche und Host aus verschiedenen Versionen, aktualisieren Sie Calpump.', 'Herlaad het venster; als interface en host uit verschillende versies komen, werk Calpump bij.'),
  },
  'rpc.notAvailable': {
    title: L('Not available yet', 'Noch nicht verfügbar', 'Nog niet beschikbaar'),
    meaning: L('{feature} is not available in this version of Calpump.', '{feature} ist in dieser Calpump-Version noch nicht verfügbar.', '{feature} is in deze versie van Calpump nog niet beschikbaar.'),
    fix: L('Use the command line (`calpump help`) for now, or update Calpump.', 'Verwenden Sie vorerst die Befehlszeile (`calpump help`) oder aktualisieren Sie Calpump.', 'Gebruik voorlopig de opdrachtregel (`calpump help`) of werk Calpump bij.'),
  },
  'rpc.cancelled': {
    title: L('Cancelled', 'Abgebrochen', 'Geannuleerd'),
    meaning: L('The operation was cancelled.', 'Der Vorgang wurde abgebrochen.', 'De bewerking is geannuleerd.'),
    fix: L('Start it again when you are ready.', 'Starten Sie ihn erneut, wenn Sie bereit sind.', 'Start hem opnieuw wanneer u klaar bent.'),
  },
  'rpc.disconnected': {
    title: L('Connection to Calpump lost', 'Verbindung zu Calpump verloren', 'Verbinding met Calpump verbroken'),
    meaning: L('The call could not reach the Calpump host.', 'Der Aufruf hat den Calpump-Host nicht erreicht.', 'De aanroep kon de Calpump-host niet bereiken.'),
    fix: L('Check that Calpump (or `calpump serve`) is still running, then reload the page.', 'Prüfen Sie, ob Calpump (oder `calpump serve`) noch läuft, und laden Sie die Seite neu.', 'Controleer of Calpump (of `calpump serve`) nog draait en herlaad de pagina.'),
  },
  'rpc.forbidden': {
    title: L('Request refused', 'Anfrage abgelehnt', 'Verzoek geweigerd'),
    meaning: L('A request came from {origin}, which is not Calpump\'s own window.', 'Eine Anfrage kam von {origin}, das nicht Calpumps eigenes Fenster ist.', 'Een verzoek kwam van {origin}, dat niet het eigen venster van Calpump is.'),
    fix: L('Only Calpump\'s own window may control it. Close other pages that try to reach Calpump.', 'Nur Calpumps eigenes Fenster darf es steuern. Schließen Sie andere Seiten, die Calpump ansprechen.', 'Alleen het eigen venster van Calpump mag het besturen. Sluit andere pagina\'s die Calpump proberen te bereiken.'),
  },
  'serve.tokenRequired': {
    title: L('Session token required', 'Sitzungstoken erforderlich', 'Sessietoken vereist'),
    meaning: L('This Calpump server only answers browsers that opened the link with its session token.', 'Dieser Calpump-Server antwortet nur Browsern, die den Link mit seinem Sitzungstoken geöffnet haben.', 'Deze Calpump-server antwoordt alleen browsers die de link met het sessietoken hebben geopend.'),
    fix: L('Open the full URL that `calpump serve` printed (it ends in ?token=…).', 'Öffnen Sie die vollständige URL, die `calpump serve` ausgegeben hat (sie endet auf ?token=…).', 'Open de volledige URL die `calpump serve` heeft getoond (eindigt op ?token=…).'),
  },
  'serve.hostNeedsToken': {
    title: L('Listening beyond this computer needs a fixed token', 'Lauschen über diesen Computer hinaus erfordert ein festes Token', 'Luisteren buiten deze computer vereist een vast token'),
    meaning: L('--host {host} would let other computers reach Calpump, and no token was configured.', '--host {host} würde andere Computer an Calpump heranlassen, und es ist kein Token festgelegt.', '--host {host} zou andere computers toegang tot Calpump geven, en er is geen token ingesteld.'),
    fix: L('Give a long random token with --token (or CALPUMP_SERVE_TOKEN), or leave --host at 127.0.0.1.', 'Geben Sie mit --token (oder CALPUMP_SERVE_TOKEN) ein langes zufälliges Token an, oder lassen Sie --host bei 127.0.0.1.', 'Geef een lang willekeurig token met --token (of CALPUMP_SERVE_TOKEN), of laat --host op 127.0.0.1.'),
  },
  'serve.portInUse': {
    title: L('Port already in use', 'Port bereits belegt', 'Poort al in gebruik'),
    meaning: L('Another program already listens on {host}:{port}.', 'Ein anderes Programm lauscht bereits auf {host}:{port}.', 'Een ander programma luistert al op {host}:{port}.'),
    fix: L('Pick another port with --port (0 picks a free one), or stop the other program.', 'Wählen Sie mit --port einen anderen Port (0 wählt einen freien) oder beenden Sie das andere Programm.', 'Kies een andere poort met --port (0 kiest een vrije) of stop het andere programma.'),
  },
  'serve.uiMissing': {
    title: L('The user interface is not built', 'Die Benutzeroberfläche ist nicht gebaut', 'De gebruikersinterface is niet gebouwd'),
    meaning: L('No built UI was found in {dir}.', 'Im Ordner {dir} wurde keine gebaute Oberfläche gefunden.', 'In {dir} is geen gebouwde interface gevonden.'),
    fix: L('Run `npm run build:renderer` once (needs the dev dependencies), then start `calpump serve` again.', 'Führen Sie einmal `npm run build:renderer` aus (benötigt die Entwicklungsabhängigkeiten) und starten Sie `calpump serve` erneut.', 'Voer eenmaal `npm run build:renderer` uit (vereist de ontwikkelafhankelijkheden) en start `calpump serve` opnieuw.'),
  },
  'secrets.encryptionUnavailable': {
    title: L('Secure storage is not available', 'Sicherer Speicher nicht verfügbar', 'Beveiligde opslag niet beschikbaar'),
    meaning: L('The operating system offers no encryption for stored passwords in this session.', 'Das Betriebssystem bietet in dieser Sitzung keine Verschlüsselung für gespeicherte Kennwörter.', 'Het besturingssysteem biedt in deze sessie geen versleuteling voor opgeslagen wachtwoorden.'),
    fix: L('Sign in to Windows interactively (DPAPI needs a user profile), or use the headless `calpump` with CALPUMP_SECRET_KEY.', 'Melden Sie sich interaktiv bei Windows an (DPAPI braucht ein Benutzerprofil) oder verwenden Sie das kopflose `calpump` mit CALPUMP_SECRET_KEY.', 'Meld u interactief aan bij Windows (DPAPI vereist een gebruikersprofiel) of gebruik de headless `calpump` met CALPUMP_SECRET_KEY.'),
  },
} satisfies Record<string, CatalogueEntry>;
