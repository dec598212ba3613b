// One POST authenticated the way a profile signs in: Basic on the request itself, NTLM on a dedicated
// connection (bound to the server certificate), or Kerberos under Negotiate. The doctor's probes send through
// this, so they authenticate exactly as the EWS transport does.
import type { NegotiateSource } from '../../../auth/kerberos/negotiate-types.js';
import type { HttpResponse } from '../../../net/http-client.js';
import type { HttpSender } from './http-sender.js';
import { negotiatePost } from './negotiate-post.js';
import { ntlmRequest, type NtlmHandshakeOptions } from './ntlm-handshake.js';

export interface PasswordCredentials {
  auth: 'basic' | 'ntlm';
  username: string;
  password: string;
  /** NTLM: see NtlmHandshakeOptions (the doctor compares bound and unbound sign-ins). */
  ntlm?: Omit<NtlmHandshakeOptions, 'onSocket'>;
}

export interface KerberosCredentials {
  auth: 'kerberos';
  username: string;
  negotiate: NegotiateSource;
}

export type PostCredentials = PasswordCredentials | KerberosCredentials;

export function basicAuthorization(username: string, password: string): string {
  return 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export function passwordPost(
  http: HttpSender,
  req: { url: string; headers: Record<string, string>; body: string },
  cred: PostCredentials,
): Promise<HttpResponse> {
  if (cred.auth === 'kerberos') return negotiatePost(http, req, cred.negotiate);
  if (cred.auth === 'ntlm') return ntlmRequest(http, req, cred, cred.ntlm);
  return http.request({
    url: req.url,
    method: 'POST',
    headers: { ...req.headers, Authorization: basicAuthorization(cred.username, cred.password) },
    body: req.body,
  });
}
