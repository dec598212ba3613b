// Jobs in `<config dir>/jobs.json` (schema-versioned, atomic, corrupt file → backup + config.invalid). Each job is
// validated on its own: a bad entry (edited by hand, written by a newer version, a copied entry, a duplicate name,
// a relative target path) is reported with its field and left exactly as it is, while the others load and run.
// Names are unique ignoring case; a job is addressed by name, id or position ("jobs[1]"). A copied entry never
// reaches the secrets, sync state or history of the job it was copied from. Fields this version does not know are
// kept on every rewrite. Cron expressions are checked here with croner, so a bad schedule is refused when it is
// entered rather than when the scheduler first meets it.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { jobSchema, jobSecretKey, JOB_SECRET_NAMES, type Job, type JobInput } from '../../shared/job.js';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { addressOf, asRecord, entryRef, pickEntry, sameIdElsewhere, str, inventoryOf, type CheckedEntry } from './entry-lookup.js';
import { mergeUnknown, unknownFields, withUnknown } from './unknown-fields.js';
import { VersionedJsonFile } from './versioned-json-file.js';
import { describeIssue } from './zod-issues.js';

export const JOBS_FILE = 'jobs.json';
const SCHEMA_VERSION = 1;

const documentSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), jobs: z.array(z.unknown()) });
type JobsDocument = z.infer<typeof documentSchema>;

/** Keys jobSchema drops on purpose (an import or two-way job's mailboxes and target): not "unknown". */
const DROPPED_ON_PURPOSE = ['mailboxes', 'target'];

export interface JobStoreOptions {
  dir: string;
  secrets: SecretStore;
  newId?: () => string;
  /** Where a job that does not validate is reported (once per distinct problem) while the others run. */
  logger?: Logger;
}

/** A jobs.json entry that does not validate, with where and why. */
export interface BrokenJob {
  index: number;
  id?: string;
  name?: string;
  field: string;
  problem: string | TextRef;
  /** How a command names this entry: its name when that is unique, else its position ("jobs[1]"). */
  ref: string;
  /** The entry as stored (jobs.json holds no secrets), so an editor can open it for repair. */
  entry?: Record<string, unknown>;
}

export interface JobInventory {
  jobs: Job[];
  broken: BrokenJob[];
}

export interface RemovedJob {
  id: string;
  name: string;
  /**
   * True when another entry carries the same id (a copy, or the original of one): the secrets, sync state and
   * history of that id stay with it, and the caller must not remove them either.
   */
  sharedId?: boolean;
}

export function jobNotFound(job: string): CalpumpError {
  return new CalpumpError('pump.jobNotFound', { params: { job } });
}

/** The problem with a cron expression, or undefined when croner accepts it. */
function cronProblem(cron: string): TextRef | undefined {
  try {
    new Cron(cron, { paused: true }).stop();
    return undefined;
  } catch (e) {
    return text('problem.job.badCron', { detail: (e as Error).message });
  }
}

export function parseJobInput(input: Record<string, unknown>): Job {
  const parsed = jobSchema.safeParse(input);
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error) });
  const job = parsed.data;
  const cron = job.schedule.kind === 'cron' ? cronProblem(job.schedule.cron) : undefined;
  if (cron) throw new CalpumpError('input.invalid', { params: { field: 'schedule.cron', problem: cron } });
  return job;
}

export class JobStore {
  readonly file: VersionedJsonFile<JobsDocument>;
  private readonly secrets: SecretStore;
  private readonly newId: () => string;
  private readonly logger?: Logger;
  private readonly reported = new Set<string>();

  constructor(opts: JobStoreOptions) {
    this.file = new VersionedJsonFile<JobsDocument>({
      path: join(opts.dir, JOBS_FILE),
      schemaVersion: SCHEMA_VERSION,
      schema: documentSchema,
      empty: () => ({ schemaVersion: SCHEMA_VERSION, jobs: [] }),
    });
    this.secrets = opts.secrets;
    this.newId = opts.newId ?? randomUUID;
    this.logger = opts.logger;
  }

