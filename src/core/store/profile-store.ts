// Profiles in `<config dir>/profiles.json`. Each profile is validated on its own, so one bad entry (edited by
// hand, or written by a newer version) is reported precisely while the others stay usable for reading. Writes
// are refused while any entry is bad, except the two explicit repairs on the bad entry itself: edit it into a
// valid profile, or remove it. Nothing is ever dropped silently. Secrets live in the SecretStore, keyed by id.
// A copied entry (same id, often the same name) is reported on the later entry and never resolved by guessing:
// editing the copy gives it an id of its own, removing it leaves the secrets of the id to the entry that keeps it.
// Fields this version does not know are kept on every rewrite.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { graphProfileSchema, ewsProfileSchema, SECRET_NAMES, secretKey, type Profile } from '../../shared/profile.js';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { addressOf, asRecord, pickEntry, sameIdElsewhere, str, inventoryOf, type CheckedEntry } from './entry-lookup.js';
import { mergeUnknown, unknownFields, withUnknown } from './unknown-fields.js';
import { VersionedJsonFile } from './versioned-json-file.js';
import { describeIssue } from './zod-issues.js';

export const PROFILES_FILE = 'profiles.json';
const SCHEMA_VERSION = 1;

const documentSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSION), profiles: z.array(z.unknown()) });
type ProfilesDocument = z.infer<typeof documentSchema>;

/** An entry that does not validate, with where and why. */
export interface BrokenProfile {
  index: number;
  id?: string;
  name?: string;
  field: string;
  problem: string | TextRef;
  /** How a command names this entry: its name when that is unique, else its position ("profiles[1]"). */
  ref: string;
}

export interface RemovedProfile {
  id?: string;
  name?: string;
  /** True when another entry carries the same id: the secrets stayed with it. */
  secretsKept?: boolean;
}

export interface UpdateOptions {
  /** Called when the edited entry was a copy of another's id and got an id (and secrets) of its own. */
  onNewId?: (from: string, to: string) => void;
}

export interface ProfileInventory {
  profiles: Profile[];
  broken: BrokenProfile[];
}

/** A profile as the user describes it: everything but the id. */
export type ProfileInput = Record<string, unknown>;

export interface ProfileStoreOptions {
  dir: string;
  secrets: SecretStore;
  newId?: () => string;
}

export class ProfileStore {
  readonly file: VersionedJsonFile<ProfilesDocument>;
  private readonly secrets: SecretStore;
  private readonly newId: () => string;

  constructor(opts: ProfileStoreOptions) {
    this.file = new VersionedJsonFile<ProfilesDocument>({
      path: join(opts.dir, PROFILES_FILE),
      schemaVersion: SCHEMA_VERSION,
      schema: documentSchema,
      empty: () => ({ schemaVersion: SCHEMA_VERSION, profiles: [] }),
    });
    this.secrets = opts.secrets;
    this.newId = opts.newId ?? randomUUID;
  }

  /** Valid profiles and the bad entries (never hides either). */
  async inventory(): Promise<ProfileInventory> {
    return inspect((await this.file.read()).profiles);
  }

  /** Valid profiles, sorted by name. */
  async list(): Promise<Profile[]> {
    return (await this.inventory()).profiles;
  }

  /**
   * By name (case-insensitive), id or position ("profiles[1]"). A bad entry with that name fails with
   * config.invalid naming the field. When a copy shares the name or id, the one entry that validates is meant.
   */
  async get(nameOrId: string): Promise<Profile> {
    const doc = await this.file.read();
    const index = this.pick(doc.profiles, nameOrId, (i) => validateEntry(doc.profiles, i).ok);
    const checked = validateEntry(doc.profiles, index);
    if (!checked.ok) throw await this.file.invalid(checked.broken.field, checked.broken.problem);
    return checked.value;
  }

  async add(input: ProfileInput): Promise<Profile> {
    let added: Profile | undefined;
    await this.file.update(async (doc) => {
      await this.refuseWhileBroken(doc.profiles);
      const profile = parseInput({ ...input, id: this.newId() });
      assertUniqueName(doc.profiles, profile.name, -1);
      added = profile;
      return { ...doc, profiles: [...doc.profiles, profile] };
    });
    return added!;
  }

  /**
   * Replaces a profile with what `change` makes of its stored fields. Works on a bad entry too (the repair
   * path); the kind and the id cannot change.
   */
  async update(nameOrId: string, change: (current: Record<string, unknown>) => ProfileInput, opts: UpdateOptions = {}): Promise<Profile> {
    let updated: Profile | undefined;
    let replaced: [string, string] | undefined;
    await this.file.update(async (doc) => {
      const index = this.pick(doc.profiles, nameOrId);
      await this.refuseWhileBroken(doc.profiles, index);
      const current = asRecord(doc.profiles[index]) ?? {};
      const next = change(structuredClone(current));
      if (current.kind !== undefined && next.kind !== current.kind) {
        throw new CalpumpError('input.invalid', {
          params: {
            field: 'kind',
            problem: text('problem.profile.kindFixed', {
              kind: typeof current.kind === 'string' ? current.kind : JSON.stringify(current.kind),
            }),
          },
        });
      }
      // A copy never writes under the id of the entry it was copied from: its secrets would be the original's.
      const copied = sameIdElsewhere(doc.profiles, index).some((j) => j < index);
      const keepId = typeof current.id === 'string' && current.id && !copied ? current.id : this.newId();
      if (copied) replaced = [String(current.id), keepId];
      const input = { ...next, id: keepId };
      const profile = parseInput(input);
      assertUniqueName(doc.profiles, profile.name, index);
      updated = profile;
      const stored = parseStored(current);
      const unknown = mergeUnknown(unknownFields(input, profile), stored ? unknownFields(current, stored) : undefined);
      const profiles = [...doc.profiles];
      profiles[index] = withUnknown(profile, unknown);
      return { ...doc, profiles };
    });
    if (replaced) opts.onNewId?.(...replaced);
    return updated!;
  }

