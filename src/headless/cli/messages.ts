// Words the CLI prints around data (labels, headings, verdicts) in the catalogue languages. Error texts come
// from the error catalogue; this table holds only the CLI's own framing.
import type { Lang } from '../../core/doctor/catalogue.js';

const en = {
  fix: 'Fix',
  evidence: 'Evidence',
  delay: 'Takes effect',
  stored: 'stored',
  notSet: 'not set',
  unreadable: 'unreadable',
  noProfiles: 'No profiles yet. Add one with `calpump profiles add --kind ews --name NAME --url URL --username USER --password-stdin`.',
  brokenProfile: 'Profile entry {field} is invalid: {problem}',
  brokenHint:
    'Fix the file {file}, or repair the entry with `calpump profiles edit {name}` or remove it with `calpump profiles remove {name}`.',
  added: 'Added profile {name} ({id}).',
  updated: 'Updated profile {name}.',
  removed: 'Removed profile {name} and its stored secrets.',
  removedKeptSecrets: 'Removed the profile entry {name}; its id is also used by another entry, so the stored secrets stay with that one.',
  newId:
    'The entry was a copy of another profile\'s id ({from}); it now has an id of its own ({to}) and no secrets yet: store them with `calpump profiles edit "{name}"` and the secret flags (--password-stdin …).',
  secretsReset: "The unreadable secret store was moved to {backup}; enter the other profiles' passwords again.",
  testing: 'Testing profile {profile} with mailbox {mailbox}',
  allPassed: 'All {count} steps passed.',
  someFailed: '{failed} of {count} steps failed.',
  noMailboxes: 'No mailboxes found.',
  mailboxCount: '{count} mailboxes',
  noFolders: 'No folders found.',
  exportItems: '{items} items',
  exportFailedCount: '{failed} of {count} mailboxes failed.',
  dryRun: 'Dry run: nothing was written.',
  serviceInstalled: 'Installed and started the service {id}; logs in {logs}, configuration in {dir}.',
  serviceRemoved: 'Removed the service {id}; {dir} is kept.',
  serviceState: '{id}: {state}',
  serviceMissing: '{id}: not installed',
} as const;

export type CliMessageKey = keyof typeof en;

const de: Record<CliMessageKey, string> = {
  fix: 'Behebung',
  evidence: 'Nachweis',
  delay: 'Wirksam',
  stored: 'gespeichert',
  notSet: 'nicht gesetzt',
  unreadable: 'nicht lesbar',
  noProfiles:
    'Noch keine Profile. Legen Sie eines an mit `calpump profiles add --kind ews --name NAME --url URL --username USER --password-stdin`.',
  brokenProfile: 'Profileintrag {field} ist ungültig: {problem}',
  brokenHint:
    'Korrigieren Sie die Datei {file}, reparieren Sie den Eintrag mit `calpump profiles edit {name}` oder entfernen Sie ihn mit `calpump profiles remove {name}`.',
  added: 'Profil {name} ({id}) angelegt.',
  updated: 'Profil {name} aktualisiert.',
  removed: 'Profil {name} und seine gespeicherten Geheimnisse wurden entfernt.',
  removedKeptSecrets:
    'Der Profileintrag {name} wurde entfernt; seine ID verwendet auch ein anderer Eintrag, deshalb bleiben die gespeicherten Geheimnisse bei diesem.',
  newId:
    'Der Eintrag war eine Kopie der ID eines anderen Profils ({from}); er hat jetzt eine eigene ID ({to}) und noch keine Geheimnisse: speichern Sie sie mit `calpump profiles edit "{name}"` und den Geheimnis-Optionen (--password-stdin …).',
  secretsReset: 'Der nicht lesbare Geheimnisspeicher wurde nach {backup} verschoben; geben Sie die Kennwörter der anderen Profile neu ein.',
  testing: 'Teste Profil {profile} mit Postfach {mailbox}',
  allPassed: 'Alle {count} Schritte erfolgreich.',
  someFailed: '{failed} von {count} Schritten fehlgeschlagen.',
  noMailboxes: 'Keine Postfächer gefunden.',
  mailboxCount: '{count} Postfächer',
  noFolders: 'Keine Ordner gefunden.',
  exportItems: '{items} Elemente',
  exportFailedCount: '{failed} von {count} Postfächern fehlgeschlagen.',
  dryRun: 'Probelauf: nichts wurde geschrieben.',
  serviceInstalled: 'Dienst {id} installiert und gestartet; Protokolle in {logs}, Konfiguration in {dir}.',
  serviceRemoved: 'Dienst {id} entfernt; {dir} bleibt erhalten.',
  serviceState: '{id}: {state}',
  serviceMissing: '{id}: nicht installiert',
};

const nl: Record<CliMessageKey, string> = {
  fix: 'Oplossing',
  evidence: 'Bewijs',
  delay: 'Van kracht',
  stored: 'opgeslagen',
  notSet: 'niet ingesteld',
  unreadable: 'onleesbaar',
  noProfiles:
    'Nog geen profielen. Voeg er een toe met `calpump profiles add --kind ews --name NAAM --url URL --username USER --password-stdin`.',
  brokenProfile: 'Profielvermelding {field} is ongeldig: {problem}',
  brokenHint:
    'Corrigeer het bestand {file}, herstel de vermelding met `calpump profiles edit {name}` of verwijder ze met `calpump profiles remove {name}`.',
  added: 'Profiel {name} ({id}) toegevoegd.',
  updated: 'Profiel {name} bijgewerkt.',
  removed: 'Profiel {name} en de opgeslagen geheimen zijn verwijderd.',
  removedKeptSecrets:
    'De profielvermelding {name} is verwijderd; haar id wordt ook door een andere vermelding gebruikt, dus de opgeslagen geheimen blijven bij die vermelding.',
  newId:
    'De vermelding was een kopie van de id van een ander profiel ({from}); ze heeft nu een eigen id ({to}) en nog geen geheimen: sla ze op met `calpump profiles edit "{name}"` en de geheimopties (--password-stdin …).',
  secretsReset: 'De onleesbare geheimenopslag is verplaatst naar {backup}; voer de wachtwoorden van de andere profielen opnieuw in.',
  testing: 'Profiel {profile} testen met postvak {mailbox}',
  allPassed: 'Alle {count} stappen geslaagd.',
  someFailed: '{failed} van {count} stappen mislukt.',
  noMailboxes: 'Geen postvakken gevonden.',
  mailboxCount: '{count} postvakken',
  noFolders: 'Geen mappen gevonden.',
  exportItems: '{items} items',
  exportFailedCount: '{failed} van {count} postvakken mislukt.',
  dryRun: 'Proefrun: er is niets geschreven.',
  serviceInstalled: 'Service {id} geïnstalleerd en gestart; logboeken in {logs}, configuratie in {dir}.',
  serviceRemoved: 'Service {id} verwijderd; {dir} blijft bewaard.',
  serviceState: '{id}: {state}',
  serviceMissing: '{id}: niet geïnstalleerd',
};

export const cliMessages: Record<Lang, Record<CliMessageKey, string>> = { en, de, nl };

export function cliText(lang: Lang, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return cliMessages[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
