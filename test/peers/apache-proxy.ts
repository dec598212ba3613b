// Apache httpd as a forward proxy that demands a sign-in, judged by code nobody here wrote: mod_proxy with
// mod_proxy_connect (CONNECT tunnels to any port) and mod_auth_gssapi in the <Proxy> section, so a request
// without a sign-in gets 407 with `Proxy-Authenticate: Negotiate` / `NTLM`, Kerberos from the keytab and NTLM
// through gss-ntlmssp. mod_auth_gssapi needs GssapiAcceptorName for NTLM here too, and keeps the connection
// open after a 407 to CONNECT, so NTLM's legs can share it. The access log names every request with its
// signed-in user and the client's port (`CONNECT localhost:8443 HTTP/1.1 200 CONTOSO\\px 41234`), for tests
// that check which way a request went and on which connection.
import { join } from 'node:path';
import { gssapiDirectives, serverDirectives, startApache, type NtlmUser, type RunningApache } from './apache.js';

const MODULE_NAMES = ['mpm_event', 'authn_core', 'authz_core', 'authz_user', 'auth_gssapi', 'proxy', 'proxy_http', 'proxy_connect'];

export interface ApacheProxyOptions {
  /** Host name of the proxy: its service principal is HTTP/<host>. */
  host: string;
  /** Service keytab holding HTTP/<host>. */
  keytab: string;
  krb5Config: string;
  /** Accounts gss-ntlmssp accepts; none: only Kerberos. */
  ntlmUsers?: NtlmUser[];
}

export async function startApacheProxy(o: ApacheProxyOptions): Promise<RunningApache> {
  return startApache({
    krb5Config: o.krb5Config,
    ntlmUsers: o.ntlmUsers,
    conf: (dir, port, ntlmFile) =>
      [
        ...serverDirectives(dir, port, o.host, MODULE_NAMES),
        'LogFormat "%r %>s %u %{remote}p" proxy',
        `CustomLog ${join(dir, 'access.log')} proxy`,
        'ProxyRequests On',
        'ProxyVia Off',
        'AllowCONNECT 1-65535',
        '<Proxy "*">',
        ...gssapiDirectives(o, ntlmFile, 'Proxy'),
        '</Proxy>',
        '',
      ].join('\n'),
    origin: (port) => `http://${o.host}:${port}`,
  });
}