  /**
   * Removes a profile (also a bad one) and every secret it owns. An entry whose id another entry also carries (a
   * copy, or the original of one) owns no secrets alone: they stay for the entry that remains.
   */
  async remove(nameOrId: string): Promise<RemovedProfile> {
    let removed: RemovedProfile = {};
    await this.file.update(async (doc) => {
      const index = this.pick(doc.profiles, nameOrId);
      await this.refuseWhileBroken(doc.profiles, index);
      const entry = asRecord(doc.profiles[index]) ?? {};
      removed = { id: str(entry.id), name: str(entry.name) };
      if (sameIdElsewhere(doc.profiles, index).length) removed.secretsKept = true;
      // Secrets first: a failure here leaves the profile in place rather than orphaning its secrets.
      else if (removed.id) await this.deleteSecrets(removed.id);
      return { ...doc, profiles: doc.profiles.filter((_, i) => i !== index) };
    });
    return removed;
  }

  private pick(entries: unknown[], nameOrId: string, prefer?: (index: number) => boolean): number {
    return pickEntry(entries, 'profiles', nameOrId, {
      file: this.file.path,
      prefer,
      notFound: () => new CalpumpError('config.profileNotFound', { params: { profile: nameOrId } }),
    });
  }

  /** Exactly this profile's keys: a prefix would also match an id that starts with this one ("a" and "a:b"). */
  private async deleteSecrets(id: string): Promise<void> {
    const own = new Set(SECRET_NAMES.map((n) => secretKey(id, n)));
    for (const key of await this.secrets.keys()) if (own.has(key)) await this.secrets.delete(key);
  }

  /**
   * While an entry is bad, only repairs of bad entries (edit or remove, one at a time) may write; any other
   * change waits until the file is fixed. Unchanged entries are always written back exactly as read.
   */
  private async refuseWhileBroken(entries: unknown[], target = -1): Promise<void> {
    const broken = inspect(entries).broken;
    if (broken.length === 0 || broken.some((b) => b.index === target)) return;
    throw await this.file.invalid(broken[0].field, broken[0].problem);
  }
}

function inspect(entries: unknown[]): ProfileInventory {
  const { valid, broken } = inventoryOf(entries, validateEntry);
  return { profiles: valid, broken };
}

type Checked = CheckedEntry<Profile, BrokenProfile>;

function validateEntry(entries: unknown[], index: number): Checked {
  const raw = entries[index];
  const rec = asRecord(raw);
  const at = `profiles[${index}]`;
  const fail = (field: string, problem: string | TextRef): Checked => ({
    ok: false,
    broken: { index, id: str(rec?.id), name: str(rec?.name), field, problem, ref: addressOf(entries, 'profiles', index) },
  });
  if (!rec) return fail(at, text('problem.profile.notObject'));
  const schema = schemaFor(rec.kind);
  if (!schema) return fail(`${at}.kind`, text('problem.profile.kindUnknown'));
  const parsed = schema.safeParse(rec);
  if (!parsed.success) {
    const { field, problem } = describeIssue(parsed.error, at);
    return fail(field, problem);
  }
  const profile = parsed.data as Profile;
  for (let j = 0; j < index; j++) {
    const other = asRecord(entries[j]);
    if (other && other.id === profile.id) return fail(`${at}.id`, text('problem.profile.copiedId', { other: `profiles[${j}]`, at }));
    if (other && typeof other.name === 'string' && other.name.toLowerCase() === profile.name.toLowerCase()) {
      return fail(`${at}.name`, text('problem.store.nameUsedBy', { name: profile.name, other: `profiles[${j}]` }));
    }
  }
  return { ok: true, value: profile };
}

/** The stored entry as this version reads it, if it reads. */
function parseStored(rec: Record<string, unknown>): Profile | undefined {
  const parsed = schemaFor(rec.kind)?.safeParse(rec);
  return parsed?.success ? (parsed.data as Profile) : undefined;
}

function parseInput(input: Record<string, unknown>): Profile {
  const schema = schemaFor(input.kind);
  if (!schema) throw new CalpumpError('input.invalid', { params: { field: 'kind', problem: text('problem.profile.kindUnknown') } });
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CalpumpError('input.invalid', { params: describeIssue(parsed.error) });
  return parsed.data as Profile;
}

function schemaFor(kind: unknown): z.ZodType | undefined {
  if (kind === 'ews') return ewsProfileSchema;
  if (kind === 'graph') return graphProfileSchema;
  return undefined;
}

function assertUniqueName(entries: unknown[], name: string, except: number): void {
  const clash = entries.findIndex((e, i) => i !== except && str(asRecord(e)?.name)?.toLowerCase() === name.toLowerCase());
  if (clash >= 0) {
    throw new CalpumpError('input.invalid', {
      params: {
        field: 'name',
        problem: text('problem.profile.nameTaken', { name: str(asRecord(entries[clash])?.name) ?? name }),
      },
    });
  }
}
