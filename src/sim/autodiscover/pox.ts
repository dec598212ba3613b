// POX Autodiscover (POST /autodiscover/autodiscover.xml), the Outlook "2006a" response schema.
import type { SimRoute } from '../http/types.js';
import { authenticate, authSettings, UNAUTHORIZED_HTML } from '../auth/authenticate.js';
import { send } from '../http/respond.js';
import { mailboxOf } from '../world/world.js';
import { childText, parseXml, XmlRejected } from '../xml/safe-parse.js';
import { esc } from '../xml/escape.js';
import { DEPLOYMENT_ID, serverVersionHex, userSettings } from './settings.js';

const REQ_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const RESP_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
const OUTLOOK_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';
const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

function errorXml(code: number, message: string): string {
  const now = new Date();
  const time = `${now.toISOString().slice(11, 19)}.${String(now.getUTCMilliseconds()).padStart(3, '0')}0000`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${RESP_NS}"><Response><Error Time="${time}" Id="${(now.getTime() % 4294967295) >>> 0}">` +
    `<ErrorCode>${code}</ErrorCode><Message>${esc(message)}</Message><DebugData /></Error></Response></Autodiscover>`
  );
}

function wrap(account: string, user = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${RESP_NS}"><Response xmlns="${OUTLOOK_NS}">${user}<Account>${account}</Account></Response></Autodiscover>`;
}

export const poxRoute: SimRoute = {
  match: (_req, url) => /^\/autodiscover\/autodiscover\.xml$/i.test(url.pathname),
  async handle(ctx) {
    const { req, res, world, faults, counters, url } = ctx;
    counters.count('Autodiscover');
    const staged = faults.take('Autodiscover', url.pathname, ['http500', 'http503', 'reset']);
    if (staged?.kind === 'reset') return void res.socket?.destroy();
    if (staged) return send(res, staged.kind === 'http503' ? 503 : 500, '', {});
    const auth = authenticate(req, world, authSettings(ctx));
    if (!auth.ok) return send(res, 401, UNAUTHORIZED_HTML, { 'Content-Type': 'text/html', 'WWW-Authenticate': auth.challenge });
    if (req.method !== 'POST') return send(res, 200, errorXml(600, 'Invalid Request'), XML);
    let email: string | undefined;
    let schema: string | undefined;
    try {
      const doc = parseXml(ctx.body.toString('utf8'));
      const request = doc.documentElement.getElementsByTagNameNS(REQ_NS, 'Request')[0];
      email = childText(request, 'EMailAddress', REQ_NS)?.trim();
      schema = childText(request, 'AcceptableResponseSchema', REQ_NS)?.trim();
    } catch (e) {
      if (!(e instanceof XmlRejected)) throw e;
    }
    if (!email) return send(res, 200, errorXml(600, 'Invalid Request'), XML);
    if (schema !== OUTLOOK_NS) return send(res, 200, errorXml(601, 'The requested schema version is not supported.'), XML);
    const redirect = world.autodiscoverRedirects[email.toLowerCase()];
    if (redirect?.redirectAddr) {
      return send(
        res,
        200,
        wrap(`<AccountType>email</AccountType><Action>redirectAddr</Action><RedirectAddr>${esc(redirect.redirectAddr)}</RedirectAddr>`),
        XML,
      );
    }
    if (redirect?.redirectUrl) {
      return send(
        res,
        200,
        wrap(`<AccountType>email</AccountType><Action>redirectUrl</Action><RedirectUrl>${esc(redirect.redirectUrl)}</RedirectUrl>`),
        XML,
      );
    }
    const mb = mailboxOf(world, email);
    if (!mb) return send(res, 200, errorXml(500, "The email address can't be found."), XML);
    const s = userSettings(world, mb, ctx.baseUrl);
    const host = new URL(ctx.baseUrl).host;
    const user =
      `<User><DisplayName>${esc(mb.displayName)}</DisplayName><LegacyDN>${esc(mb.legacyDn)}</LegacyDN>` +
      `<AutoDiscoverSMTPAddress>${esc(mb.smtp)}</AutoDiscoverSMTPAddress><DeploymentId>${DEPLOYMENT_ID}</DeploymentId></User>`;
    const common =
      `<ASUrl>${esc(s.ExternalEwsUrl)}</ASUrl><EwsUrl>${esc(s.ExternalEwsUrl)}</EwsUrl><EmwsUrl>${esc(s.ExternalEwsUrl)}</EmwsUrl>` +
      `<EcpUrl>${esc(ctx.baseUrl)}/owa/</EcpUrl><OOFUrl>${esc(s.ExternalEwsUrl)}</OOFUrl><OABUrl>${esc(ctx.baseUrl)}/OAB/</OABUrl>`;
    const account =
      `<AccountType>email</AccountType><Action>settings</Action><MicrosoftOnline>False</MicrosoftOnline>` +
      `<Protocol><Type>EXCH</Type><Server>${esc(s.InternalMailboxServer)}</Server><ServerDN>${esc(s.MailboxDN)}</ServerDN>` +
      `<ServerVersion>${serverVersionHex()}</ServerVersion><MdbDN>${esc(s.MailboxDN)}</MdbDN><AD>${esc(s.ActiveDirectoryServer)}</AD>${common}` +
      `<ServerExclusiveConnect>off</ServerExclusiveConnect></Protocol>` +
      `<Protocol><Type>EXPR</Type><Server>${esc(host)}</Server><SSL>${url.protocol === 'https:' ? 'On' : 'Off'}</SSL><AuthPackage>Negotiate</AuthPackage>${common}` +
      `<ServerExclusiveConnect>on</ServerExclusiveConnect></Protocol>` +
      `<Protocol><Type>WEB</Type><Internal><OWAUrl AuthenticationMethod="Basic, Fba">${esc(ctx.baseUrl)}/owa/</OWAUrl></Internal></Protocol>`;
    send(res, 200, wrap(account, user), XML);
  },
};
