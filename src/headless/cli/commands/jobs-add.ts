// `calpump jobs add`: one job of any type. Everything is checked now (mailbox selection, target, schedule, the
// import file, the presence rule table, the two-way rule), so a mistake is an exit-2 message here rather than a failed run at 3am.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { importJobSchema } from '../../../core/import/import-job.js';
import { JobStore } from '../../../core/store/job-store.js';
import { PresenceRuleStore } from '../../../core/store/presence-rule-store.js';
import { TwoWayRuleStore } from '../../../core/store/twoway-rule-store.js';
import { jobSecretKey } from '../../../shared/job.js';
import { parsePostgresUrl } from '../../../shared/postgres-url.js';
import type { CliContext } from '../context.js';
import { collectList, fieldsOf, fieldsOption, positiveInt } from './parse.js';
import { sayJobs as say } from './jobs-text.js';
import { deprecatedAlias } from './vocabulary.js';
import { omit } from '../../../shared/omit.js';
import { firstIssue, formatPath, issueProblem } from '../../../core/store/zod-issues.js';

interface AddFlags {
  type: 'export' | 'freebusy' | 'import' | 'presence' | 'twoway';
  ruleId?: string;
  table?: string;
  lookaheadHours?: number;
  timeZone?: string;
  attendees?: boolean;
  fields?: string[];
  jobFile?: string;
  includeFree?: boolean;
  merge?: boolean;
  name: string;
  profile?: string;
  mailbox?: string[];
  search?: string;
  rooms?: boolean;
  group?: string;
  roomList?: string;
  formerMembers?: 'keep' | 'remove';
  folder?: string[];
  includeSubfolders?: boolean;
  daysBack: number;
  daysAhead: number;
  private: 'include' | 'skip' | 'mask';
  excludeMarker?: string;
  showAs?: string[];
  skipCancelled?: boolean;
  includeBody?: boolean;
  format?: 'ics' | 'json' | 'csv' | 'vcard';
  content?: 'calendar' | 'contacts' | 'tasks';
  csvKeepFormulas?: boolean;
  icsSeries?: boolean;
  out?: string;
  webhook?: string;
  batchSize?: number;
  webhookSecretStdin?: boolean;
  webhookSecretEnv?: string;
  sqlite?: string;
  postgres?: string;
  postgresSchema?: string;
  postgresTls: 'verify' | 'off';
  caFile?: string;
  postgresPasswordStdin?: boolean;
  postgresPasswordEnv?: string;
  every?: number;
  cron?: string;
  paused?: boolean;
  concurrency: number;
  json?: boolean;
}

