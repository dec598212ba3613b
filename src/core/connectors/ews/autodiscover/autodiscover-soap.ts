// SOAP Autodiscover GetUserSettings (/autodiscover/autodiscover.svc): InternalEwsUrl / ExternalEwsUrl.
import { child, children, descendants, escapeXml, parseXml, textOf } from '../xml/safe-xml.js';
import type { AutodiscoverOutcome } from './autodiscover-pox.js';

export function soapRequest(email: string, url: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
    `xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" xmlns:wsa="http://www.w3.org/2005/08/addressing">` +
    `<soap:Header><a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>` +
    `<wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings</wsa:Action>` +
    `<wsa:To>${escapeXml(url)}</wsa:To></soap:Header><soap:Body><a:GetUserSettingsRequestMessage><a:Request>` +
    `<a:Users><a:User><a:Mailbox>${escapeXml(email)}</a:Mailbox></a:User></a:Users>` +
    `<a:RequestedSettings><a:Setting>InternalEwsUrl</a:Setting><a:Setting>ExternalEwsUrl</a:Setting></a:RequestedSettings>` +
    `</a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>`
  );
}

export function readSoapAnswer(xml: string): AutodiscoverOutcome {
  const root = parseXml(xml);
  const response = descendants(root, 'Response')[0];
  if (!response) return { kind: 'error', reason: 'missing=GetUserSettingsResponse' };
  const top = textOf(response, 'ErrorCode');
  if (top && top !== 'NoError') return { kind: 'error', reason: `${top} ${textOf(response, 'ErrorMessage') ?? ''}`.trim() };
  const user = descendants(response, 'UserResponse')[0];
  const code = textOf(user, 'ErrorCode') ?? 'NoError';
  const target = textOf(user, 'RedirectTarget')?.trim() ?? '';
  if (code === 'RedirectAddress') return { kind: 'redirectAddr', email: target };
  if (code === 'RedirectUrl') return { kind: 'redirectUrl', url: target };
  if (code !== 'NoError') return { kind: 'error', reason: `${code} ${textOf(user, 'ErrorMessage') ?? ''}`.trim() };
  const settings = new Map(
    children(child(user, 'UserSettings'), 'UserSetting').map((s) => [textOf(s, 'Name'), textOf(s, 'Value')?.trim()]),
  );
  const url = settings.get('InternalEwsUrl') || settings.get('ExternalEwsUrl');
  return url ? { kind: 'ewsUrl', url } : { kind: 'error', reason: 'missing=InternalEwsUrl,ExternalEwsUrl' };
}
