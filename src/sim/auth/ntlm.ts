// Server side of NTLM (MS-NLMP): Type 1 → Type 2 challenge with target info → Type 3 verified as NTLMv2.
// NTLM authenticates the TCP connection, not the request: the caller keeps state per socket.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { md4 } from './md4.js';

const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');
export const NTLM_FLAGS = {
  UNICODE: 0x1,
  OEM: 0x2,
  REQUEST_TARGET: 0x4,
  NTLM: 0x200,
  ALWAYS_SIGN: 0x8000,
  TARGET_TYPE_DOMAIN: 0x10000,
  EXTENDED_SESSIONSECURITY: 0x80000,
  TARGET_INFO: 0x800000,
  VERSION: 0x2000000,
  N128: 0x20000000,
  KEY_EXCH: 0x40000000,
  N56: 0x80000000,
} as const;

export interface NtlmServerIdentity {
  netbiosDomain: string;
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
}

export interface NtlmChallengeState {
  challenge: Buffer;
  flags: number;
  /** The NEGOTIATE and CHALLENGE messages as sent: the client's MIC covers them. */
  type1: Buffer;
  type2: Buffer;
}

export function ntlmMessageType(token: Buffer): number | undefined {
  if (token.length < 12 || !token.subarray(0, 8).equals(SIGNATURE)) return undefined;
  return token.readUInt32LE(8);
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

function fileTimeNow(): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(Date.now()) + 11_644_473_600_000n) * 10_000n);
  return b;
}

/** Build the Type 2 (CHALLENGE) message answering a Type 1. */
export function createChallenge(type1: Buffer, id: NtlmServerIdentity): { message: Buffer; state: NtlmChallengeState } {
  const clientFlags = type1.length >= 16 ? type1.readUInt32LE(12) : 0;
  const unicode = (clientFlags & NTLM_FLAGS.UNICODE) !== 0 || (clientFlags & NTLM_FLAGS.OEM) === 0;
  let flags =
    NTLM_FLAGS.REQUEST_TARGET |
    NTLM_FLAGS.NTLM |
    NTLM_FLAGS.ALWAYS_SIGN |
    NTLM_FLAGS.TARGET_TYPE_DOMAIN |
    NTLM_FLAGS.EXTENDED_SESSIONSECURITY |
    NTLM_FLAGS.TARGET_INFO |
    NTLM_FLAGS.VERSION;
  flags |= unicode ? NTLM_FLAGS.UNICODE : NTLM_FLAGS.OEM;
  flags |= clientFlags & (NTLM_FLAGS.N128 | NTLM_FLAGS.N56 | NTLM_FLAGS.KEY_EXCH);
  flags >>>= 0;
  const enc = (s: string) => Buffer.from(s, unicode ? 'utf16le' : 'latin1');
  const u16 = (s: string) => Buffer.from(s, 'utf16le');
  const targetName = enc(id.netbiosDomain);
  const targetInfo = Buffer.concat([
    avPair(2, u16(id.netbiosDomain)),
    avPair(1, u16(id.netbiosComputer)),
    avPair(4, u16(id.dnsDomain)),
    avPair(3, u16(id.dnsComputer)),
    avPair(5, u16(id.dnsDomain)),
    avPair(7, fileTimeNow()),
    avPair(0, Buffer.alloc(0)),
  ]);
  const challenge = randomBytes(8);
  const header = Buffer.alloc(56);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(flags, 20);
  challenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  // Version: Windows Server 2019 (10.0 build 17763), NTLM revision 15.
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(17763, 50);
  header.writeUInt8(15, 55);
  const message = Buffer.concat([header, targetName, targetInfo]);
  return { message, state: { challenge, flags, type1: Buffer.from(type1), type2: message } };
}

export interface Type3Fields {
  user: string;
  domain: string;
  workstation: string;
  ntResponse: Buffer;
  lmResponse: Buffer;
  flags: number;
  encryptedSessionKey: Buffer;
  /** Offset of the MIC when the header has room for one (version + MIC: payload starts at 88 or later). */
  micOffset?: number;
}

function field(buf: Buffer, at: number): Buffer {
  const len = buf.readUInt16LE(at);
  const off = buf.readUInt32LE(at + 4);
  if (len === 0) return Buffer.alloc(0);
  if (off + len > buf.length) throw new Error('NTLM security buffer out of range');
  return buf.subarray(off, off + len);
}