export function registerAdd(jobs: Command, ctx: CliContext): void {
  const command = jobs
    .command('add')
    .description('add a job; give one target: --out DIR, --webhook URL, --sqlite FILE or --postgres URL (import jobs: none)')
    .requiredOption('--name <name>', 'job name')
    .addOption(
      new Option(
        '--type <type>',
        'export: calendar items; freebusy: busy blocks only (no read right needed; needs --out); import: rows written into calendars (needs --job-file; mailboxes come from its file, no target); presence: status now and next per mailbox as <mailbox>.json (needs --out); twoway: a saved two-way rule run on the schedule (needs --rule-id; calendars and profiles come from the rule, no target)',
      )
        .choices(['export', 'freebusy', 'import', 'presence', 'twoway'])
        .default('export'),
    )
    .option('--rule-id <id>', 'twoway: the saved two-way rule to run (see `calpump twoway --list`)')
    .option('--job-file <file>', 'import: the import job file (JSON, as `calpump import --job-file` reads)')
    .option('--include-free', 'freebusy: also write free blocks')
    .option('--no-merge', 'freebusy: keep overlapping blocks of the same status apart')
    .addOption(
      new Option('--table <name>', 'presence: the saved rule table to apply (see `calpump presence --list`)').default(
        undefined,
        '"default", the built-in table until you save your own',
      ),
    )
    .addOption(
      new Option('--lookahead-hours <n>', 'presence: how far ahead upcoming changes reach')
        .argParser(positiveInt('--lookahead-hours'))
        .default(undefined, "the table's, 24"),
    )
    .addOption(new Option('--time-zone <zone>', 'presence: zone for all-day items whose own zone is unknown').default(undefined, 'UTC'))
    .option('--profile <profile>', 'profile name or id; required except for twoway, where it only stands in for a rule side naming none')
    .option('--mailbox <smtp>', 'mailbox address; repeat or separate with commas', collectList)
    .option('--search <text>', 'every mailbox the directory search finds for this text')
    .option('--rooms', 'every room mailbox')
    .option('--group <smtp>', 'every member of this distribution or security group, nested groups included; read again at every run')
    .option('--room-list <smtp>', 'every room of this room list; read again at every run')
    .addOption(
      new Option('--former-members <policy>', 'output of a mailbox the job no longer selects (left the group): keep it or remove it')
        .choices(['keep', 'remove'])
        .default(undefined, 'keep'),
    )
    .addOption(
      new Option(
        '--content <content>',
        'export: what to read; contacts and tasks are read in full (no window) into any target (--out: json or csv; contacts also vcard, tasks also ics)',
      )
        .choices(['calendar', 'contacts', 'tasks'])
        .default(undefined, 'calendar'),
    )
    .addOption(
      new Option('--folder <folder>', "'calendar', 'contacts', 'tasks' or a folder id; repeatable")
        .argParser(collectList)
        .default(undefined, 'the --content kind, calendar'),
    )
    .option('--include-subfolders', 'also export calendar subfolders')
    .option('--days-back <n>', 'days before today', positiveInt('--days-back', { allowZero: true }), 7)
    .option('--days-ahead <n>', 'days after today', positiveInt('--days-ahead'), 90)
    .addOption(
      new Option('--private <mode>', 'private items: keep, leave out, or mask as "Private appointment"')
        .choices(['include', 'skip', 'mask'])
        .default('mask'),
    )
    .option('--exclude-marker <text>', 'leave out items whose subject contains this text (e.g. "##")')
    .option('--show-as <status>', 'only these free/busy states (busy,oof,tentative,free,workingElsewhere,unknown); repeatable', collectList)
    .option('--skip-cancelled', 'leave out cancelled items')
    .option('--include-body', 'include item bodies (large, may be confidential)')
    .option('--no-attendees', 'leave attendee lists out (faster on Exchange; door signs need no attendees)')
    .addOption(fieldsOption())
    .addOption(
      new Option(
        '--format <format>',
        'file format for --out (freebusy: ics = VFREEBUSY; contacts: json, csv or vcard = vCard 4; tasks: json, csv or ics = VTODO)',
      )
        .choices(['ics', 'json', 'csv', 'vcard'])
        .default(undefined, 'ics; contacts and tasks: json'),
    )
    .option(
      '--csv-keep-formulas',
      "csv: write cells starting with = + - @ tab or CR as they are, for programs; without it they get a leading ' so spreadsheets show them as text",
    )
    .option(
      '--ics-series',
      'ics: one VEVENT per series (RRULE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE), as calendar clients import; without it one VEVENT per occurrence, for displays',
    )
    .option('--out <dir>', 'target: one file per mailbox-folder in this folder')
    .option('--webhook <url>', 'target: batched JSON POSTs to this https URL')
    .addOption(new Option('--batch-size <n>', 'webhook: changes per POST').argParser(positiveInt('--batch-size')).default(undefined, '100'))
    .option('--webhook-secret-stdin', 'webhook: read the signing secret from stdin')
    .option('--webhook-secret-env <var>', 'webhook: read the signing secret from this environment variable')
    .option('--sqlite <file>', 'target: a SQLite database file')
    .option('--postgres <url>', 'target: a PostgreSQL database, as postgresql://user@host:port/database (no password in it)')
    .addOption(
      new Option('--postgres-schema <name>', 'postgres: the schema that holds the tables (created when missing)').default(
        undefined,
        'public',
      ),
    )
    .addOption(
      new Option('--postgres-tls <mode>', 'postgres: verify = TLS with the server certificate checked; off = plain, only to this machine')
        .choices(['verify', 'off'])
        .default('verify'),
    )
    .option('--ca-file <pem>', 'postgres: trust this CA (PEM) for the server certificate; verification stays on')
    .option('--postgres-password-stdin', 'postgres: read the password from stdin')
    .option('--postgres-password-env <var>', 'postgres: read the password from this environment variable')
    .option('--every <minutes>', 'run every N minutes', positiveInt('--every'))
    .option('--cron <expr>', 'run on a cron schedule, e.g. "0 */2 * * *"')
    .option('--paused', 'add the schedule inactive')
    .option('--concurrency <n>', 'mailboxes read at once', positiveInt('--concurrency'), 8)
    .option('--json', 'machine-readable output (the stored job)')
    .action(async (o: AddFlags) => add(ctx, o));
  deprecatedAlias(command, '--import-job <file>', ['--job-file'], ctx.noteDeprecated);
  deprecatedAlias(command, '--rules-table <name>', ['--table'], ctx.noteDeprecated);
  deprecatedAlias(command, '--all-rooms', ['--rooms'], ctx.noteDeprecated);
}

