// The UI-facing presence service: default rules, validation with a catalogue error, status with a given table.
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { createPresenceService } from '../../../src/core/presence/rpc-service.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';

const meeting: NormalisedEvent = {
  id: 'm1',
  iCalUId: 'u1',
  subject: 'Planning',
  start: '2026-03-10T09:00:00.000Z',
  end: '2026-03-10T10:00:00.000Z',
  timeZone: 'UTC',
  isAllDay: false,
  location: 'Room 1',
  showAs: 'busy',
  sensitivity: 'normal',
  isCancelled: false,
  categories: [],
  lastModified: '',
};
const connector = {
  kind: 'ews',
  async *calendarView() {
    yield meeting;
  },
} as unknown as Connector;

describe('presence service', () => {
  const service = createPresenceService({ connectorFor: async () => connector, logger: nullLogger });

  it('gives the default table and validates edits with a catalogue entry', () => {
    const table = service.defaultRules();
    expect(service.validateRules(table)).toMatchObject({ ok: true });
    const bad = service.validateRules({ ...table, rules: [{ name: 'x' }] });
    expect(bad).toMatchObject({ ok: false, error: { id: 'presence.rules.invalid' } });
  });

  it('computes status at a time with the default or a given table', async () => {
    const at = '2026-03-10T09:30:00Z';
    const def = await service.status({ profileId: 'p', mailboxes: ['a@x.com'], at });
    expect(def.mailboxes[0]).toMatchObject({ ok: true, current: { status: 'InAMeeting', rule: 'meeting-with-location' } });
    const custom = await service.status({
      profileId: 'p',
      mailboxes: ['a@x.com'],
      at,
      rules: { rules: [{ name: 'all', status: 'Busy' }] },
    });
    expect(custom.mailboxes[0].current).toMatchObject({ status: 'Busy', rule: 'all' });
  });
});
