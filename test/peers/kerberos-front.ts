// The Windows-authentication set-up of an on-premises Exchange, made of real parts nobody here wrote: an MIT
// Kerberos realm (CONTOSO.COM) with the service account and HTTP/localhost, and Apache httpd with
// mod_auth_gssapi (Kerberos) and gss-ntlmssp (NTLM) in front of the simulator, which trusts the user the front
// names. One call starts all three; stop() ends them, and a failed start stops what had started.
import { simCertificates } from '../../src/sim/tls/certs.js';
import { startSimulator, type RunningSimulator, type SimOptions } from '../../src/sim/index.js';
import { startApacheFront, type RunningApache } from './apache.js';
import { startKdc, type RunningKdc } from './krb5.js';

export const REALM = 'CONTOSO.COM';
export const SERVICE_USER = 'svc-calpump';
export const SERVICE_PASSWORD = 'Passw0rd!';
/** The host the front's service principal is registered for (HTTP/localhost). */
export const FRONT_HOST = 'localhost';

export interface KerberosFront {
  kdc: RunningKdc;
  apache: RunningApache;
  sim: RunningSimulator;
  /** PEM CA file that signed the front's certificate (for profile.tls.caFile). */
  caFile: string;
  /** EWS URL through the front; `host` other than FRONT_HOST reaches the same server under a name without SPN. */
  ewsUrl(host?: string): string;
  stop(): Promise<void>;
}

export async function startKerberosFront(simOptions: SimOptions = {}): Promise<KerberosFront> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const sim = await startSimulator({ tls: false, trustedUserHeader: 'X-Remote-User', ...simOptions });
    started.push(sim);
    const kdc = await startKdc({
      realm: REALM,
      hosts: [FRONT_HOST],
      users: [{ name: SERVICE_USER, password: SERVICE_PASSWORD }],
      services: [`HTTP/${FRONT_HOST}`],
    });
    started.push(kdc);
    const certs = await simCertificates('trusted');
    const apache = await startApacheFront({
      backend: sim.url,
      host: FRONT_HOST,
      keytab: kdc.keytab,
      krb5Config: kdc.env.KRB5_CONFIG,
      ntlmUsers: [{ domain: sim.world.netbios, user: SERVICE_USER, password: SERVICE_PASSWORD }],
      tls: { cert: certs.cert, key: certs.key },
    });
    started.push(apache);
    return {
      kdc,
      apache,
      sim,
      caFile: certs.caFile,
      ewsUrl: (host = FRONT_HOST) => `https://${host}:${apache.port}/EWS/Exchange.asmx`,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
