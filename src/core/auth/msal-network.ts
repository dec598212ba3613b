// MSAL's network client built on our HttpSend, so token requests go through the profile's proxy and TLS
// trust (a simulator's or a company CA) instead of MSAL's default client, and verification stays on.
// MSAL swallows failures during authority discovery into a generic "endpoints_resolution_error"; the
// NetworkTrace keeps the real cause (a net.* CalpumpError, or an Entra error body) so it can be reported.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { isCalpumpError, type CalpumpError } from '../errors/calpump-error.js';
import type { HttpSend } from './http-send.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Authority discovery (OpenID configuration, Entra instance discovery) answered once per profile and process, not
 * once per MSAL application: the pump builds a connector, and so an application, for every run. Kept an hour.
 */
const DISCOVERY = /\/\.well-known\/openid-configuration(\?|$)|\/discovery\/instance\?/;
const DISCOVERY_TTL_MS = 3_600_000;
const discovered = new Map<string, { at: number; response: NetworkResponse<unknown> }>();

/** Forgets discovery answers (tests that change what an authority serves). */
export function forgetDiscovery(): void {
  discovered.clear();
}

export interface NetworkTrace {
  networkError?: CalpumpError;
  serverError?: { error: string; description?: string };
  clear(): void;
}

export function createNetworkTrace(): NetworkTrace {
  const t: NetworkTrace = {
    clear() {
      t.networkError = undefined;
      t.serverError = undefined;
    },
  };
  return t;
}

export function createMsalNetworkClient(
  send: HttpSend,
  trace: NetworkTrace = createNetworkTrace(),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  /** Discovery answers are shared by the clients with the same scope (a profile id); none without one. */
  discoveryScope?: string,
): INetworkModule {
  async function call<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    let res;
    try {
      res = await send({ method, url, headers: options?.headers, body: options?.body, timeoutMs: timeout ?? timeoutMs });
    } catch (e) {
      if (isCalpumpError(e)) trace.networkError = e;
      throw e;
    }
    let body: unknown = {};
    if (res.body.trim().length > 0) {
      try {
        body = JSON.parse(res.body);
      } catch {
        // MSAL reads error/error_description from the body; a non-JSON answer (proxy page) becomes one it can report,
        // with the facts of the answer (status, host, content type) rather than a sentence of ours.
        const type = res.headers['content-type'] ?? 'none';
        body = { error: 'invalid_response', error_description: `HTTP ${res.status}; host=${new URL(url).host}; content-type=${type}` };
      }
    }
    const b = body as { error?: unknown; error_description?: unknown };
    if (res.status >= 400 && typeof b.error === 'string') {
      trace.serverError = { error: b.error, description: typeof b.error_description === 'string' ? b.error_description : undefined };
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }
  async function get<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    if (discoveryScope === undefined || !DISCOVERY.test(url)) return call<T>('GET', url, options, timeout);
    const key = `${discoveryScope}\n${url}`;
    const hit = discovered.get(key);
    if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.response as NetworkResponse<T>;
    const response = await call<T>('GET', url, options, timeout);
    if (response.status === 200) {
      if (discovered.size >= 256) discovered.clear();
      discovered.set(key, { at: Date.now(), response });
    }
    return response;
  }
  return {
    sendGetRequestAsync: get,
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => call<T>('POST', url, options),
  };
}
