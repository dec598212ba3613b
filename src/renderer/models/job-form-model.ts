// The job editor without React: flat string state ↔ the pump's Job, validated by the shared schema, issues
// mapped to the field that shows them. Numbers are typed as text and parsed here, so "abc" in "days back" is
// a field error instead of NaN reaching the host. The webhook secret is write-only, like profile secrets.
import { CONTENT_FORMATS, CONTENT_TARGETS, contentOf, hasOwnOutput, mailboxesOf, targetOf } from '../../shared/job.js';
import type { JobContent } from '../../shared/item-model.js';
import { EVENT_FIELDS, isEventField, type EventField } from '../../shared/event-fields.js';
import { parsePostgresUrl, postgresUrl } from '../../shared/postgres-url.js';
import { jobSchema, type Job } from '../../shared/rpc.js';
import type { MessageKey } from '../../shared/i18n/index.js';

export type MailboxMode = NonNullable<Job['mailboxes']>['mode'];
export type TargetKind = NonNullable<Job['target']>['kind'];
export type ScheduleKind = Job['schedule']['kind'];
export type PrivateMode = Job['filters']['private'];
export type JobFormat = Job['format'];
export type JobTypeChoice = NonNullable<Job['type']>;

export interface JobFormState {
  /** Absent for a new job: the store assigns it. */
  id?: string;
  /** export (default), freebusy, presence or twoway; an import job keeps its type and its import document untouched. */
  jobType: JobTypeChoice;
  /** Parts of a stored job the form does not edit (free/busy options, import document, presence zone), sent back as they were. */
  keep?: Pick<Job, 'freebusy' | 'import' | 'presence'>;
  /** Export jobs: calendar items, contacts or tasks (each with the formats and targets src/shared/job.ts allows it). */
  content: JobContent;
  name: string;
  profile: string;
  mailboxMode: MailboxMode;
  /** One address per line (commas and semicolons also separate). */
  mailboxList: string;
  mailboxSearch: string;
  /** The group's or room list's SMTP address (mailboxMode group / roomList). */
  mailboxGroup: string;
  /** Export jobs: the output of a mailbox the job no longer selects (it left the group): kept or removed. */
  formerMembers: 'keep' | 'remove';
  /** Folder ids or distinguished ids, separated like mailboxes. */
  folders: string;
  includeSubfolders: boolean;
  daysBack: string;
  daysAhead: string;
  privateMode: PrivateMode;
  exclusionMarker: string;
  includeCancelled: boolean;
  includeBody: boolean;
  /** Attendee lists in the output (off: faster on Exchange). */
  includeAttendees: boolean;
  /** Calendar exports to a folder or webhook: the fields written (all ticked = no selection stored). */
  fields: EventField[];
  /** Presence jobs: the saved rule table's name, and the look-ahead in hours ('' = the table's). */
  presenceTable: string;
  presenceLookahead: string;
  /** Two-way jobs: the id of the saved rule they run (its sides name the calendars and profiles). */
  twowayRuleId: string;
  format: JobFormat;
  /** CSV: write formula-like cells as they are (for programs); off: a leading ' so spreadsheets show text. */
  csvKeepFormulas: boolean;
  /** ICS: one VEVENT per series (calendar clients) instead of one per occurrence (displays). */
  icsSeries: boolean;
  targetKind: TargetKind;
  targetPath: string;
  targetUrl: string;
  webhookSecret: string;
  /** PostgreSQL: postgresql://user@host:port/database, the schema, TLS mode, an optional CA file, and the write-only password. */
  postgresUrl: string;
  postgresSchema: string;
  postgresTls: 'verify' | 'off';
  postgresCaFile: string;
  postgresPassword: string;
  scheduleKind: ScheduleKind;
  intervalMinutes: string;
  cron: string;
  scheduleActive: boolean;
  concurrency: string;
}

