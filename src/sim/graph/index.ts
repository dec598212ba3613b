// Graph REST routes (/v1.0/…). Owned by the Graph helper; the simulator server mounts them. Every request:
// bearer token check → staged/random faults (429 + Retry-After, 503, expired token, reset…) → handler.
// $batch members go through the same faults and handlers, so throttling inside a batch is realistic too.
import type { SimContext, SimRoute } from '../http/types.js';
import { resetConnection, send } from '../http/respond.js';
import type { FaultKind, StagedFault } from '../faults.js';
import { verifySimAccessToken } from '../oauth/verify.js';
import { memoised } from '../ews/answer-cache.js';
import { graphError, type GraphRequest, type GraphResult } from './graph-http.js';
import { route } from './router.js';

export { expireGraphDeltaTokens } from './calendar-view.js';
export { instanceUid } from './event-json.js';

const GRAPH_FAULTS: readonly FaultKind[] = [
  'throttle429',
  'serverBusy',
  'http503',
  'http500',
  'tokenExpired',
  'reset',
  'truncate',
  'delay',
];

function faultResult(f: StagedFault | { kind: FaultKind; backOffMs?: number }): GraphResult | undefined {
  const seconds = String(Math.max(1, Math.ceil((f.backOffMs ?? 1000) / 1000)));
  switch (f.kind) {
    case 'throttle429':
    case 'serverBusy':
      return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': seconds });
    case 'http503':
      return graphError(503, 'ServiceUnavailable', 'Service Unavailable', { 'Retry-After': seconds });
    case 'http500':
      return graphError(500, 'InternalServerError', 'An internal server error occurred. The operation failed.');
    case 'tokenExpired':
      return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', {
        'WWW-Authenticate': 'Bearer realm="", error="invalid_token"',
      });
    default:
      return undefined;
  }
}

const AUTH_FAILURE: Record<string, string> = {
  missing: 'Access token is empty.',
  malformed: 'IDX14100: JWT is not well formed, there are no dots (.).',
  signature: 'Access token validation failure. Invalid audience or signature.',
  expired: 'Lifetime validation failed, the token is expired.',
  audience: 'Access token validation failure. Invalid audience.',
};

/** A result, with its body already serialised when it came from (or went into) the answer memo. */
type RunResult = GraphResult & { fault?: FaultKind; raw?: Buffer };

export function runGraph(
  ctx: SimContext,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body: unknown,
  topLevel: boolean,
): RunResult {
  const url = new URL(pathAndQuery, 'https://graph.invalid');
  const check = verifySimAccessToken(ctx.world, headers['authorization'], [
    ctx.baseUrl,
    'https://graph.microsoft.com',
    '00000003-0000-0000-c000-000000000000',
  ]);
  if (!check.ok) {
    return graphError(401, 'InvalidAuthenticationToken', AUTH_FAILURE[check.reason], {
      'WWW-Authenticate': 'Bearer realm="", error="invalid_token"',
    });
  }
  const req: GraphRequest = {
    ctx,
    method,
    path: url.pathname.replace(/^\/v1\.0/i, ''),
    query: url.searchParams,
    headers,
    body,
    token: check.token,
  };
  const routed = route(req);
  // Benchmarks (SimOptions.answerCacheMb): a repeated read-only request of the same caller is answered from the
  // memo while the world is unchanged and no fault is staged or rolled, still counted (see ews/answer-cache.ts).
  const operation = `Graph:${routed.operation}`;
  const memo = topLevel && method === 'GET' && memoised(operation) && ctx.answers?.usable(ctx.faults) ? ctx.answers : undefined;
  if (memo) {
    const t = check.token;
    const key = `graph\0${t.clientId}\0${t.roles.join(',')}\0${t.scopes.join(' ')}\0${t.upn ?? ''}\0${pathAndQuery}\0${headers['prefer'] ?? ''}`;
    const seq = ctx.world.seq;
    const kept = memo.lookupWithHeaders(key, seq, ctx.counters);
    if (kept) return { status: 200, headers: kept.headers, raw: kept.answer };
    const recording = memo.recording(ctx.counters);
    req.ctx = { ...ctx, counters: recording.counters };
    recording.counters.count(operation);
    const result: RunResult = routed.run();
    if (result.status !== 200 || result.body === undefined) return result;
    const raw = Buffer.from(JSON.stringify(result.body), 'utf8');
    recording.keep(key, seq, operation, raw, result.headers);
    return { ...result, raw };
  }
  ctx.counters.count(operation);
  const staged = ctx.faults.take(operation, url.pathname, GRAPH_FAULTS);
  const rolled = topLevel && !staged ? ctx.faults.roll() : undefined;
  const fault = staged ?? (rolled ? { kind: rolled } : undefined);
  if (fault) {
    const r = faultResult(fault);
    if (r) return r;
    if (fault.kind === 'reset' || fault.kind === 'truncate') return { ...routed.run(), fault: fault.kind };
  }
  return routed.run();
}

function lowerHeaders(ctx: SimContext): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.req.headers)) if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return h;
}

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function batch(ctx: SimContext, headers: Record<string, string>): GraphResult {
  let parsed: { requests?: BatchRequest[] };
  try {
    parsed = JSON.parse(ctx.body.toString('utf8')) as { requests?: BatchRequest[] };
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  }
  const requests = parsed.requests ?? [];
  if (requests.length === 0 || requests.length > 20)
    return graphError(400, 'BadRequest', 'Invalid batch payload format. A batch must hold 1 to 20 requests.');
  const responses = requests.map((r) => {
    const memberHeaders: Record<string, string> = { authorization: headers['authorization'] ?? '' };
    for (const [k, v] of Object.entries(r.headers ?? {})) memberHeaders[k.toLowerCase()] = v;
    const res = runGraph(ctx, r.method.toUpperCase(), `/v1.0${r.url.startsWith('/') ? r.url : `/${r.url}`}`, memberHeaders, r.body, false);
    return { id: r.id, status: res.status, headers: res.headers ?? {}, body: res.body };
  });
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
}

export const graphRoutes: SimRoute[] = [
  {
    match: (_req, url) => /^\/v1\.0\//i.test(url.pathname),
    async handle(ctx) {
      const headers = lowerHeaders(ctx);
      let result: RunResult;
      if (/^\/v1\.0\/\$batch$/i.test(ctx.url.pathname) && ctx.req.method === 'POST') {
        ctx.counters.count('Graph:$batch');
        const auth = verifySimAccessToken(ctx.world, headers['authorization'], [
          ctx.baseUrl,
          'https://graph.microsoft.com',
          '00000003-0000-0000-c000-000000000000',
        ]);
        result = auth.ok ? batch(ctx, headers) : graphError(401, 'InvalidAuthenticationToken', AUTH_FAILURE[auth.reason]);
      } else {
        let body: unknown;
        if (ctx.body.length) {
          try {
            body = JSON.parse(ctx.body.toString('utf8'));
          } catch {
            return send(ctx.res, 400, JSON.stringify(graphError(400, 'BadRequest', 'Unable to read JSON request payload.').body), {
              'Content-Type': 'application/json',
            });
          }
        }
        result = runGraph(ctx, ctx.req.method ?? 'GET', ctx.url.pathname + ctx.url.search, headers, body, true);
      }
      if (result.fault === 'reset') return resetConnection(ctx.res);
      send(
        ctx.res,
        result.status,
        result.raw ?? (result.body === undefined ? '' : JSON.stringify(result.body)),
        result.headers ?? {},
        result.fault === 'truncate',
      );
    },
  },
];
