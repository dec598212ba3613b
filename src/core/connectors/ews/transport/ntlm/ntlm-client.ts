// The client side of one NTLM exchange as a current Windows client performs it (MS-NLMP 3.1.5): NEGOTIATE with
// a version, then an NTLMv2 AUTHENTICATE whose target information adds MsvAvFlags (MIC present),
// MsvAvChannelBindings (Extended Protection: the hash of the server's TLS certificate) and MsvAvTargetName (the
// SPN, HTTP/<host>), a key exchange, and the MIC over all three messages. Reusable by anything that signs in
// with NTLM over HTTP (EWS, a proxy's 407): it only builds and reads messages, it never sends them.
import { randomBytes } from 'node:crypto';
import { hmacMd5, ntowfV2, rc4 } from './ntlm-crypto.js';
import {
  AV,
  AV_FLAG_MIC,
  CLIENT_FLAGS,
  encodeAvPairs,
  layoutAuthenticate,
  negotiateMessage,
  NTLM_FLAG,
  parseChallenge,
  versionField,
  type AvPair,
} from './ntlm-messages.js';

export interface NtlmAccount {
  /** DOMAIN\user or a UPN (user@domain, sent with an empty domain as Windows does). */
  username: string;
  password: string;
}

export interface NtlmBinding {
  /** MsvAvChannelBindings: 16 bytes (see channel-binding.ts); omitted means 16 zero bytes ("no binding"). */
  channelBindings?: Buffer;
  /** MsvAvTargetName: the service principal name, e.g. HTTP/mail.contoso.com. */
  targetName?: string;
}

export interface NtlmClientOptions {
  workstation?: string;
  /** Injected by tests for reproducible messages. */
  random?: (n: number) => Buffer;
  /** Milliseconds since 1970, for the response's timestamp when the server sends none. */
  now?: () => number;
}

export function splitAccount(username: string): { user: string; domain: string } {
  const i = username.indexOf('\\');
  return i > 0 ? { user: username.slice(i + 1), domain: username.slice(0, i).toUpperCase() } : { user: username, domain: '' };
}

function fileTime(ms: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(ms) + 11_644_473_600_000n) * 10_000n);
  return b;
}

const HEADER_WITH_MIC = 88;
const MIC_OFFSET = 72;

export class NtlmClient {
  private negotiate?: Buffer;
  private readonly random: (n: number) => Buffer;
  private readonly now: () => number;
  private readonly workstation: string;

  constructor(
    private readonly account: NtlmAccount,
    opts: NtlmClientOptions = {},
  ) {
    this.random = opts.random ?? randomBytes;
    this.now = opts.now ?? Date.now;
    this.workstation = opts.workstation ?? 'CALPUMP';
  }

  /** The NEGOTIATE message (kept: the MIC covers it). */
  negotiateMessage(): Buffer {
    this.negotiate = negotiateMessage(CLIENT_FLAGS);
    return this.negotiate;
  }

  /** The AUTHENTICATE message answering `challengeBytes` (the server's CHALLENGE message). */
  authenticateMessage(challengeBytes: Buffer, binding: NtlmBinding = {}): Buffer {
    if (!this.negotiate) throw new Error('NTLM: the NEGOTIATE message was not sent first');
    const challenge = parseChallenge(challengeBytes);
    const flags = (challenge.flags & CLIENT_FLAGS) >>> 0;
    const unicode = (flags & NTLM_FLAG.UNICODE) !== 0;
    const text = (s: string) => Buffer.from(s, unicode ? 'utf16le' : 'latin1');
    const { user, domain } = splitAccount(this.account.username);

    const serverTime = challenge.targetInfo.find((p) => p.id === AV.TIMESTAMP)?.value;
    // MS-NLMP 3.1.5.1.2: with a server timestamp the client sends a MIC and an all-zero LMv2 response.
    const withMic = serverTime !== undefined;
    const pairs: AvPair[] = challenge.targetInfo.filter(
      (p) => p.id !== AV.FLAGS && p.id !== AV.CHANNEL_BINDINGS && p.id !== AV.TARGET_NAME,
    );
    const serverFlags = challenge.targetInfo.find((p) => p.id === AV.FLAGS)?.value.readUInt32LE(0) ?? 0;
    if (withMic) pairs.push({ id: AV.FLAGS, value: u32((serverFlags | AV_FLAG_MIC) >>> 0) });
    else if (serverFlags) pairs.push({ id: AV.FLAGS, value: u32(serverFlags) });
    pairs.push({ id: AV.CHANNEL_BINDINGS, value: binding.channelBindings ?? Buffer.alloc(16) });
    if (binding.targetName) pairs.push({ id: AV.TARGET_NAME, value: Buffer.from(binding.targetName, 'utf16le') });

    const clientChallenge = this.random(8);
    const temp = Buffer.concat([
      Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
      serverTime ?? fileTime(this.now()),
      clientChallenge,
      Buffer.alloc(4),
      encodeAvPairs(pairs),
      Buffer.alloc(4),
    ]);
    const responseKey = ntowfV2(this.account.password, user, domain);
    const ntProof = hmacMd5(responseKey, challenge.serverChallenge, temp);
    const ntResponse = Buffer.concat([ntProof, temp]);
    const lmResponse = withMic
      ? Buffer.alloc(24)
      : Buffer.concat([hmacMd5(responseKey, challenge.serverChallenge, clientChallenge), clientChallenge]);
    const keyExchangeKey = hmacMd5(responseKey, ntProof); // SessionBaseKey; for NTLMv2 also the key-exchange key
    let exportedKey: Buffer = keyExchangeKey;
    let encryptedKey: Buffer = Buffer.alloc(0);
    if (flags & NTLM_FLAG.KEY_EXCH) {
      exportedKey = this.random(16);
      encryptedKey = rc4(keyExchangeKey, exportedKey);
    }

    const message = layoutAuthenticate(
      HEADER_WITH_MIC,
      [
        { at: 28, value: text(domain) },
        { at: 36, value: text(user) },
        { at: 44, value: text(this.workstation) },
        { at: 12, value: lmResponse },
        { at: 20, value: ntResponse },
        { at: 52, value: encryptedKey },
      ],
      (h) => {
        h.writeUInt32LE(flags, 60);
        versionField().copy(h, 64);
      },
    );
    if (withMic) hmacMd5(exportedKey, this.negotiate, challengeBytes, message).copy(message, MIC_OFFSET);
    return message;
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}
