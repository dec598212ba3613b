// An in-memory CalendarWriter: items with tags, change keys that bump on every write, and a record of calls.
import {
  appointmentHash,
  type CalendarWriter,
  type ListOwnedOptions,
  type OwnedItem,
  type WriteOutcome,
  type WriteRequest,
} from '../../src/core/connectors/writer.js';
import { omit } from '../../src/shared/omit.js';

export class MemoryWriter implements CalendarWriter {
  readonly kind = 'ews' as const;
  readonly maxBatch = 10;
  readonly items = new Map<string, OwnedItem & { mailbox: string }>();
  readonly calls: string[] = [];
  private seq = 0;

  async listOwned(mailbox: string, _folder: string, opts: ListOwnedOptions = {}): Promise<OwnedItem[]> {
    this.calls.push(`list ${mailbox}`);
    return [...this.items.values()]
      .filter((i) => i.mailbox === mailbox && (!opts.scope || i.scope === opts.scope))
      .map((i) => omit(i, 'mailbox'));
  }

  async upsert(mailbox: string, _folder: string, requests: WriteRequest[]): Promise<WriteOutcome[]> {
    this.calls.push(`upsert ${mailbox} ${requests.length}`);
    return requests.map((r) => {
      const id = r.existing?.id ?? `item-${++this.seq}`;
      const changeKey = `ck-${++this.seq}`;
      this.items.set(id, {
        ...r.appointment,
        id,
        changeKey,
        lastModified: '',
        sourceKey: r.tag?.sourceKey ?? '',
        scope: r.tag?.scope ?? '',
        contentHash: appointmentHash(r.appointment),
        mailbox,
      });
      return { action: r.existing ? 'update' : 'create', ok: true, id, changeKey };
    });
  }

  async delete(mailbox: string, ids: string[]): Promise<WriteOutcome[]> {
    this.calls.push(`delete ${mailbox} ${ids.length}`);
    return ids.map((id) => {
      this.items.delete(id);
      return { action: 'delete', ok: true, id };
    });
  }

  async close(): Promise<void> {}
}
