// Exchange ids look like opaque base64 blobs (AAMkA…). Ours are base64 too, but decodable, so the simulator
// can map an occurrence id back to its series without a lookup table and ConvertId stays cheap.
const ITEM_PREFIX = Buffer.from([0x00, 0x00, 0x03, 0x24]); // encodes as "AAMk", like real EWS item ids
const FOLDER_PREFIX = Buffer.from([0x01, 0x03, 0x24]); // encodes as "AQMk"

export function itemId(mailbox: string, n: number): string {
  return Buffer.concat([ITEM_PREFIX, Buffer.from(`I|${mailbox}|${n}`, 'utf8')]).toString('base64');
}

export function occurrenceId(masterId: string, originalStart: string): string {
  return Buffer.concat([ITEM_PREFIX, Buffer.from(`O|${masterId}|${originalStart}`, 'utf8')]).toString('base64');
}

export function folderId(mailbox: string, key: string): string {
  return Buffer.concat([FOLDER_PREFIX, Buffer.from(`F|${mailbox}|${key}`, 'utf8')]).toString('base64');
}

export type DecodedId =
  | { kind: 'item'; mailbox: string }
  | { kind: 'occurrence'; masterId: string; originalStart: string }
  | { kind: 'folder'; mailbox: string; key: string };

export function decodeId(id: string): DecodedId | undefined {
  let raw: Buffer;
  try {
    raw = Buffer.from(id, 'base64');
  } catch {
    return undefined;
  }
  const text = raw.subarray(raw[0] === 0x01 ? FOLDER_PREFIX.length : ITEM_PREFIX.length).toString('utf8');
  const [tag, a, ...rest] = text.split('|');
  if (tag === 'I' && a) return { kind: 'item', mailbox: a };
  if (tag === 'O' && a && rest.length) return { kind: 'occurrence', masterId: a, originalStart: rest.join('|') };
  if (tag === 'F' && a && rest.length) return { kind: 'folder', mailbox: a, key: rest.join('|') };
  return undefined;
}

/** ChangeKeys change with every modification; clients send them back on UpdateItem/DeleteItem. */
export function changeKey(id: string, version: number): string {
  return Buffer.from(`CK|${version}|${id.slice(-12)}`, 'utf8').toString('base64');
}

export function changeKeyVersion(ck: string): number | undefined {
  const m = /^CK\|(\d+)\|/.exec(Buffer.from(ck, 'base64').toString('utf8'));
  return m ? Number(m[1]) : undefined;
}

/** Deterministic GUID-shaped string from a seed text, for SIDs-free identifiers like UIDs. */
export function pseudoGuid(n1: number, n2: number, n3: number, n4: number): string {
  const h = (n: number, len: number) => (n >>> 0).toString(16).padStart(8, '0').slice(0, len);
  return `${h(n1, 8)}-${h(n2, 4)}-${h(n2 >>> 16, 4)}-${h(n3, 4)}-${h(n3 >>> 16, 4)}${h(n4, 8)}`;
}
