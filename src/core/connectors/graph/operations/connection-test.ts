// `profiles test` / doctor steps for a Graph profile: sign-in, mailbox lookup, calendar access, one day of
// calendarView. A failed step carries its catalogue entry; later steps are skipped.
import type { TextRef } from '../../../../shared/errors.js';
import { text } from '../../../../shared/i18n/engine-texts.js';
import type { TestStep } from '../../../../shared/model.js';
import { toCalpumpError } from '../../../errors/calpump-error.js';
import { graphGet, PREFER_UTC, seg, type GraphContext } from '../graph-context.js';

interface Step {
  id: string;
  title: TextRef;
  run(): Promise<Record<string, string> | void>;
}

export async function connectionTest(
  ctx: GraphContext,
  mailbox: string,
  token: () => Promise<string>,
  now: Date = new Date(),
  onStep?: (step: TestStep) => void,
): Promise<TestStep[]> {
  const m = seg(mailbox);
  const day = new Date(now.getTime() + 86_400_000);
  const steps: Step[] = [
    { id: 'graph.signIn', title: text('graph.step.signIn'), run: async () => void (await token()) },
    {
      id: 'graph.mailbox',
      title: text('graph.step.mailbox', { mailbox }),
      run: async () => {
        const u = await graphGet<{ id: string; mail?: string; userPrincipalName?: string }>(
          ctx,
          `/users/${m}?$select=id,mail,userPrincipalName`,
        );
        return { id: u.id, upn: u.userPrincipalName ?? '' };
      },
    },
    {
      id: 'graph.calendar',
      title: text('graph.step.calendar'),
      run: async () => ({ name: (await graphGet<{ name: string }>(ctx, `/users/${m}/calendar?$select=id,name`)).name }),
    },
    {
      id: 'graph.calendarView',
      title: text('graph.step.calendarView'),
      run: async () => {
        const q = new URLSearchParams({ startDateTime: now.toISOString(), endDateTime: day.toISOString(), $top: '1', $select: 'id' });
        await graphGet(ctx, `/users/${m}/calendar/calendarView?${q.toString()}`, { Prefer: PREFER_UTC });
      },
    },
  ];
  const list: TestStep[] = [];
  const out = { push: (step: TestStep) => (list.push(step), onStep?.(step)) };
  let failed = false;
  for (const s of steps) {
    if (failed) {
      out.push({ id: s.id, title: s.title, status: 'skipped', durationMs: 0 });
      continue;
    }
    const t0 = Date.now();
    try {
      const data = await s.run();
      out.push({ id: s.id, title: s.title, status: 'pass', durationMs: Date.now() - t0, ...(data ? { data } : {}) });
    } catch (e) {
      failed = true;
      const err = toCalpumpError(e);
      out.push({
        id: s.id,
        title: s.title,
        status: 'fail',
        durationMs: Date.now() - t0,
        error: err.info(),
        ...(err.evidence ? { evidence: err.evidence } : {}),
      });
    }
  }
  return list;
}
