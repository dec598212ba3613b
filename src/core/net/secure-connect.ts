// Opens a verified TLS socket (direct or through a CONNECT tunnel) and hands it to HTTP only after the
// profile's trust policy accepted the server's certificate.
//
// Pinning note: Node calls checkServerIdentity only when the chain already verified, so a self-signed pinned
// certificate would never reach it. For the pinned mode alone this socket therefore skips Node's chain check
// and we compare the leaf's SHA-256 fingerprint on 'secureConnect' — before the socket is released and before
// the request (with its Authorization header) is written. A mismatch destroys the socket.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { CalpumpError } from '../errors/calpump-error.js';
import { isTlsErrorCode } from '../errors/error-map.js';
import { certificateFacts, type CertificateFacts } from './certificate-facts.js';
import { certificateError } from './network-errors.js';
import type { ProxyRoute } from './proxy-resolution.js';
import type { ProxySignIn } from './proxy-sign-in.js';
import { openTunnel } from './proxy-tunnel.js';
import type { TlsPolicy } from './tls-policy.js';

export interface SecureTarget {
  host: string;
  port: number;
  route: ProxyRoute;
  policy: TlsPolicy;
  /** The proxy sign-in of the route (default: the one kept with it, without Kerberos test seams). */
  signIn?: ProxySignIn;
  /** How long the proxy may stay silent while the tunnel is opened, and the TLS handshake may take (ETIMEDOUT). */
  timeoutMs?: number;
}

async function rawSocket(t: SecureTarget): Promise<net.Socket | undefined> {
  return t.route.kind === 'proxy' ? openTunnel(t.route, t.host, t.port, t.signIn, t.timeoutMs) : undefined;
}

// A CA list given per connection makes Node parse every certificate in it (all system roots plus the profile's
// CA) on each handshake; one secure context per policy is built once and reused by every connection.
const contexts = new WeakMap<TlsPolicy, tls.SecureContext>();
function secureContextFor(policy: TlsPolicy): tls.SecureContext | undefined {
  if (!policy.ca) return undefined;
  let ctx = contexts.get(policy);
  if (!ctx) {
    ctx = contextFor(policy.ca);
    contexts.set(policy, ctx);
  }
  return ctx;
}

/** Node's default trust store is its bundled roots and nothing else (no NODE_EXTRA_CA_CERTS, no OpenSSL or OS store). */
function defaultStoreIsBundledRoots(): boolean {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  return !process.env.NODE_EXTRA_CA_CERTS && !/--use-(openssl|system)-ca|--use-bundled-ca/.test(flags);
}

/**
 * The same trust anchors, built cheaply where they can be: when the list is Node's bundled roots followed by the
 * profile's additions and Node's default store is exactly those roots, the context starts from that store (parsed
 * once per process) and adds only the additions — about 1 ms of CPU instead of 30 ms for ~145 PEM certificates at
 * every connector's first connection. Adding to a context never changes Node's shared store.
 */
function contextFor(ca: string[]): tls.SecureContext {
  const roots = tls.rootCertificates;
  const extendsRoots = ca.length >= roots.length && roots.every((pem, i) => ca[i] === pem);
  if (!extendsRoots || !defaultStoreIsBundledRoots()) return tls.createSecureContext({ ca });
  const ctx = tls.createSecureContext();
  const native = ctx.context as { addCACert(pem: string): void };
  for (const pem of ca.slice(roots.length)) native.addCACert(pem);
  return ctx;
}

/**
 * The context of the policy's `first` anchors (its CA file): built once, and null once a server's chain did not
 * verify against it — that policy's handshakes then go to the whole list at once.
 */
const firstContexts = new WeakMap<TlsPolicy, tls.SecureContext | null>();
function firstContextFor(policy: TlsPolicy): tls.SecureContext | undefined {
  if (!policy.first?.length) return undefined;
  let ctx = firstContexts.get(policy);
  if (ctx === undefined) {
    ctx = tls.createSecureContext({ ca: policy.first });
    firstContexts.set(policy, ctx);
  }
  return ctx ?? undefined;
}

function tlsOptions(t: SecureTarget, socket: net.Socket | undefined, verify: boolean, context?: tls.SecureContext): tls.ConnectionOptions {
  const servername = net.isIP(t.host) ? undefined : t.host;
  const base: tls.ConnectionOptions = socket ? { socket, servername } : { host: t.host, port: t.port, servername };
  if (!verify) return { ...base, rejectUnauthorized: false };
  const secureContext = context ?? secureContextFor(t.policy);
  return secureContext ? { ...base, rejectUnauthorized: true, secureContext } : { ...base, rejectUnauthorized: true };
}

/**
 * A verified handshake: against the policy's CA file first when it has one (a subset of its anchors, so what it
 * accepts the whole list accepts too), and against the whole list when that fails for any TLS reason — on a new
 * connection, so the outcome is then exactly the whole list's.
 */
async function verifiedHandshake(t: SecureTarget): Promise<tls.TLSSocket> {
  const first = firstContextFor(t.policy);
  if (first) {
    try {
      return await tlsHandshake(tlsOptions(t, await rawSocket(t), true, first), t.timeoutMs);
    } catch (err) {
      if (!isTlsErrorCode((err as NodeJS.ErrnoException).code)) throw err;
      firstContexts.set(t.policy, null);
    }
  }
  return tlsHandshake(tlsOptions(t, await rawSocket(t), true), t.timeoutMs);
}

/** A TLS handshake that settles once: the socket after 'secureConnect', or the first error (or ETIMEDOUT). */
export function tlsHandshake(opts: tls.ConnectionOptions, timeoutMs?: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const s = tls.connect(opts);
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => s.destroy(Object.assign(new Error(`no TLS answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    const onError = (e: Error) => {
      clearTimeout(timer);
      reject(e);
    };
    s.once('error', onError);
    s.once('secureConnect', () => {
      clearTimeout(timer);
      s.removeListener('error', onError);
      resolve(s);
    });
  });
}

/** Reads the server certificate without sending anything, to put evidence into an error message. */
export async function probeCertificate(t: SecureTarget): Promise<CertificateFacts | undefined> {
  try {
    const s = await tlsHandshake(tlsOptions(t, await rawSocket(t), false), t.timeoutMs);
    const facts = certificateFacts(s.getPeerCertificate());
    s.destroy();
    return facts;
  } catch {
    return undefined;
  }
}

export async function secureConnect(t: SecureTarget): Promise<tls.TLSSocket> {
  const pinned = t.policy.mode === 'pinned';
  let socket: tls.TLSSocket;
  try {
    socket = pinned ? await tlsHandshake(tlsOptions(t, await rawSocket(t), false), t.timeoutMs) : await verifiedHandshake(t);
  } catch (err) {
    if (!isTlsErrorCode((err as NodeJS.ErrnoException).code)) throw err;
    throw certificateError(err, t.host, await probeCertificate(t));
  }
  if (pinned) {
    const facts = certificateFacts(socket.getPeerCertificate());
    if (facts.fingerprint.toUpperCase() !== t.policy.pinned) {
      socket.destroy();
      throw new CalpumpError('net.tls.pinMismatch', {
        params: { host: t.host, fingerprint: facts.fingerprint, pinned: t.policy.pinned! },
        evidence: `subject=${facts.subject}; issuer=${facts.issuer}`,
      });
    }
  }
  return socket;
}
