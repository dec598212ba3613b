// TLS and socket failures, one entry each so the fix can be exact (mapTlsError / mapSocketError in
// src/core/errors/error-map.ts). network.ts keeps the generic 'net.tls.untrusted' and 'net.unreachable'.
import { L, type CatalogueEntry } from './types.js';

const PIN_OR_CA = {
  en: 'or trust your internal CA for this profile (tls.caFile), or pin this certificate (tls.pinnedSha256 = {fingerprint}). Verification is never switched off.',
  de: 'oder vertrauen Sie Ihrer internen CA für dieses Profil (tls.caFile), oder pinnen Sie dieses Zertifikat (tls.pinnedSha256 = {fingerprint}). Die Prüfung wird nie abgeschaltet.',
  nl: 'of vertrouw uw interne CA voor dit profiel (tls.caFile), of pin dit certificaat (tls.pinnedSha256 = {fingerprint}). Controle wordt nooit uitgeschakeld.',
};

export const doctorNetEntries = {
  'net.tls.expired': {
    title: L('The server certificate has expired', 'Das Serverzertifikat ist abgelaufen', 'Het servercertificaat is verlopen'),
    meaning: L('{host} presented a certificate ({subject}) that expired on {validTo}.', '{host} zeigte ein Zertifikat ({subject}), das am {validTo} abgelaufen ist.', '{host} toonde een certificaat ({subject}) dat verliep op {validTo}.'),
    causes: [L('The certificate was not renewed, or the renewed one is not bound in IIS.', 'Das Zertifikat wurde nicht erneuert oder das erneuerte ist in IIS nicht gebunden.', 'Het certificaat is niet vernieuwd, of het vernieuwde is niet gekoppeld in IIS.')],
    fix: L(
      'Renew the certificate and enable it for IIS: Get-ExchangeCertificate | fl Thumbprint,NotAfter,Services, then Enable-ExchangeCertificate -Thumbprint <new> -Services IIS.',
      'Erneuern Sie das Zertifikat und aktivieren Sie es für IIS: Get-ExchangeCertificate | fl Thumbprint,NotAfter,Services, dann Enable-ExchangeCertificate -Thumbprint <neu> -Services IIS.',
      'Vernieuw het certificaat en schakel het in voor IIS: Get-ExchangeCertificate | fl Thumbprint,NotAfter,Services, daarna Enable-ExchangeCertificate -Thumbprint <nieuw> -Services IIS.',
    ),
  },
  'net.tls.notYetValid': {
    title: L('The server certificate is not valid yet', 'Das Serverzertifikat ist noch nicht gültig', 'Het servercertificaat is nog niet geldig'),
    meaning: L('{host} presented a certificate valid only from {validFrom}.', '{host} zeigte ein Zertifikat, das erst ab {validFrom} gilt.', '{host} toonde een certificaat dat pas geldig is vanaf {validFrom}.'),
    causes: [L('The clock of this machine or of the server is wrong.', 'Die Uhr dieses Rechners oder des Servers geht falsch.', 'De klok van deze machine of van de server staat verkeerd.')],
    fix: L('Check the date and time on this machine and on the server (w32tm /query /status).', 'Prüfen Sie Datum und Uhrzeit auf diesem Rechner und am Server (w32tm /query /status).', 'Controleer datum en tijd op deze machine en op de server (w32tm /query /status).'),
  },
  'net.tls.selfSigned': {
    title: L('The server certificate is self-signed', 'Das Serverzertifikat ist selbstsigniert', 'Het servercertificaat is zelfondertekend'),
    meaning: L('{host} presented a self-signed certificate ({subject}).', '{host} zeigte ein selbstsigniertes Zertifikat ({subject}).', '{host} toonde een zelfondertekend certificaat ({subject}).'),
    causes: [L('Exchange still uses the certificate made at installation.', 'Exchange verwendet noch das bei der Installation erzeugte Zertifikat.', 'Exchange gebruikt nog het certificaat dat bij de installatie is gemaakt.')],
    fix: { en: `Install a certificate from a trusted CA on the server, ${PIN_OR_CA.en}`, de: `Installieren Sie ein Zertifikat einer vertrauenswürdigen CA am Server, ${PIN_OR_CA.de}`, nl: `Installeer een certificaat van een vertrouwde CA op de server, ${PIN_OR_CA.nl}` },
  },
  'net.tls.unknownCa': {
    title: L('The certificate\'s issuer is not trusted', 'Der Aussteller des Zertifikats ist nicht vertrauenswürdig', 'De uitgever van het certificaat wordt niet vertrouwd'),
    meaning: L('{host} presented a certificate issued by {issuer}, which no trusted CA vouches for ({reason}).', '{host} zeigte ein Zertifikat von {issuer}, für das keine vertrauenswürdige CA bürgt ({reason}).', '{host} toonde een certificaat van {issuer}, waarvoor geen vertrouwde CA instaat ({reason}).'),
    causes: [
      L('An internal (enterprise) CA that this machine does not trust.', 'Eine interne (Unternehmens-)CA, der dieser Rechner nicht vertraut.', 'Een interne (bedrijfs-)CA die deze machine niet vertrouwt.'),
      L('The server does not send the intermediate certificate.', 'Der Server sendet das Zwischenzertifikat nicht mit.', 'De server stuurt het tussencertificaat niet mee.'),
      L('A TLS-inspecting proxy replaces the certificate.', 'Ein TLS-prüfender Proxy ersetzt das Zertifikat.', 'Een TLS-inspecterende proxy vervangt het certificaat.'),
    ],
    fix: { en: `Bind the full chain on the server, ${PIN_OR_CA.en}`, de: `Binden Sie die vollständige Kette am Server, ${PIN_OR_CA.de}`, nl: `Koppel de volledige keten op de server, ${PIN_OR_CA.nl}` },
  },
  'net.tls.hostMismatch': {
    title: L('The certificate is for another host name', 'Das Zertifikat gilt für einen anderen Hostnamen', 'Het certificaat is voor een andere hostnaam'),
    meaning: L('{host} presented a certificate for {names}.', '{host} zeigte ein Zertifikat für {names}.', '{host} toonde een certificaat voor {names}.'),
    causes: [
      L('The profile uses a server name (or IP address) that is not on the certificate.', 'Das Profil verwendet einen Servernamen (oder eine IP-Adresse), der nicht im Zertifikat steht.', 'Het profiel gebruikt een servernaam (of IP-adres) die niet op het certificaat staat.'),
      L('A load balancer answers with another site\'s certificate.', 'Ein Load Balancer antwortet mit dem Zertifikat einer anderen Site.', 'Een load balancer antwoordt met het certificaat van een andere site.'),
    ],
    fix: L('Use a host name from the certificate in the profile\'s URL (e.g. the published mail.<domain> name), or add the name to the certificate.', 'Verwenden Sie in der URL des Profils einen Hostnamen aus dem Zertifikat (z. B. den veröffentlichten Namen mail.<domäne>) oder nehmen Sie den Namen ins Zertifikat auf.', 'Gebruik in de URL van het profiel een hostnaam uit het certificaat (bijv. de gepubliceerde naam mail.<domein>), of neem de naam op in het certificaat.'),
  },
  'net.tls.handshakeFailed': {
    title: L('The TLS handshake failed', 'Der TLS-Handshake ist fehlgeschlagen', 'De TLS-handshake is mislukt'),
    meaning: L('TLS with {host} failed: {reason}.', 'TLS mit {host} schlug fehl: {reason}.', 'TLS met {host} mislukte: {reason}.'),
    causes: [
      L('The server offers only old protocols (TLS 1.0/1.1) or ciphers that Node refuses.', 'Der Server bietet nur alte Protokolle (TLS 1.0/1.1) oder Chiffren, die Node ablehnt.', 'De server biedt alleen oude protocollen (TLS 1.0/1.1) of cijfers die Node weigert.'),
      L('The port speaks plain HTTP, not HTTPS.', 'Der Port spricht einfaches HTTP, kein HTTPS.', 'De poort spreekt gewone HTTP, geen HTTPS.'),
    ],
    fix: L('Enable TLS 1.2 on the server (Exchange TLS guidance), and check that the URL\'s port serves HTTPS.', 'Aktivieren Sie TLS 1.2 am Server (Exchange-TLS-Leitfaden) und prüfen Sie, dass der Port der URL HTTPS spricht.', 'Schakel TLS 1.2 in op de server (Exchange-TLS-richtlijnen), en controleer dat de poort van de URL HTTPS spreekt.'),
  },
  'net.refused': {
    title: L('The connection was refused', 'Die Verbindung wurde abgelehnt', 'De verbinding is geweigerd'),
    meaning: L('{host} refused the connection on port {port}.', '{host} lehnte die Verbindung an Port {port} ab.', '{host} weigerde de verbinding op poort {port}.'),
    causes: [
      L('Nothing listens on that port (IIS stopped, or a wrong port in the URL).', 'An dem Port lauscht nichts (IIS gestoppt oder falscher Port in der URL).', 'Er luistert niets op die poort (IIS gestopt, of een verkeerde poort in de URL).'),
      L('A firewall rejects the connection.', 'Eine Firewall weist die Verbindung ab.', 'Een firewall weigert de verbinding.'),
    ],
    fix: L('Check the port in the profile\'s URL (HTTPS is 443), that IIS runs on the server, and the firewall rules.', 'Prüfen Sie den Port in der URL des Profils (HTTPS ist 443), dass IIS am Server läuft, und die Firewallregeln.', 'Controleer de poort in de URL van het profiel (HTTPS is 443), dat IIS op de server draait, en de firewallregels.'),
  },
  'net.reset': {
    title: L('The connection was cut', 'Die Verbindung wurde unterbrochen', 'De verbinding werd verbroken'),
    meaning: L('The connection to {host} was reset or closed before the answer was complete ({reason}).', 'Die Verbindung zu {host} wurde zurückgesetzt oder geschlossen, bevor die Antwort vollständig war ({reason}).', 'De verbinding met {host} werd gereset of gesloten voordat het antwoord compleet was ({reason}).'),
    causes: [
      L('A proxy, load balancer or firewall drops long or idle connections.', 'Ein Proxy, Load Balancer oder eine Firewall trennt lange oder untätige Verbindungen.', 'Een proxy, load balancer of firewall verbreekt lange of inactieve verbindingen.'),
      L('The server restarted its application pool.', 'Der Server hat seinen Anwendungspool neu gestartet.', 'De server heeft zijn toepassingsgroep opnieuw gestart.'),
    ],
    fix: L('Retry; if it repeats, check idle timeouts on the proxy or load balancer in front of Exchange.', 'Wiederholen; bei Wiederholung die Leerlauf-Zeitlimits des Proxys oder Load Balancers vor Exchange prüfen.', 'Probeer opnieuw; komt het terug, controleer de inactiviteitstime-outs van de proxy of load balancer voor Exchange.'),
  },
} satisfies Record<string, CatalogueEntry>;
