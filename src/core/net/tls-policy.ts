// Per-profile TLS trust. Verification is always on: a profile may only ADD a trusted CA (tls.caFile) or
// PIN one exact leaf certificate (tls.pinnedSha256). Nothing here turns verification off for a process.
// "System CAs" are Node's bundled roots plus, on Windows, the Windows certificate store when the runtime can
// read it (src/core/platform/cert-store.ts), so an internal CA deployed by group policy is trusted as it is
// by Windows itself.
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import type { TlsSetting } from '../../shared/profile.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { hostSystemCertificates, type SystemCertificates } from '../platform/cert-store.js';

export type TlsMode = 'system' | 'caFile' | 'pinned';

export interface TlsPolicy {
  mode: TlsMode;
  /** Trust anchors for chain verification (system CAs plus the profile's CA file), undefined = Node default. */
  ca?: string[];
  /**
   * Anchors tried first, a part of `ca` (the profile's CA file): a chain they verify, `ca` verifies too, and a
   * handshake they do not verify is made again with `ca` (secure-connect.ts). One certificate to parse instead of
   * about 145 when the server's certificate comes from the profile's own CA.
   */
  first?: string[];
  /** Normalised pinned fingerprint (upper-case hex with colons, as Node's fingerprint256). */
  pinned?: string;
  /** Compact facts for describe() and evidence: `CA=bundled+<store>(<n>)`, `pinned=SHA-256:<fp>`, `caFile=<path>`. */
  description: string;
}

/** "aa bb:CC…" → "AA:BB:CC:…", the form Node reports in PeerCertificate.fingerprint256. */
export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/** The OS store's certificates (none when there is no store or it cannot be read, with the reason). */
async function systemExtras(store: SystemCertificates | undefined): Promise<{ pems: string[]; label: string }> {
  if (!store) return { pems: [], label: 'CA=bundled' };
  try {
    const pems = await store.certificates();
    return { pems, label: `CA=bundled+${store.source}(${pems.length})` };
  } catch (e) {
    return { pems: [], label: `CA=bundled; ${store.source}=unreadable(${(e as Error).message})` };
  }
}

export async function loadTlsPolicy(
  tls: TlsSetting | undefined,
  systemStore: SystemCertificates | undefined = hostSystemCertificates(),
): Promise<TlsPolicy> {
  if (tls?.pinnedSha256) {
    const pinned = normaliseFingerprint(tls.pinnedSha256);
    return { mode: 'pinned', pinned, description: `pinned=SHA-256:${pinned}` };
  }
  if (tls?.caFile) {
    let pem: string;
    try {
      pem = await readFile(tls.caFile, 'utf8');
    } catch (e) {
      throw new CalpumpError('net.tls.caFile', {
        params: { file: tls.caFile, problem: text('problem.tls.caUnreadable', { code: (e as NodeJS.ErrnoException).code ?? 'error' }) },
        cause: e,
      });
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new CalpumpError('net.tls.caFile', {
        params: { file: tls.caFile, problem: text('problem.tls.caNotPem') },
      });
    }
    // In addition to, not instead of, the system CAs: a public Exchange certificate keeps working.
    const extras = await systemExtras(systemStore);
    return {
      mode: 'caFile',
      ca: [...rootCertificates, ...extras.pems, pem],
      first: [pem],
      description: `${extras.label}; caFile=${tls.caFile}`,
    };
  }
  const extras = await systemExtras(systemStore);
  if (!extras.pems.length) return { mode: 'system', description: extras.label };
  return { mode: 'system', ca: [...rootCertificates, ...extras.pems], description: extras.label };
}
