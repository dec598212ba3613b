// CONNECT tunnelling through a forward proxy. Written here (instead of https-proxy-agent) because the TLS
// session on top of the tunnel needs our own verification step (pinning, evidence) before any byte of the
// request — which carries credentials — is written.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { ProxyRoute } from './proxy-resolution.js';
import { describeProxy } from './proxy-resolution.js';
import { readProxyAnswer, type ProxyAnswer } from './proxy-response.js';
import { proxySignIn } from './proxy-sign-in.js';

/** NEGOTIATE, AUTHENTICATE, and one fresh start after a remembered scheme was refused. */
const MAX_LEGS = 4;

/** Opens a TCP (or TLS, for an https:// proxy) connection to the proxy itself. */
export function connectToProxy(route: ProxyRoute): net.Socket {
  const u = route.proxyUrl!;
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return u.protocol === 'https:' ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
}

const closedDuringConnect = (route: ProxyRoute) => () =>
  new CalpumpError('net.proxy.failed', {
    params: { proxy: describeProxy(route), reason: text('problem.proxy.closedDuringConnect') },
  });

/**
 * Resolves with a socket tunnelled to host:port. A 407 is answered with the proxy sign-in (proxy-sign-in.ts):
 * on the same connection while the proxy keeps it open — which NTLM needs — else on a new one. Rejects with
 * net.proxy.failed, net.proxy.authFailed, or a raw socket error.
 */
export async function openTunnel(
  route: ProxyRoute,
  host: string,
  port: number,
  signIn = proxySignIn(route),
  /** A proxy that accepts the connection but stays silent this long fails with ETIMEDOUT. */
  timeoutMs = 60_000,
): Promise<net.Socket> {
  const target = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  const conversation = signIn.conversation();
  let auth = await conversation.first();
  // Between legs no one else listens: an error then shows as a closed connection on the next leg.
  const quiet = () => undefined;
  const connect = () => {
    const s = connectToProxy(route).on('error', quiet);
    s.setTimeout(timeoutMs, () =>
      s.destroy(Object.assign(new Error(`the proxy did not answer CONNECT within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    return s;
  };
  let socket = connect();
  // A connection kept after a 407 that the proxy closes anyway: once, the leg goes again on a new one.
  let reused = false;
  let sameConnection = false;
  const send = async (): Promise<ProxyAnswer> => {
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
    try {
      return await readProxyAnswer(socket, closedDuringConnect(route));
    } catch (e) {
      if (!reused || sameConnection) throw e;
      socket.destroy();
      socket = connect();
      reused = false;
      return send();
    }
  };
  for (let leg = 1; ; leg++) {
    try {
      const answer = await send();
      if (answer.status >= 200 && answer.status < 300) {
        conversation.succeeded();
        socket.removeListener('error', quiet);
        socket.setTimeout(0);
        return socket;
      }
      if (answer.status !== 407 || leg >= MAX_LEGS) {
        throw new CalpumpError('net.proxy.failed', {
          params: { proxy: describeProxy(route), reason: answer.statusText || text('problem.proxy.noConnectAnswer') },
          evidence: `CONNECT ${target} → ${answer.statusLine}`,
        });
      }
      const next = await conversation.answer(answer.headers.get('proxy-authenticate') ?? [], `CONNECT ${target} → ${answer.statusLine}`);
      auth = next.header;
      sameConnection = next.sameConnection;
      reused = answer.keepOpen;
      if (!answer.keepOpen) {
        if (next.sameConnection) {
          throw signIn.failure('NTLM', text('problem.proxy.closedAfterChallenge'));
        }
        socket.destroy();
        socket = connect();
      }
    } catch (e) {
      socket.destroy();
      throw e;
    }
  }
}
