// Jobs in `<config dir>/jobs.json` (schema-versioned, atomic, corrupt file → backup + config.invalid). Names are
// unique ignoring case; a job is addressed by name or id. Cron expressions are checked here with croner, so a
// bad schedule is refused when it is entered rather than when the scheduler first meets it.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { jobSchema, jobSecretKey, JOB_SECRET_NAMES, type Job, type JobInput } from '../../shared/job.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { VersionedJsonFile } from './versioned-json-file.js';
import { describeIssue } from './zod-issues.js';

export const JOBS_FILE = 'jobs.json';
const SCHEMA_VERSION = 1;

const documentSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), jobs: z.array(jobSchema) });
type JobsDocument = z.infer<typeof documentSchema>;

export interface JobStoreOptions {
  dir: string;
  secrets: SecretStore;
  newId?: () => string;
}

export function jobNotFound(job: string): CalpumpError {
  return new CalpumpError('pump.jobNotFound', { params: { job } });
}

export function parseJobInput(input: Record<string, unknown>): Job {
  const parsed = jobSchema.safeParse(input);
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error) });
  const job = parsed.data;
  if (job.schedule.kind === 'cron') {
    try {
      new Cron(job.schedule.cron, { paused: true }).stop();
    } catch (e) {
      throw new CalpumpError('input.invalid', {
        params: { field: 'schedule.cron', problem: `${(e as Error).message} (example: "0 */2 * * *" = every two hours)` },
      });
    }
  }
  return job;
}

export class JobStore {
  readonly file: VersionedJsonFile<JobsDocument>;
  private readonly secrets: SecretStore;
  private readonly newId: () => string;

  constructor(opts: JobStoreOptions) {
    this.file = new VersionedJsonFile<JobsDocument>({
      path: join(opts.dir, JOBS_FILE),
      schemaVersion: SCHEMA_VERSION,
      schema: documentSchema,
      empty: () => ({ schemaVersion: SCHEMA_VERSION, jobs: [] }),
    });
    this.secrets = opts.secrets;
    this.newId = opts.newId ?? randomUUID;
  }

  async list(): Promise<Job[]> {
    return [...(await this.file.read()).jobs].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** By id or name (case-insensitive). */
  async get(nameOrId: string): Promise<Job> {
    const job = find((await this.file.read()).jobs, nameOrId);
    if (!job) throw jobNotFound(nameOrId);
    return job;
  }

  /** Validates and stores a job described without an id (JobInput minus id, or raw input from a form/CLI). */
  async add(input: Omit<JobInput, 'id'> | Record<string, unknown>): Promise<Job> {
    let added!: Job;
    await this.file.update((doc) => {
      added = parseJobInput({ ...input, id: this.newId() });
      assertUniqueName(doc.jobs, added);
      return { ...doc, jobs: [...doc.jobs, added] };
    });
    return added;
  }

  /** Replaces a job with what `change` makes of it; the id cannot change. */
  async update(nameOrId: string, change: (current: Job) => Record<string, unknown>): Promise<Job> {
    let updated!: Job;
    await this.file.update((doc) => {
      const current = find(doc.jobs, nameOrId);
      if (!current) throw jobNotFound(nameOrId);
      updated = parseJobInput({ ...change(structuredClone(current)), id: current.id });
      assertUniqueName(doc.jobs, updated);
      return { ...doc, jobs: doc.jobs.map((j) => (j.id === current.id ? updated : j)) };
    });
    return updated;
  }

  /** Removes a job and the secrets it owns (the webhook secret). */
  async remove(nameOrId: string): Promise<Job> {
    let removed!: Job;
    await this.file.update(async (doc) => {
      const current = find(doc.jobs, nameOrId);
      if (!current) throw jobNotFound(nameOrId);
      removed = current;
      for (const name of JOB_SECRET_NAMES) await this.secrets.delete(jobSecretKey(current.id, name));
      return { ...doc, jobs: doc.jobs.filter((j) => j.id !== current.id) };
    });
    return removed;
  }
}

function find(jobs: Job[], nameOrId: string): Job | undefined {
  return jobs.find((j) => j.id === nameOrId) ?? jobs.find((j) => j.name.toLowerCase() === nameOrId.toLowerCase());
}

function assertUniqueName(jobs: Job[], job: Job): void {
  const clash = jobs.find((j) => j.id !== job.id && j.name.toLowerCase() === job.name.toLowerCase());
  if (clash)
    throw new CalpumpError('input.invalid', {
      params: { field: 'name', problem: `a job named "${clash.name}" already exists; names must be unique (ignoring case)` },
    });
}
