// @vitest-environment jsdom
// Contacts and tasks in Browse (issue 16 item 2): a list per folder and a detail pane with every field an export
// writes; task states and importance are words from the message tables (no raw enum value), in German too.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemPreview } from '../../../../src/renderer/views/browse/ItemPreview.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { NormalisedContact, NormalisedTask } from '../../../../src/shared/item-model.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const contact: NormalisedContact = {
  kind: 'contact',
  id: 'AAMkAG-c1',
  displayName: 'Jan de Vries',
  givenName: 'Jan',
  middleName: '',
  surname: 'de Vries',
  nickname: '',
  companyName: 'Fabrikam',
  jobTitle: 'Buyer',
  department: 'Purchasing',
  emails: [{ address: 'jan@fabrikam.com', name: 'Jan de Vries' }],
  phones: [{ type: 'mobile', number: '+31 6 1234 5678' }],
  addresses: [{ type: 'business', street: 'Damrak 1', city: 'Amsterdam', state: '', postalCode: '1012 LG', countryOrRegion: 'NL' }],
  birthday: '1980-04-02',
  categories: ['CRM'],
  lastModified: '2026-03-01T10:00:00.000Z',
};
const task: NormalisedTask = {
  kind: 'task',
  id: 'AAMkAG-t1',
  subject: 'Send the offer',
  status: 'waitingOnOthers',
  importance: 'normal',
  dueDate: '2026-03-20',
  categories: [],
  lastModified: '2026-03-02T10:00:00.000Z',
};

describe('ItemPreview', () => {
  it('lists contacts with address and company, and opens one in full', async () => {
    renderWithApp(<ItemPreview items={[contact]} truncated kind="contact" />, fakeClient({}).client);
    const row = screen.getByTestId('browse-item');
    expect(row.textContent).toContain('jan@fabrikam.com');
    expect(row.textContent).toContain('Fabrikam');
    expect(screen.getByText(translate('en', 'browse.items.truncated', { count: 1 }))).toBeTruthy();
    await act(async () => fireEvent.keyDown(row, { key: 'Enter' }));
    const detail = screen.getByTestId('item-detail').textContent ?? '';
    for (const part of ['Buyer', 'Fabrikam · Purchasing', '+31 6 1234 5678', 'Damrak 1 1012 LG Amsterdam NL', 'AAMkAG-c1', 'CRM'])
      expect(detail).toContain(part);
    expect(detail).toContain(translate('en', 'contact.phone.mobile'));
    fireEvent.click(screen.getByTestId('item-detail-close'));
    expect(screen.queryByTestId('item-detail')).toBeNull();
    expect(document.activeElement).toBe(row);
  });

  it('in German: task state and importance are words, never raw values', async () => {
    renderWithApp(<ItemPreview items={[task]} truncated={false} kind="task" />, fakeClient({}).client, 'de');
    const row = screen.getByTestId('browse-item');
    expect(row.textContent).toContain(translate('de', 'task.status.waitingOnOthers'));
    await act(async () => fireEvent.click(row));
    const detail = screen.getByTestId('item-detail').textContent ?? '';
    expect(detail).toContain(translate('de', 'task.importance.normal'));
    expect(detail).not.toMatch(/waitingOnOthers|\bnormal\b/);
  });
});
