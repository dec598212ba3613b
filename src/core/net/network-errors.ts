// Node/network failures → catalogue entries with host, reason and the proxy in use as evidence. Which entry a
// code means is decided once, in src/core/errors/error-map.ts (shared with the doctor); this file only
// supplies the params those entries show.
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { mapSocketError, mapTlsError } from '../errors/error-map.js';
import { IdleTimeoutError, ResponseTooLargeError, UndecodableAnswerError } from './bounded-answer.js';
import { certificateParams, type CertificateFacts } from './certificate-facts.js';
import { formatBytes } from './read-limits.js';

export interface NetErrorContext {
  host: string;
  port?: number;
  /** describeProxy() of the route used (an engine text the error's {proxy} shows). */
  proxy: TextRef | string;
  timeoutMs: number;
  /** The idle timeout in force (no byte for this long ends a request). */
  idleMs?: number;
  /** True when the failing connection was the one to the proxy (not to the target). */
  viaProxy: boolean;
}

export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

// Failing to reach the proxy itself is the proxy's entry, not the target's.
const PROXY_CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  return e?.code ? `${e.code} ${e.message ?? ''}`.trim() : String(e?.message ?? err);
}

/** The bounded-read failures (http-client.ts): each its own entry, with the figures an administrator needs. */
function boundedReadError(err: unknown, ctx: NetErrorContext): CalpumpError | undefined {
  const common = { host: ctx.host, proxy: ctx.proxy };
  if (err instanceof ResponseTooLargeError) {
    const size = err.declared ? formatBytes(err.size) : text('problem.net.moreThan', { size: formatBytes(err.limit) });
    return new CalpumpError('net.response.tooLarge', {
      params: { ...common, size, limit: formatBytes(err.limit) },
      evidence: err.message,
      cause: err,
    });
  }
  if (err instanceof IdleTimeoutError) {
    const idleSeconds = String(Math.round((ctx.idleMs ?? ctx.timeoutMs) / 1000));
    return new CalpumpError('net.timeout.idle', { params: { ...common, idleSeconds }, evidence: err.message, cause: err });
  }
  if (err instanceof UndecodableAnswerError) {
    return new CalpumpError('net.response.undecodable', { params: { ...common, reason: err.message }, evidence: err.message, cause: err });
  }
  return undefined;
}

export function mapNetworkError(err: unknown, ctx: NetErrorContext): CalpumpError {
  if (err instanceof CalpumpError) return err;
  const bounded = boundedReadError(err, ctx);
  if (bounded) return bounded;
  const e = err as NodeJS.ErrnoException | undefined;
  const code = e?.code ?? '';
  const reason = reasonOf(err);
  if (ctx.viaProxy && PROXY_CONNECT_CODES.has(code)) {
    return new CalpumpError('net.proxy.failed', { params: { proxy: ctx.proxy, reason }, evidence: reason, cause: err });
  }
  const params = {
    host: ctx.host,
    port: ctx.port === undefined ? '?' : String(ctx.port),
    proxy: ctx.proxy,
    reason: reason || '?',
    seconds: String(Math.round(ctx.timeoutMs / 1000)),
    ...certificateParams(undefined),
  };
  return new CalpumpError(mapSocketError(code || undefined, e?.message), { params, evidence: reason, cause: err });
}

/**
 * A refused certificate, as the entry for its OpenSSL code. Whatever that entry shows, the evidence names the
 * certificate the server presented (subject, issuer, SHA-256), which is what pinning or a CA file needs.
 */
export function certificateError(err: unknown, host: string, facts: CertificateFacts | undefined): CalpumpError {
  const e = err as NodeJS.ErrnoException;
  const reason = e.code ?? e.message;
  const presented = facts ? `; certificate ${facts.subject}, issued by ${facts.issuer}, SHA-256 ${facts.fingerprint}` : '';
  return new CalpumpError(mapTlsError(e.code), {
    params: { host, reason, ...certificateParams(facts) },
    evidence: `${e.message}${presented}`,
    cause: err,
  });
}

/** Connection-level failures worth one more try (the server or a middlebox dropped us). */
export function isTransientNetworkError(err: unknown): boolean {
  return err instanceof CalpumpError && err.id === 'net.reset';
}
