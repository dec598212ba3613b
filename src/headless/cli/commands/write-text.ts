// Words the import, presence, free/busy and two-way commands print around data, in the catalogue languages.
import { L, type Lang, type Localised } from '../../../core/doctor/catalogue/types.js';
import type { CliContext } from '../context.js';

export const WRITE_TEXT = {
  mailboxLine: L(
    '{mark} {mailbox}: {creates} created, {updates} updated, {deletes} deleted, {unchanged} unchanged',
    '{mark} {mailbox}: {creates} angelegt, {updates} geändert, {deletes} gelöscht, {unchanged} unverändert',
    '{mark} {mailbox}: {creates} aangemaakt, {updates} bijgewerkt, {deletes} verwijderd, {unchanged} ongewijzigd',
  ),
  dryRunLine: L(
    '{mark} {mailbox}: would create {creates}, update {updates}, delete {deletes}; {unchanged} unchanged',
    '{mark} {mailbox}: würde {creates} anlegen, {updates} ändern, {deletes} löschen; {unchanged} unverändert',
    '{mark} {mailbox}: zou {creates} aanmaken, {updates} bijwerken, {deletes} verwijderen; {unchanged} ongewijzigd',
  ),
  importSummary: L(
    'Import {job}: {rows} rows from {documents} source(s), {rowErrors} skipped.',
    'Import {job}: {rows} Zeilen aus {documents} Quelle(n), {rowErrors} übersprungen.',
    'Import {job}: {rows} rijen uit {documents} bron(nen), {rowErrors} overgeslagen.',
  ),
  aborted: L(
    'Stopped before the end; run the import again to finish (nothing is duplicated).',
    'Vor dem Ende angehalten; starten Sie den Import erneut, um ihn abzuschließen (nichts wird doppelt angelegt).',
    'Voor het einde gestopt; voer de import opnieuw uit om af te ronden (er ontstaan geen dubbele items).',
  ),
  dryRun: L('Dry run: nothing was written.', 'Probelauf: nichts wurde geschrieben.', 'Proefrun: er is niets geschreven.'),
  presenceLine: L('{mailbox}: {status} until {until}', '{mailbox}: {status} bis {until}', '{mailbox}: {status} tot {until}'),
  presenceNext: L('    then {status} {start} – {end}', '    dann {status} {start} – {end}', '    daarna {status} {start} – {end}'),
  freeBusyLine: L(
    '{mark} {mailbox}: {blocks} busy blocks',
    '{mark} {mailbox}: {blocks} belegte Zeiträume',
    '{mark} {mailbox}: {blocks} bezette blokken',
  ),
  twoWayLine: L(
    'Rule {rule}: created {ca}/{cb}, updated {ua}/{ub}, deleted {da}/{db} (A/B), {conflicts} conflict(s)',
    'Regel {rule}: angelegt {ca}/{cb}, geändert {ua}/{ub}, gelöscht {da}/{db} (A/B), {conflicts} Konflikt(e)',
    'Regel {rule}: aangemaakt {ca}/{cb}, bijgewerkt {ua}/{ub}, verwijderd {da}/{db} (A/B), {conflicts} conflict(en)',
  ),
  conflictLine: L(
    '  conflict {key}: {winner} won (A: "{a}", B: "{b}")',
    '  Konflikt {key}: {winner} gewinnt (A: „{a}", B: „{b}")',
    '  conflict {key}: {winner} wint (A: "{a}", B: "{b}")',
  ),
} satisfies Record<string, Localised>;

export function say(ctx: CliContext, key: keyof typeof WRITE_TEXT, params: Record<string, string | number> = {}): string {
  const lang: Lang = ctx.lang;
  return WRITE_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
