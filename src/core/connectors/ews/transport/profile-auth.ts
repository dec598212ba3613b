// How an EWS profile authenticates its requests, built once for the connector and the writer alike: Basic and
// NTLM with the stored password (read when a request needs it, so a missing secret fails that request with
// secrets.missing), Kerberos through a NegotiateSource (GSSAPI on Linux, SSPI on Windows).
import type { EwsProfile } from '../../../../shared/profile.js';
import { secretKey } from '../../../../shared/profile.js';
import type { GssBinding } from '../../../auth/kerberos/gss-binding.js';
import { createNegotiateSource } from '../../../auth/kerberos/negotiate-source.js';
import type { KinitRunner } from '../../../auth/kerberos/gssapi-source.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { ConnectorDeps } from '../../deps.js';
import type { EwsTransportOptions } from './ews-transport.js';

export interface KerberosSeams {
  /** The native Kerberos binding (default: the `kerberos` package); tests pass a typed fake. */
  gss?: GssBinding;
  kinit?: KinitRunner;
}

export function profileAuth(
  profile: EwsProfile,
  deps: ConnectorDeps,
  seams: KerberosSeams = {},
): Pick<EwsTransportOptions, 'auth' | 'username' | 'password' | 'negotiate'> {
  const password = async () => {
    const p = await deps.secrets.get(secretKey(profile.id, 'password'));
    if (p === undefined) throw new CalpumpError('secrets.missing', { params: { profile: profile.name, secret: 'password' } });
    return p;
  };
  return {
    auth: profile.auth,
    username: profile.username,
    password,
    negotiate:
      profile.auth === 'kerberos' && !profile.legacyOnline
        ? createNegotiateSource(profile, { secrets: deps.secrets, gss: seams.gss, kinit: seams.kinit })
        : undefined,
  };
}
