// The `calpump jobs` messages in the three CLI languages.
import type { CliContext } from '../context.js';

export const JOBS_TEXT = {
  en: {
    none: 'No jobs yet. Add one with `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Added job {name} ({id}).',
    removed: 'Removed job {name}, its sync state and history.',
    removedCopy:
      'Removed the job entry {name}; its id is also used by another entry, so the secret, sync state and history stay with that one.',
    broken: 'Job entry {field} is invalid: {problem}',
    brokenHint:
      'This job does not run until it is fixed; the others run. Correct the file {file}, or remove the entry with `calpump jobs remove {name}` and add it again.',
    summary: '{ok} of {count} mailboxes done, {written} changes written.',
    dry: 'Dry run: nothing was written.',
    skipped: '{total} items left out (counted, never taken as deleted):',
    skippedFirst: '{total} items left out (counted, never taken as deleted); the first {shown}:',
  },
  de: {
    none: 'Noch keine Jobs. Legen Sie einen an mit `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Job {name} ({id}) angelegt.',
    removed: 'Job {name}, sein Sync-Zustand und Verlauf wurden entfernt.',
    removedCopy:
      'Der Jobeintrag {name} wurde entfernt; seine ID verwendet auch ein anderer Eintrag, deshalb bleiben Geheimnis, Sync-Zustand und Verlauf bei diesem.',
    broken: 'Jobeintrag {field} ist ungültig: {problem}',
    brokenHint:
      'Dieser Job läuft erst, wenn er korrigiert ist; die anderen laufen. Korrigieren Sie die Datei {file} oder entfernen Sie den Eintrag mit `calpump jobs remove {name}` und legen Sie ihn neu an.',
    summary: '{ok} von {count} Postfächern fertig, {written} Änderungen geschrieben.',
    dry: 'Probelauf: nichts wurde geschrieben.',
    skipped: '{total} Elemente ausgelassen (gezählt, nie als gelöscht behandelt):',
    skippedFirst: '{total} Elemente ausgelassen (gezählt, nie als gelöscht behandelt); die ersten {shown}:',
  },
  nl: {
    none: 'Nog geen taken. Voeg er een toe met `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Taak {name} ({id}) toegevoegd.',
    removed: 'Taak {name}, de syncstatus en geschiedenis zijn verwijderd.',
    removedCopy:
      'De taakvermelding {name} is verwijderd; haar id wordt ook door een andere vermelding gebruikt, dus geheim, syncstatus en geschiedenis blijven bij die vermelding.',
    broken: 'Taakvermelding {field} is ongeldig: {problem}',
    brokenHint:
      'Deze taak draait pas als ze is gecorrigeerd; de andere draaien wel. Corrigeer het bestand {file}, of verwijder de vermelding met `calpump jobs remove {name}` en voeg ze opnieuw toe.',
    summary: '{ok} van {count} postvakken klaar, {written} wijzigingen geschreven.',
    dry: 'Proefrun: er is niets geschreven.',
    skipped: '{total} items overgeslagen (geteld, nooit als verwijderd beschouwd):',
    skippedFirst: '{total} items overgeslagen (geteld, nooit als verwijderd beschouwd); de eerste {shown}:',
  },
} as const;

export function sayJobs(ctx: CliContext, key: keyof (typeof JOBS_TEXT)['en'], params: Record<string, string | number> = {}): string {
  return JOBS_TEXT[ctx.lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
