// Where a Kerberos profile's Negotiate tokens come from: GSSAPI on Linux (gssapi-source.ts) or SSPI on Windows
// (sspi-source.ts), both through the one native seam in gss-binding.ts. The EWS transport and the doctor only
// see NegotiateSource: a fresh security context per request, its first token, and a way to read the server's
// answer token (which carries the Kerberos error when the server refused the ticket).
import type { EwsProfile } from '../../../shared/profile.js';
import { secretKey } from '../../../shared/profile.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { kerberosPackage, type GssBinding } from './gss-binding.js';
import { GssapiSource, type KinitRunner } from './gssapi-source.js';
import { defaultSpn, kerberosAccount, type KerberosAccount } from './kerberos-names.js';
import type { KerberosCredential, NegotiateSource } from './negotiate-types.js';
import { SspiSource } from './sspi-source.js';

export type { KerberosCredential, NegotiateSource, NegotiateStart } from './negotiate-types.js';

export interface NegotiateDeps {
  secrets: SecretStore;
  /** The native binding (default: the `kerberos` package); tests pass a typed fake. */
  gss?: GssBinding;
  kinit?: KinitRunner;
}

export function createNegotiateSource(profile: EwsProfile, deps: NegotiateDeps): NegotiateSource {
  const k = profile.kerberos ?? { credential: 'password' as const };
  const account = kerberosAccount(profile.username, k.realm);
  const password = async () => {
    const p = await deps.secrets.get(secretKey(profile.id, 'password'));
    if (p === undefined) throw new CalpumpError('secrets.missing', { params: { profile: profile.name, secret: 'password' } });
    return p;
  };
  const credential: KerberosCredential =
    k.credential === 'logon'
      ? { kind: 'logon' }
      : k.credential === 'keytab'
        ? { kind: 'keytab', keytab: k.keytab ?? '' }
        : { kind: 'password', password };
  // The SPN set in the profile is for its EWS host; any other host (autodiscover) gets HTTP/<that host>.
  const ewsHost = profile.url ? new URL(profile.url).host.toLowerCase() : undefined;
  const spnFor = (url: string) => (k.spn && (!ewsHost || new URL(url).host.toLowerCase() === ewsHost) ? k.spn : defaultSpn(url));
  return negotiateSourceFor(deps.gss ?? kerberosPackage(), account, credential, spnFor, deps.kinit);
}

/** SSPI on Windows, GSSAPI elsewhere, for an account and its credential (an EWS profile's, or a proxy's). */
export function negotiateSourceFor(
  binding: GssBinding,
  account: KerberosAccount,
  credential: KerberosCredential,
  spnFor: (url: string) => string,
  kinit?: KinitRunner,
): NegotiateSource {
  return binding.kind === 'sspi'
    ? new SspiSource(binding, account, credential, spnFor)
    : new GssapiSource(binding, account, credential, spnFor, kinit);
}