  /** The jobs that validate and the entries that do not (never hides either). */
  async inventory(): Promise<JobInventory> {
    const inv = inspect((await this.file.read()).jobs);
    for (const b of inv.broken) {
      const key = `${b.field}\n${JSON.stringify(b.problem)}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.logger?.warn('jobs.entryInvalid', { file: this.file.path, field: b.field, problem: b.problem, job: b.name ?? b.ref });
    }
    return inv;
  }

  /** The jobs that validate, sorted by name; a bad entry is reported (logger) and left out, the others run. */
  async list(): Promise<Job[]> {
    return (await this.inventory()).jobs;
  }

  /** By id, name (case-insensitive) or position. A bad entry fails with config.invalid naming its field. */
  async get(nameOrId: string): Promise<Job> {
    const entries = (await this.file.read()).jobs;
    const index = this.pick(entries, nameOrId, (i) => validateEntry(entries, i).ok);
    const checked = validateEntry(entries, index);
    if (!checked.ok) throw await this.file.invalid(checked.broken.field, checked.broken.problem);
    return checked.value;
  }

  /** Validates and stores a job described without an id (JobInput minus id, or raw input from a form/CLI). */
  async add(input: Omit<JobInput, 'id'> | Record<string, unknown>): Promise<Job> {
    let added!: Job;
    await this.file.update((doc) => {
      const raw = { ...input, id: this.newId() } as Record<string, unknown>;
      added = parseJobInput(raw);
      assertUniqueName(doc.jobs, added.name, -1);
      return { ...doc, jobs: [...doc.jobs, withUnknown(added, unknownFields(raw, added, DROPPED_ON_PURPOSE))] };
    });
    return added;
  }

  /**
   * Replaces a job with what `change` makes of it; the id cannot change. Works on a bad entry too (the repair
   * path: `current` is then the entry as stored). A copied entry gets an id of its own, so what is stored for
   * it (its webhook secret) never lands on the original.
   */
  async update(nameOrId: string, change: (current: Job) => Record<string, unknown>): Promise<Job> {
    let updated!: Job;
    await this.file.update((doc) => {
      const index = this.pick(doc.jobs, nameOrId);
      const stored = asRecord(doc.jobs[index]) ?? {};
      const checked = validateEntry(doc.jobs, index);
      const current = checked.ok ? checked.value : (stored as unknown as Job);
      const copied = sameIdElsewhere(doc.jobs, index).some((j) => j < index);
      const id = typeof stored.id === 'string' && stored.id && !copied ? stored.id : this.newId();
      const raw = { ...change(structuredClone(current)), id };
      updated = parseJobInput(raw);
      assertUniqueName(doc.jobs, updated.name, index);
      const before = jobSchema.safeParse(stored);
      const unknown = mergeUnknown(
        unknownFields(raw, updated, DROPPED_ON_PURPOSE),
        before.success ? unknownFields(stored, before.data, DROPPED_ON_PURPOSE) : undefined,
      );
      const jobs = [...doc.jobs];
      jobs[index] = withUnknown(updated, unknown);
      return { ...doc, jobs };
    });
    return updated;
  }

  /**
   * Removes a job (also a bad one) and the secrets it owns (the webhook secret). An entry whose id another entry
   * also carries owns nothing alone: its secrets stay, and `sharedId` tells the caller to keep state and history.
   */
  async remove(nameOrId: string): Promise<RemovedJob> {
    let removed!: RemovedJob;
    await this.file.update(async (doc) => {
      const index = this.pick(doc.jobs, nameOrId);
      const entry = asRecord(doc.jobs[index]) ?? {};
      removed = { id: str(entry.id) ?? '', name: str(entry.name) ?? entryRef('jobs', index) };
      if (sameIdElsewhere(doc.jobs, index).length || !removed.id) removed.sharedId = true;
      else for (const name of JOB_SECRET_NAMES) await this.secrets.delete(jobSecretKey(removed.id, name));
      return { ...doc, jobs: doc.jobs.filter((_, i) => i !== index) };
    });
    return removed;
  }

  private pick(entries: unknown[], nameOrId: string, prefer?: (index: number) => boolean): number {
    return pickEntry(entries, 'jobs', nameOrId, { file: this.file.path, prefer, notFound: () => jobNotFound(nameOrId) });
  }
}

function inspect(entries: unknown[]): JobInventory {
  const { valid, broken } = inventoryOf(entries, validateEntry);
  return { jobs: valid, broken };
}

type Checked = CheckedEntry<Job, BrokenJob>;

function validateEntry(entries: unknown[], index: number): Checked {
  const rec = asRecord(entries[index]);
  const at = entryRef('jobs', index);
  const fail = (field: string, problem: string | TextRef): Checked => ({
    ok: false,
    broken: { index, id: str(rec?.id), name: str(rec?.name), field, problem, ref: addressOf(entries, 'jobs', index), entry: rec },
  });
  if (!rec) return fail(at, text('problem.job.notObject'));
  const parsed = jobSchema.safeParse(rec);
  if (!parsed.success) {
    const { field, problem } = describeIssue(parsed.error, at);
    return fail(field, problem);
  }
  const job = parsed.data;
  const cron = job.schedule.kind === 'cron' ? cronProblem(job.schedule.cron) : undefined;
  if (cron) return fail(`${at}.schedule.cron`, cron);
  for (let j = 0; j < index; j++) {
    const other = asRecord(entries[j]);
    if (other?.id === job.id) return fail(`${at}.id`, text('problem.job.copiedId', { other: `jobs[${j}]`, at }));
    if (str(other?.name)?.toLowerCase() === job.name.toLowerCase())
      return fail(`${at}.name`, text('problem.store.nameUsedBy', { name: job.name, other: `jobs[${j}]` }));
  }
  return { ok: true, value: job };
}

function assertUniqueName(entries: unknown[], name: string, except: number): void {
  const clash = entries.findIndex((e, i) => i !== except && str(asRecord(e)?.name)?.toLowerCase() === name.toLowerCase());
  if (clash >= 0)
    throw new CalpumpError('input.invalid', {
      params: {
        field: 'name',
        problem: text('problem.job.nameTaken', { name: str(asRecord(entries[clash])?.name) ?? name }),
      },
    });
}
