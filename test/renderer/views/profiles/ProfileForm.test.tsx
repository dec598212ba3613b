// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyForm, formFromProfile, type ProfileFormState } from '../../../../src/renderer/models/profile-form-model.js';
import { ProfileForm } from '../../../../src/renderer/views/profiles/ProfileForm.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { ProfileView } from '../../../../src/shared/rpc.js';
import { ewsProfileSchema } from '../../../../src/shared/profile.js';
import { fakeClient, HostError, type Handler } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';

afterEach(cleanup);

const en = (k: Parameters<typeof translate>[1]) => translate('en', k);
const input = (field: string) => screen.getByTestId<HTMLInputElement>(`profile-${field}`);
function type(field: string, value: string) {
  fireEvent.change(input(field), { target: { value } });
  fireEvent.blur(input(field));
}
function pick(field: string, value: string) {
  fireEvent.change(screen.getByTestId(`profile-${field}`), { target: { value } });
}
const errorText = (field: string) => screen.queryByTestId(`profile-${field}-error`)?.textContent ?? null;

const NOT_STORED = {
  password: 'missing',
  clientSecret: 'missing',
  certificate: 'missing',
  proxyPassword: 'missing',
  tokenCache: 'missing',
} as const;
const echo: Handler = (input) => ({
  profile: { ...(input.profile as object), id: 'assigned-1' },
  secrets: { ...NOT_STORED, password: 'stored' },
});

function mount(
  initial: ProfileFormState,
  opts: { isNew?: boolean; secrets?: ProfileView['secrets']; handlers?: Record<string, Handler> } = {},
) {
  const fake = fakeClient({ 'profiles.create': echo, 'profiles.update': echo, ...opts.handlers });
  const saved: ProfileView[] = [];
  renderWithApp(
    <ProfileForm
      initial={initial}
      isNew={opts.isNew ?? true}
      secrets={opts.secrets}
      onSaved={(v) => saved.push(v)}
      onRemoved={() => undefined}
    />,
    fake.client,
  );
  return { ...fake, saved };
}

