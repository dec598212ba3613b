// @vitest-environment jsdom
// Device-code sign-in in the UI: while auth.login waits, the code and the page to enter it on are shown (only for
// this profile's event), and they disappear when the sign-in finishes.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignInPanel } from '../../../../src/renderer/views/profiles/SignInPanel.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

describe('SignInPanel', () => {
  it('shows the device code of its own profile while the sign-in waits, and clears it afterwards', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const fake = fakeClient({
      'auth.status': () => ({ signedIn: false }),
      'auth.login': () => new Promise((resolve) => (finish = resolve)),
    });
    renderWithApp(<SignInPanel profileId="m365" />, fake.client);
    fireEvent.click(await screen.findByTestId('profile-signin-run'));
    await screen.findByTestId('profile-signin-busy');
    const code = {
      userCode: 'F7QX-29PL',
      verificationUri: 'https://microsoft.com/devicelogin',
      message: 'To sign in, use a web browser…',
      expiresAt: '2026-11-25T16:00:00.000Z',
    };
    act(() => fake.emit('auth.deviceCode', { profileId: 'other', ...code, userCode: 'NOT-MINE' }));
    expect(screen.queryByTestId('profile-signin-devicecode')).toBeNull();
    act(() => fake.emit('auth.deviceCode', { profileId: 'm365', ...code }));
    expect((await screen.findByTestId('profile-signin-usercode')).textContent).toBe('F7QX-29PL');
    expect(screen.getByRole('link', { name: 'https://microsoft.com/devicelogin' }).getAttribute('href')).toBe(
      'https://microsoft.com/devicelogin',
    );
    expect(screen.getByTestId('profile-signin-busy').textContent).toContain('Waiting for the code to be entered');
    await act(async () => finish({ signedIn: true, account: 'admin@contoso.com' }));
    await waitFor(() => expect(screen.queryByTestId('profile-signin-devicecode')).toBeNull());
    expect(screen.getByTestId('profile-signin-status').textContent).toContain('admin@contoso.com');
  });
});
