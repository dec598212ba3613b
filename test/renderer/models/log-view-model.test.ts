import { describe, expect, it } from 'vitest';
import { LogViewModel, type LogLine } from '../../../src/renderer/models/log-view-model.js';

const line = (level: LogLine['level'], event: string, fields: Record<string, unknown> = {}): LogLine => ({
  time: '2026-11-25T10:00:00.000Z',
  level,
  event,
  fields,
});

describe('LogViewModel', () => {
  const lines = [
    line('error', 'ews.request.failed', { mailbox: 'anna.schmidt@contoso.com', status: 401 }),
    line('warn', 'ews.throttled', { backOffMs: 500 }),
    line('info', 'job.finished', { job: 'Rooms' }),
    line('debug', 'ews.page', { n: 2 }),
    line('trace', 'ews.soap', { body: '<x/>' }),
  ];

  it('filters by level threshold (error … all)', () => {
    const m = new LogViewModel();
    m.append(lines);
    const levels = (lvl: Parameters<LogViewModel['setLevel']>[0]) => {
      m.setLevel(lvl);
      return m.visible().map((v) => v.line.level);
    };
    expect(levels('error')).toEqual(['error']);
    expect(levels('warn')).toEqual(['error', 'warn']);
    expect(levels('info')).toEqual(['error', 'warn', 'info']);
    expect(levels('debug')).toEqual(['error', 'warn', 'info', 'debug']);
    expect(levels('all')).toEqual(['error', 'warn', 'info', 'debug', 'trace']);
  });

  it('searches event names and field values, case-insensitively', () => {
    const m = new LogViewModel();
    m.append(lines);
    m.setLevel('all');
    m.setSearch('ANNA.schmidt');
    expect(m.visible().map((v) => v.line.event)).toEqual(['ews.request.failed']);
    m.setSearch('ews.');
    expect(m.visible()).toHaveLength(4);
  });

  it('keeps only the newest lines beyond its capacity, with stable keys', () => {
    const m = new LogViewModel(3);
    m.append(lines);
    m.setLevel('all');
    expect(m.size).toBe(3);
    expect(m.visible().map((v) => [v.key, v.line.event])).toEqual([
      [2, 'job.finished'],
      [3, 'ews.page'],
      [4, 'ews.soap'],
    ]);
  });

  it('exports the visible lines as JSON Lines', () => {
    const m = new LogViewModel();
    m.append(lines);
    m.setLevel('warn');
    const out = m
      .exportText()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LogLine);
    expect(out.map((l) => l.event)).toEqual(['ews.request.failed', 'ews.throttled']);
  });
});