export function parseType3(buf: Buffer, sentFlags: number): Type3Fields {
  if (ntlmMessageType(buf) !== 3 || buf.length < 52) throw new Error('not an NTLM Type 3 message');
  const offsets = [12, 20, 28, 36, 44].map((at) => (buf.readUInt16LE(at) ? buf.readUInt32LE(at + 4) : Infinity));
  const firstPayload = Math.min(...offsets);
  const hasFlags = firstPayload >= 64;
  const flags = hasFlags ? buf.readUInt32LE(60) : sentFlags;
  const text = (b: Buffer) => b.toString(flags & NTLM_FLAGS.UNICODE ? 'utf16le' : 'latin1');
  return {
    lmResponse: field(buf, 12),
    ntResponse: field(buf, 20),
    domain: text(field(buf, 28)),
    user: text(field(buf, 36)),
    workstation: text(field(buf, 44)),
    flags,
    encryptedSessionKey: hasFlags ? field(buf, 52) : Buffer.alloc(0),
    micOffset: firstPayload >= 88 && buf.length >= 88 ? 72 : undefined,
  };
}

export function ntHash(password: string): Buffer {
  return md4(Buffer.from(password, 'utf16le'));
}

const hmac = (key: Buffer, ...data: Buffer[]) => data.reduce((h, d) => h.update(d), createHmac('md5', key)).digest();

/**
 * NTLMv2 check: NTProofStr = HMAC-MD5(NTOWFv2, serverChallenge ‖ blob). NTLMv1 responses are refused. Returns
 * the session base key (for the MIC) when the proof matches.
 */
export function verifyNtlmV2(t3: Type3Fields, password: string, challenge: Buffer): Buffer | undefined {
  if (t3.ntResponse.length <= 24) return undefined;
  const ntowf = hmac(ntHash(password), Buffer.from(t3.user.toUpperCase() + t3.domain, 'utf16le'));
  const proof = t3.ntResponse.subarray(0, 16);
  const expected = hmac(ntowf, challenge, t3.ntResponse.subarray(16));
  return timingSafeEqual(proof, expected) ? hmac(ntowf, proof) : undefined;
}

/** AV pairs the client put into its NTLMv2 response (after the 28-byte blob header). */
export function responseAvPairs(ntResponse: Buffer): Map<number, Buffer> {
  const pairs = new Map<number, Buffer>();
  for (let at = 16 + 28; at + 4 <= ntResponse.length;) {
    const id = ntResponse.readUInt16LE(at);
    const len = ntResponse.readUInt16LE(at + 2);
    if (id === 0 || at + 4 + len > ntResponse.length) break;
    pairs.set(id, ntResponse.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return pairs;
}

/** RC4, only to decrypt the client's 16-byte session key (OpenSSL 3 has no RC4 in its default provider). */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = [...Array(256).keys()];
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) % 256;
    [s[i], s[j]] = [s[j], s[i]];
  }
  let i = 0;
  j = 0;
  return Buffer.from(
    data.map((byte) => {
      i = (i + 1) % 256;
      j = (j + s[i]) % 256;
      [s[i], s[j]] = [s[j], s[i]];
      return byte ^ s[(s[i] + s[j]) % 256];
    }),
  );
}

/**
 * Checks the MIC when MsvAvFlags says there is one: HMAC-MD5(exported session key, NEGOTIATE ‖ CHALLENGE ‖
 * AUTHENTICATE with the MIC zeroed). The exported key is the session base key, or with KEY_EXCH the client's
 * random key decrypted with it.
 */
export function micValid(messages: { type1: Buffer; type2: Buffer; type3: Buffer }, t3: Type3Fields, sessionBaseKey: Buffer): boolean {
  if (t3.micOffset === undefined) return false;
  const exported =
    t3.flags & NTLM_FLAGS.KEY_EXCH && t3.encryptedSessionKey.length === 16 ? rc4(sessionBaseKey, t3.encryptedSessionKey) : sessionBaseKey;
  const zeroed = Buffer.from(messages.type3);
  const mic = Buffer.from(zeroed.subarray(t3.micOffset, t3.micOffset + 16));
  zeroed.fill(0, t3.micOffset, t3.micOffset + 16);
  return timingSafeEqual(mic, hmac(exported, messages.type1, messages.type2, zeroed));
}
