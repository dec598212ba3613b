// Route contract shared by the EWS/Autodiscover front end (sim helper) and Graph/OAuth (graph helper).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimWorld } from '../world/world.js';
import type { SimCounters } from '../counters.js';
import type { SimFaultControls } from '../faults.js';
import type { EwsAnswerCache } from '../ews/answer-cache.js';

export interface SimContext {
  world: SimWorld;
  counters: SimCounters;
  faults: SimFaultControls;
  req: IncomingMessage;
  res: ServerResponse;
  /** Raw request body (already read). */
  body: Buffer;
  url: URL;
  /** Base URL of the running simulator, e.g. https://127.0.0.1:PORT */
  baseUrl: string;
  /** What a client bound to this server's TLS certificate sends as MsvAvChannelBindings (HTTPS only). */
  channelBinding?: Buffer;
  /** Benchmarks only (SimOptions.answerCacheMb): repeated read-only EWS and Graph requests answered from a memo. */
  answers?: EwsAnswerCache;
}

export interface SimRoute {
  match(req: IncomingMessage, url: URL): boolean;
  handle(ctx: SimContext): Promise<void>;
}
