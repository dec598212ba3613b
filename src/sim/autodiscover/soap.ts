// SOAP Autodiscover (POST /autodiscover/autodiscover.svc): GetUserSettings, as ews-javascript-api's
// AutodiscoverService calls it (WS-Addressing headers, Exchange 2010 Autodiscover namespace).
import type { SimRoute } from '../http/types.js';
import { authenticate, authSettings, UNAUTHORIZED_HTML } from '../auth/authenticate.js';
import { send } from '../http/respond.js';
import { mailboxOf } from '../world/world.js';
import { child, elementChildren, parseXml, text, XmlRejected } from '../xml/safe-parse.js';
import { esc } from '../xml/escape.js';
import { NS, SERVER_VERSION, schemaValidationFault } from '../ews/soap.js';
import { userSettings } from './settings.js';

const A = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
const WSA = 'http://www.w3.org/2005/08/addressing';
const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

function envelope(action: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}" xmlns:a="${WSA}"><s:Header>` +
    `<a:Action s:mustUnderstand="1">${A}/Autodiscover/${action}</a:Action>` +
    `<h:ServerVersionInfo xmlns:h="${A}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><h:MajorVersion>${SERVER_VERSION.major}</h:MajorVersion>` +
    `<h:MinorVersion>${SERVER_VERSION.minor}</h:MinorVersion><h:MajorBuildNumber>${SERVER_VERSION.build}</h:MajorBuildNumber>` +
    `<h:MinorBuildNumber>${SERVER_VERSION.minorBuild}</h:MinorBuildNumber><h:Version>Exchange2015</h:Version></h:ServerVersionInfo>` +
    `</s:Header><s:Body>${body}</s:Body></s:Envelope>`
  );
}

export const autodiscoverSoapRoute: SimRoute = {
  match: (_req, url) => /^\/autodiscover\/autodiscover\.svc(\/wssecurity)?$/i.test(url.pathname),
  async handle(ctx) {
    const { req, res, world, counters } = ctx;
    const auth = authenticate(req, world, authSettings(ctx));
    if (!auth.ok) return send(res, 401, UNAUTHORIZED_HTML, { 'Content-Type': 'text/html', 'WWW-Authenticate': auth.challenge });
    let op: Element | undefined;
    try {
      const doc = parseXml(ctx.body.toString('utf8'));
      op = elementChildren(child(doc.documentElement, 'Body', NS.soap))[0];
    } catch (e) {
      if (!(e instanceof XmlRejected)) throw e;
      return send(res, 500, schemaValidationFault(e.message), XML);
    }
    if (!op || op.namespaceURI !== A || op.localName !== 'GetUserSettingsRequestMessage') {
      counters.count('Autodiscover:unsupported');
      return send(res, 500, schemaValidationFault(`The operation '${op?.localName ?? ''}' is not supported.`), XML);
    }
    counters.count('GetUserSettings');
    const request = child(op, 'Request', A);
    const users = elementChildren(child(request, 'Users', A), 'User', A).map((u) => text(child(u, 'Mailbox', A)).trim());
    const wanted = elementChildren(child(request, 'RequestedSettings', A), 'Setting', A).map((s) => text(s).trim());
    const responses = users.map((email) => {
      const redirect = world.autodiscoverRedirects[email.toLowerCase()];
      if (redirect?.redirectAddr || redirect?.redirectUrl) {
        const code = redirect.redirectAddr ? 'RedirectAddress' : 'RedirectUrl';
        return `<UserResponse><ErrorCode>${code}</ErrorCode><ErrorMessage>Redirection address.</ErrorMessage><RedirectTarget>${esc(redirect.redirectAddr ?? redirect.redirectUrl)}</RedirectTarget><UserSettingErrors/><UserSettings/></UserResponse>`;
      }
      const mb = mailboxOf(world, email);
      if (!mb) {
        return `<UserResponse><ErrorCode>InvalidUser</ErrorCode><ErrorMessage>Invalid user: '${esc(email)}'</ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings/></UserResponse>`;
      }
      const all = userSettings(world, mb, ctx.baseUrl);
      const known = wanted.filter((w) => w in all);
      const unknown = wanted.filter((w) => !(w in all));
      const errors = unknown
        .map(
          (n) =>
            `<UserSettingError><ErrorCode>InvalidSetting</ErrorCode><ErrorMessage>The requested setting '${esc(n)}' is invalid.</ErrorMessage><SettingName>${esc(n)}</SettingName></UserSettingError>`,
        )
        .join('');
      const settings = known
        .map((n) => `<UserSetting i:type="StringSetting"><Name>${esc(n)}</Name><Value>${esc(all[n])}</Value></UserSetting>`)
        .join('');
      return `<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors>${errors}</UserSettingErrors><UserSettings>${settings}</UserSettings></UserResponse>`;
    });
    const body =
      `<GetUserSettingsResponseMessage xmlns="${A}"><Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
      `<ErrorCode>NoError</ErrorCode><ErrorMessage/><UserResponses>${responses.join('')}</UserResponses></Response></GetUserSettingsResponseMessage>`;
    send(res, 200, envelope('GetUserSettingsResponse', body), XML);
  },
};
