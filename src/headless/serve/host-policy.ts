// Where `calpump serve` may listen and with which token. Loopback is the default; any other address lets other
// computers reach the UI (and every stored profile), so it is refused unless a token was configured on purpose.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { CalpumpError } from '../../core/errors/calpump-error.js';

export const DEFAULT_SERVE_HOST = '127.0.0.1';
export const SERVE_TOKEN_ENV = 'CALPUMP_SERVE_TOKEN';
/** A configured token shorter than this is refused: it would be guessable. */
export const MIN_TOKEN_LENGTH = 16;

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::ffff:127.0.0.1';
}

export interface ServeSecurity {
  host: string;
  token: string;
  /** True when the token came from --token / the environment rather than being made for this run. */
  configured: boolean;
}

export function resolveServeSecurity(opts: { host?: string; token?: string; env?: NodeJS.ProcessEnv }): ServeSecurity {
  const host = opts.host?.trim() || DEFAULT_SERVE_HOST;
  const given = opts.token ?? opts.env?.[SERVE_TOKEN_ENV];
  if (given !== undefined && given.length < MIN_TOKEN_LENGTH) {
    throw new CalpumpError('input.invalid', { params: { field: 'token', problem: `use at least ${MIN_TOKEN_LENGTH} random characters` } });
  }
  if (!isLoopbackHost(host) && !given) throw new CalpumpError('serve.hostNeedsToken', { params: { host } });
  return { host, token: given ?? randomBytes(24).toString('base64url'), configured: given !== undefined };
}
