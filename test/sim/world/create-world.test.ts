import { describe, expect, it } from 'vitest';
import { createWorld, expectedEvents, comparableEvent, SEED_MAILBOXES } from '../../../src/sim/world/index.js';

const anchor = new Date('2026-03-25T12:00:00Z');

function snapshot(seed: number, mailboxes = 0) {
  const w = createWorld({ seed, anchor, mailboxes, eventsPerMailbox: 10 });
  return JSON.stringify({
    accounts: w.accounts,
    mailboxes: [...w.mailboxes.values()],
    folders: [...w.folders.values()],
    events: [...w.events.values()],
  });
}

describe('createWorld', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(snapshot(7, 20)).toBe(snapshot(7, 20));
    expect(snapshot(7)).not.toBe(snapshot(8));
  });

  it('anchors relative dates on the Monday of the anchor week', () => {
    expect(createWorld({ anchor }).anchor).toBe('2026-03-23');
    expect(createWorld({ anchor: new Date('2026-03-29T23:59:00Z') }).anchor).toBe('2026-03-23');
  });

  it('holds the documented accounts and localised calendar names', () => {
    const w = createWorld({ anchor });
    const svc = w.accounts.find((a) => a.upn === 'svc-calpump@contoso.com')!;
    expect(svc).toMatchObject({ samAccountName: 'svc-calpump', domain: 'CONTOSO', password: 'Passw0rd!', canImpersonate: true });
    expect(w.accounts.find((a) => a.upn === 'svc-delegate@contoso.com')!.canImpersonate).toBe(false);
    const cal = (smtp: string) => w.folders.get(w.mailboxes.get(smtp)!.distinguished.calendar)!.displayName;
    expect(cal('anna.schmidt@contoso.com')).toBe('Kalender');
    expect(cal('jan.devries@contoso.com')).toBe('Agenda');
    expect(cal('alice.smith@contoso.com')).toBe('Calendar');
    expect(w.mailboxes.get('bob.jones@contoso.com')!.upn).toBe('b.jones@corp.contoso.local');
    expect(w.mailboxes.get('room.amsterdam@contoso.com')!.kind).toBe('room');
    expect(w.roomLists.find((l) => l.displayName === 'Amsterdam Rooms')!.rooms).toContain('room.amsterdam@contoso.com');
  });

  it('adds generated mailboxes up to the requested count with the requested volume', () => {
    const w = createWorld({ anchor, mailboxes: SEED_MAILBOXES.length + 3, eventsPerMailbox: 5 });
    expect(w.mailboxes.has('user0003@contoso.com')).toBe(true);
    expect(w.mailboxes.has('user0004@contoso.com')).toBe(false);
    const cal = w.mailboxes.get('user0002@contoso.com')!.distinguished.calendar;
    expect(w.folderItems.get(cal)!.size).toBe(5);
  });

  it('gives comparable events without backend ids', () => {
    const w = createWorld({ anchor });
    const [e] = expectedEvents(
      w,
      'alice.smith@contoso.com',
      'calendar',
      new Date('2026-03-24T00:00:00Z'),
      new Date('2026-03-25T00:00:00Z'),
    );
    const c = comparableEvent(e);
    expect(c).not.toHaveProperty('id');
    expect(c).not.toHaveProperty('lastModified');
    expect(c.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008/);
  });
});
