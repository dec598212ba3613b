// A group's mailboxes through ExpandDL: nested groups (PublicDL entries) are expanded breadth first, each once, so a
// cycle (A in B in A) ends; contacts, public folders and personal contact groups have no mailbox to read and are
// left out. An incomplete expansion is an error, never a shorter member list: a job that removes former members'
// output must not take a truncated answer as "they left".
import { text } from '../../../shared/i18n/engine-texts.js';
import type { TextRef } from '../../../shared/errors.js';
import type { Mailbox } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { expandDl } from './operations/expand-dl.js';
import type { EwsSession } from './session.js';

/** Bounds on what one group may pull in (nothing read from a network is unbounded). */
export const MAX_NESTED_GROUPS = 500;
export const MAX_GROUP_MAILBOXES = 20_000;

export async function ewsGroupMembers(s: EwsSession, group: string): Promise<Mailbox[]> {
  const root = group.trim().toLowerCase();
  const seenGroups = new Set([root]);
  const members = new Map<string, Mailbox>();
  const queue = [root];
  const incomplete = (reason: TextRef) => new CalpumpError('pump.group.incomplete', { params: { group, reason } });
  while (queue.length) {
    const current = queue.shift()!;
    let expansion;
    try {
      expansion = await expandDl(s, current);
    } catch (e) {
      // A nested group that vanished between two answers is a member list that changed, not a broken job.
      if (current !== root && e instanceof CalpumpError && e.id === 'pump.group.notFound') continue;
      throw e;
    }
    if (!expansion.complete) throw incomplete(text('problem.group.partial', { group: current, entries: expansion.entries.length }));
    for (const e of expansion.entries) {
      const key = e.smtp.toLowerCase();
      if (e.mailboxType === 'PublicDL') {
        if (seenGroups.has(key)) continue;
        if (seenGroups.size >= MAX_NESTED_GROUPS) throw incomplete(text('problem.group.tooManyGroups', { max: MAX_NESTED_GROUPS }));
        seenGroups.add(key);
        queue.push(key);
      } else if (e.mailboxType === 'Mailbox' && !members.has(key)) {
        if (members.size >= MAX_GROUP_MAILBOXES) throw incomplete(text('problem.group.tooManyMailboxes', { max: MAX_GROUP_MAILBOXES }));
        members.set(key, { id: key, displayName: e.displayName, smtp: e.smtp, kind: 'user' });
      }
    }
  }
  s.logger.debug('ews.group.expanded', { group: root, groups: seenGroups.size, mailboxes: members.size });
  return [...members.values()];
}
