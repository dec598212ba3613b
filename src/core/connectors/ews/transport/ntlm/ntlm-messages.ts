// NTLM wire format (MS-NLMP 2.2): the 40-byte NEGOTIATE message with a version (as Windows sends it; gss-ntlmssp
// refuses the 32-byte form without one), the CHALLENGE message with its target information (AV pairs), and
// the security buffers (length, allocated length, offset) the AUTHENTICATE message is made of.

const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');

export const NTLM_FLAG = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  SIGN: 0x00000010,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  N128: 0x20000000,
  KEY_EXCH: 0x40000000,
  N56: 0x80000000,
} as const;

/** AV pair ids (MS-NLMP 2.2.2.1). */
export const AV = {
  EOL: 0,
  NB_COMPUTER: 1,
  NB_DOMAIN: 2,
  DNS_COMPUTER: 3,
  DNS_DOMAIN: 4,
  DNS_TREE: 5,
  FLAGS: 6,
  TIMESTAMP: 7,
  SINGLE_HOST: 8,
  TARGET_NAME: 9,
  CHANNEL_BINDINGS: 10,
} as const;

/** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
export const AV_FLAG_MIC = 0x2;

/** The flags a Windows HTTP client asks for (WinHTTP), less signing and sealing, which HTTP never uses. */
export const CLIENT_FLAGS =
  (NTLM_FLAG.UNICODE |
    NTLM_FLAG.OEM |
    NTLM_FLAG.REQUEST_TARGET |
    NTLM_FLAG.NTLM |
    NTLM_FLAG.ALWAYS_SIGN |
    NTLM_FLAG.EXTENDED_SESSIONSECURITY |
    NTLM_FLAG.VERSION |
    NTLM_FLAG.N128 |
    NTLM_FLAG.KEY_EXCH |
    NTLM_FLAG.N56) >>>
  0;

/** Windows 10 / Server 2019 (10.0 build 17763), NTLM revision 15. */
export function versionField(): Buffer {
  const v = Buffer.alloc(8);
  v.writeUInt8(10, 0);
  v.writeUInt8(0, 1);
  v.writeUInt16LE(17763, 2);
  v.writeUInt8(15, 7);
  return v;
}

export interface AvPair {
  id: number;
  value: Buffer;
}

export function encodeAvPairs(pairs: AvPair[]): Buffer {
  const parts: Buffer[] = [];
  for (const p of pairs) {
    if (p.id === AV.EOL) continue;
    const head = Buffer.alloc(4);
    head.writeUInt16LE(p.id, 0);
    head.writeUInt16LE(p.value.length, 2);
    parts.push(head, p.value);
  }
  parts.push(Buffer.alloc(4)); // MsvAvEOL
  return Buffer.concat(parts);
}

/** AV pairs up to MsvAvEOL; a list without one, or with a pair running past the end, is refused. */
export function parseAvPairs(buf: Buffer): AvPair[] {
  const pairs: AvPair[] = [];
  for (let at = 0; at + 4 <= buf.length;) {
    const id = buf.readUInt16LE(at);
    const len = buf.readUInt16LE(at + 2);
    if (id === AV.EOL) return pairs;
    if (at + 4 + len > buf.length) break;
    pairs.push({ id, value: Buffer.from(buf.subarray(at + 4, at + 4 + len)) });
    at += 4 + len;
  }
  throw new Error('NTLM target information has no end marker');
}

export function negotiateMessage(flags = CLIENT_FLAGS): Buffer {
  const m = Buffer.alloc(40);
  SIGNATURE.copy(m, 0);
  m.writeUInt32LE(1, 8);
  m.writeUInt32LE(flags >>> 0, 12);
  // Domain and workstation fields stay empty (offset 40, length 0), as Windows sends them.
  m.writeUInt32LE(40, 20);
  m.writeUInt32LE(40, 28);
  versionField().copy(m, 32);
  return m;
}

export interface ChallengeMessage {
  flags: number;
  serverChallenge: Buffer;
  targetName: string;
  targetInfo: AvPair[];
}

function securityBuffer(buf: Buffer, at: number): Buffer {
  const len = buf.readUInt16LE(at);
  const off = buf.readUInt32LE(at + 4);
  if (len === 0) return Buffer.alloc(0);
  if (off + len > buf.length) throw new Error('NTLM field runs past the end of the message');
  return buf.subarray(off, off + len);
}

export function messageType(buf: Buffer): number | undefined {
  return buf.length >= 12 && buf.subarray(0, 8).equals(SIGNATURE) ? buf.readUInt32LE(8) : undefined;
}

export function parseChallenge(buf: Buffer): ChallengeMessage {
  if (messageType(buf) !== 2 || buf.length < 32) throw new Error('not an NTLM CHALLENGE message');
  const flags = buf.readUInt32LE(20);
  const unicode = (flags & NTLM_FLAG.UNICODE) !== 0;
  const targetName = securityBuffer(buf, 12).toString(unicode ? 'utf16le' : 'latin1');
  const hasInfo = (flags & NTLM_FLAG.TARGET_INFO) !== 0 && buf.length >= 48;
  return {
    flags,
    serverChallenge: Buffer.from(buf.subarray(24, 32)),
    targetName,
    targetInfo: hasInfo ? parseAvPairs(securityBuffer(buf, 40)) : [],
  };
}

/** Lays out an AUTHENTICATE message: fixed header of `headerSize` bytes, then the fields in the given order. */
export function layoutAuthenticate(
  headerSize: number,
  fields: Array<{ at: number; value: Buffer }>,
  fill: (header: Buffer) => void,
): Buffer {
  const header = Buffer.alloc(headerSize);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let offset = headerSize;
  for (const f of fields) {
    header.writeUInt16LE(f.value.length, f.at);
    header.writeUInt16LE(f.value.length, f.at + 2);
    header.writeUInt32LE(offset, f.at + 4);
    offset += f.value.length;
  }
  fill(header);
  return Buffer.concat([header, ...fields.map((f) => f.value)]);
}
