// TLS probe: completes a handshake and reports the certificate (subject, issuer, validity, chain, names) and
// the three verdicts the doctor shows as separate steps: validity dates, chain trust, host name.
//
// Why verification is not enforced HERE: this probe must be able to describe an untrusted certificate, so it
// handshakes with rejectUnauthorized:false, then judges the certificate itself with the same policy the real
// connections use (src/core/net: system CAs + the profile's CA file, or the pinned SHA-256) — and it never
// writes a single byte over the socket before destroying it. Requests with credentials always go through
// src/core/net, which refuses the connection instead.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { ProxyRoute } from '../../net/proxy-resolution.js';
import { openTunnel } from '../../net/proxy-tunnel.js';
import type { TlsPolicy } from '../../net/tls-policy.js';
import { isTlsErrorCode } from '../../errors/error-map.js';
import { certificateNames, distinguishedName as dn } from '../../net/certificate-facts.js';
import { certificateError } from '../../net/network-errors.js';
import { tlsHandshake } from '../../net/secure-connect.js';
import { verifyChain } from './chain-trust.js';
import { socketFailure } from './tcp.js';

export interface TlsTarget {
  /** Host name from the URL: used for SNI and the host-name check. */
  host: string;
  /** Address to connect to when going direct (from the DNS step). */
  address: string;
  port: number;
  route: ProxyRoute;
  policy: TlsPolicy;
  timeoutMs: number;
  now?: () => Date;
}

export interface TlsReport {
  protocol: string;
  cipher: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint: string;
  /** DNS and IP names on the certificate. */
  names: string[];
  /** Subjects from the leaf up, as the server sent them. */
  chain: string[];
  validity: { ok: boolean; code?: 'CERT_HAS_EXPIRED' | 'CERT_NOT_YET_VALID' };
  /** The verdict, with the policy that judged (`how`: its description, a fact for the evidence). */
  trust: { ok: boolean; code?: string; how: string; mode: TlsPolicy['mode'] };
  hostname: { ok: boolean; reason?: string; required: boolean };
}

/** The certificates the server sent, leaf first (Node links them through issuerCertificate). */
function chainOf(cert: tls.DetailedPeerCertificate): tls.DetailedPeerCertificate[] {
  const out: tls.DetailedPeerCertificate[] = [];
  let c: tls.DetailedPeerCertificate | undefined = cert;
  const seen = new Set<string>();
  while (c && c.raw && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(c);
    c = c.issuerCertificate;
  }
  return out;
}

const TIME_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

async function open(t: TlsTarget): Promise<tls.TLSSocket> {
  const servername = net.isIP(t.host) ? undefined : t.host;
  const socket = t.route.kind === 'proxy' ? await openTunnel(t.route, t.host, t.port, undefined, t.timeoutMs) : undefined;
  const base: tls.ConnectionOptions = socket ? { socket } : { host: t.address, port: t.port };
  // Host name judged separately below (tls.hostname step), so Node's own check must not colour s.authorized.
  return tlsHandshake(
    { ...base, servername, rejectUnauthorized: false, ca: t.policy.ca, checkServerIdentity: () => undefined },
    t.timeoutMs,
  );
}

export async function probeTls(t: TlsTarget): Promise<TlsReport> {
  let s: tls.TLSSocket;
  try {
    s = await open(t);
  } catch (e) {
    if (e instanceof CalpumpError) throw e;
    const err = e as NodeJS.ErrnoException;
    // No certificate was seen, so the TLS entries show '?' for it; the handshake step's evidence has the rest.
    throw !err.code || isTlsErrorCode(err.code) ? certificateError(err, t.host, undefined) : socketFailure(err, t);
  }
  try {
    const cert = s.getPeerCertificate(true);
    const now = (t.now ?? (() => new Date()))();
    const from = new Date(cert.valid_from);
    const to = new Date(cert.valid_to);
    const validity: TlsReport['validity'] =
      now > to ? { ok: false, code: 'CERT_HAS_EXPIRED' } : now < from ? { ok: false, code: 'CERT_NOT_YET_VALID' } : { ok: true };
    const pinned = t.policy.mode === 'pinned';
    const chain = chainOf(cert);
    let trust: TlsReport['trust'];
    if (pinned) {
      const ok = cert.fingerprint256.toUpperCase() === t.policy.pinned;
      trust = ok
        ? { ok, how: t.policy.description, mode: 'pinned' }
        : { ok, code: 'PIN_MISMATCH', how: t.policy.description, mode: 'pinned' };
    } else {
      const verdict = verifyChain(
        chain.map((c) => c.raw),
        t.policy.ca,
      );
      const nodeCode = s.authorizationError ? String(s.authorizationError) : undefined;
      // Our own walk ignores dates on purpose; any other complaint from OpenSSL still counts.
      const nodeOk = !nodeCode || TIME_CODES.has(nodeCode);
      const ok = verdict.ok && nodeOk;
      const how = { how: t.policy.description, mode: t.policy.mode };
      trust = ok ? { ok, ...how } : { ok, code: verdict.code ?? nodeCode, ...how };
    }
    const idErr = tls.checkServerIdentity(t.host, cert);
    return {
      protocol: s.getProtocol() ?? '?',
      cipher: s.getCipher()?.name ?? '?',
      subject: dn(cert.subject),
      issuer: dn(cert.issuer),
      validFrom: from.toISOString(),
      validTo: to.toISOString(),
      fingerprint: cert.fingerprint256,
      names: certificateNames(cert),
      chain: chain.map((c) => dn(c.subject)),
      validity,
      trust,
      // A pinned certificate is trusted as that exact certificate; the real connection does not check its name.
      hostname: { ok: !idErr, reason: idErr?.message, required: !pinned },
    };
  } finally {
    s.destroy();
  }
}
