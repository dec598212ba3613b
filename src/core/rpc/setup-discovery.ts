// setup.discover: what the first-run assistant learns from an e-mail address before anything is stored or any
// password typed. Exchange autodiscover answers an anonymous POST with 401 and its sign-in methods; a
// certificate nobody trusts yet comes back with its facts so the user can look at it and pin it; a Microsoft 365
// domain is recognised by its tenant's OpenID configuration.
import type { Discovery } from '../../shared/rpc.js';
import { poxRequest } from '../connectors/ews/autodiscover/autodiscover-pox.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { HttpClient } from '../net/http-client.js';
import type { SecretStore } from '../secrets/secret-store.js';

export interface DiscoveryDeps {
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  /** Base URL instead of https://<domain> and https://autodiscover.<domain> (the demo maps contoso.com to its simulator). */
  autodiscoverBase?: (domain: string) => string | undefined;
  /** Where Microsoft 365 tenants are looked up (default https://login.microsoftonline.com). */
  authorityHost?: string;
  timeoutMs?: number;
}

type Scheme = Discovery['authSchemes'][number];

function schemesOf(header: string | string[] | undefined): Scheme[] {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')).toLowerCase();
  const found: Scheme[] = [];
  for (const s of ['negotiate', 'ntlm', 'basic'] as const) if (new RegExp(`(^|[\\s,])${s}\\b`).test(text)) found.push(s);
  return found;
}

function certificateOf(err: CalpumpError): Discovery['certificate'] {
  const p: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(err.params)) if (typeof v === 'string') p[k] = v;
  if (!/^net\.tls\.(untrusted|unknownCa|selfSigned|pinMismatch)$/.test(err.id) || !p.fingerprint || p.fingerprint === '?') return undefined;
  return {
    subject: p.subject ?? '?',
    issuer: p.issuer ?? '?',
    fingerprint: p.fingerprint,
    validFrom: p.validFrom ?? '?',
    validTo: p.validTo ?? '?',
    names: (p.names ?? '').split(/,\s*/).filter((n) => n && n !== '?'),
  };
}

export async function discoverServer(
  deps: DiscoveryDeps,
  email: string,
  opts: { pinnedSha256?: string; signal?: AbortSignal } = {},
): Promise<Discovery> {
  const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
  const base = deps.autodiscoverBase?.(domain);
  const bases = base ? [base.replace(/\/+$/, '')] : [`https://${domain}`, `https://autodiscover.${domain}`];
  const http = await HttpClient.create({
    profileId: 'setup-discover',
    tls: opts.pinnedSha256 ? { pinnedSha256: opts.pinnedSha256 } : {},
    proxy: { mode: 'system' },
    secrets: deps.secrets,
    env: deps.env,
    timeoutMs: deps.timeoutMs ?? 15_000,
  });
  const tried: string[] = [];
  let certificate: Discovery['certificate'];
  let firstError: CalpumpError | undefined;
  try {
    for (const b of bases) {
      if (opts.signal?.aborted) throw new CalpumpError('rpc.cancelled');
      const url = `${b}/autodiscover/autodiscover.xml`;
      try {
        const res = await http.request({
          url,
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8' },
          body: poxRequest(email),
        });
        const authSchemes = schemesOf(res.headers['www-authenticate']);
        tried.push(`POX ${url} → HTTP ${res.status}${authSchemes.length ? ` (${authSchemes.join(', ')})` : ''}`);
        if (res.status === 401 || res.status === 200) return { email, domain, kind: 'ews', endpoint: url, authSchemes, tried };
      } catch (e) {
        const err = toCalpumpError(e);
        tried.push(`POX ${url} → ${err.id}${err.evidence ? ` (${err.evidence})` : ''}`);
        certificate ??= certificateOf(err);
        firstError ??= err;
        // A certificate to look at is the answer: the user decides whether to trust it before anything else.
        if (certificate) return { email, domain, kind: 'none', authSchemes: [], certificate, error: err.info(), tried };
      }
    }
    const tenant = await microsoft365Tenant(http, deps.authorityHost ?? 'https://login.microsoftonline.com', domain, tried);
    if (tenant) return { email, domain, kind: 'graph', tenantId: tenant, authSchemes: [], tried };
  } finally {
    http.close();
  }
  const error = new CalpumpError('ews.autodiscover.failed', { params: { email, tried: tried.join('; ') }, evidence: firstError?.evidence });
  return { email, domain, kind: 'none', authSchemes: [], error: error.info(), tried };
}

async function microsoft365Tenant(http: HttpClient, authority: string, domain: string, tried: string[]): Promise<string | undefined> {
  const url = `${authority.replace(/\/+$/, '')}/${encodeURIComponent(domain)}/v2.0/.well-known/openid-configuration`;
  try {
    const res = await http.request({ url, method: 'GET' });
    tried.push(`Microsoft 365 ${url} → HTTP ${res.status}`);
    if (res.status !== 200) return undefined;
    const issuer = (JSON.parse(res.body) as { issuer?: unknown }).issuer;
    if (typeof issuer !== 'string') return undefined;
    return /\/([0-9a-f-]{36})\//i.exec(issuer)?.[1];
  } catch (e) {
    tried.push(`Microsoft 365 ${url} → ${toCalpumpError(e).id}`);
    return undefined;
  }
}
