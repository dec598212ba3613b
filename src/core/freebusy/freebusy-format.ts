// Busy blocks of one mailbox as JSON, CSV or an iCalendar VFREEBUSY (RFC 5545 FBTYPE: BUSY, BUSY-TENTATIVE,
// BUSY-UNAVAILABLE for out of office; working elsewhere as the extension X-WORKING-ELSEWHERE).
import { stringify } from 'csv-stringify/sync';
import type { FreeBusyBlock, ShowAs } from '../../shared/model.js';
import type { FreeBusyFormat } from './freebusy-job.js';

export interface MailboxBlocks {
  mailbox: string;
  from: string;
  to: string;
  generatedAt: string;
  blocks: Array<Omit<FreeBusyBlock, 'mailbox'>>;
}

const FBTYPE: Record<ShowAs, string> = {
  free: 'FREE',
  tentative: 'BUSY-TENTATIVE',
  busy: 'BUSY',
  oof: 'BUSY-UNAVAILABLE',
  workingElsewhere: 'X-WORKING-ELSEWHERE',
  unknown: 'BUSY',
};
const icsTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** RFC 5545 folds content lines longer than 75 octets. */
function fold(line: string): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += 73) out.push((i ? ' ' : '') + line.slice(i, i + 73));
  return out.join('\r\n');
}

export function encodeBlocks(m: MailboxBlocks, format: FreeBusyFormat): string {
  if (format === 'json') return `${JSON.stringify(m, null, 2)}\n`;
  if (format === 'csv')
    return stringify(
      m.blocks.map((b) => [m.mailbox, b.start, b.end, b.showAs]),
      { header: true, columns: ['mailbox', 'start', 'end', 'showAs'] },
    );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Calpump//Free-Busy//EN',
    'METHOD:PUBLISH',
    'BEGIN:VFREEBUSY',
    `DTSTAMP:${icsTime(m.generatedAt)}`,
    `DTSTART:${icsTime(m.from)}`,
    `DTEND:${icsTime(m.to)}`,
    `ORGANIZER:mailto:${m.mailbox}`,
    ...m.blocks.map((b) => `FREEBUSY;FBTYPE=${FBTYPE[b.showAs]}:${icsTime(b.start)}/${icsTime(b.end)}`),
    'END:VFREEBUSY',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Sorted; with merge, overlapping or touching blocks of the same status become one. */
export function tidyBlocks(blocks: FreeBusyBlock[], opts: { includeFree: boolean; merge: boolean }): Array<Omit<FreeBusyBlock, 'mailbox'>> {
  const kept = blocks
    .filter((b) => opts.includeFree || b.showAs !== 'free')
    .map((b) => ({ start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString(), showAs: b.showAs }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.showAs.localeCompare(b.showAs));
  if (!opts.merge) return kept;
  const out: typeof kept = [];
  const open = new Map<ShowAs, (typeof kept)[number]>();
  for (const b of kept) {
    const last = open.get(b.showAs);
    if (last && b.start <= last.end) {
      if (b.end > last.end) last.end = b.end;
      continue;
    }
    const copy = { ...b };
    out.push(copy);
    open.set(b.showAs, copy);
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.showAs.localeCompare(b.showAs));
}
