// listMailboxes: ResolveNames (full contact data) for a search, FindPeople pages for browsing, and rooms from
// GetRoomLists + GetRooms marked kind=room.
import { text } from '../../../shared/i18n/engine-texts.js';
import type { Mailbox, MailboxPage } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { findPeople } from './operations/find-people.js';
import { getRooms, type Room } from './operations/get-rooms.js';
import { resolveNames } from './operations/resolve-names.js';
import type { EwsSession } from './session.js';

export const PEOPLE_PAGE = 100;

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown } | null)?.o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    /* fall through */
  }
  throw new CalpumpError('input.invalid', {
    params: { field: 'cursor', problem: text('problem.cursor.unknown') },
  });
}

const mailbox = (displayName: string, smtp: string, kind: Mailbox['kind']): Mailbox => ({
  id: smtp.toLowerCase(),
  displayName,
  smtp,
  kind,
});

export class MailboxLister {
  private rooms?: Promise<Room[]>;

  constructor(private readonly session: () => Promise<EwsSession>) {}

  private async roomList(s: EwsSession): Promise<Room[]> {
    // Room lists are optional in Exchange; without any, there are simply no rooms to add.
    this.rooms ??= getRooms(s).catch((e) => {
      s.logger.debug('ews.rooms.unavailable', { reason: e instanceof CalpumpError ? e.id : String(e) });
      return [];
    });
    return this.rooms;
  }

  async list(search?: string, cursor?: string): Promise<MailboxPage> {
    const s = await this.session();
    const rooms = await this.roomList(s);
    const roomSet = new Set(rooms.map((r) => r.smtp.toLowerCase()));
    const kindFor = (smtp: string, type?: string): Mailbox['kind'] =>
      roomSet.has(smtp.toLowerCase()) ? 'room' : type === 'Equipment' ? 'equipment' : 'user';
    if (search && search.trim()) {
      const q = search.trim().toLowerCase();
      const found = new Map<string, Mailbox>();
      for (const r of await resolveNames(s, search.trim())) {
        if (r.mailboxType && !['Mailbox', 'Unknown', 'OneOff'].includes(r.mailboxType)) continue;
        found.set(r.smtp.toLowerCase(), mailbox(r.displayName, r.smtp, kindFor(r.smtp, r.mailboxType)));
      }
      for (const r of rooms) {
        if (r.smtp.toLowerCase().includes(q) || r.displayName.toLowerCase().includes(q))
          found.set(r.smtp.toLowerCase(), mailbox(r.displayName, r.smtp, 'room'));
      }
      return { items: [...found.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)) };
    }
    const offset = decodeCursor(cursor);
    const page = await findPeople(s, offset, PEOPLE_PAGE);
    // Rooms are in the directory too, on whatever page their name sorts to: they are listed once, all on the first
    // page (from the room lists), and left out where FindPeople brings them again.
    const items = page.people
      .filter((p) => !roomSet.has(p.smtp.toLowerCase()))
      .map((p) => mailbox(p.displayName, p.smtp, kindFor(p.smtp, p.mailboxType)));
    if (offset === 0) for (const r of rooms) items.push(mailbox(r.displayName, r.smtp, 'room'));
    const nextOffset = offset + page.people.length;
    return { items, nextCursor: page.people.length && nextOffset < page.total ? encodeCursor(nextOffset) : undefined };
  }
}
