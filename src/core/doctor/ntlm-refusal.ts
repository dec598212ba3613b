// When Exchange answers 401 to an NTLM sign-in over HTTPS, the doctor tells Extended Protection apart from a
// wrong password where it can. IIS answers both with the same 401, so the doctor compares:
//   1. the same NTLM sign-in without a channel binding (what a client without Extended Protection sends):
//      accepted means the password is right and only the binding was refused (token checking "Allow" with a
//      certificate that is not the server's);
//   2. Basic with the same password, when the server offers it (Extended Protection does not touch Basic):
//      accepted proves the password, refused proves it wrong.
// If neither proves the password, the verdict names both causes and how to tell them apart on the server,
// with the thumbprint of the certificate Calpump saw (an administrator compares it with Get-ExchangeCertificate).
import { createHash } from 'node:crypto';
import { endPointHashAlgorithm } from '../connectors/ews/transport/channel-binding.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { HttpClient } from '../net/http-client.js';
import { postEws } from './probes/ews-post.js';

export interface RefusalProbe {
  client: HttpClient;
  url: string;
  body: string;
  username: string;
  password: string;
  /** Schemes the server offered without credentials. */
  offered: string[];
}

function thumbprint(der: Buffer | undefined): string {
  if (!der) return '?';
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

export async function explainNtlmRefusal(p: RefusalProbe): Promise<CalpumpError> {
  let cert: Buffer | undefined;
  const bound = await postEws(p.client, p.url, p.body, {
    auth: 'ntlm',
    username: p.username,
    password: p.password,
    ntlm: { onCertificate: (der) => (cert = der) },
  });
  const hash = cert ? endPointHashAlgorithm(cert).toUpperCase().replace('SHA', 'SHA-') : '?';
  const params = { username: p.username, thumbprint: thumbprint(cert) };
  const tried = [`NTLM channel-binding=tls-server-end-point:${hash} → HTTP ${bound.status}`];
  if (bound.status !== 401) {
    // Accepted this time: nothing to explain beyond the first refusal (a password changed meanwhile).
    return new CalpumpError('ews.auth.unauthorized', { params: { username: p.username }, evidence: tried.join('; ') });
  }
  const unbound = await postEws(p.client, p.url, p.body, {
    auth: 'ntlm',
    username: p.username,
    password: p.password,
    ntlm: { channelBinding: 'none' },
  });
  tried.push(`NTLM channel-binding=none → HTTP ${unbound.status}`);
  if (unbound.status !== 401) return new CalpumpError('ews.auth.extendedProtection', { params, evidence: tried.join('; ') });
  if (p.offered.some((s) => s.toLowerCase() === 'basic')) {
    const basic = await postEws(p.client, p.url, p.body, { auth: 'basic', username: p.username, password: p.password });
    tried.push(`Basic → HTTP ${basic.status}`);
    if (basic.status !== 401) return new CalpumpError('ews.auth.extendedProtection', { params, evidence: tried.join('; ') });
    // Basic is untouched by Extended Protection: refused too, so the password (or the account) is the problem.
    return new CalpumpError('ews.auth.unauthorized', { params: { username: p.username }, evidence: tried.join('; ') });
  }
  return new CalpumpError('ews.auth.ntlmRefused', { params, evidence: tried.join('; ') });
}