async function add(ctx: CliContext, o: AddFlags): Promise<void> {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (o.type === 'twoway') return addTwoWay(ctx, o);
  if (o.ruleId) throw bad('--rule-id', '--rule-id is for --type twoway');
  if (!o.profile) throw bad('--profile', 'give the profile the job reads with: --profile NAME');
  if (o.type === 'import') return addImport(ctx, o);
  if (o.type !== 'presence' && (o.table || o.lookaheadHours || o.timeZone))
    throw bad('--table', 'the presence options are for --type presence');
  const selections = [o.mailbox?.length, o.search, o.rooms, o.group, o.roomList].filter(Boolean);
  if (selections.length !== 1) throw bad('--mailbox', 'give exactly one of --mailbox, --search, --rooms, --group or --room-list');
  const targets = [o.out, o.webhook, o.sqlite, o.postgres].filter(Boolean);
  if (targets.length !== 1) throw bad('--out', 'give exactly one target: --out DIR, --webhook URL, --sqlite FILE or --postgres URL');
  if (o.every && o.cron) throw bad('--every', 'give --every or --cron, not both');
  if (o.type === 'freebusy' && !o.out) throw bad('--type', 'a free/busy job writes files: give --out DIR');
  if (o.type === 'presence' && !o.out) throw bad('--type', 'a presence job writes <mailbox>.json files: give --out DIR');
  // A misspelt table name is refused now, not at the first scheduled run.
  const table = o.type === 'presence' ? (await new PresenceRuleStore({ dir: ctx.configDir }).get(o.table ?? 'default')).name : undefined;
  const mailboxes = o.mailbox?.length
    ? { mode: 'list', list: o.mailbox }
    : o.search
      ? { mode: 'search', search: o.search }
      : o.group
        ? { mode: 'group', group: o.group }
        : o.roomList
          ? { mode: 'roomList', roomList: o.roomList }
          : { mode: 'allRooms' };
  const target = o.out
    ? { kind: 'folder', path: ctx.resolvePath(o.out) }
    : o.sqlite
      ? { kind: 'sqlite', path: ctx.resolvePath(o.sqlite) }
      : o.postgres
        ? postgresTarget(ctx, o)
        : { kind: 'webhook', url: o.webhook, batchSize: o.batchSize };
  const pgPassword = o.postgres
    ? await readSecret(ctx, {
        flag: 'postgres-password',
        what: 'PostgreSQL password',
        stdin: o.postgresPasswordStdin,
        env: o.postgresPasswordEnv,
      })
    : undefined;
  const secret = o.webhook
    ? await readSecret(ctx, {
        flag: 'webhook-secret',
        what: 'Webhook secret',
        stdin: o.webhookSecretStdin,
        env: o.webhookSecretEnv,
        missing: 'a webhook needs its signing secret',
      })
    : undefined;
  const input = {
    ...(o.type === 'freebusy' ? { type: 'freebusy', freebusy: { includeFree: !!o.includeFree, merge: o.merge !== false } } : {}),
    ...(o.type === 'presence' ? { type: 'presence', presence: { table, lookaheadHours: o.lookaheadHours, timeZone: o.timeZone } } : {}),
    name: o.name,
    profile: (await ctx.profiles.get(o.profile)).id,
    mailboxes,
    ...(o.formerMembers ? { formerMembers: o.formerMembers } : {}),
    ...(o.content && o.content !== 'calendar' ? { content: o.content } : {}),
    folders: { ids: o.folder?.length ? o.folder : [o.content ?? 'calendar'], includeSubfolders: !!o.includeSubfolders },
    window: { daysBack: o.daysBack, daysAhead: o.daysAhead },
    filters: {
      private: o.private,
      exclusionMarker: o.excludeMarker,
      showAs: o.showAs,
      includeCancelled: !o.skipCancelled,
      includeBody: !!o.includeBody,
      includeAttendees: o.attendees !== false,
    },
    ...(o.fields ? { fields: fieldsOf(o.fields) } : {}),
    format: o.type === 'presence' ? 'json' : (o.format ?? (o.content && o.content !== 'calendar' ? 'json' : 'ics')),
    ...(o.csvKeepFormulas ? { csv: { keepFormulas: true } } : {}),
    ...(o.icsSeries ? { ics: { series: true } } : {}),
    target,
    schedule: o.every
      ? { kind: 'interval', minutes: o.every, active: !o.paused }
      : o.cron
        ? { kind: 'cron', cron: o.cron, active: !o.paused }
        : { kind: 'manual' },
    concurrency: o.concurrency,
  };
  const job = await new JobStore({ dir: ctx.configDir, secrets: ctx.secrets }).add(input);
  if (secret) await ctx.secrets.set(jobSecretKey(job.id, 'webhookSecret'), secret);
  if (pgPassword) await ctx.secrets.set(jobSecretKey(job.id, 'postgresPassword'), pgPassword);
  if (o.json) ctx.json(job);
  else ctx.out(say(ctx, 'added', { name: job.name, id: job.id }));
}

