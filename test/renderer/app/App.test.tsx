// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/app/App.js';
import { translate } from '../../../src/shared/i18n/index.js';
import { fakeClient } from '../support/fake-client.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function host() {
  let settings = { startAtLogin: false, language: 'en' as 'en' | 'de' | 'nl', logLevel: 'info' as const };
  return fakeClient({
    'profiles.list': () => ({ profiles: [] }),
    'jobs.list': () => ({ jobs: [] }),
    'app.state': () => ({ tray: 'idle', paused: false, runningJobs: [], failingJobs: [] }),
    'app.getSettings': () => settings,
    'app.setSettings': (patch) => (settings = { ...settings, ...(patch as object) }),
    'app.version': () => ({ version: '0.1.0', features: { startAtLogin: false, notifications: false, openExternal: false } }),
  });
}

describe('App shell', () => {
  it('follows a language change made elsewhere (data.changed settings)', async () => {
    const fake = host();
    render(<App client={fake.client} initialLang="en" />);
    await waitFor(() => expect(screen.getByTestId('nav-jobs').textContent).toContain('Jobs'));
    await fake.client['app.setSettings']({ language: 'de' });
    act(() => fake.emit('data.changed', { group: 'settings' }));
    await waitFor(() => expect(screen.getByTestId('nav-jobs').textContent).toContain(translate('de', 'nav.jobs')));
  });

  it('starts on Profiles with an empty state that says what to do', async () => {
    render(<App client={host().client} initialLang="en" />);
    await waitFor(() => expect(screen.getByTestId('profiles-empty')).toBeTruthy());
    expect(screen.getByTestId('profiles-empty').textContent).toContain(translate('en', 'profiles.empty.title'));
    expect(screen.getByTestId('app-state').textContent).toBe(translate('en', 'app.state.idle'));
  });

  it('navigates by the side bar and keeps the screen in the URL hash', async () => {
    render(<App client={host().client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-jobs'));
    await waitFor(() => expect(screen.getByTestId('jobs-no-profiles')).toBeTruthy());
    expect(window.location.hash).toBe('#/jobs');
    fireEvent.click(screen.getByTestId('nav-browse'));
    await waitFor(() => expect(screen.getByTestId('browse-no-profiles')).toBeTruthy());
  });

  it('switches every label when the language changes in Settings', async () => {
    const fake = host();
    render(<App client={fake.client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('settings-language')).toBeTruthy());
    expect(screen.getByTestId('settings-startAtLogin-unavailable')).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'nl' } }));
    await waitFor(() => expect(screen.getByTestId('nav-profiles').textContent).toContain(translate('nl', 'nav.profiles')));
    expect(screen.getByTestId('nav-jobs').textContent).toContain('Taken');
    expect(screen.getByTestId('nav-jobs').textContent).not.toContain('Jobs');
    expect(fake.calls.some((c) => c.method === 'app.setSettings' && (c.input as { language?: string }).language === 'nl')).toBe(true);
  });
});
