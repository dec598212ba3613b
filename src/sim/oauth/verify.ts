// Bearer token check for the sim's resource endpoints (Graph, and EWS if the sim helper wants OAuth): signed by
// this tenant, not expired, not revoked, for the expected audience.
import type { SimWorld } from '../world/world.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import { simTenant } from './tenant.js';
import { asText } from '../../shared/as-text.js';

export interface VerifiedToken {
  clientId: string;
  roles: string[];
  scopes: string[];
  /** Signed-in user's UPN for delegated tokens. */
  upn?: string;
  audience: string;
}

export type TokenCheck =
  { ok: true; token: VerifiedToken } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' | 'audience' };

export function verifySimAccessToken(world: SimWorld, authorization: string | undefined, audiences: string[]): TokenCheck {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) return { ok: false, reason: 'missing' };
  const jwt = decodeJwt(m[1]);
  if (!jwt) return { ok: false, reason: 'malformed' };
  const t = simTenant(world);
  if (!verifyJwtSignature(jwt, t.publicKey)) return { ok: false, reason: 'signature' };
  const p = jwt.payload;
  const nowS = Date.now() / 1000;
  if (typeof p.exp !== 'number' || p.exp <= nowS || (typeof p.iat === 'number' && p.iat * 1000 < t.notBeforeMs))
    return { ok: false, reason: 'expired' };
  const aud = asText(p.aud ?? '');
  if (!audiences.some((a) => a.toLowerCase() === aud.toLowerCase())) return { ok: false, reason: 'audience' };
  return {
    ok: true,
    token: {
      clientId: asText(p.appid ?? ''),
      roles: Array.isArray(p.roles) ? (p.roles as string[]) : [],
      scopes: typeof p.scp === 'string' ? p.scp.split(' ').filter(Boolean) : [],
      upn: typeof p.upn === 'string' ? p.upn : undefined,
      audience: aud,
    },
  };
}
