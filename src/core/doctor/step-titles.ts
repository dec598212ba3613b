// What each doctor step is called in the three languages, and why a step was skipped.
import { L, type Lang, type Localised } from './catalogue/types.js';

export const STEP_TITLES = {
  proxy: L('Proxy in use', 'Verwendeter Proxy', 'Gebruikte proxy'),
  'dns.autodiscover': L('DNS: autodiscover host', 'DNS: Autodiscover-Host', 'DNS: autodiscover-host'),
  autodiscover: L('Autodiscover finds the EWS URL', 'Autodiscover findet die EWS-URL', 'Autodiscover vindt de EWS-URL'),
  'dns.host': L('DNS: server name resolves', 'DNS: Servername wird aufgelöst', 'DNS: servernaam wordt gevonden'),
  tcp: L('TCP connection to the port', 'TCP-Verbindung zum Port', 'TCP-verbinding met de poort'),
  'tls.handshake': L('TLS handshake', 'TLS-Handshake', 'TLS-handshake'),
  'tls.validity': L(
    'Certificate is within its validity dates',
    'Zertifikat ist im Gültigkeitszeitraum',
    'Certificaat is binnen de geldigheidsdatums',
  ),
  'tls.trust': L('Certificate chain is trusted', 'Zertifikatskette ist vertrauenswürdig', 'Certificaatketen wordt vertrouwd'),
  'tls.hostname': L('Certificate matches the host name', 'Zertifikat passt zum Hostnamen', 'Certificaat past bij de hostnaam'),
  'http.endpoint': L(
    'EWS endpoint answers (/EWS/Exchange.asmx)',
    'EWS-Endpunkt antwortet (/EWS/Exchange.asmx)',
    'EWS-eindpunt antwoordt (/EWS/Exchange.asmx)',
  ),
  'auth.schemes': L(
    "Server offers the profile's authentication method",
    'Server bietet die Authentifizierung des Profils an',
    'Server biedt de verificatiemethode van het profiel aan',
  ),
  'kerberos.clock': L(
    'Clocks agree within 5 minutes (Kerberos)',
    'Uhren stimmen auf 5 Minuten überein (Kerberos)',
    'Klokken komen binnen 5 minuten overeen (Kerberos)',
  ),
  'kerberos.ticket': L(
    'Kerberos ticket for the server (SPN)',
    'Kerberos-Ticket für den Server (SPN)',
    'Kerberos-ticket voor de server (SPN)',
  ),
  'auth.credentials': L('Credentials accepted', 'Anmeldedaten akzeptiert', 'Aanmeldgegevens geaccepteerd'),
  'ews.version': L('Exchange version (ServerVersionInfo)', 'Exchange-Version (ServerVersionInfo)', 'Exchange-versie (ServerVersionInfo)'),
  'mailbox.access': L('Access to the test mailbox', 'Zugriff auf das Testpostfach', 'Toegang tot het testpostvak'),
  'calendar.folder': L('Calendar folder readable', 'Kalenderordner lesbar', 'Agendamap leesbaar'),
  'calendar.view': L(
    'Calendar view of one day returns',
    'Kalenderansicht eines Tages kommt zurück',
    'Agendaweergave van één dag komt terug',
  ),
  'dns.authority': L('DNS: sign-in authority resolves', 'DNS: Anmeldeautorität wird aufgelöst', 'DNS: aanmeldautoriteit wordt gevonden'),
  authority: L('Sign-in authority reachable', 'Anmeldeautorität erreichbar', 'Aanmeldautoriteit bereikbaar'),
  token: L('Access token obtained', 'Zugriffstoken erhalten', 'Toegangstoken verkregen'),
  'token.permissions': L(
    'Token carries the needed permissions',
    'Token trägt die nötigen Berechtigungen',
    'Token bevat de benodigde machtigingen',
  ),
  'mailbox.read': L(
    'Mailbox readable through Microsoft Graph',
    'Postfach über Microsoft Graph lesbar',
    'Postvak leesbaar via Microsoft Graph',
  ),
  'write.create': L('Test item created in the calendar', 'Testelement im Kalender angelegt', 'Testitem in de agenda aangemaakt'),
  'write.readBack': L(
    'Test item read back by its tag',
    'Testelement über seine Markierung gelesen',
    'Testitem via zijn markering teruggelezen',
  ),
  'write.delete': L(
    'Test item deleted, nothing left behind',
    'Testelement gelöscht, nichts zurückgeblieben',
    'Testitem verwijderd, niets achtergebleven',
  ),
} satisfies Record<string, Localised>;

export type StepId = keyof typeof STEP_TITLES;

const SKIPPED = L(
  'Skipped: needs "{step}", which did not pass.',
  'Übersprungen: braucht „{step}", das nicht bestanden wurde.',
  'Overgeslagen: heeft "{step}" nodig, dat niet geslaagd is.',
);

export function stepTitle(id: StepId, lang: Lang): string {
  return STEP_TITLES[id][lang];
}

export function skippedBecause(blocker: StepId, lang: Lang): string {
  return SKIPPED[lang].replace('{step}', stepTitle(blocker, lang));
}
