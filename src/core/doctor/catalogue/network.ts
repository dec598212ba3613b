import { L, type CatalogueEntry } from './types.js';

export const networkEntries = {
  'net.tls.untrusted': {
    title: L('The server certificate is not trusted', 'Dem Serverzertifikat wird nicht vertraut', 'Het servercertificaat wordt niet vertrouwd'),
    meaning: L(
      'TLS to {host} failed: {reason}. Certificate: {subject}, issued by {issuer}, SHA-256 {fingerprint}.',
      'TLS zu {host} schlug fehl: {reason}. Zertifikat: {subject}, ausgestellt von {issuer}, SHA-256 {fingerprint}.',
      'TLS naar {host} mislukte: {reason}. Certificaat: {subject}, uitgegeven door {issuer}, SHA-256 {fingerprint}.',
    ),
    fix: L(
      'Install a certificate from a trusted CA on the server, or trust your internal CA for this profile (tls.caFile = the CA\'s PEM file), or pin this certificate (tls.pinnedSha256 = the fingerprint above). Verification is never switched off.',
      'Installieren Sie am Server ein Zertifikat einer vertrauenswürdigen CA, oder vertrauen Sie Ihrer internen CA für dieses Profil (tls.caFile = PEM-Datei der CA), oder pinnen Sie dieses Zertifikat (tls.pinnedSha256 = obiger Fingerabdruck). Die Prüfung wird nie abgeschaltet.',
      'Installeer op de server een certificaat van een vertrouwde CA, of vertrouw uw interne CA voor dit profiel (tls.caFile = PEM-bestand van de CA), of pin dit certificaat (tls.pinnedSha256 = bovenstaande vingerafdruk). Controle wordt nooit uitgeschakeld.',
    ),
  },
  'net.tls.caFile': {
    title: L('The CA file of the profile cannot be used', 'Die CA-Datei des Profils ist nicht verwendbar', 'Het CA-bestand van het profiel is niet bruikbaar'),
    meaning: L('tls.caFile {file}: {problem}.', 'tls.caFile {file}: {problem}.', 'tls.caFile {file}: {problem}.'),
    fix: L(
      'Point tls.caFile at the PEM file of your internal root CA (export it from the Windows certificate store as Base-64 encoded X.509 .cer), readable by the account that runs Calpump.',
      'Lassen Sie tls.caFile auf die PEM-Datei Ihrer internen Stamm-CA zeigen (aus dem Windows-Zertifikatspeicher als Base-64-codiertes X.509 .cer exportieren), lesbar für das Konto, unter dem Calpump läuft.',
      'Laat tls.caFile wijzen naar het PEM-bestand van uw interne basis-CA (exporteer het uit het Windows-certificaatarchief als Base-64-gecodeerd X.509 .cer), leesbaar voor het account waaronder Calpump draait.',
    ),
  },
  'net.tls.pinMismatch': {
    title: L('The server certificate does not match the pinned one', 'Das Serverzertifikat passt nicht zum gepinnten', 'Het servercertificaat komt niet overeen met het vastgepinde'),
    meaning: L('{host} presented SHA-256 {fingerprint}; the profile pins {pinned}.', '{host} zeigte SHA-256 {fingerprint}; das Profil pinnt {pinned}.', '{host} toonde SHA-256 {fingerprint}; het profiel pint {pinned}.'),
    fix: L(
      'If the server\'s certificate was renewed, update tls.pinnedSha256 in the profile; otherwise someone may be intercepting the connection.',
      'Wurde das Zertifikat des Servers erneuert, aktualisieren Sie tls.pinnedSha256 im Profil; sonst fängt womöglich jemand die Verbindung ab.',
      'Is het certificaat van de server vernieuwd, werk dan tls.pinnedSha256 in het profiel bij; anders onderschept mogelijk iemand de verbinding.',
    ),
  },
  'net.unreachable': {
    title: L('The server cannot be reached', 'Der Server ist nicht erreichbar', 'De server is niet bereikbaar'),
    meaning: L('Connecting to {host} failed: {reason}.', 'Die Verbindung zu {host} schlug fehl: {reason}.', 'Verbinden met {host} mislukte: {reason}.'),
    fix: L(
      'Check the host name and port in the profile, DNS, the firewall between this machine and Exchange, and the proxy in use ({proxy}).',
      'Prüfen Sie Hostname und Port im Profil, DNS, die Firewall zwischen diesem Rechner und Exchange und den verwendeten Proxy ({proxy}).',
      'Controleer hostnaam en poort in het profiel, DNS, de firewall tussen deze machine en Exchange, en de gebruikte proxy ({proxy}).',
    ),
  },
  'net.dns': {
    title: L('The host name does not resolve', 'Der Hostname lässt sich nicht auflösen', 'De hostnaam wordt niet gevonden'),
    meaning: L('DNS has no address for {host}.', 'DNS kennt keine Adresse für {host}.', 'DNS kent geen adres voor {host}.'),
    fix: L(
      'Check the spelling of the host in the profile and that this machine uses the internal DNS servers (nslookup {host}).',
      'Prüfen Sie die Schreibweise des Hosts im Profil und dass dieser Rechner die internen DNS-Server verwendet (nslookup {host}).',
      'Controleer de spelling van de host in het profiel en of deze machine de interne DNS-servers gebruikt (nslookup {host}).',
    ),
  },
  'net.timeout': {
    title: L('The server did not answer in time', 'Der Server antwortete nicht rechtzeitig', 'De server antwoordde niet op tijd'),
    meaning: L('No answer from {host} within {seconds} s.', 'Keine Antwort von {host} innerhalb von {seconds} s.', 'Geen antwoord van {host} binnen {seconds} s.'),
    fix: L(
      'Check the network path and proxy; a busy server answers later — retry, or lower the job\'s concurrency.',
      'Prüfen Sie Netzwerkweg und Proxy; ein ausgelasteter Server antwortet später — wiederholen Sie oder senken Sie die Parallelität.',
      'Controleer het netwerkpad en de proxy; een drukke server antwoordt later — probeer opnieuw of verlaag de gelijktijdigheid.',
    ),
  },
  'net.proxy.failed': {
    title: L('The proxy refused or failed the connection', 'Der Proxy hat die Verbindung abgelehnt oder nicht hergestellt', 'De proxy weigerde of faalde de verbinding'),
    meaning: L('Proxy {proxy} answered: {reason}.', 'Proxy {proxy} antwortete: {reason}.', 'Proxy {proxy} antwoordde: {reason}.'),
    fix: L(
      'Check the proxy address and credentials in the profile, or add the Exchange host to NO_PROXY / set the profile\'s proxy to "none" if Exchange is reached directly.',
      'Prüfen Sie Proxy-Adresse und -Anmeldedaten im Profil, oder nehmen Sie den Exchange-Host in NO_PROXY auf / setzen Sie den Proxy des Profils auf "none", wenn Exchange direkt erreichbar ist.',
      'Controleer proxyadres en -aanmeldgegevens in het profiel, of zet de Exchange-host in NO_PROXY / zet de proxy van het profiel op "none" als Exchange direct bereikbaar is.',
    ),
  },
  'http.status': {
    title: L('Unexpected HTTP status', 'Unerwarteter HTTP-Status', 'Onverwachte HTTP-status'),
    meaning: L('{url} answered HTTP {status}.', '{url} antwortete HTTP {status}.', '{url} antwoordde HTTP {status}.'),
    fix: L(
      'Check the URL in the profile; 404 means a wrong path (EWS lives at /EWS/Exchange.asmx), 5xx a server problem — see the server\'s logs.',
      'Prüfen Sie die URL im Profil; 404 bedeutet einen falschen Pfad (EWS liegt unter /EWS/Exchange.asmx), 5xx ein Serverproblem — siehe Serverprotokolle.',
      'Controleer de URL in het profiel; 404 betekent een verkeerd pad (EWS staat op /EWS/Exchange.asmx), 5xx een serverprobleem — zie de serverlogboeken.',
    ),
  },
} satisfies Record<string, CatalogueEntry>;