/** The --postgres URL and its settings as a target; the password is read separately (never from the URL). */
function postgresTarget(ctx: CliContext, o: AddFlags): Record<string, unknown> {
  const parsed = parsePostgresUrl(o.postgres!);
  if (!parsed.ok) throw new CalpumpError('input.invalid', { params: { field: '--postgres', problem: parsed.problem } });
  return {
    kind: 'postgres',
    ...parsed.value,
    schema: o.postgresSchema,
    tls: o.postgresTls,
    ...(o.caFile ? { caFile: ctx.resolvePath(o.caFile) } : {}),
  };
}

interface SecretSource {
  /** The flags' stem: --<flag>-stdin, --<flag>-env. */
  flag: string;
  /** The prompt on stdin, and the name in messages. */
  what: string;
  stdin?: boolean;
  env?: string;
  /** Set when the secret is required: what the refusal says first. */
  missing?: string;
}

/** A secret from stdin or an environment variable, never an argument; undefined when optional and not given. */
async function readSecret(ctx: CliContext, s: SecretSource): Promise<string | undefined> {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  const choice = `give --${s.flag}-stdin or --${s.flag}-env VAR`;
  if (s.stdin && s.env) throw bad(`--${s.flag}-stdin`, `${choice}, not both`);
  if (!s.stdin && !s.env) {
    if (s.missing) throw bad(`--${s.flag}-stdin`, `${s.missing}: ${choice} (never as an argument)`);
    return undefined;
  }
  const value = s.stdin ? await ctx.stdinSecrets.next(s.what) : ctx.io.env[s.env!];
  if (!value) throw bad(s.stdin ? `--${s.flag}-stdin` : `--${s.flag}-env`, `the ${s.what.replace(/^Webhook/, 'webhook')} is empty`);
  ctx.logger.registerSecret(value);
  return value;
}

/** The import job file, checked now (not at the first run) with its source path made absolute. */
async function importDocument(ctx: CliContext, o: AddFlags): Promise<{ document: Record<string, unknown>; mailboxes: string[] }> {
  const file = ctx.resolvePath(o.jobFile!);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CalpumpError('input.invalid', { params: { field: '--job-file', problem: `${file}: ${(e as Error).message}` } });
  }
  const source = doc.source as { path?: unknown } | undefined;
  if (source && typeof source.path === 'string') doc = { ...doc, source: { ...source, path: resolve(dirname(file), source.path) } };
  const parsed = importJobSchema.safeParse({
    id: o.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'import',
    ...doc,
  });
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new CalpumpError('input.invalid', { params: { field: `--job-file ${formatPath(issue.path)}`, problem: issueProblem(issue) } });
  }
  // The job names its profile by id; a profile name in the file would be a second, stale reference.
  return { document: { ...omit(doc, 'profile'), id: parsed.data.id }, mailboxes: parsed.data.mailboxes };
}

