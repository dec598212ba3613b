// Transport-agnostic dispatcher: every call is checked against src/shared/rpc.ts before a handler sees it,
// every failure leaves as a catalogue ErrorInfo, and long calls can be cancelled by operation id.
import { z } from 'zod';
import { acceptsOpId, isRpcMethod, rpcContract, type RpcMethod, type RpcResult } from '../../shared/rpc.js';
import type { Lang } from '../doctor/catalogue.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { describeIssue } from '../store/zod-issues.js';
import { createConnectorPool, type ConnectorPool } from './connector-pool.js';
import { createEventHub, type EventHub } from './event-hub.js';
import type { CallContext, Handler, HandlerTable } from './handler-types.js';
import { coreHandlers } from './handlers/index.js';
import type { CoreServices } from './services.js';

export type { CallContext, Handler, HandlerTable } from './handler-types.js';

export interface DispatcherOptions {
  events?: EventHub;
  /** Check every answer against its output schema (on by default: a contract breach becomes a clear error). */
  validateOutputs?: boolean;
  /** Replace handlers (tests, or a host adding its own). */
  handlers?: Partial<HandlerTable>;
}

export interface Dispatcher {
  call(method: unknown, input?: unknown): Promise<RpcResult>;
  readonly events: EventHub;
  readonly connectors: ConnectorPool;
  /** Aborts every call still running and closes the connectors (host shutting down). */
  close(): Promise<void>;
}

export function createDispatcher(services: CoreServices, opts: DispatcherOptions = {}): Dispatcher {
  const events = opts.events ?? createEventHub();
  const handlers: HandlerTable = { ...coreHandlers, ...opts.handlers };
  const validateOutputs = opts.validateOutputs ?? true;
  const running = new Map<string, AbortController>();
  const connectors = createConnectorPool(services);

  handlers['app.cancel'] = ({ opId }) => {
    const ac = running.get(opId);
    ac?.abort();
    return { cancelled: !!ac };
  };

  async function langOf(): Promise<Lang> {
    if (services.lang) return services.lang();
    try {
      return (await services.settings.get()).language;
    } catch {
      return 'en';
    }
  }

  async function call(method: unknown, input?: unknown): Promise<RpcResult> {
    const lang = await langOf();
    if (!isRpcMethod(method)) {
      const shown = typeof method === 'string' ? method.slice(0, 100) : typeof method;
      return fail(new CalpumpError('rpc.unknownMethod', { params: { method: shown } }));
    }
    const spec = rpcContract[method];
    // The client names an operation (opId) whenever its caller can cancel; a method that cannot be cancelled ignores it.
    const drop = method !== 'app.cancel' && !acceptsOpId(method) && input !== null && typeof input === 'object' && 'opId' in input;
    const given = drop ? withoutOpId(input) : input;
    const parsed = (spec.input as z.ZodType).safeParse(given ?? {});
    if (!parsed.success) return fail(new CalpumpError('input.invalid', { params: describeIssue(parsed.error) }));

    const opId = (parsed.data as { opId?: unknown }).opId;
    const ac = new AbortController();
    if (typeof opId === 'string' && method !== 'app.cancel') running.set(opId, ac);
    const ctx: CallContext = { signal: ac.signal, lang, services, events, connectors };
    try {
      const handler = handlers[method] as Handler<RpcMethod>;
      const output = await raceAbort(Promise.resolve(handler(parsed.data as never, ctx)), ac.signal);
      if (!validateOutputs) return { ok: true, output };
      const checked = (spec.output as z.ZodType).safeParse(output);
      if (!checked.success) {
        const { field, problem } = describeIssue(checked.error);
        services.logger.error('rpc.output.invalid', { method, field, problem });
        return fail(
          // The contract broke inside Calpump: the issue's text key is enough to find it (the log has its params).
          new CalpumpError('internal.unexpected', {
            params: { text: text('problem.rpc.outputContract', { method, field, problem: problem.key }) },
          }),
        );
      }
      return { ok: true, output: checked.data };
    } catch (e) {
      const err = toCalpumpError(e);
      if (err.id === 'internal.unexpected') services.logger.error('rpc.call.failed', { method, error: err.evidence });
      return fail(err);
    } finally {
      if (typeof opId === 'string' && running.get(opId) === ac) running.delete(opId);
    }
  }

  return {
    call,
    events,
    connectors,
    async close() {
      for (const ac of running.values()) ac.abort();
      running.clear();
      await connectors.closeAll();
    },
  };
}

function fail(err: CalpumpError): RpcResult {
  const info = err.info();
  // internal.unexpected has a {text} placeholder; fill it from the evidence when no param was given.
  if (err.id === 'internal.unexpected' && !err.params.text)
    return { ok: false, error: { ...info, params: { ...info.params, text: err.evidence ?? 'unknown' } } };
  return { ok: false, error: info };
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CalpumpError('rpc.cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CalpumpError('rpc.cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(toCalpumpError(e));
      },
    );
  });
}

function withoutOpId(input: object): object {
  const rest: Record<string, unknown> = { ...input };
  delete rest.opId;
  return rest;
}
