// Confidential client authentication at the token endpoint: client_secret, or a client_assertion JWT signed
// with a certificate registered on the app (x5t#S256 names it; PS256 or RS256; aud = token endpoint).
import type { AadError } from './errors.js';
import { aad } from './errors.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import type { SimApp } from './tenant.js';

export type ClientAuth = { ok: true; confidential: boolean } | { ok: false; error: AadError };

export function authenticateClient(app: SimApp, form: URLSearchParams, tokenEndpoint: string): ClientAuth {
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    if (app.secrets.includes(secret)) return { ok: true, confidential: true };
    if (app.expiredSecrets.includes(secret)) return { ok: false, error: aad.expiredSecret(app.clientId) };
    if (app.publicClient && app.secrets.length === 0) return { ok: false, error: aad.publicClientSecret() };
    return { ok: false, error: aad.badSecret(app.clientId) };
  }
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return {
        ok: false,
        error: aad.badAssertion('client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.'),
      };
    }
    const jwt = decodeJwt(assertion);
    if (!jwt) return { ok: false, error: aad.badAssertion('The assertion is not a JWT.') };
    const x5tS256 = jwt.header['x5t#S256'];
    const x5t = typeof x5tS256 === 'string' ? Buffer.from(x5tS256, 'base64url').toString('hex') : undefined;
    const key = x5t ? app.certificates.get(x5t) : undefined;
    if (!key)
      return {
        ok: false,
        error: aad.badAssertion(`No certificate with thumbprint '${x5t ?? '(none)'}' is registered for app '${app.clientId}'.`),
      };
    if (!verifyJwtSignature(jwt, key))
      return { ok: false, error: aad.badAssertion('The signature does not match the registered certificate.') };
    const p = jwt.payload;
    const now = Date.now() / 1000;
    if (p.iss !== app.clientId || p.sub !== app.clientId)
      return { ok: false, error: aad.badAssertion('iss and sub must be the client ID.') };
    if (p.aud !== tokenEndpoint) return { ok: false, error: aad.badAssertion(`aud must be '${tokenEndpoint}'.`) };
    if (typeof p.exp !== 'number' || p.exp < now) return { ok: false, error: aad.badAssertion('The assertion has expired.') };
    return { ok: true, confidential: true };
  }
  return { ok: true, confidential: false };
}
