// POST /EWS/Exchange.asmx: faults → auth → envelope → impersonation → operation, like IIS + EWS.
import type { SimContext, SimRoute } from '../http/types.js';
import { authenticate, authSettings, UNAUTHORIZED_HTML } from '../auth/authenticate.js';
import { authenticateBearer, isBearer } from '../auth/bearer.js';
import type { SimAccount } from '../world/types.js';
import { HTTPSYS_503, IIS_500, owaLoginRedirect, resetConnection, send } from '../http/respond.js';
import type { FaultKind } from '../faults.js';
import { resolveImpersonation, type EwsCall } from './call.js';
import { OPERATIONS } from './operations/index.js';
import { parseEwsRequest, SchemaViolation, versionAtLeast } from './request.js';
import { EwsFault, EwsResponseError, envelope, errorMessage, operationResponse, schemaValidationFault, soapFault } from './soap.js';

const XML = { 'Content-Type': 'text/xml; charset=utf-8' };
const OPERATION_FAULTS: readonly FaultKind[] = [
  'serverBusy',
  'throttle429',
  'http500',
  'http503',
  'reset',
  'truncate',
  'soapFault',
  'unauthorized',
  'delay',
];
const BUSY = 'The server cannot service this request right now. Try again later.';

export function isEwsPath(path: string): boolean {
  return /^\/ews\/exchange\.asmx$/i.test(path);
}

function deliverFault(ctx: SimContext, kind: FaultKind, backOffMs?: number): { truncate?: boolean } | 'done' {
  const { res } = ctx;
  switch (kind) {
    case 'reset':
      resetConnection(res);
      return 'done';
    case 'truncate':
      return { truncate: true };
    case 'http500':
      send(res, 500, IIS_500, { 'Content-Type': 'text/html' });
      return 'done';
    case 'http503':
      send(res, 503, HTTPSYS_503, { 'Content-Type': 'text/html; charset=us-ascii', Connection: 'close' });
      return 'done';
    case 'serverBusy':
    case 'throttle429': {
      const ms = backOffMs ?? 500;
      send(
        res,
        500,
        soapFault(
          'ErrorServerBusy',
          BUSY,
          `<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="BackOffMilliseconds">${ms}</t:Value></t:MessageXml>`,
        ),
        XML,
      );
      return 'done';
    }
    case 'soapFault':
      send(res, 500, soapFault('ErrorInternalServerError', 'An internal server error occurred. The operation failed.'), XML);
      return 'done';
    case 'unauthorized':
      send(res, 401, UNAUTHORIZED_HTML, { 'Content-Type': 'text/html', 'WWW-Authenticate': ['Negotiate', 'NTLM'] });
      return 'done';
    default:
      return {};
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const ewsRoute: SimRoute = {
  match: (_req, url) => isEwsPath(url.pathname),
  async handle(ctx) {
    const { req, res, world, faults, counters, url } = ctx;
    if (faults.take('EWS', url.pathname, ['formsLogin'])) return owaLoginRedirect(res, ctx.baseUrl, url.pathname);
    const wrongSchemes = faults.take('EWS', url.pathname, ['wrongAuthSchemes']);
    const schemes = wrongSchemes ? ['Negotiate'] : faults.authSchemes;
    let auth: { ok: true; account: SimAccount; appOnly?: boolean } | { ok: false };
    if (isBearer(req.headers.authorization)) {
      const b = authenticateBearer(world, req.headers.authorization);
      if (!b.ok) return send(res, 401, '', { 'WWW-Authenticate': b.challenge, 'x-ms-diagnostics': b.diagnostics });
      auth = b;
    } else {
      const a = authenticate(req, world, authSettings(ctx, schemes));
      if (!a.ok) return send(res, 401, UNAUTHORIZED_HTML, { 'Content-Type': 'text/html', 'WWW-Authenticate': a.challenge });
      auth = a;
    }
    if (req.method !== 'POST') {
      return send(res, 200, '<html><body>You have created a service.</body></html>', { 'Content-Type': 'text/html' });
    }
    const text = ctx.body.toString('utf8');
    const memo = ctx.answers?.usable(faults) ? ctx.answers : undefined;
    const key = memo ? `${auth.account.upn}\0${auth.appOnly ? 'app' : 'user'}\0${text}` : '';
    const seq = world.seq;
    const kept = memo?.lookup(key, seq, counters);
    if (kept) return send(res, 200, kept, XML);
    const recording = memo?.recording(counters);
    let parsed;
    try {
      parsed = parseEwsRequest(text);
    } catch (e) {
      counters.count('EWS:invalid');
      if (e instanceof SchemaViolation) return send(res, 500, schemaValidationFault(e.message), XML);
      if (e instanceof EwsFault) return send(res, 500, soapFault(e.code, e.message, e.detailXml), XML);
      throw e;
    }
    const { operation } = parsed;
    // The availability service's operations are named without the element's "Request" suffix.
    const opName = /^GetUser(Availability|OofSettings)Request$/.test(operation) ? operation.slice(0, -'Request'.length) : operation;
    counters.count(opName);

    let truncate = false;
    const staged = faults.take(opName, url.pathname, OPERATION_FAULTS);
    if (staged?.kind === 'delay') await sleep(staged.delayMs ?? 1000);
    else if (staged) {
      const r = deliverFault(ctx, staged.kind, staged.backOffMs);
      if (r === 'done') return;
      truncate = !!r.truncate;
    }
    const random = staged ? undefined : faults.roll();
    if (random) {
      const r = deliverFault(ctx, random, 500);
      if (r === 'done') return;
      truncate = !!r.truncate;
    }

    const entry = OPERATIONS[operation];
    try {
      if (!entry || !versionAtLeast(parsed.version, entry.since)) {
        const why = entry
          ? `The element '${operation}' is not valid in the requested server version ${parsed.version}.`
          : `The element '${operation}' in namespace 'http://schemas.microsoft.com/exchange/services/2006/messages' is not expected.`;
        return send(res, 500, schemaValidationFault(why), XML);
      }
      if (auth.appOnly && !parsed.impersonation) {
        // App-only tokens have no mailbox of their own: Exchange Online insists on ExchangeImpersonation.
        throw new EwsFault(
          'ErrorInvalidExchangeImpersonationHeaderData',
          'ExchangeImpersonation SOAP header must be present for this type of OAuth token.',
        );
      }
      const acting = parsed.impersonation ? resolveImpersonation(world, auth.account, parsed.impersonation) : undefined;
      const call: EwsCall = {
        world,
        counters: recording?.counters ?? counters,
        faults,
        baseUrl: ctx.baseUrl,
        account: auth.account,
        actingSmtp: acting?.smtp ?? auth.account.smtp,
        impersonating: !!acting,
        version: parsed.version,
        timeZoneContext: parsed.timeZoneContext,
        operation,
        op: parsed.op,
      };
      const answer = Buffer.from(envelope(await entry.handler(call)), 'utf8');
      if (!truncate && world.seq === seq) recording?.keep(key, seq, operation, answer);
      send(res, 200, answer, XML, truncate);
    } catch (e) {
      if (e instanceof EwsFault) return send(res, 500, soapFault(e.code, e.message, e.detailXml), XML, truncate);
      if (e instanceof EwsResponseError) {
        const msg = errorMessage(`${operation}ResponseMessage`, { code: e.code, message: e.message, values: e.values });
        return send(res, 200, envelope(operationResponse(operation, msg)), XML, truncate);
      }
      throw e;
    }
  },
};

export { IIS_500 };