/** An import job: its file says where the rows come from and which mailboxes they go to; it has no target. */
async function addImport(ctx: CliContext, o: AddFlags): Promise<void> {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (!o.jobFile) throw bad('--job-file', 'an import job needs --job-file FILE');
  if (o.mailbox?.length || o.search || o.rooms || o.group || o.roomList)
    throw bad(
      '--mailbox',
      'an import job writes to the mailboxes its import file names (its "mailboxes" list and mailbox column); leave out --mailbox, --search, --rooms, --group and --room-list',
    );
  if (o.out || o.webhook || o.sqlite || o.postgres)
    throw bad('--out', 'an import job writes into calendars and has no target; leave out --out, --webhook, --sqlite and --postgres');
  if (o.every && o.cron) throw bad('--every', 'give --every or --cron, not both');
  const imported = await importDocument(ctx, o);
  const input = {
    type: 'import',
    import: imported.document,
    name: o.name,
    profile: (await ctx.profiles.get(o.profile!)).id,
    schedule: o.every
      ? { kind: 'interval', minutes: o.every, active: !o.paused }
      : o.cron
        ? { kind: 'cron', cron: o.cron, active: !o.paused }
        : { kind: 'manual' },
    concurrency: o.concurrency,
  };
  const job = await new JobStore({ dir: ctx.configDir, secrets: ctx.secrets }).add(input);
  if (o.json) ctx.json(job);
  else ctx.out(say(ctx, 'added', { name: job.name, id: job.id }));
}

/**
 * A two-way job: the saved rule names both calendars and (usually) their profiles; --profile only stands in for
 * a side that names none. A rule id that is not saved is refused here, not at the first scheduled run.
 */
async function addTwoWay(ctx: CliContext, o: AddFlags): Promise<void> {
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  if (!o.ruleId) throw bad('--rule-id', 'a two-way job needs --rule-id ID (see `calpump twoway --list`)');
  if (o.mailbox?.length || o.search || o.rooms || o.group || o.roomList)
    throw bad(
      '--mailbox',
      'a two-way job keeps the two calendars its rule names in step; leave out --mailbox, --search, --rooms, --group and --room-list',
    );
  if (o.out || o.webhook || o.sqlite || o.postgres)
    throw bad('--out', 'a two-way job writes into calendars and has no target; leave out --out, --webhook, --sqlite and --postgres');
  if (o.every && o.cron) throw bad('--every', 'give --every or --cron, not both');
  const rules = await new TwoWayRuleStore({ dir: ctx.configDir }).list();
  const rule = rules.find((r) => r.id.toLowerCase() === o.ruleId!.trim().toLowerCase());
  if (!rule)
    throw bad(
      '--rule-id',
      `no saved two-way rule "${o.ruleId}"; saved rules: ${rules.map((r) => r.id).join(', ') || '(none; save one with `calpump twoway --rule-file FILE --save`)'}`,
    );
  const fallback = o.profile ?? rule.a.profile ?? rule.b.profile;
  if (!fallback) throw bad('--profile', `rule "${rule.id}" names no profile for its sides: give --profile NAME`);
  for (const side of ['a', 'b'] as const) await ctx.profiles.get(rule[side].profile ?? fallback);
  const input = {
    type: 'twoway',
    twoway: { ruleId: rule.id },
    name: o.name,
    profile: (await ctx.profiles.get(fallback)).id,
    schedule: o.every
      ? { kind: 'interval', minutes: o.every, active: !o.paused }
      : o.cron
        ? { kind: 'cron', cron: o.cron, active: !o.paused }
        : { kind: 'manual' },
  };
  const job = await new JobStore({ dir: ctx.configDir, secrets: ctx.secrets }).add(input);
  if (o.json) ctx.json(job);
  else ctx.out(say(ctx, 'added', { name: job.name, id: job.id }));
}
