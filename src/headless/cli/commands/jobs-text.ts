// The `calpump jobs` messages in the three CLI languages.
import type { CliContext } from '../context.js';

export const JOBS_TEXT = {
  en: {
    none: 'No jobs yet. Add one with `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Added job {name} ({id}).',
    removed: 'Removed job {name}, its sync state and history.',
    summary: '{ok} of {count} mailboxes done, {written} changes written.',
    dry: 'Dry run: nothing was written.',
  },
  de: {
    none: 'Noch keine Jobs. Legen Sie einen an mit `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Job {name} ({id}) angelegt.',
    removed: 'Job {name}, sein Sync-Zustand und Verlauf wurden entfernt.',
    summary: '{ok} von {count} Postfächern fertig, {written} Änderungen geschrieben.',
    dry: 'Probelauf: nichts wurde geschrieben.',
  },
  nl: {
    none: 'Nog geen taken. Voeg er een toe met `calpump jobs add --name N --profile P --mailbox M --out DIR`.',
    added: 'Taak {name} ({id}) toegevoegd.',
    removed: 'Taak {name}, de syncstatus en geschiedenis zijn verwijderd.',
    summary: '{ok} van {count} postvakken klaar, {written} wijzigingen geschreven.',
    dry: 'Proefrun: er is niets geschreven.',
  },
} as const;

export function sayJobs(ctx: CliContext, key: keyof (typeof JOBS_TEXT)['en'], params: Record<string, string | number> = {}): string {
  return JOBS_TEXT[ctx.lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
