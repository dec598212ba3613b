// MSAL's network client built on our HttpSend, so token requests go through the profile's proxy and TLS
// trust (a simulator's or a company CA) instead of MSAL's default client, and verification stays on.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpSend } from './http-send.js';

const DEFAULT_TIMEOUT_MS = 30_000;

export function createMsalNetworkClient(send: HttpSend, timeoutMs = DEFAULT_TIMEOUT_MS): INetworkModule {
  async function call<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const res = await send({ method, url, headers: options?.headers, body: options?.body, timeoutMs: timeout ?? timeoutMs });
    let body: unknown = {};
    if (res.body.trim().length > 0) {
      try {
        body = JSON.parse(res.body);
      } catch {
        // MSAL reads error/error_description from the body; a non-JSON answer (proxy page) becomes one it can report.
        body = { error: 'invalid_response', error_description: `HTTP ${res.status} with a non-JSON body from ${new URL(url).host}` };
      }
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => call<T>('GET', url, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => call<T>('POST', url, options),
  };
}
