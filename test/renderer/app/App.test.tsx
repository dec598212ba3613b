// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/app/App.js';
import { translate } from '../../../src/shared/i18n/index.js';
import { fakeClient } from '../support/fake-client.js';

/** Screens load on first use (code splitting): give the import time on a busy machine. */
const LAZY = { timeout: 20_000 };

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
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

  it('starts on Home, which offers the set-up assistant when nothing is configured, under one level-one heading', async () => {
    render(<App client={host().client} initialLang="en" />);
    await waitFor(() => expect(screen.getByTestId('home-welcome')).toBeTruthy(), LAZY);
    expect(screen.getByTestId('home-welcome').textContent).toContain(translate('en', 'home.welcome.title'));
    expect(screen.getByTestId('app-state').textContent).toBe(translate('en', 'app.state.idle'));
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('home-start-assistant'));
    await waitFor(() => expect(screen.getByTestId('assistant-email')).toBeTruthy(), LAZY);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(window.location.hash).toBe('#/assistant');
  });

  it('the header badge shows the tray state and opens Home', async () => {
    render(<App client={host().client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('settings-language')).toBeTruthy(), LAZY);
    fireEvent.click(await screen.findByTestId('app-state-button'));
    await waitFor(() => expect(screen.getByTestId('home-welcome')).toBeTruthy(), LAZY);
  });

  it('asks before unsaved changes are dropped, and stays when told to', async () => {
    render(<App client={host().client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-assistant'));
    fireEvent.change(await screen.findByTestId('assistant-email', {}, LAZY), { target: { value: 'svc@contoso.com' } });
    fireEvent.click(screen.getByTestId('nav-jobs'));
    await waitFor(() => expect(screen.getByTestId('unsaved-dialog')).toBeTruthy());
    fireEvent.click(screen.getByTestId('unsaved-keep'));
    await waitFor(() => expect(screen.queryByTestId('unsaved-dialog')).toBeNull());
    expect(screen.getByTestId<HTMLInputElement>('assistant-email').value).toBe('svc@contoso.com');
    fireEvent.click(screen.getByTestId('nav-jobs'));
    fireEvent.click(await screen.findByTestId('unsaved-discard'));
    await waitFor(() => expect(screen.getByTestId('jobs-no-profiles')).toBeTruthy(), LAZY);
  });

  it('navigates by the side bar and keeps the screen in the URL hash', async () => {
    render(<App client={host().client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-jobs'));
    await waitFor(() => expect(screen.getByTestId('jobs-no-profiles')).toBeTruthy(), LAZY);
    expect(window.location.hash).toBe('#/jobs');
    fireEvent.click(screen.getByTestId('nav-browse'));
    await waitFor(() => expect(screen.getByTestId('browse-no-profiles')).toBeTruthy(), LAZY);
  });

  it('switches every label when the language changes in Settings', async () => {
    const fake = host();
    render(<App client={fake.client} initialLang="en" />);
    fireEvent.click(screen.getByTestId('nav-settings'));
    await waitFor(() => expect(screen.getByTestId('settings-language')).toBeTruthy(), LAZY);
    expect(screen.getByTestId('settings-startAtLogin-unavailable')).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'nl' } }));
    await waitFor(() => expect(screen.getByTestId('nav-profiles').textContent).toContain(translate('nl', 'nav.profiles')));
    expect(screen.getByTestId('nav-jobs').textContent).toContain('Taken');
    expect(screen.getByTestId('nav-jobs').textContent).not.toContain('Jobs');
    expect(fake.calls.some((c) => c.method === 'app.setSettings' && (c.input as { language?: string }).language === 'nl')).toBe(true);
  });
});
