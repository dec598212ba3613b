// Automatic replies (out of office) of the seeded mailboxes, relative to the anchor Monday (day 0) in each mailbox's
// zone, and the answer for a mailbox nobody set: Disabled, with the window Exchange keeps from the last time it was
// used (here: the anchor week's Monday, a day long). Tests change world.automaticReplies between runs.
import type { SimAutomaticReplies, SimMailbox } from './types.js';
import type { SimWorld } from './world.js';
import { addDays, localToUtc } from './tz.js';

function localIso(zone: string, date: string, hour: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(localToUtc(zone, { year, month, day, hour, minute: 0 })).toISOString();
}

function settings(state: SimAutomaticReplies['state'], start: string, end: string, reply = ''): SimAutomaticReplies {
  return { state, start, end, externalAudience: 'All', internalReply: reply, externalReply: reply };
}

/**
 * The seed: anna.schmidt Scheduled from day +7 08:00 to day +9 17:00 Berlin time (her vacation), bob.jones Enabled,
 * jan.devries Disabled with last month's window still stored. Everybody else: off.
 */
export function seedAutomaticReplies(world: SimWorld): void {
  const at = (smtp: string, day: number, hour: number) => {
    const mb = world.mailboxes.get(smtp);
    return mb ? localIso(mb.timeZone, addDays(world.anchor, day), hour) : undefined;
  };
  const anna = 'anna.schmidt@contoso.com';
  const annaStart = at(anna, 7, 8);
  const annaEnd = at(anna, 9, 17);
  if (annaStart && annaEnd) world.automaticReplies.set(anna, settings('Scheduled', annaStart, annaEnd, 'Ich bin im Urlaub.'));
  const bob = 'bob.jones@contoso.com';
  const bobStart = at(bob, -1, 0);
  const bobEnd = at(bob, 1, 0);
  if (bobStart && bobEnd) world.automaticReplies.set(bob, settings('Enabled', bobStart, bobEnd, 'I am out of the office.'));
  const jan = 'jan.devries@contoso.com';
  const janStart = at(jan, -30, 9);
  const janEnd = at(jan, -28, 17);
  if (janStart && janEnd) world.automaticReplies.set(jan, settings('Disabled', janStart, janEnd));
}

/** What a mailbox's automatic replies are now (Disabled when never set). */
export function automaticRepliesOf(world: SimWorld, mb: SimMailbox): SimAutomaticReplies {
  const set = world.automaticReplies.get(mb.smtp.toLowerCase());
  if (set) return set;
  const start = localIso(mb.timeZone, world.anchor, 0);
  return settings('Disabled', start, localIso(mb.timeZone, addDays(world.anchor, 1), 0));
}
