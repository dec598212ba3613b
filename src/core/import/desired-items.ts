// What the source wants, per mailbox and key, held compactly until it is planned: one short string per row (its
// key, line, file and the appointment's values) in an array per mailbox, plus a sorted index for look-ups —
// instead of an item object, an appointment object, its date strings and a map entry. A million-row import then
// fits in bounded memory; each item is unpacked again only when it is planned.
import type { Appointment } from '../connectors/writer.js';
import type { ImportJob } from './import-job.js';
import type { ImportItem } from './row-to-item.js';
import { text } from '../../shared/i18n/engine-texts.js';
import type { RowProblem } from './source-row.js';

/** `<key length>:<key><JSON of the other values>` */
type Packed = string;

function keyOf(p: Packed): string {
  const colon = p.indexOf(':');
  return p.slice(colon + 1, colon + 1 + Number(p.slice(0, colon)));
}

/** The desired items of one mailbox: iterates (in source order) and looks up like a Map of ImportItem. */
export interface DesiredView extends Iterable<[string, ImportItem]> {
  readonly size: number;
  has(key: string): boolean;
}

interface MailboxRows {
  /** In source order; null once found to repeat a key. */
  rows: Array<Packed | null>;
  /** Positions in `rows` sorted by key (built by finish()). */
  sorted?: Uint32Array;
  size: number;
}

type JobDefaults = Pick<ImportJob, 'timeZone' | 'reminderMinutes' | 'showAs' | 'sensitivity' | 'categories'>;

export class DesiredItems {
  private readonly byMailbox = new Map<string, MailboxRows>();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly jobCategories: string[];
  private count = 0;
  private finished = false;

  constructor(private readonly job: JobDefaults) {
    this.jobCategories = [...new Set(job.categories)];
  }

  /** Items added (rows that became appointments), repeated keys included. */
  get items(): number {
    return this.count;
  }

  mailboxes(): string[] {
    return [...this.byMailbox.keys()];
  }

  has(mailbox: string): boolean {
    return this.byMailbox.has(mailbox);
  }

  add(item: ImportItem): void {
    if (this.finished) throw new Error('DesiredItems: add after finish');
    this.count += 1;
    const packed = this.pack(item);
    for (const mb of item.mailboxes) {
      let m = this.byMailbox.get(mb);
      if (!m) this.byMailbox.set(mb, (m = { rows: [], size: 0 }));
      m.rows.push(packed);
    }
  }

  /**
   * Indexes every mailbox by key. A key used twice in one mailbox is a problem of the later row: the first one
   * wins, as the source order says.
   */
  finish(problems: RowProblem[]): void {
    this.finished = true;
    for (const [mailbox, m] of this.byMailbox) {
      const keys = m.rows.map((p) => keyOf(p!));
      const order = Uint32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
      const kept: number[] = [];
      for (let i = 0; i < order.length; i++) {
        const at = order[i];
        const prev = kept.length ? kept[kept.length - 1] : -1;
        if (prev >= 0 && keys[prev] === keys[at]) {
          const first = this.unpack(mailbox, m.rows[prev]!);
          const dup = this.unpack(mailbox, m.rows[at]!);
          problems.push({
            file: dup.file,
            line: dup.line,
            problem: text('problem.row.duplicateId', { id: dup.key, mailbox, line: String(first.line), file: first.file }),
          });
          m.rows[at] = null;
        } else kept.push(at);
      }
      m.sorted = Uint32Array.from(kept);
      m.size = kept.length;
    }
  }

  /** The mailbox's items, unpacked on demand (an empty view for a mailbox without rows). */
  for(mailbox: string): DesiredView {
    const m = this.byMailbox.get(mailbox);
    if (m && !m.sorted) throw new Error('DesiredItems: finish() before planning');
    const unpack = (p: Packed) => this.unpack(mailbox, p);
    return {
      size: m?.size ?? 0,
      has(key) {
        if (!m) return false;
        let lo = 0;
        let hi = m.sorted!.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const k = keyOf(m.rows[m.sorted![mid]]!);
          if (k === key) return true;
          if (k < key) lo = mid + 1;
          else hi = mid - 1;
        }
        return false;
      },
      *[Symbol.iterator]() {
        for (const p of m?.rows ?? []) {
          if (p === null) continue;
          const item = unpack(p);
          yield [item.key, item] as [string, ImportItem];
        }
      },
    };
  }

  private pack(item: ImportItem): Packed {
    const a = item.appointment;
    let f = this.fileIndex.get(item.file);
    if (f === undefined) {
      f = this.files.push(item.file) - 1;
      this.fileIndex.set(item.file, f);
    }
    // Dates as epoch milliseconds; values equal to the job's own (zone, reminder, show as, sensitivity,
    // categories) stored as 0; the body only when present.
    const sameCategories = a.categories.length === this.jobCategories.length && a.categories.every((c, i) => c === this.jobCategories[i]);
    const values: unknown[] = [
      item.line,
      f,
      a.subject,
      Date.parse(a.start),
      Date.parse(a.end),
      a.isAllDay ? 1 : 0,
      a.location,
      a.showAs === this.job.showAs ? 0 : a.showAs,
      a.sensitivity === this.job.sensitivity ? 0 : a.sensitivity,
      sameCategories ? 0 : a.categories,
    ];
    if (a.body !== undefined) values.push(a.body);
    return `${item.key.length}:${item.key}${JSON.stringify(values)}`;
  }

  private unpack(mailbox: string, p: Packed): ImportItem {
    const colon = p.indexOf(':');
    const end = colon + 1 + Number(p.slice(0, colon));
    const key = p.slice(colon + 1, end);
    const [line, f, subject, start, stop, allDay, location, showAs, sensitivity, categories, body] = JSON.parse(p.slice(end)) as [
      number,
      number,
      string,
      number,
      number,
      number,
      string,
      Appointment['showAs'] | 0,
      Appointment['sensitivity'] | 0,
      string[] | 0,
      string | undefined,
    ];
    const appointment: Appointment = {
      subject,
      start: new Date(start).toISOString(),
      end: new Date(stop).toISOString(),
      isAllDay: allDay === 1,
      timeZone: this.job.timeZone,
      location,
      showAs: showAs === 0 ? this.job.showAs : showAs,
      sensitivity: sensitivity === 0 ? this.job.sensitivity : sensitivity,
      categories: categories === 0 ? this.jobCategories : categories,
      reminderMinutes: this.job.reminderMinutes,
    };
    if (body !== undefined) appointment.body = body;
    return { key, mailboxes: [mailbox], appointment, file: this.files[f], line };
  }
}
