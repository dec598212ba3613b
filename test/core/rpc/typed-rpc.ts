// Dispatcher answers and host events typed by the RPC contract, so tests read them without `any`. The types hold:
// the dispatcher checks every answer against the method's output schema (validateOutputs, on by default), and
// EventHub.emit() only accepts a payload of the event's own type.
import type { EventListener } from '../../../src/core/rpc/event-hub.js';
import type { RpcEventName, RpcEventPayload, RpcInput, RpcMethod, RpcOutput, RpcResult } from '../../../src/shared/rpc.js';

export interface RpcCaller {
  call(method: unknown, input?: unknown): Promise<RpcResult>;
}

/** The output of a successful call; a failed one throws with its error, so the test names what went wrong. */
export async function callOk<M extends RpcMethod>(d: RpcCaller, method: M, input?: RpcInput<M>): Promise<RpcOutput<M>> {
  return outputOf(method, await d.call(method, input));
}

/** callOk for a result the test already holds: `r` is the answer to `method`. */
export function outputOf<M extends RpcMethod>(method: M, r: RpcResult): RpcOutput<M> {
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.output as RpcOutput<M>;
}

/** One published event; checking `name` narrows `payload`. */
export type SeenEvent = { [E in RpcEventName]: { name: E; payload: RpcEventPayload<E> } }[RpcEventName];

/** A listener for EventHub.subscribe that appends every event to `seen`. */
export function recordInto(seen: SeenEvent[]): EventListener {
  return (name, payload) => {
    seen.push({ name, payload } as SeenEvent);
  };
}

/** The payloads of the events named `name`, in order. */
export function payloadsOf<E extends RpcEventName>(seen: readonly SeenEvent[], name: E): Array<RpcEventPayload<E>> {
  return seen.filter((e) => e.name === name).map((e) => e.payload as RpcEventPayload<E>);
}
