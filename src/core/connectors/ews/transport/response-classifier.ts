// Decides what an HTTP answer from EWS means before any parsing by ews-javascript-api: success, a retryable
// condition, or a CalpumpError. Runs on every answer, so unsafe and malformed XML never reach a parser.
import type { HttpResponse } from '../../../net/http-client.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { mapHttpStatus } from '../../../errors/error-map.js';
import { parseAuthSchemes } from './auth-challenge.js';
import { errorForResponseCode, readFault, serverBusy, type EwsCallContext } from '../ews-errors.js';
import { parseXml, XmlUnsafeError, type XmlCaptures, type XmlNode } from '../xml/safe-xml.js';

export type Classified =
  | { kind: 'ok'; envelope: XmlNode }
  | { kind: 'busy'; backoffMs?: number; error: CalpumpError }
  | { kind: 'unavailable'; error: CalpumpError };

const LOGIN_PAGE = /<form\b|type=["']?password|logon\.aspx|owa\/auth/i;

/** An HTTP status without a usable SOAP answer, as the entry mapHttpStatus (shared with the doctor) picks. */
function httpFailure(res: HttpResponse, ctx: EwsCallContext, evidence?: string): CalpumpError {
  const params = { url: ctx.url, status: String(res.status), retryAfter: String(res.headers['retry-after'] ?? '?'), proxy: res.route };
  return new CalpumpError(mapHttpStatus(res.status, { backend: 'ews' }), { params, evidence });
}

function looksLikeHtml(res: HttpResponse): boolean {
  const ct = String(res.headers['content-type'] ?? '').toLowerCase();
  return ct.includes('text/html') || /^\s*(<!DOCTYPE\s+html|<html[\s>])/i.test(res.body);
}

const SCHEME_NAMES: Record<string, string> = { basic: 'Basic', ntlm: 'NTLM', oauth: 'Bearer', kerberos: 'Negotiate (Kerberos)' };
// NTLM also goes inside Negotiate (ntlm-handshake.ts), so a Negotiate-only server is not "not offered".
const USABLE: Record<string, string[]> = { basic: ['basic'], ntlm: ['ntlm', 'negotiate'], oauth: ['bearer'], kerberos: ['negotiate'] };

export function classifyResponse(res: HttpResponse, ctx: EwsCallContext & { auth: string }, captures?: XmlCaptures): Classified {
  if (res.status === 401) {
    const offered = parseAuthSchemes(res.headers['www-authenticate']);
    const wanted = SCHEME_NAMES[ctx.auth] ?? ctx.auth;
    const usable = USABLE[ctx.auth] ?? [ctx.auth.toLowerCase()];
    if (offered.length && !offered.some((s) => usable.includes(s.toLowerCase()))) {
      throw new CalpumpError('ews.auth.schemeNotOffered', {
        params: { wanted, offered: offered.join(', ') },
        evidence: `HTTP 401, WWW-Authenticate: ${offered.join(', ')}`,
      });
    }
    throw new CalpumpError('ews.auth.unauthorized', { params: { username: ctx.username }, evidence: `HTTP 401 from ${ctx.url}` });
  }
  const location = String(res.headers.location ?? '');
  if (res.status === 440 || (res.status >= 300 && res.status < 400 && /owa\/auth|logon\.aspx|\/adfs\//i.test(location))) {
    throw new CalpumpError('ews.auth.formsLogin', { evidence: `HTTP ${res.status}${location ? ` → ${location}` : ''}` });
  }
  const transient = res.status === 502 || res.status === 503 || res.status === 504;
  const soapLike = /^\s*(<\?xml[^>]*>\s*)?<([\w-]+:)?Envelope[\s>]/.test(res.body);
  if (transient && !soapLike) {
    return { kind: 'unavailable', error: httpFailure(res, ctx) };
  }
  if (looksLikeHtml(res)) {
    // A login form (or any page served with 200 where SOAP belongs) means forms-based auth in front of EWS.
    if (res.status === 200 || LOGIN_PAGE.test(res.body)) {
      throw new CalpumpError('ews.auth.formsLogin', {
        evidence: `HTTP ${res.status}, ${String(res.headers['content-type'] ?? 'no content type')}`,
      });
    }
    throw httpFailure(res, ctx, 'HTML error page');
  }
  if (res.status >= 300 && res.status < 400) throw httpFailure(res, ctx, location);
  let envelope: XmlNode;
  try {
    // One pass: the scanner refuses a DTD or entity where it meets it, and bounds the nesting.
    envelope = parseXml(res.body, undefined, captures);
  } catch (e) {
    if (e instanceof XmlUnsafeError)
      throw new CalpumpError('ews.xml.unsafe', { evidence: `HTTP ${res.status} from ${ctx.url}: ${e.message}` });
    if (res.status !== 200) throw httpFailure(res, ctx, res.body.slice(0, 200));
    throw new CalpumpError('ews.response.malformed', { params: { url: ctx.url }, evidence: (e as Error).message });
  }
  if (envelope.name !== 'Envelope')
    throw new CalpumpError('ews.response.malformed', {
      params: { url: ctx.url },
      evidence: `root=<${envelope.name}>, expected <soap:Envelope>`,
    });
  const busy = serverBusy(envelope);
  if (busy)
    return { kind: 'busy', backoffMs: busy.backoffMs, error: errorForResponseCode('ErrorServerBusy', busy.text, ctx, busy.backoffMs) };
  const fault = readFault(envelope);
  if (fault) {
    const mapped = errorForResponseCode(fault.code, fault.text, ctx);
    if (mapped.id !== 'ews.response.error') throw mapped;
    throw new CalpumpError('ews.soap.fault', { params: { text: `${fault.code}: ${fault.text}` }, evidence: `HTTP ${res.status}` });
  }
  if (transient) return { kind: 'unavailable', error: httpFailure(res, ctx) };
  if (res.status !== 200) throw httpFailure(res, ctx);
  return { kind: 'ok', envelope };
}
