// Graph requests as plain values so the same handlers answer top-level HTTP requests and $batch members.
import { randomUUID } from 'node:crypto';
import type { SimContext } from '../http/types.js';
import type { VerifiedToken } from '../oauth/verify.js';

export interface GraphRequest {
  ctx: SimContext;
  method: string;
  /** Path after /v1.0, e.g. /users/alice@contoso.com/calendarView */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  token: VerifiedToken;
}

export interface GraphResult {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function ok(body: unknown, headers: Record<string, string> = {}): GraphResult {
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8',
      ...headers,
    },
    body,
  };
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphResult {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': randomUUID(),
          'client-request-id': randomUUID(),
        },
      },
    },
  };
}

export const v1 = (ctx: SimContext) => `${ctx.baseUrl}/v1.0`;
export const odataContext = (ctx: SimContext, what: string) => `${v1(ctx)}/$metadata#${what}`;

/** Graph's DateTimeTimeZone in UTC: "2026-11-25T09:00:00.0000000". */
export function graphDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000');
}

/** startDateTime/endDateTime query values (with or without offset; no offset = UTC). */
export function parseQueryTime(v: string | null): number | undefined {
  if (!v) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return Number.isFinite(t) ? t : undefined;
}

export function encodeToken(o: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

export function decodeToken<T>(s: string | null): T | undefined {
  if (!s) return undefined;
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
