// The write check (`profiles test --write`, `doctor --write`): the way Microsoft's connectivity tests do it, a tagged
// test item is created in the test mailbox's calendar, read back by its tag, and deleted for good — so import and
// two-way jobs learn about a missing write right before they run, with the right named: Editor on the folder
// (delegate access), ApplicationImpersonation (impersonation), Calendars.ReadWrite (Graph app) or an RBAC for
// Applications / application access policy scope that leaves the mailbox out. Whatever fails, the item is removed:
// a leftover from an earlier, interrupted check is swept first, and the item of this one is deleted at the end.
import { randomUUID } from 'node:crypto';
import type { TestStep } from '../../shared/model.js';
import type { Profile } from '../../shared/profile.js';
import { renderEngineText, text } from '../../shared/i18n/engine-texts.js';
import type { UiLang } from '../../shared/i18n/langs.js';
import type { Appointment, CalendarWriter, OwnedItem } from '../connectors/writer.js';
import { CalpumpError, toCalpumpError } from '../errors/calpump-error.js';
import { runSteps, type RunOptions, type StepSpec } from '../doctor/runner.js';
import type { StepId } from '../doctor/step-titles.js';

/** The tag scope of test items: no import job or two-way rule uses it, so nothing else ever lists them. */
export const WRITE_CHECK_SCOPE = 'calpump-write-check';
/** A slot no door sign, presence rule or export window shows: the test item lives there for a second. */
const SLOT = { start: '2001-01-01T03:00:00.000Z', end: '2001-01-01T03:05:00.000Z' };
const WINDOW = { from: new Date('2001-01-01T00:00:00Z'), to: new Date('2001-01-02T00:00:00Z') };
const FOLDER = 'calendar';

export interface WriteCheckContext {
  profile: Profile;
  mailbox?: string;
  writer(): Promise<CalendarWriter>;
  /** The language of the test item's subject and body (an admin may meet a leftover in the calendar); default English. */
  lang?: UiLang;
  /** Filled as the steps run: the test item's tag key and id, and whether it is gone again. */
  writeCheck?: { sourceKey: string; id?: string; gone?: boolean };
}

/** The test item, its subject and body in the reader's language. */
function testItem(lang: UiLang = 'en'): Appointment {
  return {
    subject: renderEngineText(text('writeCheck.item.subject'), lang),
    start: SLOT.start,
    end: SLOT.end,
    isAllDay: false,
    timeZone: 'UTC',
    location: '',
    body: renderEngineText(text('writeCheck.item.body'), lang),
    showAs: 'free',
    sensitivity: 'private',
    categories: [],
  };
}

/** The right a write failure points at, as its own catalogue entry; anything else is passed on as it is. */
export function missingWriteRight(profile: Profile, mailbox: string, e: unknown): CalpumpError {
  const err = toCalpumpError(e);
  const keep = { evidence: err.evidence ?? err.id, cause: err };
  if (profile.kind === 'ews') {
    const denied = err.id === 'ews.delegate.accessDenied' || err.id === 'ews.access.denied';
    if (denied && profile.access === 'delegate')
      return new CalpumpError('write.right.editor', { params: { mailbox, username: profile.username }, ...keep });
    if (err.id === 'ews.impersonation.denied' || (denied && profile.access === 'impersonation'))
      return new CalpumpError('write.right.impersonation', { params: { mailbox, username: profile.username }, ...keep });
    return err;
  }
  if (err.id === 'graph.permission.missing')
    return new CalpumpError('write.right.calendarsReadWrite', { params: { mailbox, clientId: profile.clientId }, ...keep });
  if (err.id === 'graph.mailbox.accessDenied') {
    // Signed in as a user, a 403 on another mailbox is that user's folder right; as the app, the app's scope.
    if (profile.flow !== 'clientCredentials')
      return new CalpumpError('write.right.editor', { params: { mailbox, username: profile.username ?? '<signed-in user>' }, ...keep });
    return new CalpumpError('write.right.rbacScope', { params: { mailbox, clientId: profile.clientId }, ...keep });
  }
  return err;
}

function mailboxOf(ctx: WriteCheckContext): string {
  if (!ctx.mailbox)
    throw new CalpumpError('input.invalid', { params: { field: '--mailbox', problem: text('problem.profile.noTestMailbox') } });
  return ctx.mailbox;
}

async function owned(ctx: WriteCheckContext, mailbox: string): Promise<OwnedItem[]> {
  return (await ctx.writer()).listOwned(mailbox, FOLDER, { scope: WRITE_CHECK_SCOPE, from: WINDOW.from, to: WINDOW.to });
}

