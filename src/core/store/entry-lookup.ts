// Finding one entry of a hand-edited list (profiles.json, jobs.json) by id, name or position. A copy-pasted entry
// shares its id and often its name with the original, so a name or id that matches more than one entry is never
// resolved by guessing for a write: the caller names the entry by its position ("profiles[1]"), as the file
// check reports it.
import { CalpumpError } from '../errors/calpump-error.js';

export type ListName = 'profiles' | 'jobs';

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** "profiles[2]" for the entry at index 2. */
export const entryRef = (list: ListName, index: number): string => `${list}[${index}]`;

/** Indexes of the entries `nameOrId` names: a position, else every entry with that id, else every entry with that name (any case). */
export function matchingEntries(entries: readonly unknown[], list: ListName, nameOrId: string): number[] {
  const position = new RegExp(`^${list}\\[(\\d+)\\]$`).exec(nameOrId.trim());
  if (position) {
    const i = Number(position[1]);
    return i < entries.length ? [i] : [];
  }
  const all = entries.map((e, i) => ({ rec: asRecord(e), i }));
  const byId = all.filter((x) => x.rec?.id === nameOrId).map((x) => x.i);
  if (byId.length) return byId;
  const wanted = nameOrId.toLowerCase();
  return all.filter((x) => str(x.rec?.name)?.toLowerCase() === wanted).map((x) => x.i);
}

/** Indexes of the other entries that carry the same id as entries[index] (a copy and its original). */
export function sameIdElsewhere(entries: readonly unknown[], index: number): number[] {
  const id = asRecord(entries[index])?.id;
  if (typeof id !== 'string' || !id) return [];
  return entries.flatMap((e, i) => (i !== index && asRecord(e)?.id === id ? [i] : []));
}

/** The safest way to address an entry in a command: its name when that names it alone, else its position. */
export function addressOf(entries: readonly unknown[], list: ListName, index: number): string {
  const name = str(asRecord(entries[index])?.name);
  if (name && !/^\s|\s$/.test(name)) {
    const hits = matchingEntries(entries, list, name);
    if (hits.length === 1 && hits[0] === index) return name;
  }
  return entryRef(list, index);
}

export function ambiguousEntry(file: string, list: ListName, nameOrId: string, indexes: number[]): CalpumpError {
  const refs = indexes.map((i) => entryRef(list, i));
  return new CalpumpError('config.ambiguous', {
    params: { file, name: nameOrId, entries: refs.join(', '), example: refs[refs.length - 1] },
  });
}

/**
 * The one entry `nameOrId` names. Several matches: `prefer` (e.g. "the entry that validates") may single one out
 * for reading; writes pass no `prefer` and are refused with config.ambiguous.
 */
export function pickEntry(
  entries: readonly unknown[],
  list: ListName,
  nameOrId: string,
  o: { file: string; notFound: () => CalpumpError; prefer?: (index: number) => boolean },
): number {
  const hits = matchingEntries(entries, list, nameOrId);
  if (hits.length === 0) throw o.notFound();
  if (hits.length === 1) return hits[0];
  const preferred = o.prefer ? hits.filter(o.prefer) : [];
  if (preferred.length === 1) return preferred[0];
  throw ambiguousEntry(o.file, list, nameOrId, hits);
}

/** One entry of a hand-edited list, checked: the valid value, or what is wrong with it. */
export type CheckedEntry<T, B> = { ok: true; value: T } | { ok: false; broken: B };

/** Every entry checked: the valid ones sorted by name, the broken ones in file order. */
export function inventoryOf<T extends { name: string }, B>(
  entries: unknown[],
  check: (entries: unknown[], index: number) => CheckedEntry<T, B>,
): { valid: T[]; broken: B[] } {
  const valid: T[] = [];
  const broken: B[] = [];
  entries.forEach((_, i) => {
    const checked = check(entries, i);
    if (checked.ok) valid.push(checked.value);
    else broken.push(checked.broken);
  });
  valid.sort((a, b) => a.name.localeCompare(b.name));
  return { valid, broken };
}
