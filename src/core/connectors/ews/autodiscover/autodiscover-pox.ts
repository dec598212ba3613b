// POX Autodiscover (/autodiscover/autodiscover.xml): the protocol every Exchange 2013+ answers.
import { child, children, escapeXml, parseXml, textOf } from '../xml/safe-xml.js';

export type AutodiscoverOutcome =
  | { kind: 'ewsUrl'; url: string }
  | { kind: 'redirectAddr'; email: string }
  | { kind: 'redirectUrl'; url: string }
  | { kind: 'error'; reason: string };

export function poxRequest(email: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">` +
    `<Request><EMailAddress>${escapeXml(email)}</EMailAddress>` +
    `<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>` +
    `</Request></Autodiscover>`
  );
}

export function readPoxAnswer(xml: string): AutodiscoverOutcome {
  const root = parseXml(xml);
  const response = child(root, 'Response');
  const error = child(response, 'Error');
  if (error) return { kind: 'error', reason: `${textOf(error, 'ErrorCode') ?? 'error'} ${textOf(error, 'Message') ?? ''}`.trim() };
  const account = child(response, 'Account');
  if (!account) return { kind: 'error', reason: 'missing=Account' };
  const action = textOf(account, 'Action');
  if (action === 'redirectAddr') return { kind: 'redirectAddr', email: (textOf(account, 'RedirectAddr') ?? '').trim() };
  if (action === 'redirectUrl') return { kind: 'redirectUrl', url: (textOf(account, 'RedirectUrl') ?? '').trim() };
  const protocols = children(account, 'Protocol');
  // EXCH = the internal (Outlook Anywhere internal) endpoint, EXPR = external; an admin tool prefers internal.
  for (const type of ['EXCH', 'EXPR', 'WEB']) {
    const p = protocols.find((x) => textOf(x, 'Type') === type);
    const url = textOf(p, 'EwsUrl')?.trim();
    if (url) return { kind: 'ewsUrl', url };
  }
  return { kind: 'error', reason: 'missing=EwsUrl' };
}
