// Directory object ids (GUIDs) for sim accounts and mailboxes, stable across runs: Graph user ids and the
// oid/uid claims of tokens come from here, so a token's user is the same object Graph lists.
import { createHash } from 'node:crypto';

export function objectId(upnOrSmtp: string): string {
  const h = createHash('sha1').update(`calpump-sim-object:${upnOrSmtp.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
