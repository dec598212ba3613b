// NTLM over one dedicated keep-alive connection: NEGOTIATE → 401 + CHALLENGE → AUTHENTICATE with the request.
// NTLM authenticates the TCP connection, not the request, so all three legs must share one socket. Over TLS the
// AUTHENTICATE message is bound to the server certificate seen on that socket (Extended Protection, see
// channel-binding.ts) and names the service (HTTP/<host>), as Windows clients do.
//
// Why not @ewsjs/xhr's NtlmProvider (ewsjs's own transport): it builds its own `new https.Agent(...)` per
// call, which silently drops our per-profile TLS trust (CA file, pinning) and the proxy tunnel, and it refuses
// to combine NTLM with a proxy; its message code sends no channel binding, target name or MIC.
import type { Agent } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { HttpResponse } from '../../../net/http-client.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { parseAuthSchemes } from './auth-challenge.js';
import { ntlmChannelBindings } from './channel-binding.js';
import type { HttpSender } from './http-sender.js';
import { NtlmClient, type NtlmAccount } from './ntlm/ntlm-client.js';

export { splitAccount, type NtlmAccount } from './ntlm/ntlm-client.js';

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

type SoapRequest = { url: string; headers: Record<string, string>; body: string };

export interface NtlmHandshakeOptions {
  /** Told the socket of the AUTHENTICATE leg, so a caller can remember which connection is authenticated. */
  onSocket?: (socket: Socket) => void;
  /**
   * 'tls' (default): bind to the certificate the server showed on this connection. 'none': send the all-zero
   * binding a client without Extended Protection sends (the doctor compares both to name a refusal).
   */
  channelBinding?: 'tls' | 'none';
  /** Told the certificate (DER) the server showed on the handshake's connection (HTTPS only). */
  onCertificate?: (der: Buffer) => void;
}

/** The server certificate (DER) of a TLS socket, if it is one. */
export function peerCertificate(socket: Socket | undefined): Buffer | undefined {
  const tls = socket as TLSSocket | undefined;
  return typeof tls?.getPeerX509Certificate === 'function' ? tls.getPeerX509Certificate()?.raw : undefined;
}

/**
 * NEGOTIATE → 401 + CHALLENGE → AUTHENTICATE carrying the request, all on `agent` (one keep-alive socket).
 * Without a challenge (the server does not do NTLM here, or answered otherwise) the first answer is returned
 * for the caller to classify.
 */
export async function ntlmHandshake(
  http: HttpSender,
  req: SoapRequest,
  account: NtlmAccount,
  agent: Agent | undefined,
  opts: NtlmHandshakeOptions = {},
): Promise<HttpResponse> {
  const client = new NtlmClient(account);
  const type1 = client.negotiateMessage().toString('base64');
  let socket: Socket | undefined;
  const leg1 = (scheme: NtlmScheme) =>
    http.request({
      url: req.url,
      method: 'POST',
      headers: { ...req.headers, Connection: 'keep-alive', Authorization: `${scheme} ${type1}` },
      body: '',
      agent,
      onSocket: (s) => (socket = s),
    });
  let scheme: NtlmScheme = 'NTLM';
  let first = await leg1(scheme);
  if (!ntlmChallenge(first) && onlyNegotiate(first)) {
    scheme = 'Negotiate';
    first = await leg1(scheme);
  }
  const challenge = first.status === 401 ? ntlmChallenge(first, scheme) : undefined;
  if (!challenge) return first;
  const seen = peerCertificate(socket);
  if (seen) opts.onCertificate?.(seen);
  const cert = opts.channelBinding === 'none' ? undefined : seen;
  let type3: string;
  try {
    type3 = client
      .authenticateMessage(Buffer.from(challenge, 'base64'), {
        channelBindings: cert ? ntlmChannelBindings(cert) : undefined,
        targetName: `HTTP/${new URL(req.url).hostname.replace(/^\[|\]$/g, '')}`,
      })
      .toString('base64');
  } catch (e) {
    throw new CalpumpError('ews.response.malformed', {
      params: { url: req.url },
      evidence: `NTLM challenge: ${(e as Error).message}`,
    });
  }
  return http.request({
    url: req.url,
    method: 'POST',
    headers: { ...req.headers, Connection: 'keep-alive', Authorization: `${scheme} ${type3}` },
    body: req.body,
    agent,
    onSocket: opts.onSocket,
  });
}

/** One request with its own handshake on a throw-away connection (the doctor's probes; no state kept). */
export async function ntlmRequest(
  http: HttpSender,
  req: SoapRequest,
  account: NtlmAccount,
  opts: Omit<NtlmHandshakeOptions, 'onSocket'> = {},
): Promise<HttpResponse> {
  const agent = await http.newAgent(req.url);
  try {
    return await ntlmHandshake(http, req, account, agent, opts);
  } finally {
    agent?.destroy();
  }
}
