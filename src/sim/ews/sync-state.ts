// SyncFolderItems state: an opaque base64 token holding the folder, the world sequence number the
// client is in sync with, and (during the first full listing) how far the listing got.
import type { SimFolder } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { EwsResponseError } from './soap.js';

export interface SyncState {
  folderId: string;
  seq: number;
  /** Offset into the initial listing, or -1 once the listing is complete. */
  offset: number;
}

const MAGIC = 'CPSYNC1';

export function encodeSyncState(s: SyncState): string {
  return Buffer.from(`${MAGIC}|${s.folderId}|${s.seq}|${s.offset}`, 'utf8').toString('base64');
}

export function decodeSyncState(token: string | undefined, folder: SimFolder, world: SimWorld): SyncState | undefined {
  if (token === undefined || token.trim() === '') return undefined;
  const parts = Buffer.from(token.trim(), 'base64').toString('utf8').split('|');
  const invalid = () => new EwsResponseError('ErrorInvalidSyncStateData', 'Synchronization state data is corrupt or otherwise invalid.');
  if (parts.length !== 4 || parts[0] !== MAGIC) throw invalid();
  const [, folderId, seq, offset] = parts as [string, string, string, string];
  const state = { folderId, seq: Number(seq), offset: Number(offset) };
  if (folderId !== folder.id || !Number.isInteger(state.seq) || state.seq > world.seq || !Number.isInteger(state.offset)) throw invalid();
  return state;
}

export type SyncChange = { kind: 'create' | 'update'; itemId: string } | { kind: 'delete'; itemId: string };

/** Net changes per item after `seq`, in order of each item's last change. */
export function changesSince(folder: SimFolder, seq: number, liveIds: Set<string>): Array<SyncChange & { seq: number }> {
  const byItem = new Map<string, { firstKind: string; last: number }>();
  for (const c of folder.changes) {
    if (c.seq <= seq) continue;
    const e = byItem.get(c.itemId);
    if (e) e.last = c.seq;
    else byItem.set(c.itemId, { firstKind: c.kind, last: c.seq });
  }
  const out: Array<SyncChange & { seq: number }> = [];
  for (const [itemId, { firstKind, last }] of byItem) {
    const live = liveIds.has(itemId);
    const createdAfter = firstKind === 'create';
    if (createdAfter && !live) continue;
    out.push({ kind: !live ? 'delete' : createdAfter ? 'create' : 'update', itemId, seq: last });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** Items present in the folder at `seq`, in creation order (the initial full listing). */
export function initialListing(folder: SimFolder, seq: number, liveIds: Set<string>): string[] {
  const out: string[] = [];
  for (const c of folder.changes) {
    if (c.seq > seq) break;
    if (c.kind === 'create' && liveIds.has(c.itemId)) out.push(c.itemId);
  }
  return out;
}
