// Connection-bound NTLM for one transport (one account). IIS authenticates the TCP connection: after one
// handshake, later requests on the same keep-alive socket need no Authorization header until the server
// answers 401 again. A lane is one such connection (an agent with a single socket, built by the HttpSender
// so proxy tunnel and per-profile TLS trust are the same as for every other request). Lanes are per origin
// and never shared between transports, so an authenticated connection is never reused for other credentials.
import { createHash } from 'node:crypto';
import type { Agent } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpResponse } from '../../../net/http-client.js';
import type { HttpSender } from './http-sender.js';
import { ntlmHandshake, type NtlmAccount } from './ntlm-handshake.js';

export const DEFAULT_NTLM_LANES = 8;

interface Lane {
  agent: Agent | undefined;
  /** The socket the last successful handshake ran on; the lane is authenticated while it is open. */
  authSocket?: Socket;
  /** Which credentials authenticated it (a digest, so no second copy of the password is kept). */
  authFor?: string;
}

interface Origin {
  idle: Lane[];
  count: number;
  waiters: Array<(lane: Lane | undefined) => void>;
}

type SoapRequest = { url: string; headers: Record<string, string>; body: string };

export class NtlmLanes {
  private readonly origins = new Map<string, Origin>();
  private closed = false;

  constructor(
    private readonly http: HttpSender,
    private readonly size = DEFAULT_NTLM_LANES,
  ) {}

  async request(req: SoapRequest, account: NtlmAccount): Promise<HttpResponse> {
    const lane = await this.acquire(new URL(req.url).origin, req.url);
    let used: Socket | undefined;
    const onSocket = (s: Socket) => (used = s);
    try {
      const who = createHash('sha256').update(`${account.username}\0${account.password}`).digest('base64');
      if (isAuthenticated(lane, who)) {
        // Reuse: no Authorization header. A 401 means the server forgot the connection (recycle, restart,
        // a new socket behind our back): one fresh handshake on this lane, then the caller classifies.
        const res = await this.http.request({
          url: req.url,
          method: 'POST',
          headers: { ...req.headers, Connection: 'keep-alive' },
          body: req.body,
          agent: lane.agent,
          onSocket,
        });
        if (res.status !== 401) return res;
        lane.authSocket = undefined;
        used = undefined;
      }
      const res = await ntlmHandshake(this.http, req, account, lane.agent, { onSocket });
      if (res.status !== 401 && used) {
        lane.authSocket = used;
        lane.authFor = who;
      }
      return res;
    } catch (e) {
      lane.authSocket = undefined;
      throw e;
    } finally {
      this.release(new URL(req.url).origin, lane);
    }
  }

  /** Lanes that currently hold an authenticated connection (diagnostics and tests). */
  authenticatedLanes(): number {
    let n = 0;
    for (const o of this.origins.values()) n += o.idle.filter((l) => l.authSocket && !l.authSocket.destroyed).length;
    return n;
  }

  close(): void {
    this.closed = true;
    for (const o of this.origins.values()) {
      for (const l of o.idle) l.agent?.destroy();
      o.idle = [];
      for (const w of o.waiters.splice(0)) w(undefined);
    }
  }

  private origin(key: string): Origin {
    let o = this.origins.get(key);
    if (!o) this.origins.set(key, (o = { idle: [], count: 0, waiters: [] }));
    return o;
  }

  private async acquire(key: string, url: string): Promise<Lane> {
    const o = this.origin(key);
    // An authenticated idle lane first: it saves the handshake.
    const i = o.idle.findIndex((l) => l.authSocket && !l.authSocket.destroyed);
    if (i >= 0) return o.idle.splice(i, 1)[0];
    if (o.idle.length > 0) return o.idle.pop()!;
    if (o.count < this.size || this.closed) {
      o.count += 1;
      try {
        return { agent: await this.http.newAgent(url) };
      } catch (e) {
        o.count -= 1;
        throw e;
      }
    }
    const lane = await new Promise<Lane | undefined>((resolve) => o.waiters.push(resolve));
    return lane ?? this.acquire(key, url);
  }

  private release(key: string, lane: Lane): void {
    const o = this.origin(key);
    if (this.closed) {
      lane.agent?.destroy();
      o.count -= 1;
      return;
    }
    const next = o.waiters.shift();
    if (next) next(lane);
    else o.idle.push(lane);
  }
}

function isAuthenticated(lane: Lane, who: string): boolean {
  return !!lane.authSocket && !lane.authSocket.destroyed && lane.authFor === who;
}
