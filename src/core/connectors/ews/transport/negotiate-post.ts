// One request authenticated with Kerberos under the Negotiate scheme: a fresh security context, its first token
// sent with the request (no unauthenticated round trip first, as Windows clients do once they know the server
// wants Negotiate). A 401 from a server that offers Negotiate means it refused the ticket: the Kerberos error
// its answer token carries, if any, is read through the context; otherwise kerberos.rejected.
import type { Agent } from 'node:http';
import type { NegotiateSource } from '../../../auth/kerberos/negotiate-types.js';
import { kerberosError } from '../../../auth/kerberos/kerberos-errors.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { HttpResponse } from '../../../net/http-client.js';
import { parseAuthSchemes } from './auth-challenge.js';
import type { HttpSender } from './http-sender.js';

type PostRequest = { url: string; headers: Record<string, string>; body: string };

function negotiateToken(res: HttpResponse): string | undefined {
  const h = res.headers['www-authenticate'];
  const all = Array.isArray(h) ? h.join(', ') : (h ?? '');
  return /Negotiate\s+([A-Za-z0-9+/=]{8,})/.exec(all)?.[1];
}

export async function negotiatePost(http: HttpSender, req: PostRequest, source: NegotiateSource, agent?: Agent): Promise<HttpResponse> {
  const spn = source.spnFor(req.url);
  const ctx = await source.start(spn);
  const res = await http.request({
    url: req.url,
    method: 'POST',
    headers: { ...req.headers, Authorization: `Negotiate ${ctx.token}` },
    body: req.body,
    agent,
  });
  if (res.status !== 401) return res;
  // Not offered at all: the caller's classifier says which schemes are (ews.auth.schemeNotOffered).
  if (!parseAuthSchemes(res.headers['www-authenticate']).some((s) => s.toLowerCase() === 'negotiate')) return res;
  const answer = negotiateToken(res);
  if (answer) {
    try {
      await ctx.step(answer);
    } catch (e) {
      throw kerberosError((e as Error).message ?? String(e), source.account, spn, e);
    }
  }
  throw new CalpumpError('kerberos.rejected', {
    params: { spn, principal: source.account.principal },
    evidence: `HTTP 401 host=${new URL(req.url).host} Negotiate spn=${spn}`,
  });
}
