import type { SimEvent } from '../world/types.js';
import { attr } from '../xml/safe-parse.js';
import type { EwsCall } from './call.js';
import { EwsResponseError } from './soap.js';

/** Meeting mail is not delivered anywhere; it is recorded so tests can assert what would have been sent. */
export function recordInvitations(call: EwsCall, ev: SimEvent, kind: 'request' | 'update' | 'cancellation'): void {
  const to = ev.attendees.filter((a) => a.email !== ev.mailbox).map((a) => a.email);
  if (!to.length) return;
  call.world.outbox.push({ kind, from: ev.mailbox, to, subject: ev.subject, itemId: ev.id, sentAt: call.world.now().toISOString() });
}

/**
 * The operation's Send… attribute (SendMeetingInvitations, SendMeetingCancellations, …). Exchange requires it for
 * calendar items and answers Error<Attribute>Required when it is missing or not one of the allowed values.
 */
export function requiredSendMode(call: EwsCall, attribute: string, allowed: readonly string[]): string {
  const value = attr(call.op, attribute);
  if (!value || !allowed.includes(value)) {
    throw new EwsResponseError(`Error${attribute}Required`, `The ${attribute} attribute is required for calendar items.`);
  }
  return value;
}
