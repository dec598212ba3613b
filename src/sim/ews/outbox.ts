import type { SimEvent } from '../world/types.js';
import type { EwsCall } from './call.js';

/** Meeting mail is not delivered anywhere; it is recorded so tests can assert what would have been sent. */
export function recordInvitations(call: EwsCall, ev: SimEvent, kind: 'request' | 'update' | 'cancellation'): void {
  const to = ev.attendees.filter((a) => a.email !== ev.mailbox).map((a) => a.email);
  if (!to.length) return;
  call.world.outbox.push({ kind, from: ev.mailbox, to, subject: ev.subject, itemId: ev.id, sentAt: call.world.now().toISOString() });
}
