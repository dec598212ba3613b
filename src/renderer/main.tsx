// Renderer entry: pick the client (Electron preload or WebSocket), load the UI language's texts (only that one)
// and mount the app. This module imports only the small boot pieces; the app's own module graph (React, Fluent,
// the shell) is fetched by a dynamic import started at once, so the settings call, the language's texts, the home
// screen's data (prefetch.ts) and the app's script all travel at the same time instead of one after the other.
// The language stored in the settings wins; the browser's is fetched meanwhile as a guess. `calpump serve` sends
// the settings and the home screen's data with the page (shared/rpc/boot-data.ts): then neither waits for the socket.
// The first use of Intl (ICU loads its data on the first formatter a page builds, tens of milliseconds in a fresh
// renderer) is paid on a worker thread meanwhile (intl-warm.worker.ts), not in the first render; where no worker
// can start, the page pays it itself while the scripts travel.
import { langFromLocale, type UiLang } from '../shared/i18n/langs.js';
import { loadLocale } from './app/locales.js';
import { prefetch, seed } from './app/prefetch.js';
import { readBootData } from '../shared/rpc/boot-data.js';
import { pickClient } from './client.js';
import { warmIntl } from './models/warm-intl.js';

const { client } = pickClient(window as unknown as { calpump?: unknown });
const boot = readBootData(document);
if (/^(#\/?(home)?)?$/.test(location.hash)) {
  seed(boot);
  prefetch(client, ['jobs.list', 'app.state', 'profiles.list']);
}
const guess = boot['app.getSettings']?.language ?? langFromLocale(navigator.language);
warmIntlAside(guess);
const app = Promise.all([import('./app/App.js'), import('react-dom/client')]);
void loadLocale(guess).catch(() => undefined);
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

/** ICU's data loaded on a worker thread; on this one, after the imports above have gone out, if no worker starts. */
function warmIntlAside(lang: UiLang): void {
  const here = () => setTimeout(() => warmIntl(lang), 0);
  try {
    const worker = new Worker(new URL('./intl-warm.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = () => worker.terminate();
    worker.onerror = () => {
      worker.terminate();
      here();
    };
    worker.postMessage(lang);
  } catch {
    here();
  }
}