async function deleteForGood(ctx: WriteCheckContext, mailbox: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const outcomes = await (await ctx.writer()).delete(mailbox, ids, { permanent: true });
  const failed = outcomes.find((o) => !o.ok);
  if (failed) throw missingWriteRight(ctx.profile, mailbox, failed.error);
}

/** The three steps; `needs` are the read steps that must pass first (mailbox and calendar reachable). */
export function writeCheckSteps<C extends WriteCheckContext>(needs: StepId[]): StepSpec<C>[] {
  return [
    {
      id: 'write.create',
      needs,
      async run(ctx) {
        const mailbox = mailboxOf(ctx);
        // A test item an interrupted check left behind goes first (reading it needs only the read right).
        const leftovers = await owned(ctx, mailbox).catch(() => [] as OwnedItem[]);
        await deleteForGood(
          ctx,
          mailbox,
          leftovers.map((i) => i.id),
        ).catch(() => undefined);
        const sourceKey = `check-${randomUUID()}`;
        ctx.writeCheck = { sourceKey };
        const [outcome] = await (
          await ctx.writer()
        ).upsert(mailbox, FOLDER, [{ appointment: testItem(ctx.lang), tag: { scope: WRITE_CHECK_SCOPE, sourceKey } }]);
        if (!outcome?.ok) throw missingWriteRight(ctx.profile, mailbox, outcome?.error);
        ctx.writeCheck.id = outcome.id;
        return { evidence: `CreateItem ${FOLDER} ${mailbox}`, data: { item: sourceKey } };
      },
    },
    {
      id: 'write.readBack',
      needs: ['write.create'],
      async run(ctx) {
        const mailbox = mailboxOf(ctx);
        const found = (await owned(ctx, mailbox)).find((i) => i.sourceKey === ctx.writeCheck?.sourceKey);
        if (!found || found.subject !== testItem(ctx.lang).subject || Date.parse(found.start) !== Date.parse(SLOT.start))
          throw new CalpumpError('write.check.notReadBack', { params: { mailbox } });
        ctx.writeCheck!.id = found.id;
        return { evidence: `${found.subject} ${found.start}` };
      },
    },
    {
      id: 'write.delete',
      needs: ['write.create'],
      async run(ctx) {
        const mailbox = mailboxOf(ctx);
        await deleteForGood(ctx, mailbox, ctx.writeCheck?.id ? [ctx.writeCheck.id] : []);
        const still = (await owned(ctx, mailbox)).filter((i) => i.sourceKey === ctx.writeCheck?.sourceKey);
        if (still.length) throw new CalpumpError('write.check.notDeleted', { params: { mailbox } });
        ctx.writeCheck!.gone = true;
        return {};
      },
    },
  ];
}

/** After the steps, whatever happened: an item this check created and did not see deleted is deleted (best effort). */
export async function cleanUpWriteCheck(ctx: WriteCheckContext): Promise<void> {
  if (!ctx.mailbox || !ctx.writeCheck || ctx.writeCheck.gone) return;
  const mine = await owned(ctx, ctx.mailbox).catch(() => [] as OwnedItem[]);
  const ids = new Set([...(ctx.writeCheck.id ? [ctx.writeCheck.id] : []), ...mine.map((i) => i.id)]);
  await deleteForGood(ctx, ctx.mailbox, [...ids]).catch(() => undefined);
}

/**
 * Runs the three steps on their own (`profiles test --write`, after the connection steps passed): the writer is made
 * when the first step needs it and closed at the end, after the clean-up.
 */
export async function runWriteCheck(
  profile: Profile,
  mailbox: string,
  makeWriter: () => Promise<CalendarWriter>,
  opts: RunOptions,
  lang?: UiLang,
): Promise<TestStep[]> {
  let made: Promise<CalendarWriter> | undefined;
  const ctx: WriteCheckContext = { profile, mailbox, lang, writer: () => (made ??= makeWriter()) };
  try {
    return await runSteps(writeCheckSteps<WriteCheckContext>([]), ctx, opts);
  } finally {
    await cleanUpWriteCheck(ctx);
    if (made) await (await made.catch(() => undefined))?.close().catch(() => undefined);
  }
}

/** How many test items of the write check are in the mailbox's calendar now (0 after a check that cleaned up). */
export async function writeCheckLeftovers(writer: CalendarWriter, mailbox: string): Promise<number> {
  return (await writer.listOwned(mailbox, FOLDER, { scope: WRITE_CHECK_SCOPE, from: WINDOW.from, to: WINDOW.to })).length;
}
