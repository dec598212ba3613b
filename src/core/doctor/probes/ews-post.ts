// One authenticated SOAP POST to EWS with the profile's own method (Basic, NTLM or Kerberos), through the
// connector's transport code so the doctor authenticates exactly as a sync would (NTLM on a one-socket agent
// from src/core/net: same TLS and proxy).
import { passwordPost, type PostCredentials } from '../../connectors/ews/transport/password-post.js';
import type { HttpClient, HttpResponse } from '../../net/http-client.js';

export type EwsCredentials = PostCredentials;

export const SOAP_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' };

export function postEws(client: HttpClient, url: string, body: string, cred: EwsCredentials): Promise<HttpResponse> {
  return passwordPost(client, { url, headers: SOAP_HEADERS, body }, cred);
}

/** Basic or NTLM: the password schemes of a profile (a bearer profile never reaches a password post). */
export function passwordAuth(p: { auth: string }): 'basic' | 'ntlm' {
  return p.auth === 'basic' ? 'basic' : 'ntlm';
}