describe('ProfileForm validation', () => {
  it('offers a file picker for the CA file, showing certificate files from the host', async () => {
    const { calls } = mount(
      { ...emptyForm('ews'), tlsMode: 'caFile' },
      { handlers: { 'fs.list': () => ({ path: '/certs', roots: [], entries: [] }) } },
    );
    fireEvent.click(screen.getByTestId('profile-caFile-browse'));
    await screen.findByTestId('profile-caFile-dialog');
    await waitFor(() => expect(calls.find((c) => c.method === 'fs.list')?.input).toEqual({ extensions: ['pem', 'cer', 'crt'] }));
  });

  it('shows a field error for a bad EWS URL once the field is left', () => {
    mount(emptyForm('ews'));
    fireEvent.change(input('url'), { target: { value: 'mail.contoso.com' } });
    expect(errorText('url')).toBeNull(); // not while typing the first time
    fireEvent.blur(input('url'));
    expect(errorText('url')).toBe(en('validation.ewsUrl'));
    type('url', 'https://mail.contoso.com/EWS/Exchange.asmx');
    expect(errorText('url')).toBeNull();
  });

  it('shows a field error for a user name that is neither a UPN nor DOMAIN\\user', () => {
    mount(emptyForm('ews'));
    type('username', 'svc calpump');
    expect(errorText('username')).toBe(en('validation.account'));
    type('username', 'CONTOSO\\svc-calpump');
    expect(errorText('username')).toBeNull();
    type('username', 'svc-calpump@contoso.com');
    expect(errorText('username')).toBeNull();
  });

  it('shows field errors for a bad tenant and a bad client ID GUID', () => {
    mount(emptyForm('graph'));
    type('tenantId', 'contoso onmicrosoft');
    type('clientId', '1234-5678');
    expect(errorText('tenantId')).toBe(en('validation.tenant'));
    expect(errorText('clientId')).toBe(en('validation.clientId'));
    type('tenantId', '72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(errorText('tenantId')).toBeNull();
  });

  it('shows a field error for a redirect URI that is not loopback', () => {
    mount(emptyForm('graph'));
    pick('flow', 'interactive');
    type('redirectUri', 'https://app.contoso.com/callback');
    expect(errorText('redirectUri')).toBe(en('validation.redirectUri'));
    type('redirectUri', 'http://127.0.0.1:8400/');
    expect(errorText('redirectUri')).toBeNull();
  });

  it('on Save with errors shows every error and sends nothing', () => {
    const { calls } = mount(emptyForm('ews'));
    fireEvent.click(screen.getByTestId('profile-save'));
    expect(errorText('name')).toBe(en('validation.required'));
    expect(errorText('url')).toBe(en('validation.urlOrAutodiscover'));
    expect(errorText('password')).toBe(en('validation.secretRequired'));
    expect(screen.getByTestId('profile-invalid-summary')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('shows the errors in the chosen language', () => {
    const fake = fakeClient({});
    renderWithApp(
      <ProfileForm initial={emptyForm('ews')} isNew onSaved={() => undefined} onRemoved={() => undefined} />,
      fake.client,
      'de',
    );
    type('username', 'svc calpump');
    expect(errorText('username')).toBe(translate('de', 'validation.account'));
  });
});

describe('ProfileForm submit', () => {
  it('sends a valid profile with the typed password beside it, then forgets the password', async () => {
    const { calls, saved } = mount(emptyForm('ews'));
    type('name', 'Contoso onprem');
    type('url', 'https://mail.contoso.com/EWS/Exchange.asmx');
    type('username', 'CONTOSO\\svc-calpump');
    type('password', 'Passw0rd!');
    pick('access', 'delegate');
    await act(async () => fireEvent.click(screen.getByTestId('profile-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls.map((c) => c.method)).toEqual(['profiles.create']);
    const sent = calls[0].input as { profile: Record<string, unknown>; secrets: Record<string, unknown> };
    expect(sent.secrets).toEqual({ password: 'Passw0rd!' });
    expect(JSON.stringify(sent.profile)).not.toContain('Passw0rd!');
    expect(ewsProfileSchema.parse(sent.profile)).toMatchObject({
      name: 'Contoso onprem',
      access: 'delegate',
      username: 'CONTOSO\\svc-calpump',
    });
    expect(input('password').value).toBe('');
    expect(document.body.innerHTML).not.toContain('Passw0rd!');
  });

  it('PAC file: its address field appears with the proxy account, is checked, and is sent with the profile', async () => {
    const { calls, saved } = mount(emptyForm('ews'));
    type('name', 'Contoso onprem');
    type('url', 'https://mail.contoso.com/EWS/Exchange.asmx');
    type('username', 'CONTOSO\\svc-calpump');
    type('password', 'Passw0rd!');
    expect(screen.queryByTestId('profile-proxyPacUrl')).toBeNull();
    pick('proxyMode', 'pac');
    expect(screen.getByText(en('profile.proxyPacUrl'))).toBeTruthy();
    type('proxyPacUrl', 'ftp://wpad/proxy.pac');
    expect(errorText('proxyPacUrl')).toBe(en('validation.proxyPacUrl'));
    type('proxyPacUrl', 'http://wpad.contoso.com/proxy.pac');
    expect(errorText('proxyPacUrl')).toBeNull();
    type('proxyUsername', 'CONTOSO\\svc-proxy');
    type('proxyPassword', 'Pr0xy!');
    await act(async () => fireEvent.click(screen.getByTestId('profile-save')));
    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = calls[0].input as { profile: Record<string, unknown>; secrets: Record<string, unknown> };
    expect(sent.profile.proxy).toEqual({ mode: 'pac', pacUrl: 'http://wpad.contoso.com/proxy.pac', username: 'CONTOSO\\svc-proxy' });
    expect(sent.secrets).toEqual({ password: 'Passw0rd!', proxyPassword: 'Pr0xy!' });
  });

  it('keeps a stored password when the field is left empty, and says it is stored', async () => {
    const profile = ewsProfileSchema.parse({
      id: 'p1',
      kind: 'ews',
      name: 'Contoso',
      url: 'https://mail.contoso.com/EWS/Exchange.asmx',
      username: 'svc-calpump@contoso.com',
    });
    const { calls } = mount(formFromProfile(profile), { isNew: false, secrets: { ...NOT_STORED, password: 'stored' } });
    expect(screen.getByTestId('profile-password-stored').textContent).toBe(en('profile.secretStored'));
    expect(input('password').placeholder).toBe(en('profile.secretKeep'));
    type('mailDomain', 'contoso.com');
    await act(async () => fireEvent.click(screen.getByTestId('profile-save')));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].method).toBe('profiles.update');
    expect(calls[0].input).toMatchObject({ profile: { id: 'p1', mailDomain: 'contoso.com' }, secrets: {} });
  });

  it('shows the catalogue entry when the host refuses to save', async () => {
    mount(
      formFromProfile(
        ewsProfileSchema.parse({
          id: 'p1',
          kind: 'ews',
          name: 'Contoso',
          url: 'https://mail.contoso.com/EWS/Exchange.asmx',
          username: 'svc-calpump@contoso.com',
        }),
      ),
      {
        isNew: false,
        secrets: { ...NOT_STORED, password: 'stored' },
        handlers: {
          'profiles.update': () => {
            throw new HostError({ id: 'input.invalid', params: { field: 'name', problem: 'a profile named "Contoso" already exists' } });
          },
        },
      },
    );
    await act(async () => fireEvent.click(screen.getByTestId('profile-save')));
    await waitFor(() => expect(screen.getByTestId('profile-save-error')).toBeTruthy());
    expect(screen.getByTestId('profile-save-error').getAttribute('data-error-id')).toBe('input.invalid');
    expect(screen.getByTestId('profile-save-error-title').textContent).toBe('Invalid input');
    expect(screen.getByTestId('profile-save-error-message').textContent).toBe('name: a profile named "Contoso" already exists');
    expect(screen.queryByTestId('profile-saved')).toBeNull();
  });
});

describe('ProfileForm test', () => {
  it('tests the draft and shows each step with the catalogue fix of a failure', async () => {
    const { calls } = mount(emptyForm('ews'), {
      handlers: {
        'profiles.test': () => ({
          ok: false,
          details: { ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' },
          steps: [
            { id: 'dns', title: { key: 'doctor.step.dns.host' }, status: 'pass', durationMs: 3, evidence: 'mail.contoso.com → 127.0.0.1' },
            {
              id: 'auth',
              title: { key: 'Sign-in' },
              status: 'fail',
              durationMs: 41,
              error: { id: 'ews.auth.unauthorized', params: { username: 'CONTOSO\\svc-calpump' } },
            },
            { id: 'mailbox', title: { key: 'Open the mailbox' }, status: 'skipped', durationMs: 0 },
          ],
        }),
      },
    });
    type('name', 'Contoso');
    type('url', 'https://mail.contoso.com/EWS/Exchange.asmx');
    type('username', 'CONTOSO\\svc-calpump');
    type('password', 'wrong');
    fireEvent.change(screen.getByTestId('profile-test-mailbox'), { target: { value: 'alice.smith@contoso.com' } });
    await act(async () => fireEvent.click(screen.getByTestId('profile-test-run')));
    await waitFor(() => expect(screen.getByTestId('profile-test-steps')).toBeTruthy());
    expect(calls[0]).toMatchObject({
      method: 'profiles.test',
      input: { mailbox: 'alice.smith@contoso.com', draft: { secrets: { password: 'wrong' } } },
    });
    const steps = screen
      .getAllByTestId('profile-test-steps-step')
      .map((el) => [el.getAttribute('data-step-id'), el.getAttribute('data-status')]);
    expect(steps).toEqual([
      ['dns', 'pass'],
      ['auth', 'fail'],
      ['mailbox', 'skipped'],
    ]);
    expect(screen.getByTestId('profile-test-steps-error-title').textContent).toBe('Exchange rejected the credentials (HTTP 401)');
    expect(screen.getByTestId('profile-test-steps-error-fix').textContent).toContain('Check the user name');
    expect(screen.getAllByTestId('profile-test-steps-step')[0].textContent).toContain('DNS: server name resolves');
    expect(screen.getByTestId('profile-test-steps-error-message').textContent).toBe(
      'The EWS endpoint answered 401 Unauthorized for CONTOSO\\svc-calpump.',
    );
  });
});