export type JobFieldId = Exclude<keyof JobFormState, 'id' | 'keep'>;
export type JobFieldErrors = Partial<Record<JobFieldId, MessageKey>>;

export interface JobSubmit {
  job: Job;
  /** Only a secret typed now; omitted keeps the stored one. */
  secrets: { webhookSecret?: string; postgresPassword?: string };
}

export function emptyJobForm(profile = ''): JobFormState {
  return {
    jobType: 'export',
    content: 'calendar',
    name: '',
    profile,
    mailboxMode: 'list',
    mailboxList: '',
    mailboxSearch: '',
    mailboxGroup: '',
    formerMembers: 'keep',
    folders: 'calendar',
    includeSubfolders: false,
    daysBack: '7',
    daysAhead: '90',
    privateMode: 'mask',
    exclusionMarker: '',
    includeCancelled: true,
    includeBody: false,
    includeAttendees: true,
    fields: [...EVENT_FIELDS],
    presenceTable: 'default',
    presenceLookahead: '',
    twowayRuleId: '',
    format: 'ics',
    csvKeepFormulas: false,
    icsSeries: false,
    targetKind: 'folder',
    targetPath: '',
    targetUrl: '',
    webhookSecret: '',
    postgresUrl: '',
    postgresSchema: 'public',
    postgresTls: 'verify',
    postgresCaFile: '',
    postgresPassword: '',
    scheduleKind: 'manual',
    intervalMinutes: '60',
    cron: '0 * * * *',
    scheduleActive: true,
    concurrency: '8',
  };
}

export function jobFormFromJob(j: Job): JobFormState {
  const f = emptyJobForm(j.profile);
  f.id = j.id;
  f.jobType = j.type ?? 'export';
  f.keep = {
    ...(j.freebusy ? { freebusy: j.freebusy } : {}),
    ...(j.import ? { import: j.import } : {}),
    ...(j.presence ? { presence: j.presence } : {}),
  };
  f.content = contentOf(j);
  f.name = j.name;
  // Import jobs have neither: their import document names the mailboxes and they write into them.
  const mailboxes = mailboxesOf(j);
  if (mailboxes) f.mailboxMode = mailboxes.mode;
  if (mailboxes?.mode === 'list') f.mailboxList = mailboxes.list.join('\n');
  if (mailboxes?.mode === 'search') f.mailboxSearch = mailboxes.search;
  if (mailboxes?.mode === 'group') f.mailboxGroup = mailboxes.group;
  if (mailboxes?.mode === 'roomList') f.mailboxGroup = mailboxes.roomList;
  f.formerMembers = j.formerMembers ?? 'keep';
  f.folders = j.folders.ids.join('\n');
  f.includeSubfolders = j.folders.includeSubfolders;
  f.daysBack = String(j.window.daysBack);
  f.daysAhead = String(j.window.daysAhead);
  f.privateMode = j.filters.private;
  f.exclusionMarker = j.filters.exclusionMarker ?? '';
  f.includeCancelled = j.filters.includeCancelled;
  f.includeBody = j.filters.includeBody;
  f.includeAttendees = j.filters.includeAttendees;
  // A broken entry (Home's "Open in job editor") may hold anything here: its known names are shown.
  if (Array.isArray(j.fields)) f.fields = (j.fields as unknown[]).filter((x): x is EventField => typeof x === 'string' && isEventField(x));
  if (j.presence) {
    f.presenceTable = j.presence.table;
    f.presenceLookahead = j.presence.lookaheadHours === undefined ? '' : String(j.presence.lookaheadHours);
  }
  if (j.twoway) f.twowayRuleId = j.twoway.ruleId;
  f.format = j.format;
  f.csvKeepFormulas = j.csv?.keepFormulas === true;
  f.icsSeries = j.ics?.series === true;
  const target = targetOf(j);
  if (target) f.targetKind = target.kind;
  if (target?.kind === 'webhook') f.targetUrl = target.url;
  else if (target?.kind === 'postgres') {
    f.postgresUrl = postgresUrl(target);
    f.postgresSchema = target.schema;
    f.postgresTls = target.tls;
    f.postgresCaFile = target.caFile ?? '';
  } else if (target) f.targetPath = target.path;
  f.scheduleKind = j.schedule.kind;
  if (j.schedule.kind === 'interval') f.intervalMinutes = String(j.schedule.minutes);
  if (j.schedule.kind === 'cron') f.cron = j.schedule.cron;
  if (j.schedule.kind !== 'manual') f.scheduleActive = j.schedule.active;
  f.concurrency = String(j.concurrency);
  return f;
}

