// One JSON document on disk with a schema version (profiles.json, jobs.json). Reads are validated with zod and
// migrated forward one version at a time; writes are atomic (temp + fsync + rename, 0600). A file that does not
// parse or validate is never overwritten and never silently replaced by an empty one: it is copied to a backup
// next to it and reading fails with config.invalid naming the file and the first bad field, until someone fixes it.
import { createHash } from 'node:crypto';
import { chmod, copyFile, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { TextRef } from '../../shared/errors.js';
import { text as ref } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { withFileLock } from './file-lock.js';
import { describeIssue } from './zod-issues.js';

/** Upgrades a document of version N (the key) to version N+1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedJsonFileOptions<T extends { schemaVersion: number }> {
  path: string;
  /** The version this code writes. */
  schemaVersion: number;
  /** Validates the whole document at the current version (including `schemaVersion`). */
  schema: z.ZodType<T, unknown>;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations?: Record<number, Migration>;
  /** The document used when the file does not exist yet. */
  empty: () => T;
  /** Clock for backup names (tests). */
  now?: () => Date;
}

export class VersionedJsonFile<T extends { schemaVersion: number }> {
  readonly path: string;
  private readonly opts: VersionedJsonFileOptions<T>;

  constructor(opts: VersionedJsonFileOptions<T>) {
    this.opts = opts;
    this.path = opts.path;
  }

  /** The current document; the empty one when the file does not exist. Throws config.invalid on a bad file. */
  async read(): Promise<T> {
    const text = await readText(this.path);
    if (text === undefined) return this.opts.empty();
    return this.parse(text);
  }

  /**
   * Read-modify-write under a lock (in-process and across processes). A bad file stops here: `fn` never sees
   * it, so nothing in it can be dropped by the write.
   */
  async update(fn: (doc: T) => T | Promise<T>): Promise<T> {
    return withFileLock(this.path, async () => {
      const next = await fn(await this.read());
      await this.writeUnlocked(next);
      return next;
    });
  }

  /** Replaces the document. Refuses while the file on disk is invalid (fix or repair it first). */
  async write(doc: T): Promise<void> {
    await withFileLock(this.path, async () => {
      await this.read();
      await this.writeUnlocked(doc);
    });
  }

  /**
   * Builds the config.invalid error for a problem found by a caller inside a document that parsed (e.g. one
   * profile among many), after keeping a backup of the file as read.
   */
  async invalid(field: string, problem: string | TextRef): Promise<CalpumpError> {
    const text = (await readText(this.path)) ?? '';
    const backup = await this.backup(text);
    return new CalpumpError('config.invalid', { params: { file: this.path, field, problem, backup } });
  }

  private async writeUnlocked(doc: T): Promise<void> {
    const checked = this.opts.schema.safeParse(doc);
    if (!checked.success) {
      // A bug in the caller, not in the file: never write a document we could not read back.
      const { field, problem } = describeIssue(checked.error);
      throw new CalpumpError('input.invalid', { params: { field, problem } });
    }
    await writeFileAtomic(this.path, `${JSON.stringify(checked.data, null, 2)}\n`, 0o600);
  }

  private async parse(text: string): Promise<T> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw await this.fail(text, '(JSON syntax)', ref('problem.file.invalidJson', { detail: (e as Error).message }));
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw await this.fail(text, '(whole file)', ref('problem.file.notObject'));
    let doc = raw as Record<string, unknown>;
    const version = doc.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw await this.fail(text, 'schemaVersion', ref('problem.file.badSchemaVersion'));
    }
    if (version > this.opts.schemaVersion) {
      throw await this.fail(text, 'schemaVersion', ref('problem.file.newerVersion', { version, max: this.opts.schemaVersion }));
    }
    for (let v = version; v < this.opts.schemaVersion; v++) {
      const migrate = this.opts.migrations?.[v];
      if (!migrate) throw await this.fail(text, 'schemaVersion', ref('problem.file.noMigration', { from: v, to: v + 1 }));
      try {
        doc = { ...migrate(doc), schemaVersion: v + 1 };
      } catch (e) {
        throw await this.fail(text, 'schemaVersion', ref('problem.file.migrationFailed', { from: v, detail: (e as Error).message }));
      }
    }
    const checked = this.opts.schema.safeParse(doc);
    if (!checked.success) {
      const { field, problem } = describeIssue(checked.error);
      throw await this.fail(text, field, problem);
    }
    return checked.data;
  }

  private async fail(text: string, field: string, problem: string | TextRef): Promise<CalpumpError> {
    const backup = await this.backup(text);
    return new CalpumpError('config.invalid', { params: { file: this.path, field, problem, backup } });
  }

  /** Copies the bad file next to itself once per distinct content, so repeated reads do not pile up backups. */
  private async backup(text: string): Promise<string> {
    const dir = dirname(this.path);
    const base = basename(this.path);
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 12);
    const existing = (await readdir(dir).catch(() => [] as string[])).find(
      (f) => f.startsWith(`${base}.invalid-`) && f.endsWith(`-${digest}.bak`),
    );
    if (existing) return join(dir, existing);
    const stamp = (this.opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const target = join(dir, `${base}.invalid-${stamp}-${digest}.bak`);
    try {
      await copyFile(this.path, target);
      await chmod(target, 0o600);
    } catch {
      await writeFileAtomic(target, text, 0o600);
    }
    return target;
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CalpumpError('config.invalid', {
      params: {
        file: path,
        field: '(file)',
        problem: ref('problem.file.cannotRead'),
        backup: ref('problem.file.noBackup'),
      },
      evidence: `code=${code ?? (e as Error).message}`,
      cause: e,
    });
  }
}
