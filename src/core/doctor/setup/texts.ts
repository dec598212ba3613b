// Titles and notes of the setup scripts in the three languages. No profile value ever goes into these texts:
// they end up in PowerShell comments, where a line break in a value could start a command.
import { L } from '../catalogue/types.js';

export const SETUP_TEXT = {
  writeEditorTitle: L(
    'Write, least privilege: Editor on the calendars of the group (delegate mode)',
    'Schreiben, geringste Rechte: Editor auf die Kalender der Gruppe (Stellvertretermodus)',
    "Schrijven, minste rechten: Editor op de agenda's van de groep (gedelegeerde modus)",
  ),
  writeImpersonationTitle: L(
    'Write, broader: impersonation limited to the group (impersonation mode)',
    'Schreiben, weiter gefasst: Identitätswechsel auf die Gruppe begrenzt (Identitätswechselmodus)',
    'Schrijven, ruimer: impersonatie beperkt tot de groep (impersonatiemodus)',
  ),
  writeRbacTitle: L(
    'Write, least privilege: Calendars.ReadWrite for the group only (RBAC for Applications)',
    'Schreiben, geringste Rechte: Calendars.ReadWrite nur für die Gruppe (RBAC für Anwendungen)',
    'Schrijven, minste rechten: Calendars.ReadWrite alleen voor de groep (RBAC voor toepassingen)',
  ),
  writeTenantTitle: L(
    'Write, broader: Calendars.ReadWrite consented for the tenant (then limit it with an access policy)',
    'Schreiben, weiter gefasst: Calendars.ReadWrite für den Mandanten zugestimmt (dann per Zugriffsrichtlinie begrenzen)',
    'Schrijven, ruimer: Calendars.ReadWrite voor de tenant toegestaan (beperk het daarna met een toegangsbeleid)',
  ),
  writeOrder: L(
    'Least privilege first: use the first script that fits the profile; the later ones grant more.',
    'Geringste Rechte zuerst: nehmen Sie das erste Skript, das zum Profil passt; die späteren gewähren mehr.',
    'Minste rechten eerst: gebruik het eerste script dat bij het profiel past; de latere geven meer.',
  ),
  writeCheck: L(
    'Then check it: calpump profiles test <profile> --write (creates, reads back and deletes a test item).',
    'Dann prüfen: calpump profiles test <profile> --write (legt ein Testelement an, liest es und löscht es).',
    'Controleer het daarna: calpump profiles test <profile> --write (maakt een testitem aan, leest het terug en verwijdert het).',
  ),
  ems: L('Exchange Management Shell', 'Exchange-Verwaltungsshell', 'Exchange Management Shell'),
  exo: L('Exchange Online PowerShell', 'Exchange Online PowerShell', 'Exchange Online PowerShell'),
  mggraph: L('Microsoft Graph PowerShell', 'Microsoft Graph PowerShell', 'Microsoft Graph PowerShell'),
  mggraphExo: L(
    'Microsoft Graph + Exchange Online PowerShell',
    'Microsoft Graph + Exchange Online PowerShell',
    'Microsoft Graph + Exchange Online PowerShell',
  ),
  impersonationTitle: L(
    'Impersonation limited to a group (on-premises)',
    'Identitätswechsel auf eine Gruppe begrenzt (lokal)',
    'Impersonatie beperkt tot een groep (on-premises)',
  ),
  delegateTitle: L(
    'Reviewer rights on calendars (delegate mode)',
    'Prüfer-Rechte auf Kalender (Stellvertretermodus)',
    "Reviewer-rechten op agenda's (gedelegeerde modus)",
  ),
  appTitle: L(
    'App registration: permissions and admin consent',
    'App-Registrierung: Berechtigungen und Administratorzustimmung',
    'App-registratie: machtigingen en beheerderstoestemming',
  ),
  policyTitle: L(
    'Restrict the app to a group (application access policy)',
    'App auf eine Gruppe beschränken (Anwendungszugriffsrichtlinie)',
    'App beperken tot een groep (toegangsbeleid voor toepassingen)',
  ),
  rbacTitle: L(
    'Restrict the app to a group (RBAC for Applications)',
    'App auf eine Gruppe beschränken (RBAC für Anwendungen)',
    'App beperken tot een groep (RBAC voor toepassingen)',
  ),
  ewsOnlineTitle: L(
    'Legacy EWS on Microsoft 365: permission and EWS allow-list',
    'Altes EWS in Microsoft 365: Berechtigung und EWS-Zulassungsliste',
    'Verouderde EWS op Microsoft 365: machtiging en EWS-toestaanlijst',
  ),
  groupMustExist: L(
    'The scope group must exist and contain the mailboxes Calpump may read.',
    'Die Bereichsgruppe muss existieren und die Postfächer enthalten, die Calpump lesen darf.',
    'De bereikgroep moet bestaan en de postvakken bevatten die Calpump mag lezen.',
  ),
  impersonationDelay: L(
    'A new role assignment takes about 10 minutes to apply.',
    'Eine neue Rollenzuweisung wirkt nach etwa 10 Minuten.',
    'Een nieuwe roltoewijzing werkt na ongeveer 10 minuten.',
  ),
  delegateByType: L(
    'Calendars are found by folder type, so localised names (Kalender, Agenda) work.',
    'Kalender werden über den Ordnertyp gefunden, lokalisierte Namen (Kalender, Agenda) funktionieren also.',
    "Agenda's worden op maptype gevonden, dus vertaalde namen (Kalender, Agenda) werken.",
  ),
  delegateNewMembers: L(
    'Run it again when members join the group: rights are per mailbox.',
    'Führen Sie es erneut aus, wenn Mitglieder hinzukommen: die Rechte gelten je Postfach.',
    'Voer het opnieuw uit als er leden bijkomen: de rechten gelden per postvak.',
  ),
  consentDelay: L(
    'Consent takes a few minutes to reach new tokens.',
    'Die Zustimmung braucht einige Minuten bis in neue Tokens.',
    'Toestemming heeft enkele minuten nodig om in nieuwe tokens te komen.',
  ),
  chooseOne: L(
    'Use one of the two restrictions, not both.',
    'Verwenden Sie eine der beiden Beschränkungen, nicht beide.',
    'Gebruik één van de twee beperkingen, niet beide.',
  ),
  rbacUnscoped: L(
    'With RBAC for Applications, remove the tenant-wide Calendars.Read consent afterwards; otherwise the app still reads every mailbox.',
    'Entfernen Sie bei RBAC für Anwendungen danach die mandantenweite Zustimmung zu Calendars.Read; sonst liest die App weiterhin jedes Postfach.',
    'Verwijder bij RBAC voor toepassingen daarna de tenantbrede toestemming voor Calendars.Read; anders leest de app nog steeds elk postvak.',
  ),
  policyDelay: L(
    'Policy changes take up to 30 minutes (RBAC for Applications up to 2 hours).',
    'Richtlinienänderungen brauchen bis zu 30 Minuten (RBAC für Anwendungen bis zu 2 Stunden).',
    'Beleidswijzigingen duren tot 30 minuten (RBAC voor toepassingen tot 2 uur).',
  ),
  delegatedNoScope: L(
    'This profile signs in as a user: it reads what that user may read, so no app restriction applies.',
    'Dieses Profil meldet sich als Benutzer an: es liest, was dieser Benutzer lesen darf, eine App-Beschränkung greift also nicht.',
    'Dit profiel meldt zich aan als gebruiker: het leest wat die gebruiker mag lezen, dus er geldt geen app-beperking.',
  ),
  ewsRetiring: L(
    'EWS in Exchange Online is retired on 2027-04-01: move this profile to Microsoft Graph before then.',
    'EWS in Exchange Online wird am 01.04.2027 abgeschaltet: stellen Sie dieses Profil vorher auf Microsoft Graph um.',
    'EWS in Exchange Online stopt op 1-4-2027: zet dit profiel daarvoor over naar Microsoft Graph.',
  ),
  allowListBlocks: L(
    'EnforceAllowList blocks every EWS client that is not on the list.',
    'EnforceAllowList sperrt jeden EWS-Client, der nicht auf der Liste steht.',
    'EnforceAllowList blokkeert elke EWS-client die niet op de lijst staat.',
  ),
};