export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function int(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function jobCandidate(f: JobFormState): Record<string, unknown> {
  return {
    id: f.id ?? 'new',
    ...(f.jobType !== 'export' ? { type: f.jobType } : {}),
    ...(f.jobType === 'freebusy' && f.keep?.freebusy ? { freebusy: f.keep.freebusy } : {}),
    ...(f.jobType === 'import' && f.keep?.import ? { import: f.keep.import } : {}),
    ...(f.jobType === 'presence'
      ? {
          presence: {
            ...f.keep?.presence,
            table: f.presenceTable.trim(),
            lookaheadHours: f.presenceLookahead.trim() ? int(f.presenceLookahead) : undefined,
          },
        }
      : {}),
    ...(f.jobType === 'twoway' && f.twowayRuleId.trim() ? { twoway: { ruleId: f.twowayRuleId.trim() } } : {}),
    ...(f.jobType === 'export' && f.content !== 'calendar' ? { content: f.content } : {}),
    name: f.name.trim(),
    profile: f.profile,
    // Import jobs take their mailboxes from the import document, two-way jobs from their rule; neither has a
    // target (the schema drops both).
    ...(!hasOwnOutput({ type: f.jobType })
      ? {}
      : {
          mailboxes:
            f.mailboxMode === 'list'
              ? { mode: 'list', list: splitList(f.mailboxList) }
              : f.mailboxMode === 'search'
                ? { mode: 'search', search: f.mailboxSearch.trim() }
                : f.mailboxMode === 'group'
                  ? { mode: 'group', group: f.mailboxGroup.trim() }
                  : f.mailboxMode === 'roomList'
                    ? { mode: 'roomList', roomList: f.mailboxGroup.trim() }
                    : { mode: 'allRooms' },
          ...(f.jobType === 'export' && f.formerMembers === 'remove' ? { formerMembers: 'remove' } : {}),
          target: targetCandidate(f),
        }),
    folders: { ids: splitList(f.folders), includeSubfolders: f.includeSubfolders },
    window: { daysBack: int(f.daysBack), daysAhead: int(f.daysAhead) },
    filters: {
      private: f.privateMode,
      exclusionMarker: f.exclusionMarker.trim() || undefined,
      includeCancelled: f.includeCancelled,
      includeBody: f.includeBody,
      includeAttendees: f.includeAttendees,
    },
    ...(fieldsApply(f) && f.fields.length < EVENT_FIELDS.length ? { fields: f.fields } : {}),
    // A presence job always writes <mailbox>.json.
    format: f.jobType === 'presence' ? 'json' : f.format,
    ...(f.format === 'csv' && f.jobType !== 'presence' && f.csvKeepFormulas ? { csv: { keepFormulas: true } } : {}),
    ...(f.format === 'ics' && readContent(f) === 'calendar' && f.jobType === 'export' && f.targetKind === 'folder' && f.icsSeries
      ? { ics: { series: true } }
      : {}),
    schedule:
      f.scheduleKind === 'interval'
        ? { kind: 'interval', minutes: int(f.intervalMinutes), active: f.scheduleActive }
        : f.scheduleKind === 'cron'
          ? { kind: 'cron', cron: f.cron.trim(), active: f.scheduleActive }
          : { kind: 'manual' },
    concurrency: int(f.concurrency),
  };
}

/** Whether the job can narrow its fields: calendar exports to a folder or a webhook (databases keep fixed columns). */
export function fieldsApply(f: Pick<JobFormState, 'jobType' | 'content' | 'targetKind'>): boolean {
  return readContent(f) === 'calendar' && f.jobType === 'export' && (f.targetKind === 'folder' || f.targetKind === 'webhook');
}

function targetCandidate(f: JobFormState): Record<string, unknown> {
  if (f.targetKind === 'webhook') return { kind: 'webhook', url: f.targetUrl.trim() };
  if (f.targetKind !== 'postgres') return { kind: f.targetKind, path: f.targetPath.trim() };
  const url = parsePostgresUrl(f.postgresUrl);
  return {
    kind: 'postgres',
    // An unreadable URL leaves the connection fields out, so the schema reports them (on the URL field).
    ...(url.ok ? url.value : {}),
    schema: f.postgresSchema.trim(),
    tls: f.postgresTls,
    ...(f.postgresCaFile.trim() ? { caFile: f.postgresCaFile.trim() } : {}),
  };
}

const POSTGRES_FIELDS: Record<string, JobFieldId> = { schema: 'postgresSchema', tls: 'postgresTls', caFile: 'postgresCaFile' };

const PATH_FIELDS: Record<string, (f: JobFormState, sub: string) => JobFieldId> = {
  name: () => 'name',
  content: () => 'content',
  profile: () => 'profile',
  mailboxes: (f) =>
    f.mailboxMode === 'search'
      ? 'mailboxSearch'
      : f.mailboxMode === 'group' || f.mailboxMode === 'roomList'
        ? 'mailboxGroup'
        : 'mailboxList',
  folders: () => 'folders',
  window: (_f, sub) => (sub === 'daysAhead' ? 'daysAhead' : 'daysBack'),
  filters: () => 'exclusionMarker',
  fields: () => 'fields',
  format: () => 'format',
  target: (f, sub) =>
    f.targetKind === 'webhook' ? 'targetUrl' : f.targetKind === 'postgres' ? (POSTGRES_FIELDS[sub] ?? 'postgresUrl') : 'targetPath',
  schedule: (f) => (f.scheduleKind === 'cron' ? 'cron' : 'intervalMinutes'),
  concurrency: () => 'concurrency',
  presence: (_f, sub) => (sub === 'lookaheadHours' ? 'presenceLookahead' : 'presenceTable'),
  twoway: () => 'twowayRuleId',
};

const MESSAGES: Partial<Record<JobFieldId, MessageKey>> = {
  name: 'validation.jobName',
  mailboxList: 'validation.mailboxList',
  mailboxGroup: 'validation.email',
  daysBack: 'validation.days',
  daysAhead: 'validation.daysAhead',
  targetUrl: 'validation.webhookUrl',
  targetPath: 'validation.absolutePath',
  postgresUrl: 'validation.postgresUrl',
  postgresTls: 'validation.postgresTls',
  postgresCaFile: 'validation.absolutePath',
  intervalMinutes: 'validation.interval',
  cron: 'validation.cron',
  concurrency: 'validation.concurrency',
  presenceLookahead: 'validation.invalid',
  fields: 'validation.fields',
};

export type JobValidation = { ok: true; value: JobSubmit } | { ok: false; errors: JobFieldErrors };

export function validateJobForm(f: JobFormState): JobValidation {
  const parsed = jobSchema.safeParse(jobCandidate(f));
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
  if (!targetKindsFor(f).includes(f.targetKind)) errors.targetKind ??= 'validation.contentTarget';
  // A free/busy job writes one file per mailbox; the runner refuses other targets.
  if ((f.jobType === 'freebusy' || f.jobType === 'presence') && f.targetKind !== 'folder')
    errors.targetKind ??= 'validation.freebusyTarget';
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const own = hasOwnOutput({ type: f.jobType });
  const secrets = {
    ...(own && f.targetKind === 'webhook' && f.webhookSecret ? { webhookSecret: f.webhookSecret } : {}),
    ...(own && f.targetKind === 'postgres' && f.postgresPassword ? { postgresPassword: f.postgresPassword } : {}),
  };
  return { ok: true, value: { job: parsed.data, secrets } };
}

/** What the job reads: only export jobs read contacts or tasks. */
const readContent = (f: Pick<JobFormState, 'jobType' | 'content'>): JobContent => (f.jobType === 'export' ? f.content : 'calendar');

/** File formats the editor offers for the job's content (src/shared/job.ts CONTENT_FORMATS). */
export function formatsFor(f: Pick<JobFormState, 'jobType' | 'content'>): readonly JobFormat[] {
  return CONTENT_FORMATS[readContent(f)];
}

/** Targets the editor offers for the job's content (src/shared/job.ts CONTENT_TARGETS). */
export function targetKindsFor(f: Pick<JobFormState, 'jobType' | 'content'>): readonly TargetKind[] {
  return CONTENT_TARGETS[readContent(f)];
}

/**
 * The form after choosing what the job reads: folders that were the old content's default become the new one's
 * (the distinguished 'contacts', 'tasks' or 'calendar'), and a format or target the new content cannot take moves
 * to the first one it can.
 */
export function withContent(f: JobFormState, content: JobContent): JobFormState {
  const next = { ...f, content };
  const ids = splitList(f.folders);
  if (ids.length === 0 || (ids.length === 1 && ids[0].toLowerCase() === readContent(f))) next.folders = content;
  const formats = formatsFor(next);
  if (!formats.includes(next.format)) next.format = formats[0];
  const targets = targetKindsFor(next);
  if (!targets.includes(next.targetKind)) next.targetKind = targets[0];
  return next;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map((x) => String(x)) : undefined);

/**
 * The form for a jobs.json entry that does not validate (Home's "Open in job editor"): every value as stored, so the
 * wrong one shows in its field to be corrected; parts missing or of the wrong shape start from the defaults.
 */
export function jobFormFromEntry(entry: Record<string, unknown>): JobFormState {
  const empty = emptyJobForm();
  const mailboxes = record(entry.mailboxes);
  const folders = record(entry.folders);
  const filled = {
    ...entry,
    id: typeof entry.id === 'string' ? entry.id : undefined,
    mailboxes: { ...mailboxes, mode: mailboxes.mode ?? 'list', list: stringList(mailboxes.list) ?? [] },
    folders: { includeSubfolders: false, ...folders, ids: stringList(folders.ids) ?? ['calendar'] },
    window: { daysBack: 7, daysAhead: 90, ...record(entry.window) },
    filters: { private: 'mask', includeCancelled: true, includeBody: false, includeAttendees: true, ...record(entry.filters) },
    target: { kind: 'folder', path: '', ...record(entry.target) },
    schedule: { kind: 'manual', ...record(entry.schedule) },
    format: entry.format ?? 'ics',
    concurrency: entry.concurrency ?? 8,
  } as unknown as Job;
  const f = jobFormFromJob(filled);
  // A value of the wrong type (a number where text belongs) is shown as text, to be corrected like any other.
  const out = f as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(empty)) {
    const now = out[k];
    if (typeof v === 'string' && typeof now !== 'string') out[k] = now === undefined || now === null ? '' : JSON.stringify(now);
    if (typeof v === 'boolean' && typeof out[k] !== 'boolean') out[k] = v;
    if (out[k] === 'undefined') out[k] = '';
  }
  return f;
}

/** The form field a stored entry's problem is about ("jobs[1].target.path" → targetPath); undefined when none shows it. */
export function jobFieldOf(f: JobFormState, problemField: string): JobFieldId | undefined {
  const [head, sub] = problemField.replace(/^jobs\[\d+\]\.?/, '').split('.');
  return head ? PATH_FIELDS[head]?.(f, sub ?? '') : undefined;
}
