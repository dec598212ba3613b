// HTTP statuses either backend can meet (mapHttpStatus in src/core/errors/error-map.ts points here). 'http.status' in
// network.ts stays the fallback for any other status.
import { L, type CatalogueEntry, type Localised } from './types.js';

/** "{url} answered HTTP <status>." — the meaning of a status that speaks for itself. */
const answered = (status: string): Localised => L(`{url} answered HTTP ${status}.`, `{url} antwortete HTTP ${status}.`, `{url} antwoordde HTTP ${status}.`);

export const doctorHttpEntries = {
  'http.badRequest': {
    title: L('The server rejected the request (HTTP 400)', 'Der Server lehnte die Anfrage ab (HTTP 400)', 'De server weigerde het verzoek (HTTP 400)'),
    meaning: answered('400 Bad Request'),
    causes: [
      L('A proxy or filter altered the request.', 'Ein Proxy oder Filter hat die Anfrage verändert.', 'Een proxy of filter heeft het verzoek gewijzigd.'),
      L('Headers too large (a big Kerberos/NTLM token) for the server\'s limit.', 'Zu große Header (ein großes Kerberos-/NTLM-Token) für das Serverlimit.', 'Te grote headers (een groot Kerberos-/NTLM-token) voor de servergrens.'),
    ],
    fix: L('Retry without a proxy if possible, and run with --log-level all to see the request (secrets redacted).', 'Wenn möglich ohne Proxy wiederholen und mit --log-level all ausführen, um die Anfrage zu sehen (Geheimnisse geschwärzt).', 'Probeer indien mogelijk zonder proxy en voer uit met --log-level all om het verzoek te zien (geheimen verwijderd).'),
  },
  'http.unauthorized': {
    title: L('The server rejected the credentials (HTTP 401)', 'Der Server lehnte die Anmeldedaten ab (HTTP 401)', 'De server weigerde de aanmeldgegevens (HTTP 401)'),
    meaning: answered('401 Unauthorized'),
    causes: [
      L('Wrong user name or password, or an expired token.', 'Falscher Benutzername oder falsches Kennwort, oder ein abgelaufenes Token.', 'Verkeerde gebruikersnaam of wachtwoord, of een verlopen token.'),
      L('The authentication method is not enabled on the server.', 'Die Authentifizierungsmethode ist am Server nicht aktiviert.', 'De verificatiemethode is niet ingeschakeld op de server.'),
    ],
    fix: L('Check the credentials stored for the profile (`calpump profiles edit`) and run `calpump doctor --profile P`.', 'Prüfen Sie die gespeicherten Anmeldedaten des Profils (`calpump profiles edit`) und führen Sie `calpump doctor --profile P` aus.', 'Controleer de opgeslagen aanmeldgegevens van het profiel (`calpump profiles edit`) en voer `calpump doctor --profile P` uit.'),
  },
  'http.forbidden': {
    title: L('Access forbidden (HTTP 403)', 'Zugriff verboten (HTTP 403)', 'Toegang verboden (HTTP 403)'),
    meaning: answered('403 Forbidden'),
    causes: [
      L('The account is signed in but lacks the right for this resource.', 'Das Konto ist angemeldet, hat aber kein Recht auf diese Ressource.', 'Het account is aangemeld maar heeft geen recht op deze bron.'),
      L('IIS requires SSL or a client certificate, or blocks this client\'s address.', 'IIS verlangt SSL oder ein Clientzertifikat oder sperrt die Adresse dieses Clients.', 'IIS vereist SSL of een clientcertificaat, of blokkeert het adres van deze client.'),
    ],
    fix: L('Grant the missing right (`calpump setup-script --profile P` prints it) and check IIS SSL settings on the virtual directory.', 'Vergeben Sie das fehlende Recht (`calpump setup-script --profile P` gibt es aus) und prüfen Sie die IIS-SSL-Einstellungen des virtuellen Verzeichnisses.', 'Ken het ontbrekende recht toe (`calpump setup-script --profile P` toont het) en controleer de IIS-SSL-instellingen van de virtuele map.'),
    delay: L('Permission changes can take up to 10 minutes to apply.', 'Rechteänderungen können bis zu 10 Minuten brauchen.', 'Wijzigingen in rechten kunnen tot 10 minuten duren.'),
  },
  'http.notFound': {
    title: L('Address not found (HTTP 404)', 'Adresse nicht gefunden (HTTP 404)', 'Adres niet gevonden (HTTP 404)'),
    meaning: answered('404 Not Found'),
    causes: [
      L('A wrong path: EWS lives at /EWS/Exchange.asmx.', 'Ein falscher Pfad: EWS liegt unter /EWS/Exchange.asmx.', 'Een verkeerd pad: EWS staat op /EWS/Exchange.asmx.'),
      L('A reverse proxy does not publish /EWS.', 'Ein Reverse-Proxy veröffentlicht /EWS nicht.', 'Een reverse proxy publiceert /EWS niet.'),
    ],
    fix: L('Correct the URL in the profile, or use autodiscover to find it.', 'Korrigieren Sie die URL im Profil oder ermitteln Sie sie per Autodiscover.', 'Corrigeer de URL in het profiel, of zoek hem op met autodiscover.'),
  },
  'http.methodNotAllowed': {
    title: L('Method not allowed (HTTP 405)', 'Methode nicht erlaubt (HTTP 405)', 'Methode niet toegestaan (HTTP 405)'),
    meaning: L('{url} answered HTTP 405: it does not accept this kind of request.', '{url} antwortete HTTP 405: diese Art von Anfrage wird nicht angenommen.', '{url} antwoordde HTTP 405: dit soort verzoek wordt niet geaccepteerd.'),
    causes: [L('The URL points at a web page or OWA instead of the EWS endpoint.', 'Die URL zeigt auf eine Webseite oder OWA statt auf den EWS-Endpunkt.', 'De URL wijst naar een webpagina of OWA in plaats van naar het EWS-eindpunt.')],
    fix: L('Use https://<server>/EWS/Exchange.asmx as the URL.', 'Verwenden Sie https://<server>/EWS/Exchange.asmx als URL.', 'Gebruik https://<server>/EWS/Exchange.asmx als URL.'),
  },
  'http.proxyAuthRequired': {
    title: L('The proxy requires authentication (HTTP 407)', 'Der Proxy verlangt eine Anmeldung (HTTP 407)', 'De proxy vereist verificatie (HTTP 407)'),
    meaning: L('The proxy in use ({proxy}) answered HTTP 407.', 'Der verwendete Proxy ({proxy}) antwortete HTTP 407.', 'De gebruikte proxy ({proxy}) antwoordde HTTP 407.'),
    causes: [L('No or wrong proxy user name and password in the profile.', 'Fehlender oder falscher Proxy-Benutzername bzw. -Kennwort im Profil.', 'Ontbrekende of verkeerde proxygebruikersnaam en -wachtwoord in het profiel.')],
    fix: L('Set proxy.username and the proxy password in the profile, or bypass the proxy for this host (NO_PROXY, or proxy "none").', 'Setzen Sie proxy.username und das Proxy-Kennwort im Profil oder umgehen Sie den Proxy für diesen Host (NO_PROXY oder Proxy "none").', 'Stel proxy.username en het proxywachtwoord in het profiel in, of omzeil de proxy voor deze host (NO_PROXY, of proxy "none").'),
  },
  'http.payloadTooLarge': {
    title: L('The request was too large (HTTP 413)', 'Die Anfrage war zu groß (HTTP 413)', 'Het verzoek was te groot (HTTP 413)'),
    meaning: answered('413'),
    causes: [L('A batch or item bigger than the server\'s request limit (maxAllowedContentLength, maxReceivedMessageSize).', 'Ein Stapel oder Element über dem Anfragelimit des Servers (maxAllowedContentLength, maxReceivedMessageSize).', 'Een batch of item groter dan de verzoekgrens van de server (maxAllowedContentLength, maxReceivedMessageSize).')],
    fix: L('Write fewer items per run (smaller batch), or raise the limits in the EWS web.config.', 'Schreiben Sie weniger Elemente pro Lauf (kleinerer Stapel) oder erhöhen Sie die Grenzen in der web.config von EWS.', 'Schrijf minder items per run (kleinere batch), of verhoog de grenzen in de web.config van EWS.'),
  },
  'http.throttled': {
    title: L('Too many requests (HTTP 429)', 'Zu viele Anfragen (HTTP 429)', 'Te veel verzoeken (HTTP 429)'),
    meaning: L('{url} answered HTTP 429 and asked to wait {retryAfter} s; retries ran out.', '{url} antwortete HTTP 429 und bat, {retryAfter} s zu warten; die Wiederholungen sind erschöpft.', '{url} antwoordde HTTP 429 en vroeg {retryAfter} s te wachten; de herhalingen zijn op.'),
    causes: [
      L('Too many parallel requests for one mailbox or application.', 'Zu viele parallele Anfragen für ein Postfach oder eine Anwendung.', 'Te veel gelijktijdige verzoeken voor één postvak of toepassing.'),
      L('Other applications share the same limits.', 'Andere Anwendungen teilen dieselben Grenzen.', 'Andere toepassingen delen dezelfde grenzen.'),
    ],
    fix: L('Lower the job\'s concurrency or spread its schedule; Calpump already waits as told by Retry-After.', 'Senken Sie die Parallelität des Jobs oder verteilen Sie den Zeitplan; Calpump wartet bereits wie von Retry-After verlangt.', 'Verlaag de gelijktijdigheid van de taak of spreid het schema; Calpump wacht al zoals Retry-After vraagt.'),
    delay: L('Limits reset within minutes.', 'Die Grenzen werden innerhalb von Minuten zurückgesetzt.', 'De grenzen worden binnen minuten teruggezet.'),
  },
  'http.serverError': {
    title: L('Server error (HTTP 500)', 'Serverfehler (HTTP 500)', 'Serverfout (HTTP 500)'),
    meaning: L('{url} answered HTTP 500 without a usable error.', '{url} antwortete HTTP 500 ohne verwertbare Fehlermeldung.', '{url} antwoordde HTTP 500 zonder bruikbare foutmelding.'),
    causes: [
      L('The EWS application pool is failing (MSExchangeServicesAppPool).', 'Der EWS-Anwendungspool fällt aus (MSExchangeServicesAppPool).', 'De EWS-toepassingsgroep faalt (MSExchangeServicesAppPool).'),
      L('A transient server fault.', 'Ein vorübergehender Serverfehler.', 'Een tijdelijke serverfout.'),
    ],
    fix: L('Retry; if it stays, check the application log on the server and recycle MSExchangeServicesAppPool.', 'Wiederholen; bleibt es, prüfen Sie das Anwendungsprotokoll des Servers und recyceln Sie MSExchangeServicesAppPool.', 'Probeer opnieuw; blijft het, controleer het toepassingslogboek van de server en recycle MSExchangeServicesAppPool.'),
  },
  'http.badGateway': {
    title: L('Bad gateway (HTTP 502)', 'Ungültiges Gateway (HTTP 502)', 'Ongeldige gateway (HTTP 502)'),
    meaning: L('{url} answered HTTP 502: a proxy or load balancer got no valid answer from the server behind it.', '{url} antwortete HTTP 502: ein Proxy oder Load Balancer erhielt keine gültige Antwort vom Server dahinter.', '{url} antwoordde HTTP 502: een proxy of load balancer kreeg geen geldig antwoord van de server erachter.'),
    causes: [L('The Exchange server behind the load balancer is down or restarting.', 'Der Exchange-Server hinter dem Load Balancer ist aus oder startet neu.', 'De Exchange-server achter de load balancer is uit of start opnieuw.')],
    fix: L('Check the load balancer\'s health checks and the Exchange servers behind it; retry.', 'Prüfen Sie die Zustandsprüfungen des Load Balancers und die Exchange-Server dahinter; wiederholen.', 'Controleer de statuscontroles van de load balancer en de Exchange-servers erachter; probeer opnieuw.'),
  },
  'http.unavailable': {
    title: L('Service unavailable (HTTP 503)', 'Dienst nicht verfügbar (HTTP 503)', 'Service niet beschikbaar (HTTP 503)'),
    meaning: answered('503'),
    causes: [
      L('The server is overloaded or throttling (Retry-After).', 'Der Server ist überlastet oder drosselt (Retry-After).', 'De server is overbelast of beperkt (Retry-After).'),
      L('Maintenance or a stopped application pool.', 'Wartung oder ein gestoppter Anwendungspool.', 'Onderhoud of een gestopte toepassingsgroep.'),
    ],
    fix: L('Retry later; lower the job\'s concurrency if it repeats.', 'Später erneut versuchen; bei Wiederholung die Parallelität des Jobs senken.', 'Probeer het later opnieuw; verlaag de gelijktijdigheid als het terugkomt.'),
    delay: L('Usually clears within minutes.', 'Behebt sich meist innerhalb von Minuten.', 'Lost zich meestal binnen minuten op.'),
  },
  'http.gatewayTimeout': {
    title: L('Gateway timeout (HTTP 504)', 'Gateway-Zeitüberschreitung (HTTP 504)', 'Gateway-time-out (HTTP 504)'),
    meaning: L('{url} answered HTTP 504: a proxy or load balancer waited too long for the server.', '{url} antwortete HTTP 504: ein Proxy oder Load Balancer wartete zu lange auf den Server.', '{url} antwoordde HTTP 504: een proxy of load balancer wachtte te lang op de server.'),
    causes: [
      L('A slow request over a large window.', 'Eine langsame Anfrage über ein großes Zeitfenster.', 'Een traag verzoek over een groot venster.'),
      L('The proxy\'s idle timeout is shorter than Exchange needs.', 'Das Leerlauflimit des Proxys ist kürzer, als Exchange braucht.', 'De inactiviteitstime-out van de proxy is korter dan Exchange nodig heeft.'),
    ],
    fix: L('Shorten the job\'s window, or raise the proxy\'s timeout for /EWS.', 'Verkürzen Sie das Fenster des Jobs oder erhöhen Sie das Zeitlimit des Proxys für /EWS.', 'Verkort het venster van de taak, of verhoog de time-out van de proxy voor /EWS.'),
  },
} satisfies Record<string, CatalogueEntry>;
