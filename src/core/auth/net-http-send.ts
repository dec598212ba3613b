// HttpSend on the shared net layer's HttpClient (profile TLS trust/pinning and proxy, errors as net.*).
import type { HttpClient } from '../net/index.js';
import type { HttpSend } from './http-send.js';

/** Any sender with the net layer's request shape: the shared HttpClient, or a connector's own HttpSender. */
export function httpSendFromClient(client: Pick<HttpClient, 'request'>): HttpSend {
  return async (req) => {
    const res = await client.request({ url: req.url, method: req.method, headers: req.headers, body: req.body });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    }
    return { status: res.status, headers, body: res.body };
  };
}
