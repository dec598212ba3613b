// The EWS backend of CalendarWriter: impersonation or delegate access exactly as the profile says, creates and
// updates batched per mailbox (one CreateItem/UpdateItem per batch), deletes to Deleted Items.
import type { EwsProfile } from '../../../../shared/profile.js';
import type { ConnectorDeps } from '../../deps.js';
import { ServerWaits } from '../../../net/server-wait.js';
import type { CalendarWriter, ListOwnedOptions, OwnedItem, WriteOutcome, WriteRequest } from '../../writer.js';
import { mailboxAddress } from '../mailbox-address.js';
import type { EwsSession } from '../session.js';
import { findOwned } from './find-owned.js';
import { openWriterSession, type EwsWriterOptions, type OpenedSession } from './ews-writer-session.js';
import { createItems, deleteItems, updateItems } from './write-operations.js';

/** Items per CreateItem/UpdateItem/DeleteItem: small enough for EWS request limits and per-item retries. */
export const EWS_WRITE_BATCH = 50;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class EwsCalendarWriter implements CalendarWriter {
  readonly kind = 'ews' as const;
  readonly maxBatch = EWS_WRITE_BATCH;
  readonly serverWaits = new ServerWaits();
  private opened?: Promise<OpenedSession>;

  constructor(
    private readonly profile: EwsProfile,
    private readonly deps: ConnectorDeps,
    private readonly options: EwsWriterOptions = {},
  ) {}

  private async session(): Promise<EwsSession> {
    this.opened ??= openWriterSession(this.profile, this.deps, { ...this.options, waits: this.serverWaits });
    this.opened.catch(() => (this.opened = undefined));
    return (await this.opened).session;
  }

  private mailbox(m: string): string {
    return mailboxAddress(m, this.profile.mailDomain);
  }

  async listOwned(mailbox: string, folder: string, opts?: ListOwnedOptions): Promise<OwnedItem[]> {
    return findOwned(await this.session(), this.mailbox(mailbox), folder, opts);
  }

  async upsert(mailbox: string, folder: string, requests: WriteRequest[]): Promise<WriteOutcome[]> {
    const s = await this.session();
    const mb = this.mailbox(mailbox);
    const out = new Array<WriteOutcome>(requests.length);
    const creates = requests.map((r, i) => [r, i] as const).filter(([r]) => !r.existing);
    const updates = requests.map((r, i) => [r, i] as const).filter(([r]) => r.existing);
    for (const batch of chunks([...creates], this.maxBatch)) {
      const res = await createItems(
        s,
        mb,
        folder,
        batch.map(([r]) => r),
      );
      batch.forEach(([, i], k) => (out[i] = res[k]!));
    }
    for (const batch of chunks([...updates], this.maxBatch)) {
      const res = await updateItems(
        s,
        mb,
        batch.map(([r]) => r),
      );
      batch.forEach(([, i], k) => (out[i] = res[k]!));
    }
    return out;
  }

  async delete(mailbox: string, ids: string[], opts: { permanent?: boolean } = {}): Promise<WriteOutcome[]> {
    const s = await this.session();
    const mb = this.mailbox(mailbox);
    const out: WriteOutcome[] = [];
    for (const batch of chunks(ids, this.maxBatch)) out.push(...(await deleteItems(s, mb, batch, opts.permanent)));
    return out;
  }

  async close(): Promise<void> {
    const opened = this.opened ? await this.opened.catch(() => undefined) : undefined;
    opened?.close();
  }
}

export function createEwsWriter(profile: EwsProfile, deps: ConnectorDeps, options?: EwsWriterOptions): CalendarWriter {
  return new EwsCalendarWriter(profile, deps, options);
}
