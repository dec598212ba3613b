// MSAL's network client over our HttpSend: a token endpoint that answers with something other than JSON (a proxy's
// HTML page) becomes an error body MSAL can report, carrying the facts of that answer, not a sentence of ours.
import { describe, expect, it } from 'vitest';
import { createMsalNetworkClient, createNetworkTrace } from '../../../src/core/auth/msal-network.js';
import type { HttpSend } from '../../../src/core/auth/http-send.js';

describe('MSAL network client', () => {
  it('reports a non-JSON answer by its status, host and content type', async () => {
    const send: HttpSend = async () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' });
    const trace = createNetworkTrace();
    const res = await createMsalNetworkClient(send, trace).sendPostRequestAsync<{ error: string }>(
      'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token',
    );
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      error: 'invalid_response',
      error_description: 'HTTP 502; host=login.microsoftonline.com; content-type=text/html',
    });
    expect(trace.serverError).toEqual({
      error: 'invalid_response',
      description: 'HTTP 502; host=login.microsoftonline.com; content-type=text/html',
    });
  });

  it('passes a JSON answer through', async () => {
    const send: HttpSend = async () => ({ status: 200, headers: {}, body: '{"access_token":"t"}' });
    const res = await createMsalNetworkClient(send).sendPostRequestAsync<{ access_token: string }>('https://login.example/token');
    expect(res.body).toEqual({ access_token: 't' });
  });
});
