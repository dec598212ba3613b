// Renderer entry: pick the client (Electron preload or WebSocket), load the UI language's texts (only that one)
// and mount the app. This module imports only the small boot pieces; the app's own module graph (React, Fluent,
// the shell) is fetched by a dynamic import started at once, so the settings call, the language's texts, the home
// screen's data (prefetch.ts) and the app's script all travel at the same time instead of one after the other.
// The language stored in the settings wins; the browser's is fetched meanwhile as a guess. `calpump serve` sends
// the settings and the home screen's data with the page (shared/rpc/boot-data.ts): then neither waits for the socket.
// While those travel the thread is idle: it pays the first use of Intl then (ICU loads its data on the first
// formatter a page builds, tens of milliseconds in a fresh renderer), not in the first render.
import { langFromLocale, type UiLang } from '../shared/i18n/langs.js';
import { loadLocale } from './app/locales.js';
import { prefetch, seed } from './app/prefetch.js';
import { readBootData } from '../shared/rpc/boot-data.js';
import { pickClient } from './client.js';
import { formatDateTime } from './models/format.js';

const { client } = pickClient(window as unknown as { calpump?: unknown });
const boot = readBootData(document);
if (/^(#\/?(home)?)?$/.test(location.hash)) {
  seed(boot);
  prefetch(client, ['jobs.list', 'app.state', 'profiles.list']);
}
const app = Promise.all([import('./app/App.js'), import('react-dom/client')]);
const guess = boot['app.getSettings']?.language ?? langFromLocale(navigator.language);
void loadLocale(guess).catch(() => undefined);
// After the imports above have gone out (they start in microtasks), before their answers are in.
setTimeout(() => warmIntl(guess), 0);
const lang: UiLang =
  boot['app.getSettings']?.language ??
  (await client['app.getSettings']().then(
    (s) => s.language,
    () => guess,
  ));
await loadLocale(lang).catch(() => undefined);
const [{ App }, { createRoot }] = await app;
const root = document.getElementById('root');
if (root) createRoot(root).render(<App client={client} initialLang={lang} />);

/** Builds the formatters the home screen uses (its date format is cached for the render), and ICU's data with them. */
function warmIntl(lang: UiLang): void {
  try {
    formatDateTime(new Date().toISOString(), lang);
    new Intl.PluralRules(lang).select(1);
    new Intl.NumberFormat(lang).format(1);
  } catch {
    // Only a head start: the render builds what it needs anyway.
  }
}
