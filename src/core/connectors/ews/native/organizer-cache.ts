// Organizer addresses that outlive a run: legacy Exchange DN → SMTP, one small JSON file per profile in the
// host's cache folder. It is a cache, never a source of truth: a missing, unreadable or foreign file is an empty
// cache, entries older than maxAgeMs are asked again (a person's primary address can change), and writes are
// coalesced (temp file + rename, no fsync: losing the newest entries to a crash only costs a lookup).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ORGANIZER_CACHE_MAX_AGE_MS = 7 * 86_400_000;
const MAX_ENTRIES = 20_000;

/** The cache file of a profile inside the host's cache folder. */
export function organizerCachePath(cacheDir: string, profileId: string): string {
  return join(cacheDir, `ews-organizers-${profileId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

interface CacheDocument {
  kind: 'calpump.ewsOrganizers';
  version: 1;
  /** lower-cased legacy DN → [SMTP, resolved at (ms since epoch)] */
  entries: Record<string, [string, number]>;
}

export interface OrganizerCacheOptions {
  path: string;
  now?: () => number;
  maxAgeMs?: number;
  /** Delay before a changed cache is written (several new entries in a burst make one write). */
  writeDelayMs?: number;
}

export class OrganizerCacheFile {
  private entries?: Promise<Map<string, [string, number]>>;
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private readonly now: () => number;

  constructor(private readonly o: OrganizerCacheOptions) {
    this.now = o.now ?? Date.now;
  }

  private load(): Promise<Map<string, [string, number]>> {
    this.entries ??= readFile(this.o.path, 'utf8').then(
      (text) => {
        const map = new Map<string, [string, number]>();
        try {
          const doc = JSON.parse(text) as Partial<CacheDocument>;
          if (doc.kind !== 'calpump.ewsOrganizers' || doc.version !== 1 || typeof doc.entries !== 'object' || !doc.entries) return map;
          for (const [dn, v] of Object.entries(doc.entries)) {
            if (Array.isArray(v) && typeof v[0] === 'string' && v[0].includes('@') && Number.isFinite(v[1])) map.set(dn, [v[0], v[1]]);
          }
        } catch {
          // Not JSON (a torn write, someone's edit): start empty; the next write replaces it.
        }
        return map;
      },
      () => new Map(),
    );
    return this.entries;
  }

  /** The SMTP address remembered for a DN, if it is fresh enough. */
  async get(dn: string): Promise<string | undefined> {
    const hit = (await this.load()).get(dn.toLowerCase());
    if (!hit) return undefined;
    return this.now() - hit[1] <= (this.o.maxAgeMs ?? ORGANIZER_CACHE_MAX_AGE_MS) ? hit[0] : undefined;
  }

  async set(dn: string, smtp: string): Promise<void> {
    const map = await this.load();
    if (map.size >= MAX_ENTRIES && !map.has(dn.toLowerCase())) {
      // Drop the oldest tenth: the file stays small, and the people still organising get looked up again.
      const oldest = [...map].sort((a, b) => a[1][1] - b[1][1]).slice(0, MAX_ENTRIES / 10);
      for (const [k] of oldest) map.delete(k);
    }
    map.set(dn.toLowerCase(), [smtp, this.now()]);
    this.dirty = true;
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.o.writeDelayMs ?? 2000);
      this.timer.unref();
    }
  }

  /** Writes pending changes now (the connector calls this when it closes). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      if (!this.dirty || !this.entries) return;
      this.dirty = false;
      const doc: CacheDocument = { kind: 'calpump.ewsOrganizers', version: 1, entries: Object.fromEntries(await this.entries) };
      const tmp = `${this.o.path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dirname(this.o.path), { recursive: true });
        await writeFile(tmp, JSON.stringify(doc), { mode: 0o600 });
        await rename(tmp, this.o.path);
      } catch {
        // A cache that cannot be written only costs lookups next time.
        await rm(tmp, { force: true }).catch(() => undefined);
      }
    });
    return this.writing;
  }
}
