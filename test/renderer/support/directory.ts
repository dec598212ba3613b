// A fake directory for views with mailbox and folder pickers: mailboxes.list (one page), mailboxes.resolve (the
// "paste a list" check) and folders.tree, plus pickMailboxes() that chooses mailboxes the way a user pastes them.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { Folder, Mailbox } from '../../../src/shared/model.js';
import type { Handler } from './fake-client.js';

export const DIRECTORY: Mailbox[] = [
  { id: 'm1', displayName: 'Alice Smith', smtp: 'alice.smith@contoso.com', kind: 'user' },
  { id: 'm2', displayName: 'Anna Schmidt', smtp: 'anna.schmidt@contoso.com', kind: 'user' },
  { id: 'm3', displayName: 'Room Amsterdam', smtp: 'room.amsterdam@contoso.com', kind: 'room' },
];

export const CALENDAR: Folder[] = [
  { id: 'AAMk-cal', name: 'Calendar', path: 'Calendar', kind: 'calendar', distinguishedId: 'calendar', totalCount: 12, childCount: 1 },
  { id: 'AAMk-proj', parentId: 'AAMk-cal', name: 'Projects', path: 'Calendar/Projects', kind: 'calendar', totalCount: 3, childCount: 0 },
];

/** A contacts folder with a subfolder and the tasks folder (folders.tree asked for those kinds). */
export const CONTACTS_AND_TASKS: Folder[] = [
  { id: 'AAMk-con', name: 'Contacts', path: 'Contacts', kind: 'contacts', distinguishedId: 'contacts', totalCount: 40, childCount: 1 },
  { id: 'AAMk-crm', parentId: 'AAMk-con', name: 'CRM', path: 'Contacts/CRM', kind: 'contacts', totalCount: 7, childCount: 0 },
  { id: 'AAMk-tsk', name: 'Tasks', path: 'Tasks', kind: 'tasks', distinguishedId: 'tasks', totalCount: 5, childCount: 0 },
];

export function directoryHandlers(mailboxes: Mailbox[] = DIRECTORY): Record<string, Handler> {
  return {
    'mailboxes.list': () => ({ items: mailboxes }),
    'mailboxes.resolve': (i) => ({
      results: (i.addresses as string[]).map((input) => {
        const mailbox = mailboxes.find((m) => m.smtp.toLowerCase() === input.toLowerCase());
        return mailbox ? { input, mailbox } : { input, problem: input.includes('@') ? 'notFound' : 'invalid' };
      }),
    }),
    // Like the connectors: only the kinds asked for (default: calendar folders).
    'folders.tree': (i) => {
      const kinds = (i.kinds as string[] | undefined) ?? ['calendar'];
      return { folders: [...CALENDAR, ...CONTACTS_AND_TASKS].filter((f) => kinds.includes(f.kind)) };
    },
  };
}

/** Pastes addresses into a mailbox picker and checks them, as a user would. */
export async function pickMailboxes(pickerTestId: string, addresses: string[]): Promise<void> {
  fireEvent.change(screen.getByTestId(`${pickerTestId}-paste`), { target: { value: addresses.join('\n') } });
  await act(async () => fireEvent.click(screen.getByTestId(`${pickerTestId}-paste-check`)));
  await waitFor(() => expect(screen.getByTestId(`${pickerTestId}-paste-result`)).toBeTruthy(), { timeout: 10_000 });
}
