// Graph contacts and To Do tasks in the shape Graph really sends (fixtures with @odata annotations, nulls, empty
// physicalAddress objects, dates as instants or dateTimeTimeZone in a Windows zone, an HTML body, @removed)
// become the same normalised items the EWS path produces.
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  contactOfGraph,
  taskOfGraph,
  type GraphContact,
  type GraphTodoTask,
} from '../../../../src/core/connectors/graph/map-item.js';
import { normalisedContactSchema, normalisedTaskSchema } from '../../../../src/shared/item-model.js';
import { fixture } from './fixtures.js';

const contacts = (JSON.parse(fixture('contacts-page.json')) as { value: GraphContact[] }).value;
const tasks = (JSON.parse(fixture('todo-tasks-delta.json')) as { value: GraphTodoTask[] }).value;

describe('Graph contacts as normalised contacts', () => {
  it('reads every field of a full contact, the birthday at local midnight as its date', () => {
    const c = contactOfGraph(contacts[0], true);
    expect(normalisedContactSchema.parse(c)).toEqual(c);
    expect(c).toEqual({
      kind: 'contact',
      id: 'AAMkAGI2TKI5AAA=AQAAAEFnN2M1ZGVsZTAxAA==',
      displayName: 'Jürgen Weiß',
      givenName: 'Jürgen',
      middleName: '',
      surname: 'Weiß',
      nickname: '',
      companyName: 'Müller & Söhne GmbH',
      jobTitle: 'Einkaufsleiter',
      department: 'Einkauf',
      emails: [
        { address: 'j.weiss@mueller-soehne.example', name: 'Jürgen Weiß' },
        { address: 'juergen.weiss@private.example', name: 'Jürgen Weiß (privat)' },
      ],
      phones: [
        { type: 'business', number: '+49 30 1234567' },
        { type: 'business', number: '+49 30 1234568' },
        { type: 'mobile', number: '+49 171 9876543' },
      ],
      addresses: [
        { type: 'business', street: 'Hauptstraße 5', city: 'Berlin', state: 'Berlin', postalCode: '10115', countryOrRegion: 'Deutschland' },
        {
          type: 'home',
          street: 'Gartenweg 12a',
          city: 'Potsdam',
          state: 'Brandenburg',
          postalCode: '14467',
          countryOrRegion: 'Deutschland',
        },
      ],
      birthday: '1975-04-30',
      categories: ['Customer', 'VIP'],
      notes: 'Prefers calls before 10:00.\r\nKey account since 2019.',
      lastModified: '2026-03-02T06:00:00.000Z',
    });
  });

  it('turns nulls and empty addresses into empty fields, and leaves notes out without includeBody', () => {
    const c = contactOfGraph(contacts[1], false);
    expect(c).toEqual({
      kind: 'contact',
      id: 'AAMkAGI2TKI5AAA=AQAAAEFnN2M1ZGVsZTAyAA==',
      displayName: 'Plumber (emergency)',
      givenName: '',
      middleName: '',
      surname: '',
      nickname: '',
      companyName: '',
      jobTitle: '',
      department: '',
      emails: [],
      phones: [{ type: 'mobile', number: '+44 7700 900123' }],
      addresses: [],
      categories: [],
      lastModified: '2026-03-03T14:21:07.000Z',
    });
  });
});

describe('To Do tasks as normalised tasks', () => {
  it('reads dates given in UTC or in a Windows zone as the dates the owner set', () => {
    const t = taskOfGraph(tasks[0], true);
    expect(normalisedTaskSchema.parse(t)).toEqual(t);
    expect(t).toEqual({
      kind: 'task',
      id: tasks[0].id,
      subject: 'Prepare quarterly report',
      status: 'inProgress',
      importance: 'high',
      startDate: '2026-03-02',
      dueDate: '2026-03-05',
      categories: ['Finance'],
      body: 'Numbers from finance; draft by Wednesday.',
      lastModified: '2026-03-02T06:00:00.490Z',
    });
  });

  it('reads a completed task with an HTML body as text', () => {
    expect(taskOfGraph(tasks[1], true)).toMatchObject({
      status: 'completed',
      importance: 'normal',
      dueDate: '2026-02-28',
      completedDate: '2026-02-27',
      body: 'Signed & sent\nto legal',
    });
    expect(taskOfGraph(tasks[1], false)).not.toHaveProperty('body');
  });

  it('keeps the wall date when the zone cannot be converted, and unknown values at their defaults', () => {
    const t = taskOfGraph(
      {
        id: 'x',
        title: null,
        status: 'someFutureValue',
        importance: null,
        dueDateTime: { dateTime: '2026-05-01T00:00:00.0000000', timeZone: 'tzone://Microsoft/Custom' },
      },
      false,
    );
    expect(t).toEqual({
      kind: 'task',
      id: 'x',
      subject: '',
      status: 'notStarted',
      importance: 'normal',
      dueDate: '2026-05-01',
      categories: [],
      lastModified: '',
    });
  });

  it('marks the removed entry of a delta page', () => {
    expect(tasks[2]['@removed']).toEqual({ reason: 'deleted' });
    expect(bodyText({ content: 'a &lt;b&gt; &#228;', contentType: 'HTML' })).toBe('a <b> ä');
  });
});
