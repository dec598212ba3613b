// IIS-style authentication in front of EWS/Autodiscover: offered schemes are configurable so tests can
// reproduce "Basic disabled" or "only Kerberos" setups. NTLM state lives on the TCP connection.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { SimAccount } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { findAccount } from '../world/world.js';
import { createChallenge, ntlmMessageType, parseType3, verifyNtlmV2, type NtlmChallengeState } from './ntlm.js';

interface ConnectionAuth {
  challenge?: NtlmChallengeState;
  account?: SimAccount;
}

const connections = new WeakMap<Socket, ConnectionAuth>();
/** Per simulator world: the connections NTLM authenticated, so a test can drop or forget them. */
const authenticated = new WeakMap<SimWorld, Set<Socket>>();

function remember(world: SimWorld, socket: Socket): void {
  let set = authenticated.get(world);
  if (!set) authenticated.set(world, (set = new Set()));
  if (set.has(socket)) return;
  set.add(socket);
  socket.once('close', () => set.delete(socket));
}

/**
 * Test hook for connection-bound NTLM. `close`: the server closes every authenticated connection (IIS
 * connection timeout, a load balancer); `forget`: the connections stay open but their authentication is
 * gone (app-pool recycle), so the next request without Authorization gets 401. Returns how many it touched.
 */
export function dropAuthenticatedConnections(world: SimWorld, how: 'close' | 'forget' = 'close'): number {
  const set = authenticated.get(world);
  if (!set) return 0;
  const sockets = [...set];
  set.clear();
  for (const s of sockets) {
    const conn = connections.get(s);
    if (conn) conn.account = undefined;
    if (how === 'close') s.destroy();
  }
  return sockets.length;
}

export type AuthOutcome = { ok: true; account: SimAccount; scheme: 'Basic' | 'NTLM' } | { ok: false; challenge: string[]; reason: string };

export const UNAUTHORIZED_HTML =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n' +
  '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head>\r\n' +
  '<body><div id="header"><h1>Server Error</h1></div><div id="content"><fieldset><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>\r\n' +
  '<h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3></fieldset></div></body></html>\r\n';

function offered(schemes: string[], realm: string): string[] {
  return schemes.map((s) => (s.toLowerCase() === 'basic' ? `Basic realm="${realm}"` : s));
}

function passwordOk(account: SimAccount | undefined, password: string): account is SimAccount {
  return !!account && account.enabled && account.password === password;
}

export function authenticate(req: IncomingMessage, world: SimWorld, schemes: string[], realm: string): AuthOutcome {
  const conn = connections.get(req.socket) ?? {};
  connections.set(req.socket, conn);
  const header = req.headers.authorization;
  const allow = (s: string) => schemes.some((x) => x.toLowerCase() === s);
  const deny = (reason: string, challenge = offered(schemes, realm)): AuthOutcome => ({ ok: false, challenge, reason });

  if (!header) {
    if (conn.account) return { ok: true, account: conn.account, scheme: 'NTLM' };
    return deny('no credentials');
  }
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const token = space < 0 ? '' : header.slice(space + 1).trim();

  if (scheme === 'basic') {
    if (!allow('basic')) return deny('Basic is not enabled');
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return deny('malformed Basic credentials');
    const account = findAccount(world, decoded.slice(0, colon));
    if (!passwordOk(account, decoded.slice(colon + 1))) return deny('bad user name or password');
    return { ok: true, account, scheme: 'Basic' };
  }

  if (scheme === 'ntlm' || scheme === 'negotiate') {
    const wireScheme = scheme === 'ntlm' ? 'NTLM' : 'Negotiate';
    if (!allow(scheme)) return deny(`${wireScheme} is not enabled`);
    const raw = Buffer.from(token, 'base64');
    const type = ntlmMessageType(raw);
    // Negotiate carrying a Kerberos/SPNEGO token: this server has no KDC, as a non-domain client sees it.
    if (type === undefined) return deny('Kerberos is not available');
    if (type === 1) {
      const { message, state } = createChallenge(raw, {
        netbiosDomain: world.netbios,
        netbiosComputer: 'EXCH01',
        dnsDomain: world.domain,
        dnsComputer: `exch01.${world.domain}`,
      });
      conn.challenge = state;
      conn.account = undefined;
      return { ok: false, challenge: [`${wireScheme} ${message.toString('base64')}`], reason: 'ntlm challenge' };
    }
    if (type === 3 && conn.challenge) {
      const state = conn.challenge;
      conn.challenge = undefined;
      let fields;
      try {
        fields = parseType3(raw, state.flags);
      } catch {
        return deny('malformed NTLM message');
      }
      const account = fields.user.includes('@')
        ? findAccount(world, fields.user)
        : findAccount(world, fields.user, fields.domain || world.netbios);
      if (!account || !account.enabled || !verifyNtlmV2(fields, account.password, state.challenge))
        return deny('bad user name or password');
      conn.account = account;
      remember(world, req.socket);
      return { ok: true, account, scheme: 'NTLM' };
    }
    return deny('unexpected NTLM message');
  }
  return deny(`unsupported scheme ${scheme}`);
}
