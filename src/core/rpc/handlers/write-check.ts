// profiles.testWrite: the write check in the UI — the connection steps, then (when they pass) a tagged test item
// created, read back and deleted in the test mailbox, each step streamed as it finishes; afterwards the mailbox is
// read again, so the answer says how many test items are left in it (none, when the clean-up worked).
import type { TestStep } from '../../../shared/model.js';
import { runWriteCheck, writeCheckLeftovers } from '../../write-check/write-check.js';
import type { CalendarWriter } from '../../connectors/writer.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';
import { defaultMailbox, stepStream, stepViews } from './profiles.js';

async function leftovers(make: () => Promise<CalendarWriter>, mailbox: string): Promise<number | undefined> {
  const writer = await make().catch(() => undefined);
  if (!writer) return undefined;
  try {
    return await writeCheckLeftovers(writer, mailbox);
  } catch {
    return undefined;
  } finally {
    await writer.close().catch(() => undefined);
  }
}

export const writeCheckHandlers: Pick<HandlerTable, 'profiles.testWrite'> = {
  async 'profiles.testWrite'(input, ctx) {
    const writerFor = ctx.services.writerFor;
    if (!writerFor) throw notAvailable('feature.write');
    const { profile, connector } = await ctx.connectors.get(input.id);
    const mailbox = defaultMailbox(profile, input.mailbox);
    const params = { mailbox, profile: profile.name };
    const onStep = stepStream(ctx, input.opId, params);
    const steps: TestStep[] = await connector.test(mailbox, { onStep });
    const make = () => writerFor(profile);
    // Writing is checked only once reading works: a write step after a failed sign-in would say nothing new.
    const reads = steps.every((s) => s.status !== 'fail');
    if (reads) steps.push(...(await runWriteCheck(profile, mailbox, make, { onStep, signal: ctx.signal })));
    const details = await connector.describe().catch(() => ({}));
    return {
      ok: steps.every((s) => s.status !== 'fail'),
      steps: stepViews(steps, params),
      details,
      leftBehind: reads ? await leftovers(make, mailbox) : undefined,
    };
  },
};
