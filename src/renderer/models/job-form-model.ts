// The job editor without React: flat string state ↔ JobSpec (the RPC shape), validated by the shared schema,
// issues mapped to the field that shows them. Numbers are typed as text and parsed here, so "abc" in
// "days back" is a field error instead of NaN reaching the host.
import { jobSpecSchema, type JobSpec } from '../../shared/rpc.js';
import type { MessageKey } from '../../shared/i18n/index.js';

export type MailboxMode = JobSpec['mailboxes']['mode'];
export type TargetKind = JobSpec['target']['kind'];
export type ScheduleKind = JobSpec['schedule']['kind'];
export type PrivateMode = JobSpec['filters']['private'];
export type JobFormat = JobSpec['format'];

export interface JobFormState {
  id: string;
  name: string;
  profileId: string;
  mailboxMode: MailboxMode;
  /** One address per line (commas and semicolons also separate). */
  mailboxList: string;
  mailboxSearch: string;
  mailboxGroup: string;
  folder: string;
  includeSubfolders: boolean;
  daysBack: string;
  daysAhead: string;
  privateMode: PrivateMode;
  exclusionMarker: string;
  format: JobFormat;
  targetKind: TargetKind;
  targetPath: string;
  targetUrl: string;
  scheduleKind: ScheduleKind;
  intervalMinutes: string;
  cron: string;
  enabled: boolean;
}

export type JobFieldId = Exclude<keyof JobFormState, 'id'>;
export type JobFieldErrors = Partial<Record<JobFieldId, MessageKey>>;

export function emptyJobForm(id: string, profileId = ''): JobFormState {
  return {
    id,
    name: '',
    profileId,
    mailboxMode: 'list',
    mailboxList: '',
    mailboxSearch: '',
    mailboxGroup: '',
    folder: 'calendar',
    includeSubfolders: false,
    daysBack: '7',
    daysAhead: '30',
    privateMode: 'mask',
    exclusionMarker: '',
    format: 'ics',
    targetKind: 'folder',
    targetPath: '',
    targetUrl: '',
    scheduleKind: 'manual',
    intervalMinutes: '60',
    cron: '0 * * * *',
    enabled: true,
  };
}

export function jobFormFromSpec(j: JobSpec): JobFormState {
  const f = emptyJobForm(j.id, j.profileId);
  f.name = j.name;
  f.mailboxMode = j.mailboxes.mode;
  if (j.mailboxes.mode === 'list') f.mailboxList = j.mailboxes.list.join('\n');
  if (j.mailboxes.mode === 'search') f.mailboxSearch = j.mailboxes.search;
  if (j.mailboxes.mode === 'group') f.mailboxGroup = j.mailboxes.group;
  f.folder = j.folders.folder;
  f.includeSubfolders = j.folders.includeSubfolders;
  f.daysBack = String(j.window.daysBack);
  f.daysAhead = String(j.window.daysAhead);
  f.privateMode = j.filters.private;
  f.exclusionMarker = j.filters.exclusionMarker ?? '';
  f.format = j.format;
  f.targetKind = j.target.kind;
  if (j.target.kind === 'webhook') f.targetUrl = j.target.url;
  else f.targetPath = j.target.path;
  f.scheduleKind = j.schedule.kind;
  if (j.schedule.kind === 'interval') f.intervalMinutes = String(j.schedule.minutes);
  if (j.schedule.kind === 'cron') f.cron = j.schedule.expression;
  f.enabled = j.enabled;
  return f;
}

export function splitMailboxes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

function int(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function jobCandidate(f: JobFormState): Record<string, unknown> {
  return {
    id: f.id,
    name: f.name.trim(),
    profileId: f.profileId,
    mailboxes:
      f.mailboxMode === 'list'
        ? { mode: 'list', list: splitMailboxes(f.mailboxList) }
        : f.mailboxMode === 'search'
          ? { mode: 'search', search: f.mailboxSearch.trim() }
          : { mode: 'group', group: f.mailboxGroup.trim() },
    folders: { folder: f.folder.trim(), includeSubfolders: f.includeSubfolders },
    window: { daysBack: int(f.daysBack), daysAhead: int(f.daysAhead) },
    filters: { private: f.privateMode, exclusionMarker: f.exclusionMarker.trim() || undefined },
    format: f.format,
    target: f.targetKind === 'webhook' ? { kind: 'webhook', url: f.targetUrl.trim() } : { kind: f.targetKind, path: f.targetPath.trim() },
    schedule:
      f.scheduleKind === 'interval'
        ? { kind: 'interval', minutes: int(f.intervalMinutes) }
        : f.scheduleKind === 'cron'
          ? { kind: 'cron', expression: f.cron.trim() }
          : { kind: 'manual' },
    enabled: f.enabled,
  };
}

const PATH_FIELDS: Record<string, (f: JobFormState, sub: string) => JobFieldId> = {
  name: () => 'name',
  profileId: () => 'profileId',
  mailboxes: (f) => (f.mailboxMode === 'list' ? 'mailboxList' : f.mailboxMode === 'search' ? 'mailboxSearch' : 'mailboxGroup'),
  folders: () => 'folder',
  window: (_f, sub) => (sub === 'daysAhead' ? 'daysAhead' : 'daysBack'),
  filters: () => 'exclusionMarker',
  format: () => 'format',
  target: (f) => (f.targetKind === 'webhook' ? 'targetUrl' : 'targetPath'),
  schedule: (f) => (f.scheduleKind === 'cron' ? 'cron' : 'intervalMinutes'),
};

const MESSAGES: Partial<Record<JobFieldId, MessageKey>> = {
  mailboxList: 'validation.mailboxList',
  daysBack: 'validation.days',
  daysAhead: 'validation.days',
  targetUrl: 'validation.webhookUrl',
  intervalMinutes: 'validation.interval',
  cron: 'validation.cron',
  name: 'validation.jobName',
};

export type JobValidation = { ok: true; value: JobSpec } | { ok: false; errors: JobFieldErrors };

export function validateJobForm(f: JobFormState): JobValidation {
  const parsed = jobSpecSchema.safeParse(jobCandidate(f));
  const errors: JobFieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path.map(String);
      const field = PATH_FIELDS[head]?.(f, sub) ?? 'name';
      if (errors[field]) continue;
      const raw = f[field];
      errors[field] = typeof raw === 'string' && raw.trim() === '' ? 'validation.required' : (MESSAGES[field] ?? 'validation.invalid');
    }
  }
  if (f.mailboxMode === 'list' && !errors.mailboxList && splitMailboxes(f.mailboxList).some((m) => !m.includes('@'))) {
    errors.mailboxList = 'validation.mailboxList';
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
