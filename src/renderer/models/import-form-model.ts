// The import form: what the user types, the field problems shown before anything is sent, and the job document
// import.plan / import.run take (the host checks it in full with the import job schema).
import type { ImportReportView } from '../../shared/rpc.js';

export const IMPORT_SHOW_AS = ['oof', 'busy', 'tentative', 'free', 'workingElsewhere'] as const;

export interface ImportForm {
  jobId: string;
  sourceKind: 'path' | 'url';
  path: string;
  url: string;
  mailboxes: string;
  mailboxColumn: string;
  showAs: (typeof IMPORT_SHOW_AS)[number];
  reminderOff: boolean;
  reminderMinutes: string;
  category: string;
  defaultSubject: string;
}

export type ImportField = 'jobId' | 'path' | 'url' | 'mailboxes' | 'reminderMinutes';
export type ImportProblem = 'required' | 'name' | 'url' | 'mailboxList' | 'minutes';

export function emptyImportForm(): ImportForm {
  return {
    jobId: 'absences',
    sourceKind: 'path',
    path: '',
    url: '',
    mailboxes: '',
    mailboxColumn: '',
    showAs: 'oof',
    reminderOff: true,
    reminderMinutes: '15',
    category: '',
    defaultSubject: '',
  };
}

export const splitMailboxes = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((v) => v.trim())
    .filter(Boolean);

export function importProblems(f: ImportForm): Partial<Record<ImportField, ImportProblem>> {
  const out: Partial<Record<ImportField, ImportProblem>> = {};
  if (!f.jobId.trim()) out.jobId = 'required';
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(f.jobId.trim())) out.jobId = 'name';
  if (f.sourceKind === 'path' && !f.path.trim()) out.path = 'required';
  if (f.sourceKind === 'url') {
    if (!f.url.trim()) out.url = 'required';
    else if (!/^https?:\/\/\S+$/i.test(f.url.trim())) out.url = 'url';
  }
  if (splitMailboxes(f.mailboxes).some((m) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(m))) out.mailboxes = 'mailboxList';
  if (!f.reminderOff && !/^\d{1,5}$/.test(f.reminderMinutes.trim())) out.reminderMinutes = 'minutes';
  return out;
}

export function jobFromImportForm(f: ImportForm): Record<string, unknown> {
  return {
    id: f.jobId.trim(),
    source: f.sourceKind === 'path' ? { path: f.path.trim() } : { url: f.url.trim() },
    mailboxes: splitMailboxes(f.mailboxes),
    showAs: f.showAs,
    ...(f.reminderOff ? {} : { reminderMinutes: Number(f.reminderMinutes.trim()) }),
    ...(f.category.trim() ? { categories: [f.category.trim()] } : {}),
    ...(f.defaultSubject.trim() ? { defaultSubject: f.defaultSubject.trim() } : {}),
    ...(f.mailboxColumn.trim() ? { columns: { mailbox: f.mailboxColumn.trim() } } : {}),
  };
}

/** Rows for the per-mailbox result table, with a totals row when more than one mailbox is involved. */
export function reportRows(
  r: ImportReportView,
): Array<{ mailbox: string; creates: number; updates: number; deletes: number; unchanged: number; failed: number; total?: boolean }> {
  const rows = r.mailboxes.map((m) => ({
    mailbox: m.mailbox,
    creates: m.creates,
    updates: m.updates,
    deletes: m.deletes,
    unchanged: m.unchanged,
    failed: m.failed,
  }));
  return rows.length > 1 ? [...rows, { mailbox: '', ...r.totals, total: true }] : rows;
}
