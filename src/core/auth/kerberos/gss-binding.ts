// The one seam to the native Kerberos binding (the npm `kerberos` package: MIT GSSAPI on Linux, SSPI on
// Windows). Everything above it is plain TypeScript and is tested with a typed fake of this interface; the
// real binding is loaded on first use, so a machine without it fails only the profiles that need Kerberos.
import { createRequire } from 'node:module';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';

export interface GssClientContext {
  /** One context step: '' first, then the server's token. Resolves to the token to send (may be empty). */
  step(challenge: string): Promise<string | null>;
}

export interface GssInitOptions {
  /** GSSAPI: the client principal whose credentials to use (user@REALM). */
  principal?: string;
  /** SSPI only: explicit credentials instead of the logged-on user's. */
  user?: string;
  domain?: string;
  password?: string;
}

export interface GssBinding {
  /** 'gssapi' (MIT krb5: service as HTTP@host) or 'sspi' (Windows: service as the SPN HTTP/host). */
  readonly kind: 'gssapi' | 'sspi';
  initializeClient(service: string, opts: GssInitOptions): Promise<GssClientContext>;
}

interface KerberosModule {
  initializeClient(service: string, options: Record<string, unknown>): Promise<GssClientContext>;
  GSS_MECH_OID_KRB5: number;
  GSS_C_MUTUAL_FLAG: number;
  GSS_C_SEQUENCE_FLAG: number;
}

let loaded: GssBinding | undefined;

/**
 * The `kerberos` package, loaded lazily. The Kerberos mechanism is asked for directly (not SPNEGO): SPNEGO
 * would quietly fall back to NTLM on Windows, and on Linux hide the Kerberos error behind "no mechanism".
 */
export function kerberosPackage(platform: NodeJS.Platform = process.platform): GssBinding {
  if (loaded) return loaded;
  let mod: KerberosModule;
  try {
    mod = createRequire(import.meta.url)('kerberos') as KerberosModule;
  } catch (e) {
    // Node's own words about the module (not found, a missing libgssapi) are the evidence, not the reason.
    throw new CalpumpError('kerberos.unavailable', {
      params: { reason: text('problem.kerberos.noBinding') },
      evidence: (e as Error).message.split('\n')[0],
      cause: e,
    });
  }
  const flags = mod.GSS_C_MUTUAL_FLAG | mod.GSS_C_SEQUENCE_FLAG;
  loaded = {
    kind: platform === 'win32' ? 'sspi' : 'gssapi',
    initializeClient: (service, opts) => mod.initializeClient(service, { ...opts, mechOID: mod.GSS_MECH_OID_KRB5, flags }),
  };
  return loaded;
}
