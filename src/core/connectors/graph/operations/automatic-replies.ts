// A mailbox's automatic replies from /users/{id}/mailboxSettings/automaticRepliesSetting (MailboxSettings.Read). The
// scheduled window comes in the zone Graph names — usually the mailbox's Windows zone, not UTC — and is read as such.
// A delegated sign-in may read only its own mailbox's settings: a 403 for another mailbox names that, not an
// access policy.
import type { AutomaticReplies } from '../../connector.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { graphGet, seg, type GraphContext } from '../graph-context.js';
import { graphInstant, type GraphDateTime } from '../graph-time.js';

export interface GraphAutomaticReplies {
  status?: string;
  scheduledStartDateTime?: GraphDateTime;
  scheduledEndDateTime?: GraphDateTime;
}

/** Graph's automaticRepliesSetting; times come in the zone they name (UTC or a Windows zone) and are read as such. */
export function parseGraphAutomaticReplies(body: GraphAutomaticReplies): AutomaticReplies {
  if (body.status === 'alwaysEnabled') return { state: 'enabled' };
  if (body.status === 'scheduled')
    return {
      state: 'scheduled',
      start: body.scheduledStartDateTime ? graphInstant(body.scheduledStartDateTime) : undefined,
      end: body.scheduledEndDateTime ? graphInstant(body.scheduledEndDateTime) : undefined,
    };
  return { state: 'disabled' };
}

export async function graphAutomaticReplies(ctx: GraphContext, mailbox: string): Promise<AutomaticReplies> {
  let body: GraphAutomaticReplies;
  try {
    body = await graphGet<GraphAutomaticReplies>(ctx, `/users/${seg(mailbox)}/mailboxSettings/automaticRepliesSetting`);
  } catch (e) {
    // Delegated: no access policy is involved, the signed-in user simply is not this mailbox.
    if (e instanceof CalpumpError && e.id === 'graph.mailbox.accessDenied' && ctx.profile.flow !== 'clientCredentials')
      throw new CalpumpError('presence.automaticReplies.delegated', {
        params: { mailbox, clientId: ctx.profile.clientId },
        evidence: e.evidence,
        cause: e,
      });
    throw e;
  }
  const r = parseGraphAutomaticReplies(body ?? {});
  if (r.state === 'scheduled' && (!r.start || !r.end))
    throw new CalpumpError('graph.response.invalid', {
      params: {
        operation: 'automaticRepliesSetting',
        // The fields that could not be read, with the zone Graph named (the usual cause).
        problem: `scheduledStartDateTime/scheduledEndDateTime (${body.scheduledStartDateTime?.timeZone ?? '-'})`,
        graphHost: ctx.profile.graphHost,
      },
      evidence: JSON.stringify(body).slice(0, 300),
    });
  return r;
}
