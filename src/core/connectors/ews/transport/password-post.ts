// One POST authenticated with the account's password: Basic on the request itself, or NTLM on a dedicated
// connection. The EWS transport and the doctor's probes send through this, so both authenticate alike.
import type { HttpResponse } from '../../../net/http-client.js';
import type { HttpSender } from './http-sender.js';
import { ntlmRequest } from './ntlm-handshake.js';

export interface PasswordCredentials {
  auth: 'basic' | 'ntlm';
  username: string;
  password: string;
}

export function basicAuthorization(username: string, password: string): string {
  return 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export function passwordPost(
  http: HttpSender,
  req: { url: string; headers: Record<string, string>; body: string },
  cred: PasswordCredentials,
): Promise<HttpResponse> {
  if (cred.auth === 'ntlm') return ntlmRequest(http, req, cred);
  return http.request({
    url: req.url,
    method: 'POST',
    headers: { ...req.headers, Authorization: basicAuthorization(cred.username, cred.password) },
    body: req.body,
  });
}
