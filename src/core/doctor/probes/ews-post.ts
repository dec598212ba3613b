// One authenticated SOAP POST to EWS with the profile's own method (Basic or NTLM). NTLM authenticates the
// connection, so the handshake runs on a dedicated one-socket agent from src/core/net (same TLS and proxy).
import { createRequire } from 'node:module';
import type { HttpClient, HttpResponse } from '../../net/http-client.js';

interface Type2 {
  targetName: string;
}
interface NtlmClient {
  createType1Message(workstation?: string, target?: string): string;
  decodeType2Message(header: string): Type2;
  createType3Message(t2: Type2, username: string, password: string, workstation?: string, target?: string): string;
}
const ntlm = createRequire(import.meta.url)('@ewsjs/ntlm-client') as NtlmClient;

export interface EwsCredentials {
  auth: 'basic' | 'ntlm';
  username: string;
  password: string;
}

export const SOAP_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' };

/** DOMAIN\user → { user, domain }; a UPN stays whole with an empty domain (Exchange accepts both). */
export function splitAccount(username: string): { user: string; domain: string } {
  const i = username.indexOf('\\');
  return i > 0 ? { domain: username.slice(0, i), user: username.slice(i + 1) } : { user: username, domain: '' };
}

export async function postEws(client: HttpClient, url: string, body: string, cred: EwsCredentials): Promise<HttpResponse> {
  if (cred.auth === 'basic') {
    const token = Buffer.from(`${cred.username}:${cred.password}`, 'utf8').toString('base64');
    return client.request({ url, method: 'POST', body, headers: { ...SOAP_HEADERS, Authorization: `Basic ${token}` } });
  }
  const agent = await client.newAgent(url, { keepAlive: true, maxSockets: 1 });
  try {
    const { user, domain } = splitAccount(cred.username);
    const first = await client.request({ url, method: 'POST', agent, body: '', headers: { ...SOAP_HEADERS, Authorization: ntlm.createType1Message('CALPUMP', domain) } });
    const challenge = ntlmChallenge(first.headers['www-authenticate']);
    if (first.status !== 401 || !challenge) return first;
    const type3 = ntlm.createType3Message(ntlm.decodeType2Message(challenge), user, cred.password, 'CALPUMP', domain || undefined);
    return await client.request({ url, method: 'POST', agent, body, headers: { ...SOAP_HEADERS, Authorization: type3 } });
  } finally {
    agent.destroy();
  }
}

function ntlmChallenge(h: string | string[] | undefined): string | undefined {
  const all = Array.isArray(h) ? h.join(', ') : h ?? '';
  const m = /NTLM ([A-Za-z0-9+/=]{20,})/.exec(all);
  return m ? `NTLM ${m[1]}` : undefined;
}
