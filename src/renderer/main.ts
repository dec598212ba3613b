// Renderer entry: pick the client (Electron preload or WebSocket), load the UI language's texts (only that one)
// and mount the app. This module imports only the small boot pieces; the app's own module graph (React, Fluent,
// the shell) is fetched by a dynamic import started at once, so the settings call, the language's texts, the home
// screen's data (prefetch.ts) and the app's script all travel at the same time instead of one after the other.
// The language stored in the settings wins; the browser's is fetched meanwhile as a guess. `calpump serve` sends
// the settings and the home screen's data with the page (shared/rpc/boot-data.ts): then neither waits for the socket.
// The first use of Intl (ICU loads its data on the first formatter a page builds, tens of milliseconds in a fresh
// renderer) is paid here, once the app's script is on its way: Chromium streams and compiles that script on
// another thread (its compile hint, scripts/vite-first-screen.ts), so this thread would otherwise wait idle for it
// and then pay the same ICU work in the middle of the first render. Nothing here needs React, not even JSX: this
// module runs as soon as its few small imports are in, while React and the app are still arriving.
import { langFromLocale, type UiLang } from '../shared/i18n/langs.js';
import { loadLocale } from './app/locales.js';
import { prefetch, seed } from './app/prefetch.js';
import { BOOT_METHODS, readBootData } from '../shared/rpc/boot-data.js';
import { pickClient } from './client.js';
import { warmIntl } from './models/warm-intl.js';

const boot = readBootData(document);
const home = /^(#\/?(home)?)?$/.test(location.hash);
// A page that came with the home screen's data renders it without the socket: the socket (its set-up costs the
// page's thread tens of milliseconds in a fresh renderer) opens once that screen is shown, and the boot calls
// below wait in its outbox until then. At the latest after two seconds, should the screen never say so.
let shown = () => {};
const firstScreenShown = new Promise<void>((resolve) => {
  shown = resolve;
  setTimeout(resolve, 2000);
});
const seeded = home && BOOT_METHODS.every((m) => boot[m] !== undefined);
const { client } = pickClient(window as unknown as { calpump?: unknown }, seeded ? { openWhen: firstScreenShown } : {});
if (home) {
  seed(boot);
  prefetch(client, ['jobs.list', 'app.state', 'profiles.list']);
}
const guess = boot['app.getSettings']?.language ?? langFromLocale(navigator.language);
const app = Promise.all([import('./app/App.js'), import('react-dom/client'), import('react')]);
void loadLocale(guess).catch(() => undefined);
warmIntl(guess);
const lang: UiLang =
  boot['app.getSettings']?.language ??
  (await client['app.getSettings']().then(
    (s) => s.language,
    () => guess,
  ));
await loadLocale(lang).catch(() => undefined);
const [{ App }, { createRoot }, { createElement }] = await app;
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement(App, { client, initialLang: lang, onShown: shown }));
