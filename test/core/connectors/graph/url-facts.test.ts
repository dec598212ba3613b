import { describe, expect, it } from 'vitest';
import { urlFacts } from '../../../../src/core/connectors/graph/graph-client.js';

describe('urlFacts', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0/users?$top=100', { operation: 'users' }],
    ['/users/anna%40contoso.com', { operation: 'user', mailbox: 'anna@contoso.com' }],
    [
      '/users/a@contoso.com/calendars/AQMk%3D/calendarView?startDateTime=x',
      { operation: 'calendarView', mailbox: 'a@contoso.com', folder: 'AQMk=' },
    ],
    ['/users/a@contoso.com/calendar/calendarView/delta?$deltatoken=x', { operation: 'calendarViewDelta', mailbox: 'a@contoso.com' }],
    ['/users/a@contoso.com/events/AAMk123?$select=iCalUId', { operation: 'event', mailbox: 'a@contoso.com' }],
    ['/users/a@contoso.com/calendars/AQMk1', { operation: 'calendar', folder: 'AQMk1' }],
    ['/places/microsoft.graph.room', { operation: 'rooms' }],
    ['/users/a@contoso.com/calendar/getSchedule', { operation: 'getSchedule' }],
    ['/users/a@contoso.com/contacts?$top=100', { operation: 'contacts', mailbox: 'a@contoso.com' }],
    ['/users/a@contoso.com/contactFolders/AQMk2/contacts', { operation: 'contacts', folder: 'AQMk2' }],
    ['/users/a@contoso.com/contactFolders/AQMk2/contacts/delta?$deltatoken=x', { operation: 'contactsDelta', folder: 'AQMk2' }],
    ['/users/a@contoso.com/contactFolders?$top=100', { operation: 'contactFolders' }],
    ['/users/a@contoso.com/todo/lists', { operation: 'todoLists', mailbox: 'a@contoso.com' }],
    ['/users/a@contoso.com/todo/lists/AAMk3/tasks?$top=100', { operation: 'todoTasks', folder: 'AAMk3' }],
    ['/users/a@contoso.com/todo/lists/AAMk3/tasks/delta', { operation: 'todoTasksDelta', folder: 'AAMk3' }],
  ])('%s', (url, facts) => {
    expect(urlFacts(url)).toMatchObject(facts);
  });
});
