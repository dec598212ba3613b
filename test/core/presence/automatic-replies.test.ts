// Automatic replies (out of office) read from answers shaped as Exchange and Graph send them: EWS GetUserOofSettings
// with default namespaces, a lone ResponseMessage and UTC times with and without Z; Graph automaticRepliesSetting with
// @odata annotations and a Windows time zone.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/core/connectors/ews/xml/safe-xml.js';
import { parseEwsOofSettings, parseGraphAutomaticReplies, repliesActive } from '../../../src/core/presence/automatic-replies.js';
import { fixture as ewsFixture } from '../connectors/ews/fixture-http.js';
import { fixture as graphFixture } from '../connectors/graph/fixtures.js';
import { parseJson } from '../../support/typed-json.js';

type GraphBody = Parameters<typeof parseGraphAutomaticReplies>[0];

describe('automatic replies', () => {
  it('EWS Scheduled: the window in UTC (no zone designator means UTC); active only inside it', () => {
    const r = parseEwsOofSettings(parseXml(ewsFixture('get-user-oof-settings-scheduled-2016.xml')))!;
    expect(r).toEqual({ state: 'scheduled', start: '2026-12-07T07:00:00.000Z', end: '2026-12-11T16:00:00.000Z' });
    expect(repliesActive(r, new Date('2026-12-07T06:59:59Z'))).toBe(false);
    expect(repliesActive(r, new Date('2026-12-07T07:00:00Z'))).toBe(true);
    expect(repliesActive(r, new Date('2026-12-11T16:00:00Z'))).toBe(false);
  });

  it('EWS Enabled: on whatever the stored duration says', () => {
    const r = parseEwsOofSettings(parseXml(ewsFixture('get-user-oof-settings-enabled-2019.xml')))!;
    expect(r).toEqual({ state: 'enabled' });
    expect(repliesActive(r, new Date('2027-06-01T00:00:00Z'))).toBe(true);
  });

  it('Graph scheduled in W. Europe Standard Time is read in that zone; disabled is off even inside its old window', () => {
    const r = parseGraphAutomaticReplies(parseJson<GraphBody>(graphFixture('automatic-replies-scheduled.json')));
    expect(r).toEqual({ state: 'scheduled', start: '2026-12-07T07:00:00.000Z', end: '2026-12-11T16:00:00.000Z' });
    const off = parseGraphAutomaticReplies(parseJson<GraphBody>(graphFixture('automatic-replies-disabled.json')));
    expect(off).toEqual({ state: 'disabled' });
    expect(repliesActive(off, new Date('2026-12-05T12:00:00Z'))).toBe(false);
  });
});
