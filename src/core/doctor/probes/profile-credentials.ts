// The credentials the doctor's probes sign in with, as the profile says: the stored password for Basic and
// NTLM, or a Kerberos ticket source (made once per doctor run and closed with it).
import type { EwsProfile } from '../../../shared/profile.js';
import { secretKey } from '../../../shared/profile.js';
import type { GssBinding } from '../../auth/kerberos/gss-binding.js';
import type { KinitRunner } from '../../auth/kerberos/gssapi-source.js';
import { createNegotiateSource } from '../../auth/kerberos/negotiate-source.js';
import type { NegotiateSource } from '../../auth/kerberos/negotiate-types.js';
import type { PostCredentials } from '../../connectors/ews/transport/password-post.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { passwordAuth } from './ews-post.js';
import type { SecretStore } from '../../secrets/secret-store.js';

export interface CredentialContext {
  profile: EwsProfile;
  secrets: SecretStore;
  /** Kerberos: the ticket source of this run. */
  negotiate?: NegotiateSource;
  /** Kerberos seams for tests (default: the `kerberos` package and MIT kinit). */
  gss?: GssBinding;
  kinit?: KinitRunner;
}

export async function storedPassword(ctx: CredentialContext): Promise<string> {
  const p = ctx.profile;
  const password = await ctx.secrets.get(secretKey(p.id, 'password'));
  if (!password) throw new CalpumpError('secrets.missing', { params: { profile: p.name, secret: 'password' } });
  return password;
}

export function negotiateSource(ctx: CredentialContext): NegotiateSource {
  ctx.negotiate ??= createNegotiateSource(ctx.profile, { secrets: ctx.secrets, gss: ctx.gss, kinit: ctx.kinit });
  return ctx.negotiate;
}

export async function profileCredentials(ctx: CredentialContext): Promise<PostCredentials> {
  const p = ctx.profile;
  if (p.auth === 'kerberos') return { auth: 'kerberos', username: p.username, negotiate: negotiateSource(ctx) };
  return { auth: passwordAuth(p), username: p.username, password: await storedPassword(ctx) };
}
