// IIS-style authentication in front of EWS/Autodiscover: offered schemes are configurable so tests can
// reproduce "Basic disabled" or "only Kerberos" setups. NTLM state lives on the TCP connection.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { SimContext } from '../http/types.js';
import type { SimAccount } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { findAccount } from '../world/world.js';
import { extendedProtectionRefusal, type ExtendedProtection } from './extended-protection.js';
import { createChallenge, micValid, ntlmMessageType, parseType3, responseAvPairs, verifyNtlmV2, type NtlmChallengeState } from './ntlm.js';

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

export type AuthOutcome =
  { ok: true; account: SimAccount; scheme: 'Basic' | 'NTLM' | 'FrontEnd' } | { ok: false; challenge: string[]; reason: string };

export interface AuthSettings {
  /** WWW-Authenticate schemes offered, in order. */
  schemes: string[];
  /** Basic realm (the host name, as IIS sends it). */
  realm: string;
  /** IIS token checking on the virtual directory (default None). */
  extendedProtection?: ExtendedProtection;
  /** MsvAvChannelBindings a client must send on this server's TLS connections (undefined: plain HTTP). */
  channelBinding?: Buffer;
  /**
   * A reverse proxy in front authenticated the user and names it in this header (`alice@REALM` or
   * `DOMAIN\user`); the simulator trusts it. Only for tests that put a real acceptor in front.
   */
  trustedUserHeader?: string;
}

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

/** `alice@CONTOSO.COM` (a Kerberos principal) or `CONTOSO\\alice` (NTLM) as the front end names the user. */
function frontEndAccount(world: SimWorld, name: string): SimAccount | undefined {
  const at = name.lastIndexOf('@');
  if (at > 0 && name.slice(at + 1).toLowerCase() === world.domain.toLowerCase()) return findAccount(world, name.toLowerCase());
  return findAccount(world, name);
}

export function authenticate(req: IncomingMessage, world: SimWorld, settings: AuthSettings): AuthOutcome {
  const { schemes, realm } = settings;
  if (settings.trustedUserHeader) {
    const name = req.headers[settings.trustedUserHeader.toLowerCase()];
    const account = typeof name === 'string' && name ? frontEndAccount(world, name) : undefined;
    if (account?.enabled) return { ok: true, account, scheme: 'FrontEnd' };
    return { ok: false, challenge: [], reason: `front end named no known user (${String(name ?? '')})` };
  }
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
      const sessionKey = account?.enabled ? verifyNtlmV2(fields, account.password, state.challenge) : undefined;
      if (!account || !sessionKey) return deny('bad user name or password');
      const pairs = responseAvPairs(fields.ntResponse);
      const avFlags = pairs.get(6)?.readUInt32LE(0) ?? 0;
      if (avFlags & 0x2 && !micValid({ ...state, type3: raw }, fields, sessionKey)) return deny('NTLM MIC does not match');
      const refusal = extendedProtectionRefusal(
        settings.extendedProtection ?? 'None',
        { channelBindings: pairs.get(10), targetName: pairs.get(9)?.toString('utf16le') },
        { channelBinding: settings.channelBinding, host: (req.headers.host ?? '').replace(/:\d+$/, '') },
      );
      // IIS answers an Extended Protection refusal exactly like a wrong password: 401, no hint.
      if (refusal) return deny(refusal);
      conn.account = account;
      remember(world, req.socket);
      return { ok: true, account, scheme: 'NTLM' };
    }
    return deny('unexpected NTLM message');
  }
  return deny(`unsupported scheme ${scheme}`);
}

/** The settings the EWS and Autodiscover routes authenticate with (schemes may be narrowed by a staged fault). */
export function authSettings(ctx: SimContext, schemes: string[] = ctx.faults.authSchemes): AuthSettings {
  return {
    schemes,
    realm: ctx.url.hostname,
    extendedProtection: ctx.faults.extendedProtection,
    channelBinding: ctx.channelBinding,
    trustedUserHeader: ctx.faults.trustedUserHeader,
  };
}
