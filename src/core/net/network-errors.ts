// Node/network failures → catalogue entries with host, reason and the proxy in use as evidence.
import { CalpumpError } from '../errors/calpump-error.js';
import { isCertificateError } from './secure-connect.js';

export interface NetErrorContext {
  host: string;
  /** describeProxy() of the route used. */
  proxy: string;
  timeoutMs: number;
  /** True when the failing connection was the one to the proxy (not to the target). */
  viaProxy: boolean;
}

export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

export function mapNetworkError(err: unknown, ctx: NetErrorContext): CalpumpError {
  if (err instanceof CalpumpError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const reason = code ? `${code} ${e.message ?? ''}`.trim() : String(e?.message ?? err);
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || err instanceof RequestTimeoutError) {
    return new CalpumpError('net.timeout', { params: { host: ctx.host, seconds: String(Math.round(ctx.timeoutMs / 1000)) }, evidence: reason, cause: err });
  }
  if (ctx.viaProxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return new CalpumpError('net.proxy.failed', { params: { proxy: ctx.proxy, reason }, evidence: reason, cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CalpumpError('net.dns', { params: { host: ctx.host }, evidence: reason, cause: err });
  }
  if (['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'EADDRNOTAVAIL'].includes(code) || /socket hang up/i.test(e?.message ?? '')) {
    return new CalpumpError('net.unreachable', { params: { host: ctx.host, reason, proxy: ctx.proxy }, evidence: reason, cause: err });
  }
  if (isCertificateError(err)) {
    return new CalpumpError('net.tls.untrusted', {
      params: { host: ctx.host, reason, subject: '?', issuer: '?', fingerprint: '?' },
      evidence: reason,
      cause: err,
    });
  }
  return new CalpumpError('net.unreachable', { params: { host: ctx.host, reason: reason || 'unknown network error', proxy: ctx.proxy }, evidence: reason, cause: err });
}

/** Connection-level failures worth one more try (the server or a middlebox dropped us). */
export function isTransientNetworkError(err: unknown): boolean {
  const e = err as CalpumpError;
  if (!(e instanceof CalpumpError)) return false;
  if (e.id !== 'net.unreachable') return false;
  return /ECONNRESET|EPIPE|socket hang up|ECONNABORTED/i.test(e.evidence ?? '');
}
