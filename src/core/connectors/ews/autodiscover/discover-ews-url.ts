// Finds the EWS URL for an e-mail address: POX first, then SOAP GetUserSettings, on https://<domain>/ and
// then https://autodiscover.<domain>/, following redirectAddr / redirectUrl. Every attempt is remembered so
// a failure lists exactly what was tried.
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { EwsTransport } from '../transport/ews-transport.js';
import { containsDtd } from '../xml/safe-xml.js';
import { poxRequest, readPoxAnswer, type AutodiscoverOutcome } from './autodiscover-pox.js';
import { readSoapAnswer, soapRequest } from './autodiscover-soap.js';

export interface DiscoveredUrl {
  ewsUrl: string;
  /** The endpoint that answered. */
  via: string;
  tried: string[];
}

const MAX_HOPS = 10;

function candidates(email: string, base?: string): Array<{ url: string; kind: 'pox' | 'soap' }> {
  const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
  const bases = base ? [base.replace(/\/+$/, '')] : [`https://${domain}`, `https://autodiscover.${domain}`];
  return [
    ...bases.map((b) => ({ url: `${b}/autodiscover/autodiscover.xml`, kind: 'pox' as const })),
    ...bases.map((b) => ({ url: `${b}/autodiscover/autodiscover.svc`, kind: 'soap' as const })),
  ];
}

async function ask(transport: EwsTransport, url: string, kind: 'pox' | 'soap', email: string): Promise<AutodiscoverOutcome> {
  const body = kind === 'pox' ? poxRequest(email) : soapRequest(email, url);
  const headers: Record<string, string> =
    kind === 'pox'
      ? { 'Content-Type': 'text/xml; charset=utf-8' }
      : {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: '"http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings"',
        };
  const res = await transport.sendAuthenticated(url, body, headers);
  // Reasons are compact facts (the catalogue entry's causes explain them): they reach the user as `tried`.
  if (res.status !== 200) return { kind: 'error', reason: `HTTP ${res.status}` };
  if (containsDtd(res.body)) return { kind: 'error', reason: 'DTD=refused' };
  try {
    return kind === 'pox' ? readPoxAnswer(res.body) : readSoapAnswer(res.body);
  } catch (e) {
    return { kind: 'error', reason: `XML: ${(e as Error).message}` };
  }
}

export async function discoverEwsUrl(transport: EwsTransport, email: string, opts: { base?: string } = {}): Promise<DiscoveredUrl> {
  const tried: string[] = [];
  let address = email;
  let queue = candidates(address, opts.base);
  for (let hops = 0; queue.length && hops < MAX_HOPS * 4; hops++) {
    const { url, kind } = queue.shift()!;
    let outcome: AutodiscoverOutcome;
    try {
      outcome = await ask(transport, url, kind, address);
    } catch (e) {
      const err = e as CalpumpError;
      outcome = { kind: 'error', reason: err instanceof CalpumpError ? `${err.id}${err.evidence ? ` (${err.evidence})` : ''}` : String(e) };
    }
    const label = `${kind === 'pox' ? 'POX' : 'SOAP'} ${url}`;
    if (outcome.kind === 'ewsUrl') {
      tried.push(`${label} → ${outcome.url}`);
      return { ewsUrl: outcome.url, via: label, tried };
    }
    if (outcome.kind === 'redirectAddr' && outcome.email.includes('@') && tried.length < MAX_HOPS * 4) {
      tried.push(`${label} → redirectAddr ${outcome.email}`);
      address = outcome.email;
      queue = candidates(address, opts.base);
      continue;
    }
    if (outcome.kind === 'redirectUrl' && /^https:\/\//i.test(outcome.url)) {
      tried.push(`${label} → redirectUrl ${outcome.url}`);
      queue.unshift({ url: outcome.url, kind: /\.svc$/i.test(outcome.url) ? 'soap' : 'pox' });
      continue;
    }
    tried.push(
      `${label} → ${outcome.kind === 'error' ? outcome.reason : `refused ${outcome.kind}=${outcome.kind === 'redirectAddr' ? outcome.email : outcome.url}`}`,
    );
  }
  throw new CalpumpError('ews.autodiscover.failed', { params: { email, tried: tried.join('; ') }, evidence: tried.join('\n') });
}
