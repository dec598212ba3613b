// NTLM over one dedicated keep-alive connection: Type 1 → 401 + Type 2 challenge → Type 3 with the request.
// NTLM authenticates the TCP connection, not the request, so all three legs must share one socket.
//
// Why not @ewsjs/xhr's NtlmProvider (ewsjs's own transport): it builds its own `new https.Agent(...)` per
// call, which silently drops our per-profile TLS trust (CA file, pinning) and the proxy tunnel, and it refuses
// to combine NTLM with a proxy. We reuse only its message functions from @ewsjs/ntlm-client.
// Default import: the package is CommonJS, and Node's ESM loader cannot see its named exports (vitest can,
// which hid this; test/headless/cli/bin.e2e.test.ts runs plain Node to catch it).
import ntlmClient from '@ewsjs/ntlm-client';
import type { Agent } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpResponse } from '../../../net/http-client.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { parseAuthSchemes } from './auth-challenge.js';
import type { HttpSender } from './http-sender.js';

export function splitAccount(username: string): { user: string; domain: string } {
  const i = username.indexOf('\\');
  return i > 0 ? { user: username.slice(i + 1), domain: username.slice(0, i).toUpperCase() } : { user: username, domain: '' };
}

const { createType1Message, createType3Message, decodeType2Message } = ntlmClient;
const WORKSTATION = 'CALPUMP';

export type NtlmScheme = 'NTLM' | 'Negotiate';

export function ntlmChallenge(res: HttpResponse, scheme: NtlmScheme = 'NTLM'): string | undefined {
  const h = res.headers['www-authenticate'];
  const all = Array.isArray(h) ? h.join(', ') : (h ?? '');
  return new RegExp(`${scheme}\\s+([A-Za-z0-9+/=]{20,})`).exec(all)?.[1];
}

/**
 * A virtual directory with only the Negotiate provider (Kerberos first) still takes NTLM inside Negotiate, as
 * Windows clients without a ticket send it; the doctor counts Negotiate as NTLM offered for this reason.
 */
function onlyNegotiate(res: HttpResponse): boolean {
  if (res.status !== 401) return false;
  const offered = parseAuthSchemes(res.headers['www-authenticate']).map((s) => s.toLowerCase());
  return offered.includes('negotiate') && !offered.includes('ntlm');
}

/** ntlm-client's messages start with "NTLM "; the same token goes under the Negotiate scheme unchanged. */
const under = (scheme: NtlmScheme, message: string) => (scheme === 'NTLM' ? message : message.replace(/^NTLM /, 'Negotiate '));

export type NtlmAccount = { username: string; password: string };
type SoapRequest = { url: string; headers: Record<string, string>; body: string };

/**
 * Type 1 → 401 + Type 2 → Type 3 carrying the request, all on `agent` (one keep-alive socket). `onSocket`
 * sees the socket of the Type 3 leg only, so a caller can remember which connection ended up authenticated.
 */
export async function ntlmHandshake(
  http: HttpSender,
  req: SoapRequest,
  account: NtlmAccount,
  agent: Agent | undefined,
  onSocket?: (socket: Socket) => void,
): Promise<HttpResponse> {
  const { user, domain } = splitAccount(account.username);
  const leg1 = (scheme: NtlmScheme) =>
    http.request({
      url: req.url,
      method: 'POST',
      headers: { ...req.headers, Connection: 'keep-alive', Authorization: under(scheme, createType1Message(WORKSTATION, domain)) },
      body: '',
      agent,
    });
  let scheme: NtlmScheme = 'NTLM';
  let first = await leg1(scheme);
  if (!ntlmChallenge(first) && onlyNegotiate(first)) {
    scheme = 'Negotiate';
    first = await leg1(scheme);
  }
  const challenge = first.status === 401 ? ntlmChallenge(first, scheme) : undefined;
  // No challenge: the server does not do NTLM here (or answered otherwise); let the caller classify it.
  if (!challenge) return first;
  let type3: string;
  try {
    type3 = createType3Message(decodeType2Message(challenge), user, account.password, WORKSTATION, domain);
  } catch (e) {
    throw new CalpumpError('ews.response.malformed', {
      params: { url: req.url },
      evidence: `invalid NTLM challenge: ${(e as Error).message}`,
    });
  }
  return http.request({
    url: req.url,
    method: 'POST',
    headers: { ...req.headers, Connection: 'keep-alive', Authorization: under(scheme, type3) },
    body: req.body,
    agent,
    onSocket,
  });
}

/** One request with its own handshake on a throw-away connection (the doctor's probes; no state kept). */
export async function ntlmRequest(http: HttpSender, req: SoapRequest, account: NtlmAccount): Promise<HttpResponse> {
  const agent = await http.newAgent(req.url);
  try {
    return await ntlmHandshake(http, req, account, agent);
  } finally {
    agent?.destroy();
  }
}
